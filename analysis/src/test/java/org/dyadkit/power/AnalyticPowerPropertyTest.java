package org.dyadkit.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Seeded properties of analytic power over random designs; a failure prints its seed. */
class AnalyticPowerPropertyTest {
    private static final long SEED = 20261202L;
    private static final List<String> SINGLE = List.of("actor_a", "actor_b", "partner_a", "partner_b");

    private static ApimPower random(UniformRandomProvider g) {
        return ApimPower.distinguishable("a", "b").withActor("a", 0.05 + 0.3 * g.nextDouble())
                .withActor("b", 0.05 + 0.3 * g.nextDouble()).withPartner("a", 0.05 + 0.25 * g.nextDouble())
                .withPartner("b", 0.05 + 0.25 * g.nextDouble()).withPredictorCorrelation(0.8 * g.nextDouble() - 0.4)
                .withErrorCorrelation(1.6 * g.nextDouble() - 0.8).withVarianceRatioX(0.5 + 2 * g.nextDouble())
                .withVarianceRatioErrors(0.5 + 2 * g.nextDouble()).withSingles("a", g.nextInt(10))
                .withSingles("b", g.nextInt(10));
    }

    @Test
    void powerRisesWithNAndWithTheEffect() {
        UniformRandomProvider g = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        for (int trial = 0; trial < 200; trial++) {
            ApimPower d = random(g);
            int n = 10 + g.nextInt(300);
            PowerResult small = d.withDyads(n).fit();
            PowerResult large = d.withDyads(n + 1 + g.nextInt(200)).fit();
            for (String e : SINGLE) {
                assertTrue(large.row(e).power().getAsDouble() > small.row(e).power().getAsDouble(),
                        e + " trial " + trial + " seed " + SEED);
            }
            PowerResult bigger = d.withActor("a", small.row("actor_a").size() + 0.05).withDyads(n).fit();
            assertTrue(bigger.row("actor_a").power().getAsDouble() > small.row("actor_a").power().getAsDouble(),
                    "trial " + trial + " seed " + SEED);
        }
    }

    @Test
    void swappingTheRolesSwapsTheRows() {
        UniformRandomProvider g = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + 1);
        for (int trial = 0; trial < 100; trial++) {
            double a1 = 0.3 * g.nextDouble();
            double a2 = 0.3 * g.nextDouble();
            double p1 = 0.25 * g.nextDouble();
            double p2 = 0.25 * g.nextDouble();
            double rx = 0.8 * g.nextDouble() - 0.4;
            double re = 1.6 * g.nextDouble() - 0.8;
            double vx = 0.5 + 2 * g.nextDouble();
            double ve = 0.5 + 2 * g.nextDouble();
            int s1 = g.nextInt(10);
            int s2 = g.nextInt(10);
            int n = 20 + g.nextInt(200);
            PowerResult ab = ApimPower.distinguishable("a", "b").withActor("a", a1).withActor("b", a2)
                    .withPartner("a", p1).withPartner("b", p2).withPredictorCorrelation(rx).withErrorCorrelation(re)
                    .withVarianceRatioX(vx).withVarianceRatioErrors(ve).withSingles("a", s1).withSingles("b", s2)
                    .withDyads(n).fit();
            PowerResult ba = ApimPower.distinguishable("b", "a").withActor("a", a1).withActor("b", a2)
                    .withPartner("a", p1).withPartner("b", p2).withPredictorCorrelation(rx).withErrorCorrelation(re)
                    .withVarianceRatioX(1 / vx).withVarianceRatioErrors(1 / ve).withSingles("a", s1).withSingles("b", s2)
                    .withDyads(n).fit();
            for (String e : List.of("actor_a", "actor_b", "partner_a", "partner_b", "actor_difference",
                    "partner_difference", "actor_average", "partner_average")) {
                assertEquals(ab.row(e).power().getAsDouble(), ba.row(e).power().getAsDouble(), 1e-9,
                        e + " trial " + trial + " seed " + (SEED + 1));
            }
            assertEquals(ab.row("actor_difference").ncp().getAsDouble(), -ba.row("actor_difference").ncp().getAsDouble(),
                    1e-9);
        }
    }

    @Test
    void solvedNIsTheSmallestWithTheTargetPower() {
        UniformRandomProvider g = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + 2);
        for (int trial = 0; trial < 15; trial++) {
            ApimPower d = random(g);
            double target = 0.5 + 0.45 * g.nextDouble();
            PowerResult r = d.withTargetPower(target).fit();
            for (String e : SINGLE) {
                int n = r.row(e).nDyads().getAsInt();
                assertTrue(d.withDyads(n).fit().row(e).power().getAsDouble() >= target, e + " trial " + trial);
                if (n > d.minimumDyads()) {
                    assertTrue(d.withDyads(n - 1).fit().row(e).power().getAsDouble() < target, e + " trial " + trial);
                }
            }
        }
    }

    @Test
    void zeroEffectsHavePowerAlphaAndNoSampleSize() {
        PowerResult r = ApimPower.distinguishable("a", "b").withAlpha(0.1).withDyads(80).fit();
        assertEquals(0.1, r.row("actor_difference").power().getAsDouble(), 1e-12);
        PowerResult n = ApimPower.indistinguishable().withPartner(0).withTargetPower(0.8).fit();
        assertTrue(n.row("partner").nDyads().isEmpty());
        assertTrue(n.row("partner").summary().startsWith("No number of dyads"));
    }

    @Test
    void impossibleInputsNameTheInput() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ApimPower.indistinguishable().withActor(0.8).withPartner(0.5).fit()).getMessage()
                .contains("impossible correlation matrix"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ApimPower.indistinguishable().withPredictorCorrelation(1.0)).getMessage().contains("r(X, X')"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApimPower.indistinguishable()
                .withEffectSize(EffectSize.PARTIAL_R).withActor(1.0).fit()).getMessage().contains("partial r"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ApimPower.distinguishable("a", "b").withDyads(3).fit()).getMessage().contains("too few"));
        assertThrows(IllegalArgumentException.class, () -> ApimPower.distinguishable("a", "b").withActor("c", 0.1));
        assertThrows(IllegalArgumentException.class, () -> ApimPower.indistinguishable().withTargetPower(0.01));
    }
}
