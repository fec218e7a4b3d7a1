package org.dyadkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void knownDistances() {
        assertEquals(0, Names.distance("scs", "scs"));
        assertEquals(3, Names.distance("kitten", "sitting"));
        assertEquals(2, Names.distance("nope", "role"));
        assertEquals(4, Names.distance("", "abcd"));
    }

    @Test
    void symmetricAndBoundedByTheLongerLength() {
        long seed = 20261125L;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int i = 0; i < 500; i++) {
            String a = word(rng);
            String b = word(rng);
            int d = Names.distance(a, b);
            assertEquals(d, Names.distance(b, a), "seed " + seed + ": " + a + " / " + b);
            assertEquals(true, d <= Math.max(a.length(), b.length()) && d >= Math.abs(a.length() - b.length()),
                    "seed " + seed + ": " + a + " / " + b + " = " + d);
        }
    }

    private static String word(UniformRandomProvider rng) {
        StringBuilder sb = new StringBuilder();
        int n = rng.nextInt(8);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + rng.nextInt(4)));
        }
        return sb.toString();
    }
}
