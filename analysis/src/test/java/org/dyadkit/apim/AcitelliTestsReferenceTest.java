package org.dyadkit.apim;

import static org.dyadkit.apim.AcitelliReferenceTest.printed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dyadkit.dyad.DyadArrays;
import org.junit.jupiter.api.Test;

/**
 * Rows A11 (SEM tests of distinguishability, Kenny's N - 1 values and lavaan's N value) and A12 (the equal-k
 * chi^2(1) = .320, p .571) of shared/data/reference_values.csv, to every printed digit.
 */
class AcitelliTestsReferenceTest {
    private final DyadArrays data = TestData.acitelli();

    private Apim dist() {
        return Apim.distinguishable(data).withRoles("husband", "wife").withOutcome("satisfaction").withPredictor("other_pos");
    }

    @Test
    void a11SemTestsAmosConvention() {
        SemDistinguishabilityResult r = SemDistinguishability.of(dist())
                .withConvention(ChiSquareConvention.N_MINUS_1).fit();
        System.out.println(r);
        assertEquals(148, r.nDyads());
        printed("9.192", r.test(SemTestKind.COMPLETE).chiSquare(), "A11 complete chi2(6)");
        printed(".163", r.test(SemTestKind.COMPLETE).p(), "A11 complete p");
        printed("7.228", r.test(SemTestKind.Y).chiSquare(), "A11 Y chi2(4)");
        printed(".124", r.test(SemTestKind.Y).p(), "A11 Y p");
        printed("0.328", r.test(SemTestKind.EFFECT).chiSquare(), "A11 effect chi2(2)");
        printed(".849", r.test(SemTestKind.EFFECT).p(), "A11 effect p");
        assertEquals(6, r.test(SemTestKind.COMPLETE).df());
        assertEquals(4, r.test(SemTestKind.Y).df());
        assertEquals(2, r.test(SemTestKind.EFFECT).df());
    }

    @Test
    void a11SemTestsLavaanConvention() {
        SemDistinguishabilityResult r = SemDistinguishability.of(dist()).fit();
        System.out.println(r);
        printed("9.254908", r.test(SemTestKind.COMPLETE).chiSquare(), "A11 lavaan complete");
        printed("7.277053", r.test(SemTestKind.Y).chiSquare(), "A11 lavaan Y");
        printed("0.3302972", r.test(SemTestKind.EFFECT).chiSquare(), "A11 lavaan effect");
    }

    @Test
    void a12EqualK() {
        // Kenny's equal-k chi^2 is an Amos chi^2 difference: the N - 1 convention
        ConstraintTest k = ApimConstraints.of(dist()).withEqualK().withConvention(ChiSquareConvention.N_MINUS_1)
                .fit().test("equal_k");
        printed("0.320", k.lrChiSquare(), "A12 equal-k chi2(1)");
        printed(".571", k.lrP(), "A12 equal-k p");
        assertEquals(1, k.df());
        // the ML likelihood ratio (N convention) is 148/147 times it
        ConstraintTest ml = ApimConstraints.of(dist()).withEqualK().fit().test("equal_k");
        assertEquals(k.lrChiSquare() * 148 / 147, ml.lrChiSquare(), 1e-9);
    }
}
