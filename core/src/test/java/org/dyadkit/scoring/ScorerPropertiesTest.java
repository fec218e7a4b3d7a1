package org.dyadkit.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Instruments;
import org.dyadkit.instrument.Item;
import org.junit.jupiter.api.Test;

/** Seeded properties over every bundled instrument, missing-data rule and supported total method. */
class ScorerPropertiesTest {
    private static final long SEED = 20261125L;

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** A random row: each item answered within its range, or missing with probability pMissing. */
    private static int[] randomRow(Instrument in, UniformRandomProvider rng, double pMissing) {
        int[] r = new int[in.items().size()];
        for (int i = 0; i < r.length; i++) {
            Item it = in.items().get(i);
            r[i] = rng.nextDouble() < pMissing ? Scorer.MISSING : it.min() + rng.nextInt(it.max() - it.min() + 1);
        }
        return r;
    }

    private static List<MissingRule> rules(UniformRandomProvider rng) {
        return List.of(MissingRule.allRequired(), MissingRule.minAnsweredFraction(0.8),
                MissingRule.minAnsweredFraction(0.5), MissingRule.minAnsweredFraction(0.01 + 0.99 * rng.nextDouble()),
                MissingRule.minAnswered(1 + rng.nextInt(6)), MissingRule.prorated(0.75));
    }

    private static List<Scorer> scorers(Instrument in, MissingRule rule) {
        List<Scorer> out = new ArrayList<>();
        Scorer base = Scorer.of(in).withMissing(rule).withComposites(true);
        out.add(base);
        for (TotalMethod m : in.totalMethods()) {
            out.add(base.withTotal(m));
        }
        return out;
    }

    @Test
    void reversingTwiceIsTheIdentityAndStaysInRange() {
        for (Instrument in : Instruments.bundled()) {
            for (Item it : in.items()) {
                for (int x = it.min(); x <= it.max(); x++) {
                    assertEquals(x, it.reverse(it.reverse(x)), in.id() + " item " + it.number());
                    assertTrue(it.accepts(it.reverse(x)));
                }
            }
        }
    }

    @Test
    void mirroringEveryAnswerMirrorsEveryMeanScore() {
        // Replacing every answer x by min + max - x turns a mean score s into min + max - s (uniform ranges).
        for (Instrument in : Instruments.bundled()) {
            boolean uniform = in.items().stream().allMatch(i -> i.min() == in.min() && i.max() == in.max());
            if (!uniform || in.items().stream().anyMatch(Item::categorical)) {
                continue;
            }
            UniformRandomProvider rng = rng(SEED + in.id().hashCode());
            Scorer s = Scorer.of(in).withMissing(MissingRule.minAnsweredFraction(0.5));
            for (int t = 0; t < 200; t++) {
                int[] r = randomRow(in, rng, 0.1);
                int[] mirror = new int[r.length];
                for (int i = 0; i < r.length; i++) {
                    mirror[i] = r[i] == Scorer.MISSING ? Scorer.MISSING : in.items().get(i).reverse(r[i]);
                }
                ScoredRow a = s.score(r);
                ScoredRow b = s.score(mirror);
                for (int j = 0; j < a.scores().size(); j++) {
                    Score sa = a.scores().get(j);
                    Score sb = b.scores().get(j);
                    assertEquals(sa.present(), sb.present());
                    boolean meanLike = List.of("mean", "item-mean", "mean-of-subscales").contains(sa.method());
                    if (meanLike && sa.present()) {
                        assertEquals(in.min() + in.max(), sa.value().getAsDouble() + sb.value().getAsDouble(), 1e-12,
                                "seed " + SEED + " " + in.id() + " " + sa.name());
                    }
                }
            }
        }
    }

    @Test
    void everyScoreLiesInsideItsPossibleRange() {
        UniformRandomProvider rng = rng(SEED);
        for (Instrument in : Instruments.bundled()) {
            for (MissingRule rule : rules(rng)) {
                for (Scorer s : scorers(in, rule)) {
                    double[] v = new double[s.scoreCount()];
                    int[] a = new int[s.scoreCount()];
                    for (int t = 0; t < 300; t++) {
                        int[] r = randomRow(in, rng, rng.nextDouble() * 0.4);
                        s.scoreInto(r, v, a);
                        for (int j = 0; j < v.length; j++) {
                            if (!Double.isNaN(v[j])) {
                                ScoreRange range = s.range(j);
                                assertTrue(range.contains(v[j]),
                                        "seed " + SEED + ": " + in.id() + " " + s.scoreNames().get(j) + " = " + v[j]
                                                + " outside " + range + " under " + rule);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void rowOrderDoesNotChangeAnyRowsScores() {
        UniformRandomProvider rng = rng(SEED + 1);
        for (Instrument in : Instruments.bundled()) {
            Scorer s = Scorer.of(in).withMissing(MissingRule.minAnsweredFraction(0.6));
            int n = 100;
            int[][] rows = new int[n][];
            double[][] first = new double[n][s.scoreCount()];
            int[] a = new int[s.scoreCount()];
            for (int i = 0; i < n; i++) {
                rows[i] = randomRow(in, rng, 0.15);
                s.scoreInto(rows[i], first[i], a);
            }
            int[] perm = PermutationSampler.natural(n);
            PermutationSampler.shuffle(rng, perm);
            double[] again = new double[s.scoreCount()];
            for (int p : perm) {
                s.scoreInto(rows[p], again, a);
                assertArrayEquals(first[p], again, "seed " + (SEED + 1) + ": " + in.id() + " row " + p);
            }
        }
    }

    @Test
    void withCompleteDataEveryMissingRuleGivesThePlainScore() {
        UniformRandomProvider rng = rng(SEED + 2);
        for (Instrument in : Instruments.bundled()) {
            List<Scorer> plain = scorers(in, MissingRule.allRequired());
            for (MissingRule rule : rules(rng)) {
                List<Scorer> other = scorers(in, rule);
                for (int t = 0; t < 100; t++) {
                    int[] r = randomRow(in, rng, 0);
                    for (int k = 0; k < plain.size(); k++) {
                        ScoredRow p = plain.get(k).score(r);
                        ScoredRow o = other.get(k).score(r);
                        for (int j = 0; j < p.scores().size(); j++) {
                            assertTrue(p.scores().get(j).present(), in.id());
                            assertEquals(p.scores().get(j).value(), o.scores().get(j).value(),
                                    "seed " + (SEED + 2) + ": " + in.id() + " " + p.scores().get(j).name() + " " + rule);
                            assertEquals(p.scores().get(j).of(), p.scores().get(j).answered());
                        }
                    }
                }
            }
        }
    }
}
