package org.dyadkit.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Instruments;
import org.dyadkit.instrument.Item;
import org.junit.jupiter.api.Test;

/**
 * The single-pass scoring of subscales plus a total from subscales gives the same bits as the general
 * path, on seeded random rows with random missingness, for every bundled instrument and rule it applies to.
 */
class FusedScoringTest {
    @Test
    void fusedPassEqualsGeneralPathBitForBit() {
        int fusedPlans = 0;
        for (Instrument ins : Instruments.bundled()) {
            for (Scorer scorer : plans(ins)) {
                Scorer general = scorer.generalPath();
                assertFalse(general.fused());
                if (!scorer.fused()) {
                    continue;
                }
                fusedPlans++;
                long seed = 20261125L + fusedPlans;
                UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
                List<Item> items = ins.items();
                int[] r = new int[items.size()];
                double[] v1 = new double[scorer.scoreCount()];
                double[] v2 = new double[scorer.scoreCount()];
                int[] a1 = new int[scorer.scoreCount()];
                int[] a2 = new int[scorer.scoreCount()];
                for (int row = 0; row < 20_000; row++) {
                    double blank = rng.nextDouble() * 0.5;
                    for (int i = 0; i < r.length; i++) {
                        Item it = items.get(i);
                        r[i] = rng.nextDouble() < blank ? Scorer.MISSING : it.min() + rng.nextInt(it.max() - it.min() + 1);
                    }
                    scorer.scoreInto(r, v1, a1);
                    general.scoreInto(r, v2, a2);
                    String where = ins.id() + " " + scorer + " seed " + seed + " row " + row;
                    for (int j = 0; j < v1.length; j++) {
                        assertEquals(Double.doubleToRawLongBits(v2[j]), Double.doubleToRawLongBits(v1[j]),
                                where + " score " + scorer.scoreNames().get(j));
                    }
                    assertArrayEquals(a2, a1, where);
                }
            }
        }
        assertTrue(fusedPlans >= 3, "the fused path was exercised " + fusedPlans + " times");
    }

    @Test
    void subscaleTalliesGiveTheScoresOfScoreIntoBitForBit() {
        int plans = 0;
        for (Instrument ins : Instruments.bundled()) {
            for (Scorer scorer : plans(ins)) {
                SubscaleTallies t = scorer.subscaleTallies().orElse(null);
                if (t == null) {
                    continue;
                }
                plans++;
                long seed = 20261202L + plans;
                UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
                List<Item> items = ins.items();
                int[] r = new int[items.size()];
                long[] tl = new long[t.subscales() + 2];
                int n = scorer.scoreCount();
                double[] v1 = new double[n];
                double[] v2 = new double[n];
                int[] a1 = new int[n];
                int[] a2 = new int[n];
                for (int row = 0; row < 20_000; row++) {
                    double blank = rng.nextDouble() * 0.5;
                    java.util.Arrays.fill(tl, 0);
                    for (int i = 0; i < r.length; i++) {
                        Item it = items.get(i);
                        r[i] = rng.nextDouble() < blank ? Scorer.MISSING : it.min() + rng.nextInt(it.max() - it.min() + 1);
                        if (r[i] != Scorer.MISSING && t.subscale(i) >= 0) {
                            tl[2 + t.subscale(i)] += t.tally(i, r[i]); // at an offset, as batch scoring may keep them
                        }
                    }
                    scorer.scoreInto(r, v1, a1);
                    t.finish(tl, 2, v2, a2);
                    String where = ins.id() + " " + scorer + " seed " + seed + " row " + row;
                    for (int j = 0; j < n; j++) {
                        assertEquals(Double.doubleToRawLongBits(v1[j]), Double.doubleToRawLongBits(v2[j]),
                                where + " score " + scorer.scoreNames().get(j));
                    }
                    assertArrayEquals(a1, a2, where);
                }
            }
        }
        assertTrue(plans >= 3, "the tallies were exercised " + plans + " times");
    }

    @Test
    void subscaleTalliesAreOfferedOnlyForSubscalesAndATotalFromThem() {
        Instrument scs = Instruments.bundled("scs");
        assertTrue(Scorer.of(scs).withTotal(TotalMethod.MEAN_OF_SUBSCALES).subscaleTallies().isPresent());
        assertTrue(Scorer.of(scs).withTotal(TotalMethod.SUM_OF_SUBSCALES).subscaleTallies().isPresent());
        assertFalse(Scorer.of(scs).withTotal(TotalMethod.ITEM_MEAN).subscaleTallies().isPresent());
        assertFalse(Scorer.of(scs).withTotal(TotalMethod.MEAN_OF_SUBSCALES).withComposites(true)
                .subscaleTallies().isPresent());
        assertFalse(Scorer.of(scs).withTotal(TotalMethod.MEAN_OF_SUBSCALES).generalPath().subscaleTallies().isPresent());
        // negative responses could make a packed sum borrow from its neighbour: not offered
        String json = Instruments.toJson(scs).replaceFirst("\"min\"\\s*:\\s*1", "\"min\" : -2");
        Instrument negative = Instruments.parse(json, "scs from -2");
        assertEquals(-2, negative.items().get(0).min());
        assertFalse(Scorer.of(negative).withTotal(TotalMethod.MEAN_OF_SUBSCALES).subscaleTallies().isPresent());
    }

    @Test
    void fusedPassStillRejectsOutOfRangeResponses() {
        Scorer scs = Scorer.of(Instruments.bundled("scs")).withTotal(TotalMethod.MEAN_OF_SUBSCALES);
        assertTrue(scs.fused());
        int[] r = new int[26];
        java.util.Arrays.fill(r, 3);
        r[7] = 9;
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> scs.scoreInto(r, new double[7], new int[7]));
        assertTrue(e.getMessage().contains("item 8: response 9 outside 1..5"), e.getMessage());
        r[7] = Integer.MAX_VALUE;
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> scs.scoreInto(r, new double[7], new int[7]));
    }

    private static List<Scorer> plans(Instrument ins) {
        List<Scorer> out = new ArrayList<>();
        List<MissingRule> rules = List.of(MissingRule.minAnsweredFraction(0.8), MissingRule.minAnsweredFraction(0.5),
                MissingRule.minAnsweredFraction(1));
        for (MissingRule rule : rules) {
            Scorer base = Scorer.of(ins).withMissing(rule);
            out.add(base);
            out.add(base.withComposites(true));
            for (TotalMethod m : TotalMethod.values()) {
                if (ins.supports(m)) {
                    out.add(base.withTotal(m));
                }
            }
        }
        return out;
    }
}
