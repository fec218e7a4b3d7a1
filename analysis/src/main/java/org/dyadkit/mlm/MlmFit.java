package org.dyadkit.mlm;

import java.util.List;
import java.util.Optional;
import org.dyadkit.dyad.Sample;

/**
 * A fitted linear mixed model for dyads over time: the numbers of {@code summary(lme)} and
 * {@code logLik}, {@code AIC}, {@code BIC} of {@code nlme::lme} (Pinheiro and Bates 2000).
 *
 * @param fixed the fixed-effects formula as given
 * @param random the random-effects formula as given
 * @param method REML or ML
 * @param dfRule how the df of the t tests were counted
 * @param randomCovariance unstructured or diagonal
 * @param withinOccasion the within-occasion residual correlation structure
 * @param autocorrelation the autocorrelation structure
 * @param varianceBy the varIdent column, if any
 * @param coefficients the fixed effects in the design's column order
 * @param randomPart random-effect SDs and correlations
 * @param residual residual SDs, rho and phi
 * @param logLik the REML or ML log-likelihood, nlme's
 * @param aic {@code -2 logLik + 2 k}
 * @param bic {@code -2 logLik + k log(N - p)} (REML) or {@code k log N} (ML), as nlme
 * @param parameters k: fixed effects, variance parameters and sigma
 * @param observations N, the rows used
 * @param sample persons and dyads in the file and used
 * @param occasions person-occasions in the file and used, with reasons
 * @param rows fitted values and residuals of the rows used
 * @param iterations quasi-Newton iterations of the optimiser
 */
public record MlmFit(String fixed, String random, Method method, DfRule dfRule, RandomCovariance randomCovariance,
        WithinOccasion withinOccasion, Autocorrelation autocorrelation, Optional<String> varianceBy,
        List<FixedEffect> coefficients, RandomPart randomPart, ResidualPart residual, double logLik, double aic,
        double bic, int parameters, int observations, Sample sample, Occasions occasions, List<RowFit> rows,
        int iterations) {

    /** Copies the lists. */
    public MlmFit {
        coefficients = List.copyOf(coefficients);
        rows = List.copyOf(rows);
    }

    /** A fixed effect by its term name ({@code man:time}). */
    public FixedEffect coefficient(String term) {
        for (FixedEffect c : coefficients) {
            if (c.term().equals(term)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no fixed effect " + term + "; the terms are "
                + coefficients.stream().map(FixedEffect::term).toList());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MlmFit[").append(method).append(", logLik ").append(logLik)
                .append(", ").append(observations).append(" rows; ").append(sample).append("]\n");
        for (FixedEffect c : coefficients) {
            sb.append("  ").append(c).append('\n');
        }
        sb.append("  random ").append(randomPart.terms()).append(" SD ").append(randomPart.sd()).append('\n');
        sb.append("  residual ").append(residual);
        return sb.toString();
    }
}
