package org.dyadkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The unwrapping of a worker pool's wrapper exceptions, so that no message names an exception class. */
class OptionChecksTest {
    @Test
    void wrappersAreUnwrappedToTheLibraryPrecondition() {
        IllegalArgumentException inner = new IllegalArgumentException("level must be in (0, 1): 1.0");
        IllegalStateException wrapped = new IllegalStateException(new IllegalStateException(inner));
        assertSame(inner, OptionChecks.unwrap(wrapped));
        assertEquals("level must be in (0, 1): 1.0", OptionChecks.message(wrapped));
        // a wrapper with its own message is kept: its message says more than the cause's
        IllegalStateException own = new IllegalStateException("replicate 3 failed", inner);
        assertSame(own, OptionChecks.unwrap(own));
    }
}
