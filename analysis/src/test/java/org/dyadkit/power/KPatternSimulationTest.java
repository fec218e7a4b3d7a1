package org.dyadkit.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.dyadkit.apim.KPattern;
import org.junit.jupiter.api.Test;

/**
 * The k-pattern simulation (Kenny and Ledermann 2010) against the delta-method rule evaluated in closed form:
 * with (a^, p^) bivariate normal around the population effects with the expected-information covariance of the
 * analytic power ({@link ApimPower}, variances taken as known), the interval k^ +- z SE(k^),
 * SE^2(k^) = (Var p - 2 k^ Cov(a, p) + k^2 Var a) / a^2 (as {@code apim --k}), rejects k = 0, covers k and calls
 * exactly one of 1, 0, -1 on regions of the (a^, p^) plane whose probabilities are integrated numerically
 * (midpoint rule, 700 x 700 points over 8 SDs; k is not computed where |a^| is below .10, the engine's rule on the
 * standardised actor effect with unit SDs). Each simulated share within 3 Monte Carlo SEs plus 0.02 for the
 * estimated variances at finite N. Also: the partner-only pattern, the seeding contract, bad input.
 */
class KPatternSimulationTest {
    private static final int R = 2000;
    private static final double Z = NormalDistribution.of(0, 1).inverseSurvivalProbability(0.025);

    /**
     * {P(reject k = 0 | k computed), P(cover k | k computed), P(the pattern with value target is called)} for
     * (a^, p^) normal with means (ma, mp), variances va, vp and covariance cap.
     */
    static double[] deltaRule(double ma, double mp, double va, double vp, double cap, double k, int target) {
        int g = 700;
        double sa = Math.sqrt(va);
        double sp = Math.sqrt(vp);
        double rho = cap / (sa * sp);
        double w = 0;
        double rej = 0;
        double cov = 0;
        double call = 0;
        double tot = 0;
        for (int i = 0; i < g; i++) {
            double ua = -8 + 16 * (i + 0.5) / g;
            double a = ma + sa * ua;
            for (int j = 0; j < g; j++) {
                double up = -8 + 16 * (j + 0.5) / g;
                double p = mp + sp * up;
                double d = Math.exp(-(ua * ua - 2 * rho * ua * up + up * up) / (2 * (1 - rho * rho)));
                tot += d;
                if (Math.abs(a) < 0.1) {
                    continue;
                }
                double kh = p / a;
                double se = Math.sqrt(Math.max(0, vp - 2 * kh * cap + kh * kh * va)) / Math.abs(a);
                double lo = kh - Z * se;
                double hi = kh + Z * se;
                w += d;
                rej += lo > 0 || hi < 0 ? d : 0;
                cov += lo <= k && k <= hi ? d : 0;
                boolean c1 = lo <= 1 && 1 <= hi;
                boolean c0 = lo <= 0 && 0 <= hi;
                boolean cm = lo <= -1 && -1 <= hi;
                int inside = (c1 ? 1 : 0) + (c0 ? 1 : 0) + (cm ? 1 : 0);
                boolean hit = target == 1 ? c1 : target == 0 ? c0 : cm;
                call += inside == 1 && hit ? d : 0;
            }
        }
        return new double[] {rej / w, cov / w, call / tot};
    }

    private static void near(double expected, double p, int reps, String what, long seed) {
        double se = Math.sqrt(expected * (1 - expected) / reps);
        assertTrue(Math.abs(p - expected) <= 3 * se + 0.02, what + ": simulated " + p + ", closed form " + expected
                + ", 3 MC SE " + 3 * se + " (seed " + seed + ")");
    }

    private static void check(PowerResult r, String sfx, double[] model, long seed) {
        PowerRow k = r.row("k" + sfx);
        int m = k.replicates().getAsInt();
        near(model[0], k.power().getAsDouble(), m, "k" + sfx + ": interval excludes 0", seed);
        near(model[1], k.coverage().getAsDouble(), m, "k" + sfx + ": coverage", seed);
        PowerRow pat = r.row("pattern" + sfx);
        near(model[2], pat.power().getAsDouble(), pat.replicates().getAsInt(), "pattern" + sfx + " called", seed);
    }

