package org.dyadkit.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Seeded property tests of alpha and omega (each failure message names its seed). */
class ReliabilityPropertyTest {
    static final long[] SEEDS = {1L, 17L, 2026L, 99991L, 123456789L};

    /** One-factor Likert data (1-5), k items, n respondents, some items reverse-keyed, missing cells. */
    static ItemSet simulate(UniformRandomProvider rng, int n, int k, double missing) {
        var z = ZigguratSampler.NormalizedGaussian.of(rng);
        List<String> names = new ArrayList<>();
        List<String> rev = new ArrayList<>();
        double[] lam = new double[k];
        for (int j = 0; j < k; j++) {
            names.add("i" + (j + 1));
            lam[j] = 0.4 + 0.4 * rng.nextDouble();
            if (rng.nextDouble() < 0.3) {
                rev.add("i" + (j + 1));
                lam[j] = -lam[j];
            }
        }
        double[][] x = new double[n][k];
        for (int i = 0; i < n; i++) {
            double f = z.sample();
            for (int j = 0; j < k; j++) {
                double y = lam[j] * f + Math.sqrt(1 - lam[j] * lam[j]) * z.sample();
                x[i][j] = rng.nextDouble() < missing ? Double.NaN : Math.max(1, Math.min(5, Math.round(3 + 1.2 * y)));
            }
        }
        return ItemSet.of(names, x, rev, 1, 5);
    }

    static void same(AlphaResult a, AlphaResult b, String msg) {
        assertEquals(a.rawAlpha(), b.rawAlpha(), 1e-12, msg + " raw alpha");
        assertEquals(a.stdAlpha(), b.stdAlpha(), 1e-12, msg + " std alpha");
        assertEquals(a.g6Smc(), b.g6Smc(), 1e-10, msg + " G6");
        assertEquals(a.averageR(), b.averageR(), 1e-12, msg + " average r");
        assertEquals(a.alphaSe(), b.alphaSe(), 1e-12, msg + " ase");
        assertEquals(a.feldt().lower(), b.feldt().lower(), 1e-10, msg + " Feldt");
    }

