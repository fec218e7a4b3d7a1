package org.dyadkit.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The catalogue index the listing reads agrees with the bundled definitions and templates. */
class InstrumentListingIndexTest {
    @Test
    void indexIsTheListingOfTheParsedDefinitions() throws IOException {
        String expected = Instruments.listingIndex(Instruments.parsedListing());
        String actual;
        try (InputStream in = Instruments.class.getResourceAsStream("/instruments/" + Instruments.LISTING)) {
            actual = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected, actual, "core/src/main/resources/instruments/" + Instruments.LISTING
                + " is stale; replace it with:\n" + expected);
        assertEquals(Instruments.parsedListing(), Instruments.listing());
    }
}
