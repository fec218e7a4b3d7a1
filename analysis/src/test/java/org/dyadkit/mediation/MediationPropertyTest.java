package org.dyadkit.mediation;

import org.dyadkit.dyad.DyadArrays;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dyadkit.resample.IntervalKind;
import java.util.LinkedHashMap;
import org.dyadkit.resample.IntervalKind;
import java.util.List;
import org.dyadkit.resample.IntervalKind;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.dyadkit.AnalysisException;
import org.junit.jupiter.api.Test;

/** Seeded properties of the mediation analyses (Commons RNG; the seed is in every assertion message). */
class MediationPropertyTest {

    /** Simulated couples with roles a/b, a mediator and some missing values. */
    record Couples(String[] dyad, String[] role, Map<String, double[]> vars) {
    }

    static Couples couples(long seed, int n) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        String[] dyad = new String[2 * n];
        String[] role = new String[2 * n];
        double[] x = new double[2 * n];
        double[] m = new double[2 * n];
        double[] y = new double[2 * n];
        for (int d = 0; d < n; d++) {
            int i = 2 * d;
            int j = i + 1;
            dyad[i] = "d" + d;
            dyad[j] = "d" + d;
            role[i] = "a";
            role[j] = "b";
            x[i] = g.sample();
            x[j] = 0.3 * x[i] + g.sample();
            double u = g.sample();
            m[i] = -0.4 * x[i] - 0.2 * x[j] + 0.5 * u + g.sample();
            m[j] = -0.3 * x[j] - 0.25 * x[i] + 0.5 * u + g.sample();
            double v = g.sample();
            y[i] = 0.2 * x[i] + 0.1 * x[j] - 0.4 * m[i] - 0.15 * m[j] + 0.6 * v + g.sample();
            y[j] = 0.25 * x[j] + 0.1 * x[i] - 0.3 * m[j] - 0.2 * m[i] + 0.6 * v + g.sample();
        }
        for (int k = 0; k < n / 20; k++) {
            m[rng.nextInt(2 * n)] = Double.NaN;
            y[rng.nextInt(2 * n)] = Double.NaN;
        }
        Map<String, double[]> vars = new LinkedHashMap<>();
        vars.put("x", x);
        vars.put("m", m);
        vars.put("y", y);
        return new Couples(dyad, role, vars);
    }

    /** (a_A1 b_A1)(a_P1 b_P2) = (a_P1 b_A1)(a_A1 b_P2), and likewise for member 2 (Ledermann et al. 2011). */
    @Test
    void eightIndirectEffectsSatisfyTheProductIdentity() {
        for (long seed = 1; seed <= 20; seed++) {
            Couples c = couples(seed, 60 + (int) seed * 5);
            ApimemResult r = Apimem.distinguishable(DyadArrays.of(c.dyad(), c.role(), c.vars())).withPredictor("x").withMediator("m").withOutcome("y").fit();
            for (String[] p : List.of(new String[] {"a", "b"}, new String[] {"b", "a"})) {
                String one = p[0];
                String two = p[1];
                double lhs = r.indirect(Effect.ACTOR_ACTOR, one).estimate() * r.indirect(Effect.PARTNER_PARTNER, two).estimate();
                double rhs = r.indirect(Effect.PARTNER_ACTOR, one).estimate() * r.indirect(Effect.ACTOR_PARTNER, two).estimate();
                assertEquals(lhs, rhs, 1e-12 * Math.max(1, Math.abs(lhs)), "seed " + seed + " member " + one);
                // and it is the identity of the paths
                double direct = r.path(Path.A, Effect.ACTOR, one).estimate() * r.path(Path.B, Effect.ACTOR, one).estimate()
                        * r.path(Path.A, Effect.PARTNER, one).estimate() * r.path(Path.B, Effect.PARTNER, two).estimate();
                assertEquals(direct, lhs, 1e-12 * Math.max(1, Math.abs(lhs)), "seed " + seed);
            }
        }
    }

    @Test
    void apimemBootstrapIsReproducibleAndIndependentOfThreads() {
        long seed = 42;
        Couples c = couples(seed, 80);
        ApimemResult one = Apimem.distinguishable(DyadArrays.of(c.dyad(), c.role(), c.vars())).withPredictor("x").withMediator("m").withOutcome("y")
                .withBootstrap(120, 7L).withMonteCarlo(2000, 9L).withThreads(1).fit();
        ApimemResult two = Apimem.distinguishable(DyadArrays.of(c.dyad(), c.role(), c.vars())).withPredictor("x").withMediator("m").withOutcome("y")
                .withBootstrap(120, 7L).withMonteCarlo(2000, 9L).withThreads(2).fit();
        ApimemResult again = Apimem.distinguishable(DyadArrays.of(c.dyad(), c.role(), c.vars())).withPredictor("x").withMediator("m").withOutcome("y")
                .withBootstrap(120, 7L).withMonteCarlo(2000, 9L).withThreads(2).fit();
        ApimemResult other = Apimem.distinguishable(DyadArrays.of(c.dyad(), c.role(), c.vars())).withPredictor("x").withMediator("m").withOutcome("y")
                .withBootstrap(120, 8L).withMonteCarlo(2000, 10L).withThreads(2).fit();
        assertEquals(one.indirect(), two.indirect(), "seed " + seed + ": 1 vs 2 threads");
        assertEquals(one.totalIndirect(), two.totalIndirect(), "seed " + seed);
        assertEquals(two.indirect(), again.indirect(), "seed " + seed + ": same seed twice");
        assertNotEquals(two.indirect().get(0).percentile(), other.indirect().get(0).percentile(),
                "seed " + seed + ": another bootstrap seed gives other resamples");
        assertNotEquals(two.indirect().get(0).monteCarlo(), other.indirect().get(0).monteCarlo(),
                "seed " + seed + ": another Monte Carlo seed gives other draws");
        assertEquals(one.total(), two.total(), "seed " + seed + ": total effects, 1 vs 2 threads");
        for (TotalEffect t : one.total()) {
            assertTrue(t.biasCorrected().orElseThrow().contains(t.total()) || t.percentile().orElseThrow().contains(t.total()),
                    "seed " + seed + ": " + t);
        }
        for (IndirectEffect e : one.indirect()) {
            assertEquals(IntervalKind.BIAS_CORRECTED, e.ci().orElseThrow().kind(), "seed " + seed);
            assertTrue(e.percentile().orElseThrow().lower() < e.percentile().orElseThrow().upper(), "seed " + seed);
            assertEquals(120, e.bootstrapN());
        }
    }

    @Test
    void indistinguishableHasFourEffectsAndBootstrapsToo() {
        long seed = 5;
        Couples c = couples(seed, 70);
        ApimemResult r = Apimem.indistinguishable(DyadArrays.of(c.dyad(), null, c.vars())).withPredictor("x").withMediator("m").withOutcome("y").withBootstrap(60, 3L)
                .withThreads(2).fit();
        assertEquals(4, r.indirect().size(), "seed " + seed);
        assertEquals(2, r.totalIndirect().size(), "seed " + seed);
        assertEquals(r.indirect(Effect.ACTOR_ACTOR, "all").estimate() + r.indirect(Effect.PARTNER_PARTNER, "all").estimate(),
                r.totalIndirect(Effect.ACTOR, "all").estimate(), 1e-15, "seed " + seed);
    }

    @Test
    void singleLevelBootstrapIsReproducibleAndIndependentOfThreads() {
        long seed = 11;
        Couples c = couples(seed, 100);
        double[] t1 = singleLevel(c, 1, 500, 99L, BootstrapCi.BCA);
        double[] t2 = singleLevel(c, 2, 500, 99L, BootstrapCi.BCA);
        double[] t3 = singleLevel(c, 2, 500, 99L, BootstrapCi.BCA);
        assertArrayEquals(t1, t2, "seed " + seed + ": 1 vs 2 threads");
        assertArrayEquals(t2, t3, "seed " + seed + ": same seed twice");
        double[] t4 = singleLevel(c, 2, 500, 100L, BootstrapCi.BCA);
        assertNotEquals(t2[0], t4[0], "seed " + seed + ": another seed");
    }

    private static double[] singleLevel(Couples c, int threads, int b, long seed, BootstrapCi ci) {
        MediationResult r = Mediation.of(c.vars()).withPredictor("x").withMediator("m").withOutcome("y").withDyad(c.dyad()).withBootstrap(b, seed).withInterval(ci)
                .withThreads(threads).fit();
        IndirectEffect e = r.indirect();
        return new double[] {e.ci().orElseThrow().lower(), e.ci().orElseThrow().upper(), e.percentile().orElseThrow().lower(),
            e.percentile().orElseThrow().upper(), e.bootstrapSe().getAsDouble()};
    }

    @Test
    void degenerateDataGiveNamedReasons() {
        Couples c = couples(3, 40);
        Map<String, double[]> v = new LinkedHashMap<>(c.vars());
        v.put("k", new double[c.dyad().length]);
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> Mediation.of(v).withPredictor("k").withMediator("m").withOutcome("y").fit());
        assertEquals(AnalysisException.Reason.NO_VARIANCE, e.reason());
        v.put("x2", v.get("x").clone());
        e = assertThrows(AnalysisException.class,
                () -> Mediation.of(v).withPredictor("x").withMediator("m").withOutcome("y").withCovariate("x2").fit());
        assertEquals(AnalysisException.Reason.SINGULAR_DESIGN, e.reason());
        double[] exact = new double[c.dyad().length];
        for (int i = 0; i < exact.length; i++) {
            exact[i] = 2 * v.get("x")[i] + 1;
        }
        v.put("mx", exact);
        e = assertThrows(AnalysisException.class, () -> Mediation.of(v).withPredictor("x").withMediator("mx").withOutcome("y").fit());
        assertEquals(AnalysisException.Reason.SINGULAR_DESIGN, e.reason(), "M a linear function of X");
        double[] fits = new double[c.dyad().length];
        for (int i = 0; i < fits.length; i++) {
            fits[i] = 2 * v.get("m")[i] - v.get("x")[i];
        }
        v.put("yx", fits);
        e = assertThrows(AnalysisException.class, () -> Mediation.of(v).withPredictor("x").withMediator("m").withOutcome("yx").fit());
        assertEquals(AnalysisException.Reason.UNDEFINED, e.reason(), "Y fitted exactly");
        Map<String, double[]> few = Map.of("x", new double[] {1, 2, 3}, "m", new double[] {1, 3, 2},
                "y", new double[] {2, 1, 3});
        e = assertThrows(AnalysisException.class, () -> Mediation.of(few).withPredictor("x").withMediator("m").withOutcome("y").fit());
        assertEquals(AnalysisException.Reason.TOO_FEW_DYADS, e.reason());
        // APIMeM: a mediator without variance
        e = assertThrows(AnalysisException.class,
                () -> Apimem.distinguishable(DyadArrays.of(c.dyad(), c.role(), v)).withPredictor("x").withMediator("k").withOutcome("y").fit());
        assertEquals(AnalysisException.Reason.NO_VARIANCE, e.reason());
        assertThrows(org.dyadkit.InputException.class,
                () -> Apimem.distinguishable(DyadArrays.of(c.dyad(), c.role(), v)).withPredictor("x").withMediator("x").withOutcome("y").fit());
    }
}