    @Test
    void alphaUnchangedByPermutingRespondents() {
        for (long seed : SEEDS) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            ItemSet items = simulate(rng, 150, 7, 0.1);
            int[] perm = PermutationSampler.natural(items.respondentCount());
            PermutationSampler.shuffle(rng, perm);
            for (MissingData m : MissingData.values()) {
                AlphaResult a = Alpha.of(items, m);
                AlphaResult b = Alpha.of(items.rows(perm), m);
                same(a, b, "seed " + seed + " " + m);
                for (int j = 0; j < items.itemCount(); j++) {
                    assertEquals(a.itemStatistics().get(j).rawR(), b.itemStatistics().get(j).rawR(), 1e-12,
                            "seed " + seed + " raw.r");
                }
                assertEquals(Omega.total(items, m).omegaTotal(), Omega.total(items.rows(perm), m).omegaTotal(), 1e-7,
                        "seed " + seed + " omega total " + m);
            }
        }
    }

    @Test
    void alphaUnchangedByPermutingItems() {
        for (long seed : SEEDS) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            ItemSet items = simulate(rng, 120, 6, 0.08);
            int[] perm = PermutationSampler.natural(items.itemCount());
            PermutationSampler.shuffle(rng, perm);
            AlphaResult a = Alpha.of(items);
            AlphaResult b = Alpha.of(items.select(perm));
            same(a, b, "seed " + seed);
            for (int j = 0; j < perm.length; j++) {
                ItemStatistics s = a.itemStatistics().get(perm[j]);
                ItemStatistics t = b.itemStatistics().get(j);
                assertEquals(s.name(), t.name(), "seed " + seed);
                assertEquals(s.rDrop(), t.rDrop(), 1e-12, "seed " + seed + " r.drop");
                assertEquals(s.rCor(), t.rCor(), 1e-10, "seed " + seed + " r.cor");
                assertEquals(s.ifDropped().rawAlpha(), t.ifDropped().rawAlpha(), 1e-12, "seed " + seed + " drop");
            }
        }
    }

    @Test
    void reversingTwiceIsTheIdentity() {
        for (long seed : SEEDS) {
            ItemSet items = simulate(RandomSource.XO_RO_SHI_RO_128_PP.create(seed), 60, 5, 0.1);
            ItemSet once = items.reversed();
            ItemSet again = new ItemSet(once.names(), once.responses(), items.reverseKeyed(), once.min(), once.max())
                    .reversed();
            double[][] raw = items.responses();
            double[][] back = again.responses();
            for (int r = 0; r < raw.length; r++) {
                assertArrayEquals(raw[r], back[r], 0.0, "seed " + seed + " row " + r);
            }
            // the keyed set without flags gives the same statistics as the raw set with them
            same(Alpha.of(items), Alpha.of(once), "seed " + seed + " keyed");
        }
    }

    @Test
    void pairwiseEqualsListwiseOnCompleteData() {
        for (long seed : SEEDS) {
            ItemSet items = simulate(RandomSource.XO_RO_SHI_RO_128_PP.create(seed), 80, 5, 0.0);
            same(Alpha.of(items, MissingData.PAIRWISE), Alpha.of(items, MissingData.LISTWISE), "seed " + seed);
        }
    }

    @Test
    void feldtIntervalBracketsAlphaAndNarrowsWithN() {
        for (long seed : SEEDS) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            AlphaResult small = Alpha.of(simulate(rng, 60, 6, 0.05));
            AlphaResult big = Alpha.of(simulate(rng, 600, 6, 0.05));
            for (AlphaResult a : List.of(small, big)) {
                assertTrue(a.feldt().lower() < a.rawAlpha() && a.rawAlpha() < a.feldt().upper(), "seed " + seed);
            }
            assertTrue(big.feldt().upper() - big.feldt().lower() < small.feldt().upper() - small.feldt().lower(),
                    "seed " + seed);
        }
    }

    @Test
    void addingAConstantOrRescalingAnItemKeepsStandardisedAlpha() {
        for (long seed : SEEDS) {
            ItemSet items = simulate(RandomSource.XO_RO_SHI_RO_128_PP.create(seed), 100, 5, 0.05).reversed();
            double[][] x = items.responses();
            for (double[] row : x) {
                row[0] = row[0] * 3 + 10;
            }
            ItemSet moved = new ItemSet(items.names(), x, new boolean[5], items.min(), items.max());
            AlphaResult a = Alpha.of(items);
            AlphaResult b = Alpha.of(moved);
            assertEquals(a.stdAlpha(), b.stdAlpha(), 1e-12, "seed " + seed);
            assertEquals(a.g6Smc(), b.g6Smc(), 1e-10, "seed " + seed);
            assertEquals(a.itemStatistics().get(0).stdR(), b.itemStatistics().get(0).stdR(), 1e-12, "seed " + seed);
        }
    }

    @Test
    void omegaHierarchicalIsAtMostOmegaTotal() {
        for (long seed : SEEDS) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            ItemSet a = simulate(rng, 300, 4, 0.05);
            ItemSet b = simulate(rng, 300, 4, 0.05);
            ItemSet c = simulate(rng, 300, 4, 0.05);
            double[][] x = new double[300][12];
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                System.arraycopy(a.reversed().responses()[i], 0, x[i], 0, 4);
                System.arraycopy(b.reversed().responses()[i], 0, x[i], 4, 4);
                System.arraycopy(c.reversed().responses()[i], 0, x[i], 8, 4);
            }
            for (int j = 1; j <= 12; j++) {
                names.add("i" + j);
            }
            ItemSet all = ItemSet.of(names, x, List.of(), 1, 5);
            OmegaResult o = Omega.hierarchical(all, 3, MissingData.PAIRWISE);
            assertTrue(o.omegaHierarchical().orElseThrow() <= o.omegaTotal() + 1e-12, "seed " + seed);
            assertTrue(o.omegaTotal() <= 1 && o.omegaHierarchical().orElseThrow() >= 0, "seed " + seed);
        }
    }
}
