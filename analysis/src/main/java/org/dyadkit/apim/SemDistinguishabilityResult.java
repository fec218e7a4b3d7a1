package org.dyadkit.apim;

import java.util.List;
import org.dyadkit.dyad.Sample;

/**
 * The SEM tests of distinguishability of an APIM with one predictor, on complete dyads.
 *
 * @param convention how each chi^2 was scaled (N as lavaan, N - 1 as Amos)
 * @param nDyads complete dyads used (N)
 * @param sample who was used: persons in complete dyads with the outcome and the predictor for both members
 * @param tests complete (6 df), Y (4 df) and effect (2 df) indistinguishability, in that order
 */
public record SemDistinguishabilityResult(ChiSquareConvention convention, int nDyads, Sample sample,
        List<SemTest> tests) {
    /** Copies the list. */
    public SemDistinguishabilityResult {
        tests = List.copyOf(tests);
    }

    /** The test of this kind. */
    public SemTest test(SemTestKind kind) {
        for (SemTest t : tests) {
            if (t.kind() == kind) {
                return t;
            }
        }
        throw new IllegalArgumentException("no test " + kind);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("SEM tests of distinguishability (" + convention + ", N = " + nDyads + ")");
        for (SemTest t : tests) {
            b.append(String.format(java.util.Locale.ROOT, "%n  %-8s chi2(%d) = %.4f, p = %.4g", t.kind(), t.df(),
                    t.chiSquare(), t.p()));
        }
        return b.toString();
    }
}
