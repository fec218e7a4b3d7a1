package org.dyadkit.mlm;

import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;

/**
 * The likelihood-ratio test of a restricted model against a fuller one: {@code 2 (logLik_full -
 * logLik_restricted)} against chi-square with the difference in parameter counts, as {@code anova(m0, m1)}
 * of nlme. When the restriction sets a variance to zero (a random effect dropped, with its covariances),
 * the null value is on the boundary and the reference distribution is the 50:50 mixture of chi-square
 * with {@code df - 1} and {@code df} degrees of freedom (Self and Liang 1987; Stram and Lee 1994), the
 * p value of dyadr's {@code testvar}.
 *
 * @param chiSquare the statistic (0 when the restricted model fits better by rounding)
 * @param df the difference in parameter counts
 * @param p the naive chi-square p value
 * @param pMixture the 50:50 mixture p value, when the test was declared a boundary test
 */
public record LikelihoodRatioTest(double chiSquare, int df, double p, OptionalDouble pMixture) {

    /**
     * Compares two fits of the same data.
     *
     * @param boundary whether the restriction puts a variance on the boundary of its space
     * @throws AnalysisException when the models use different rows, different methods, or (REML) different
     *     fixed effects, or the restricted model has no fewer parameters
     */
    public static LikelihoodRatioTest of(MlmFit restricted, MlmFit full, boolean boundary) {
        if (restricted.observations() != full.observations()) {
            throw new AnalysisException(Reason.UNDEFINED, "the two models use different rows (" + restricted.observations()
                    + " and " + full.observations() + "); compare models fitted to the same person-occasions");
        }
        if (restricted.method() != full.method()) {
            throw new AnalysisException(Reason.UNDEFINED, "one model is REML and the other ML; fit both the same way");
        }
        if (full.method() == Method.REML && !restricted.coefficients().stream().map(FixedEffect::term).toList()
                .equals(full.coefficients().stream().map(FixedEffect::term).toList())) {
            throw new AnalysisException(Reason.UNDEFINED, "REML likelihoods of models with different fixed effects "
                    + "cannot be compared; refit both with method ML");
        }
        int df = full.parameters() - restricted.parameters();
        if (df <= 0) {
            throw new AnalysisException(Reason.UNDEFINED, "the restricted model has " + restricted.parameters()
                    + " parameters and the full one " + full.parameters() + "; give the restricted model first");
        }
        double chi = Math.max(0, 2 * (full.logLik() - restricted.logLik()));
        double p = ChiSquaredDistribution.of(df).survivalProbability(chi);
        OptionalDouble mix = OptionalDouble.empty();
        if (boundary) {
            double lower = df == 1 ? (chi > 0 ? 0 : 1) : ChiSquaredDistribution.of(df - 1).survivalProbability(chi);
            mix = OptionalDouble.of(0.5 * lower + 0.5 * p);
        }
        return new LikelihoodRatioTest(chi, df, p, mix);
    }
}
