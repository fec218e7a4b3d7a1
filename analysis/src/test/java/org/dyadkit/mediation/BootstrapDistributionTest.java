package org.dyadkit.mediation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.dyadkit.apim.Apim;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.KEstimate;
import org.dyadkit.dyad.DyadArrays;
import org.dyadkit.resample.BootstrapDistribution;
import org.dyadkit.resample.Interval;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap distributions kept by the results (k of the APIM, the APIMeM's and single-level indirect
 * effects) are the replicates their intervals were read from: the intervals recomputed from them are the
 * reported ones, the counts add up, and without a bootstrap there is none.
 */
class BootstrapDistributionTest {
    private static DyadArrays acitelli() {
        Golden.Table t = Golden.table("acitelli_individual.csv");
        return DyadArrays.of(t.text().get("cuplid"), t.text().get("gender"), t.numbers());
    }

    @Test
    void kOfTheApimKeepsItsReplicates() {
        ApimFit f = Apim.distinguishable(acitelli()).withRoles("1", "-1").withOutcome("satisfaction")
                .withPredictor("other_pos").withBootstrap(300, 11L).fit();
        for (KEstimate k : f.k()) {
            BootstrapDistribution d = k.bootstrapDistribution().orElseThrow();
            assertEquals(300, d.replicates(), k.role());
            assertEquals(k.bootstrapFailed(), d.failed(), k.role());
            assertEquals(d.replicates() - d.failed(), d.fitted());
            double[] v = d.values();
            for (int i = 1; i < v.length; i++) {
                assertTrue(v[i - 1] <= v[i], "sorted");
            }
            Interval pc = k.percentile().orElseThrow();
            Interval again = Interval.percentile(v, pc.level());
            assertEquals(pc.lower(), again.lower(), 0, k.role());
            assertEquals(pc.upper(), again.upper(), 0, k.role());
            Interval bc = k.biasCorrected().orElseThrow();
            Interval bcAgain = Interval.biasCorrected(v, k.k().getAsDouble(), bc.level()).orElseThrow();
            assertEquals(bc.lower(), bcAgain.lower(), 0, k.role());
            assertEquals(bc.upper(), bcAgain.upper(), 0, k.role());
        }
        ApimFit none = Apim.distinguishable(acitelli()).withRoles("1", "-1").withOutcome("satisfaction")
                .withPredictor("other_pos").fit();
        none.k().forEach(k -> assertTrue(k.bootstrapDistribution().isEmpty(), k.role()));
    }

    @Test
    void indirectEffectsKeepTheirReplicates() {
        ApimemResult r = ApimemGoldenTest.acitelli(true).withBootstrap(200, 12L).fit();
        assertEquals(8, r.indirect().size());
        for (IndirectEffect e : r.indirect()) {
            BootstrapDistribution d = e.bootstrapDistribution().orElseThrow();
            assertEquals(200, d.replicates());
            assertEquals(e.failed(), d.failed());
            Interval pc = e.percentile().orElseThrow();
            Interval again = Interval.percentile(d.values(), pc.level());
            assertEquals(pc.lower(), again.lower(), 0, e.route());
            assertEquals(pc.upper(), again.upper(), 0, e.route());
            assertEquals(e.bootstrapSe().getAsDouble(), org.dyadkit.numerics.Moments.sampleSd(d.values()), 1e-15);
        }
        r.totalIndirect().forEach(e -> assertTrue(e.bootstrapDistribution().isPresent(), e.route()));
        ApimemResult mc = ApimemGoldenTest.acitelli(true).withMonteCarlo(1000, 3L).fit();
        mc.indirect().forEach(e -> assertTrue(e.bootstrapDistribution().isEmpty(), "Monte Carlo draws are not kept"));

        Golden.Table t = Golden.table("acitelli_individual.csv");
        MediationResult s = Mediation.of(t.numbers()).withPredictor("other_pos").withMediator("tension")
                .withOutcome("satisfaction").withBootstrap(150, 13L).fit();
        BootstrapDistribution d = s.indirect().bootstrapDistribution().orElseThrow();
        assertEquals(150, d.replicates());
        Interval pc = s.indirect().percentile().orElseThrow();
        assertEquals(pc.lower(), Interval.percentile(d.values(), pc.level()).lower(), 0);
    }

    @Test
    void theDistributionIsImmutableAndCountsFailures() {
        double[] raw = {3, Double.NaN, 1, 2, Double.POSITIVE_INFINITY};
        BootstrapDistribution d = BootstrapDistribution.of(raw);
        assertEquals(5, d.replicates());
        assertEquals(2, d.failed());
        assertEquals(3, d.fitted());
        assertArrayEquals(new double[] {1, 2, 3}, d.values());
        d.values()[0] = 99;
        assertArrayEquals(new double[] {1, 2, 3}, d.values(), "values() hands out a copy");
        raw[0] = -5;
        assertArrayEquals(new double[] {1, 2, 3}, d.values(), "the input is copied");
        assertEquals(d, BootstrapDistribution.of(new double[] {2, 1, Double.NaN, 3, Double.NaN}));
        assertFalse(d.equals(BootstrapDistribution.of(new double[] {1, 2, 3})), "a different failure count");
        assertTrue(d.toString().contains("5 replicates, 2 failed"), d.toString());
        assertThrows(IllegalArgumentException.class, () -> new BootstrapDistribution(3, 0, new double[] {1, 2}));
        assertEquals(Optional.empty(), new KEstimate("all", "x", 1, 1, 1, java.util.OptionalDouble.empty(),
                java.util.OptionalDouble.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, 0,
                org.dyadkit.apim.KPattern.UNDETERMINED, Optional.empty(), Optional.empty()).bootstrapDistribution());
    }
}
