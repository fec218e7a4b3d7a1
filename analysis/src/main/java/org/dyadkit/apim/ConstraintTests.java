package org.dyadkit.apim;

import java.util.List;

/**
 * The constrained refits of an APIM and their likelihood-ratio and Wald tests.
 *
 * @param free the model as fitted (its method; the Wald tests use its coefficients and covariance)
 * @param logLikFreeMl the ML log-likelihood of the free model (the LR tests' reference)
 * @param convention the scaling of the LR statistics (N: the ML likelihood ratio; N - 1: times (N - 1)/N,
 *     N the number of dyads, as Amos)
 * @param tests one test per requested restriction, in request order
 */
public record ConstraintTests(ApimFit free, double logLikFreeMl, ChiSquareConvention convention,
        List<ConstraintTest> tests) {
    /** Copies the list. */
    public ConstraintTests {
        tests = List.copyOf(tests);
    }

    /** The test with this label. @throws IllegalArgumentException if there is none */
    public ConstraintTest test(String label) {
        for (ConstraintTest t : tests) {
            if (t.label().equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no test \"" + label + "\"; tests: "
                + tests.stream().map(ConstraintTest::label).toList());
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Constrained APIM refits (ML, LR convention " + convention + "), free logLik = "
                + logLikFreeMl);
        for (ConstraintTest t : tests) {
            b.append('\n').append("  ").append(t);
        }
        return b.toString();
    }
}
