package org.dyadkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The summary's digit grouping gives the same text as {@code String.format(Locale.ROOT, "%,d", n)}. */
class BatchSummaryGroupingTest {
    @Test
    void groupingMatchesFormatter() {
        long seed = 7L;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        long[] edge = {0, 1, 9, 10, 99, 100, 999, 1000, 1001, 999_999, 1_000_000, -1, -999, -1000, -1_234_567,
            Long.MAX_VALUE, Long.MIN_VALUE};
        for (long n : edge) {
            assertEquals(String.format(Locale.ROOT, "%,d", n), BatchSummary.grouped(n), "n = " + n);
        }
        for (int i = 0; i < 100_000; i++) {
            long n = rng.nextLong() >> rng.nextInt(64);
            assertEquals(String.format(Locale.ROOT, "%,d", n), BatchSummary.grouped(n), "seed " + seed + ", n = " + n);
        }
    }
}
