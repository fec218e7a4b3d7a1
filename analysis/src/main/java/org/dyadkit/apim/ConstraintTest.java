package org.dyadkit.apim;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One restriction of an APIM tested by likelihood ratio and by Wald.
 *
 * <p>LR: both the free and the constrained model fitted by ML to the same persons, chi^2 = 2 (logLik_free -
 * logLik_constrained) on df = the number of restrictions, as {@code anova()} of two ML {@code gls} fits.
 * Wald: W = (C b - d)' (C V C')^-1 (C b - d) from the free fit's coefficients b and their covariance V (the
 * model's own method, REML by default); for the nonlinear equal-k restriction the delta method on
 * g = p1/a1 - p2/a2 (Kenny and Ledermann 2010 test it by the chi^2 difference of an SEM fit).
 *
 * @param label a short name ({@code equal_actors}, {@code k=0.5}, {@code user})
 * @param kind the kind of restriction
 * @param constraints each restriction as {@code a - b = 0} on the coefficient names
 * @param df number of restrictions
 * @param lrChiSquare the likelihood-ratio statistic under the convention of the tests (0 when the constrained
 *     fit is as good)
 * @param lrP its upper-tail chi-square probability
 * @param waldChiSquare the Wald statistic
 * @param waldP its upper-tail chi-square probability
 * @param logLikFree the ML log-likelihood of the free model
 * @param logLikConstrained the ML log-likelihood of the constrained model
 * @param coefficients the constrained ML estimates
 * @param rho the constrained fit's residual correlation
 * @param residualSd the constrained fit's residual SD per role ({@code all} when indistinguishable)
 * @param k the common k of the equal-k refit or the fixed k, else empty
 */
public record ConstraintTest(String label, ConstraintKind kind, List<String> constraints, int df, double lrChiSquare,
        double lrP, double waldChiSquare, double waldP, double logLikFree, double logLikConstrained,
        List<ConstrainedCoefficient> coefficients, double rho, Map<String, Double> residualSd, OptionalDouble k) {

    /** Copies the lists and map. */
    public ConstraintTest {
        constraints = List.copyOf(constraints);
        coefficients = List.copyOf(coefficients);
        residualSd = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(residualSd));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: LR chi2(%d) = %.4f, p = %.4g; Wald chi2(%d) = %.4f, p = %.4g",
                label, df, lrChiSquare, lrP, df, waldChiSquare, waldP);
    }
}
