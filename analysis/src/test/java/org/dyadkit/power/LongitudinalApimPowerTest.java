package org.dyadkit.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dyadkit.mlm.DfRule;
import org.junit.jupiter.api.Test;

/**
 * The longitudinal APIM simulation: type I error at zero effects within 3 Monte Carlo SEs of alpha, power rising
 * with the number of dyads, unbiased estimates with nominal coverage, and the seeding contract.
 */
class LongitudinalApimPowerTest {
    private static LongitudinalApimPower nullDesign() {
        return LongitudinalApimPower.distinguishable("man", "woman").withActorWithin(0).withPartnerWithin(0)
                .withActorBetween(0).withPartnerBetween(0).withDyads(30).withOccasions(6).withMissingRate(0.1)
                .withErrorCorrelation(-0.3);
    }

    @Test
    void typeOneErrorAtZeroEffectsIsAlpha() {
        long seed = 20261202L;
        PowerResult r = nullDesign().withReplicates(600).withSeed(seed).withThreads(2).fit();
        assertEquals(8, r.rows().size());
        for (PowerRow row : r.rows()) {
            int n = row.replicates().getAsInt();
            double se = Math.sqrt(0.05 * 0.95 / n);
            double p = row.power().getAsDouble();
            assertTrue(Math.abs(p - 0.05) <= 3 * se, row.effect() + ": rejection rate " + p + " at a zero effect, 3 MC SE "
                    + 3 * se + " (seed " + seed + ")");
            assertEquals(1 - p, row.coverage().getAsDouble(), 1e-12, row.effect() + ": coverage of a zero effect");
        }
        assertEquals("longitudinal-apim", r.model());
        assertEquals(EffectSize.RAW, r.effectSize());
    }

    @Test
    void indistinguishableTypeOneErrorWithSatterthwaiteDf() {
        long seed = 7L;
        PowerResult r = LongitudinalApimPower.indistinguishable().withActorWithin(0).withPartnerWithin(0)
                .withActorBetween(0).withPartnerBetween(0).withDyads(25).withOccasions(5).withDf(DfRule.SATTERTHWAITE)
                .withReplicates(400).withSeed(seed).withThreads(2).fit();
        assertEquals(List.of("within(x)", "partner(within(x))", "between(x)", "partner(between(x))"),
                r.rows().stream().map(PowerRow::effect).toList());
        for (PowerRow row : r.rows()) {
            double se = Math.sqrt(0.05 * 0.95 / row.replicates().getAsInt());
            double p = row.power().getAsDouble();
            assertTrue(Math.abs(p - 0.05) <= 3 * se, row.effect() + ": rejection rate " + p + ", 3 MC SE " + 3 * se
                    + " (seed " + seed + ")");
        }
    }

    @Test
    void powerRisesWithTheNumberOfDyads() {
        long seed = 99L;
        PowerResult r = LongitudinalApimPower.distinguishable("man", "woman").withActorWithin(0.15)
                .withPartnerWithin(0.1).withActorBetween(0.3).withPartnerBetween(0.2).withOccasions(5)
                .withDyads(List.of(10, 40)).withReplicates(150).withSeed(seed).withThreads(2).fit();
        for (String e : List.of("man:within(x)", "woman:partner(within(x))", "man:between(x)",
                "woman:partner(between(x))")) {
            double small = r.row(e, 10).power().getAsDouble();
            double large = r.row(e, 40).power().getAsDouble();
            assertTrue(large > small, e + ": power " + small + " at 10 dyads, " + large + " at 40 (seed " + seed + ")");
        }
    }

    @Test
    void estimatesAreUnbiasedWithNominalCoverageUnderAr1() {
        long seed = 31L;
        int reps = 200;
        PowerResult r = LongitudinalApimPower.distinguishable("man", "woman").withActorWithin("man", 0.3)
                .withPartnerWithin(0.15).withAutocorrelation(0.4).withResidualSd("woman", 1.5).withDyads(30)
                .withOccasions(6).withReplicates(reps).withSeed(seed).withThreads(2).fit();
        for (PowerRow row : r.rows()) {
            double c = row.coverage().getAsDouble();
            double se = Math.sqrt(0.95 * 0.05 / row.replicates().getAsInt());
            assertTrue(Math.abs(c - 0.95) <= 3 * se, row.effect() + ": coverage " + c + " (seed " + seed + ")");
            // the bias against the estimate's own spread: |bias| < 3 SE of the mean, SE from the interval width
            double rough = 0.5 / Math.sqrt(row.replicates().getAsInt());
            assertTrue(Math.abs(row.bias().getAsDouble()) < 3 * rough, row.effect() + ": bias " + row.bias()
                    + " (seed " + seed + ")");
        }
        assertTrue(r.engine().orElseThrow().contains("AR(1)"));
    }

    @Test
    void theSameSeedGivesTheSameRowsOnAnyNumberOfThreads() {
        LongitudinalApimPower d = nullDesign().withActorWithin(0.2).withReplicates(40).withSeed(5);
        PowerResult one = d.withThreads(1).fit();
        PowerResult two = d.withThreads(2).fit();
        PowerResult three = d.withThreads(3).fit();
        assertEquals(one.rows(), two.rows());
        assertEquals(one.rows(), three.rows());
        assertTrue(!one.rows().equals(d.withSeed(6).withThreads(2).fit().rows()), "another seed, other rows");
    }

    @Test
    void impossibleInputsAreRefusedByName() {
        LongitudinalApimPower d = LongitudinalApimPower.distinguishable("man", "woman");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withErrorCorrelation(1)).getMessage()
                .contains("r(errors)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withResidualSd(-1)).getMessage()
                .contains("residual SD"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withOccasions(1)).getMessage()
                .contains("occasions"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withActorWithin("wife", 1)).getMessage()
                .contains("no role \"wife\""));
        assertThrows(IllegalArgumentException.class, () -> LongitudinalApimPower.distinguishable("x", "woman"));
        assertThrows(IllegalArgumentException.class, () -> LongitudinalApimPower.of(
                ApimPower.distinguishable("man", "woman").withSingles("man", 3)));
    }
}