    @Test
    void couplePatternAgreesWithTheDeltaRuleInClosedForm() {
        long seed = 20261202L;
        int n = 150;
        ApimPower d = ApimPower.indistinguishable().withActor(0.25).withDyads(n);
        PowerResult r = PowerSimulation.apim(d).withKPattern(KPattern.COUPLE).withReplicates(R).withSeed(seed)
                .withThreads(2).fit();
        ApimPower pop = d.withPartner(0.25);
        Population p = pop.population(n);
        double[][] v = pop.covariance(p, n);
        check(r, "", deltaRule(p.aRaw[0], p.pRaw[0], v[0][0], v[1][1], v[0][1], 1, 1), seed);
        assertEquals(1.0, r.row("k").trueValue().getAsDouble(), 0);
        assertEquals(r.row("actor").meanEstimate().getAsDouble(), r.row("partner").meanEstimate().getAsDouble(), 0.02,
                "partner = actor in the population");
    }

    @Test
    void actorOnlyPatternAgreesWithTheDeltaRuleInClosedForm() {
        long seed = 77L;
        int n = 120;
        ApimPower d = ApimPower.distinguishable("man", "woman").withActor(0.3).withActor("woman", 0.2)
                .withDyads(n);
        PowerResult r = PowerSimulation.apim(d).withKPattern(KPattern.ACTOR_ONLY).withReplicates(R).withSeed(seed)
                .withThreads(2).fit();
        ApimPower pop = d.withPartner(0);
        Population p = pop.population(n);
        double[][] v = pop.covariance(p, n);
        for (int role = 0; role < 2; role++) {
            String sfx = "_" + pop.roles.get(role);
            int a = 2 * role;
            check(r, sfx, deltaRule(p.aRaw[role], p.pRaw[role], v[a][a], v[a + 1][a + 1], v[a][a + 1], 0, 0), seed);
            assertEquals(0.0, r.row("partner" + sfx).trueValue().getAsDouble(), 0);
        }
    }

    @Test
    void partnerOnlyHasNoKRowAndIsCalledMoreOftenWithMoreDyads() {
        long seed = 5L;
        ApimPower d = ApimPower.indistinguishable().withPartner(0.25).withDyads(List.of(60, 240));
        PowerResult r = PowerSimulation.apim(d).withKPattern(KPattern.PARTNER_ONLY).withReplicates(600).withSeed(seed)
                .withThreads(2).fit();
        assertTrue(r.rows().stream().noneMatch(x -> x.effect().equals("k")), "no k row for the partner-only pattern");
        assertEquals(0.0, r.row("actor", 60).trueValue().getAsDouble(), 0);
        assertTrue(r.row("pattern", 240).power().getAsDouble() > r.row("pattern", 60).power().getAsDouble(),
                "seed " + seed + ": more dyads, the partner-only pattern called more often");
    }

    @Test
    void sameResultOnAnyNumberOfThreadsAndWithTheBootstrap() {
        ApimPower d = ApimPower.distinguishable("a", "b").withActor(0.3).withVarianceRatioX(2).withDyads(60);
        PowerSimulation s = PowerSimulation.apim(d).withKPattern(KPattern.COUPLE).withKBootstrap(60).withReplicates(40)
                .withSeed(9);
        PowerResult one = s.withThreads(1).fit();
        PowerResult two = s.withThreads(2).fit();
        assertEquals(one.rows(), two.rows(), "seed 9: threads change nothing");
        // raw partner = k x raw actor with unequal predictor variances
        assertEquals(1.0, one.row("k_a").trueValue().getAsDouble(), 0);
        assertTrue(one.notes().stream().anyMatch(n -> n.contains("bootstrap interval (60 resamples)")), one.notes().toString());
    }

    @Test
    void badInputIsRefusedWithTheInputNamed() {
        ApimPower d = ApimPower.indistinguishable().withActor(0.3).withDyads(50);
        assertThrows(IllegalArgumentException.class, () -> PowerSimulation.apim(d).withKPattern(KPattern.UNDETERMINED));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PowerSimulation.apim(d.withActor(0)).withKPattern(KPattern.COUPLE));
        assertTrue(e.getMessage().contains("--actor"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PowerSimulation.apim(d.withPartner(0)).withKPattern(KPattern.PARTNER_ONLY));
        assertTrue(e.getMessage().contains("--partner"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PowerSimulation.apim(d.withEffectSize(EffectSize.PARTIAL_R)).withKPattern(KPattern.COUPLE));
        assertThrows(IllegalArgumentException.class,
                () -> PowerSimulation.apim(d).withKPattern(KPattern.COUPLE).withCovariate("z", 0.1));
        assertThrows(IllegalArgumentException.class, () -> PowerSimulation.apim(d).withKBootstrap(1));
    }
}
