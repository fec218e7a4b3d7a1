package org.dyadkit.apim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.dyadkit.InputException;
import org.dyadkit.dyad.DyadArrays;
import org.junit.jupiter.api.Test;

/** Seeded properties of the constrained refits; every failure message names its seed. */
class ConstraintPropertyTest {

    private static Apim model(DyadArrays d) {
        return Apim.distinguishable(d).withRoles("A", "B").withOutcome("y").withPredictor("x").withCovariate("c");
    }

    @Test
    void noConstraintRefitEqualsTheFreeMlFit() {
        for (long seed = 1; seed <= 20; seed++) {
            DyadArrays d = Simulated.couples(seed, 60, seed % 2 == 0 ? -0.3 : 0.5, 1.4, 0.08, 0.05);
            for (boolean dist : new boolean[] {true, false}) {
                Apim b = dist ? model(d) : Apim.indistinguishable(d).withOutcome("y").withPredictor("x").withCovariate("c");
                ApimFit ml = b.withMethod(Method.ML).fit();
                ConstrainedGls.Refit r = ConstrainedGls.fit(b.frame(false), new double[0][], new double[0]);
                String what = "seed " + seed + (dist ? " distinguishable" : " indistinguishable");
                assertEquals(ml.logLik(), r.logLik(), 1e-9 * Math.abs(ml.logLik()), what + " logLik");
                assertEquals(ml.rho(), r.rho(), 1e-6, what + " rho");
                for (int j = 0; j < r.beta().length; j++) {
                    Coefficient c = ml.coefficients().get(j);
                    assertEquals(c.estimate(), r.beta()[j], 1e-6 * Math.max(Math.abs(c.estimate()), c.se()),
                            what + " " + c.term());
                    assertEquals(c.se(), Math.sqrt(r.cov()[j][j]), 1e-5 * c.se(), what + " se " + c.term());
                }
            }
        }
    }

    @Test
    void constrainedEstimatesSatisfyTheConstraints() {
        for (long seed = 100; seed < 110; seed++) {
            DyadArrays d = Simulated.couples(seed, 50, 0.3, 1.2, 0.1, 0.05);
            ConstraintTests t = ApimConstraints.of(model(d))
                    .withConstraint("actor:A = 2 * partner:B").withConstraint("c:A + c:B = 0.1")
                    .withPattern(ConstraintKind.COUPLE).withFixedK(0.4).withEqualK().fit();
            for (ConstraintTest ct : t.tests()) {
                String what = "seed " + seed + " " + ct.label();
                double aA = coef(ct, "actor:A");
                double aB = coef(ct, "actor:B");
                double pA = coef(ct, "partner:A");
                double pB = coef(ct, "partner:B");
                switch (ct.kind()) {
                    case USER -> {
                        assertEquals(aA, 2 * pB, 1e-9, what);
                        assertEquals(0.1, coef(ct, "c:A") + coef(ct, "c:B"), 1e-9, what);
                    }
                    case COUPLE -> {
                        assertEquals(aA, pA, 1e-9, what);
                        assertEquals(aB, pB, 1e-9, what);
                    }
                    case FIXED_K -> {
                        assertEquals(0.4 * aA, pA, 1e-9, what);
                        assertEquals(0.4 * aB, pB, 1e-9, what);
                    }
                    case EQUAL_K -> assertEquals(pA / aA, pB / aB, 1e-9, what);
                    default -> throw new IllegalStateException();
                }
                assertTrue(ct.lrChiSquare() >= 0 && ct.logLikConstrained() <= t.logLikFreeMl() + 1e-9, what);
            }
        }
    }

    private static double coef(ConstraintTest t, String term) {
        return t.coefficients().stream().filter(c -> c.term().equals(term)).findFirst().orElseThrow().estimate();
    }

    /**
     * A restriction true in the population (actor:A - partner:A = 0.3 and actor:B = 0.3 in the simulation's
     * model) gives LR p-values that are uniform: 200 replicates of 80 couples with missing persons. Band: the
     * share of p below .05 within [.01, .11] (about 4 binomial SDs of 200 draws) and the mean p within
     * [.40, .60] (about 5 SDs of the mean of 200 uniforms, sqrt(1/12/200) = .020); a wrong df or a
     * mis-scaled statistic moves either far outside.
     */
    @Test
    void lrPValueIsUniformUnderATrueConstraint() {
        int reps = 200;
        double[] p = new double[reps];
        long base = 20261202L;
        for (int i = 0; i < reps; i++) {
            long seed = base + i;
            DyadArrays d = Simulated.couples(seed, 80, 0.4, 1.3, 0.05, 0.03);
            p[i] = ApimConstraints.of(model(d)).withConstraint("actor:A - partner:A = 0.3")
                    .withConstraint("actor:B = 0.3").fit().test("user").lrP();
        }
        long below = Arrays.stream(p).filter(v -> v < 0.05).count();
        double mean = Arrays.stream(p).average().orElseThrow();
        String what = "seeds " + base + ".." + (base + reps - 1) + ": share p < .05 = " + below / (double) reps
                + ", mean p = " + mean;
        assertTrue(below >= 2 && below <= 22, what);
        assertTrue(mean >= 0.40 && mean <= 0.60, what);
    }

    @Test
    void parserReadsTermsWithSignsInTheirNames() {
        String[] names = {"intercept:1", "intercept:-1", "actor:1", "actor:-1", "partner:1", "partner:-1"};
        ConstraintParser.Row r = ConstraintParser.parse("actor:1 = actor:-1", names);
        assertEquals(Arrays.toString(new double[] {0, 0, 1, -1, 0, 0}), Arrays.toString(r.coef()));
        assertEquals(0, r.rhs());
        r = ConstraintParser.parse("partner:-1 = -0.5*actor:-1 + 1", names);
        assertEquals(Arrays.toString(new double[] {0, 0, 0, 0.5, 0, 1}), Arrays.toString(r.coef()));
        assertEquals(1, r.rhs());
        assertEquals("0.5 * actor:-1 + partner:-1 = 1", r.text());
        InputException e = assertThrows(InputException.class, () -> ConstraintParser.parse("actor:2 = 0", names));
        assertTrue(e.getMessage().contains("\"actor:2\" is not a term"), e.getMessage());
        assertThrows(InputException.class, () -> ConstraintParser.parse("actor:1", names));
        assertThrows(InputException.class, () -> ConstraintParser.parse("actor:1 = actor:1", names));
    }

    @Test
    void dependentConstraintsAreRefused() {
        DyadArrays d = Simulated.couples(5, 40, 0.3, 1.0, 0, 0);
        InputException e = assertThrows(InputException.class, () -> ApimConstraints.of(model(d))
                .withConstraint("actor:A = actor:B").withConstraint("2*actor:A = 2*actor:B").fit());
        assertTrue(e.getMessage().contains("not independent"), e.getMessage());
        assertThrows(InputException.class, () -> ApimConstraints.of(Apim.indistinguishable(d).withOutcome("y")
                .withPredictor("x")).withPattern(ConstraintKind.EQUAL_ACTORS).fit());
    }
}
