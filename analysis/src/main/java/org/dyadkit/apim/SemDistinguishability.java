package org.dyadkit.apim;

import java.util.List;
import java.util.Objects;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;
import org.dyadkit.InputException;

/**
 * The SEM tests of distinguishability of Olsen and Kenny (2006, Psych. Methods 11, 127-141; Kenny and
 * Ledermann 2010) for an APIM with one predictor X and outcome Y: the saturated model of the four observed
 * variables (X1, X2, Y1, Y2) of the complete dyads against the models with equality constraints — complete
 * indistinguishability chi^2(6), Y indistinguishability chi^2(4), effect indistinguishability chi^2(2).
 *
 * <p>Computation: the SEM path model (X1, X2 exogenous with free means, variances and covariance; Y_r =
 * i_r + a_r X_r + p_r X_r' + e_r with correlated errors) is saturated, and its normal likelihood factors
 * into that of (X1, X2) and that of (Y1, Y2) given (X1, X2) with variation-independent parameters; every
 * constraint set acts on one factor only. So each chi^2 is a sum of two exact ML likelihood ratios: the X
 * part in closed form, N (log|Sigma_exch| - log|S|) with S the ML covariance of (X1, X2) and Sigma_exch the
 * ML exchangeable fit (equal means and variances, from the sum and difference of the partners' X); the Y
 * part from the ML GLS fits of the distinguishable APIM, free and under the linear constraints (equal
 * actor and partner effects) or as the indistinguishable APIM (also equal intercepts and error variances).
 * The Y-indistinguishability chi^2 is therefore the ML likelihood-ratio test of distinguishability on the
 * complete dyads. Under {@link ChiSquareConvention#N_MINUS_1} each statistic is multiplied by (N - 1)/N.
 *
 * <p>Missing data: only dyads in which both members have X and Y enter (the SEM fit of complete dyads).
 * Immutable.
 */
public final class SemDistinguishability {
    private final Apim model;
    private final ChiSquareConvention convention;

    private SemDistinguishability(Apim model, ChiSquareConvention convention) {
        this.model = model;
        this.convention = convention;
    }

    /** The tests for this distinguishable model with one predictor and no covariates or interactions. */
    public static SemDistinguishability of(Apim model) {
        return new SemDistinguishability(Objects.requireNonNull(model), ChiSquareConvention.N);
    }

    /** The chi^2 convention (default {@link ChiSquareConvention#N}, as lavaan). */
    public SemDistinguishability withConvention(ChiSquareConvention c) {
        return new SemDistinguishability(model, Objects.requireNonNull(c));
    }

    /**
     * Fits the saturated and constrained models.
     *
     * @throws InputException when the model is not distinguishable or has other than one predictor, or
     *     covariates or interactions
     * @throws AnalysisException with fewer than 3 complete dyads, or a degenerate X or fit
     */
    public SemDistinguishabilityResult fit() {
        ModelFrame f = model.frame(true);
        if (!f.distinguishable()) {
            throw new InputException("the SEM tests of distinguishability need the roles (--role)");
        }
        if (f.predictors().size() != 1 || !f.covariates().isEmpty() || !f.interactions().isEmpty()) {
            throw new InputException("the SEM tests of distinguishability (Olsen and Kenny 2006) are defined for "
                    + "one predictor (--x) without covariates or interactions");
        }
        int n = f.completeDyads();
        if (n < 3) {
            throw new AnalysisException(Reason.TOO_FEW_DYADS, n + " complete dyad(s); the SEM tests need at least 3");
        }
        Design d = f.design();
        String[] names = d.names();
        int p = names.length;
        double[] li = sub(f.contrast("intercept", 0), f.contrast("intercept", 1));
        double[] la = sub(f.contrast("actor", 0), f.contrast("actor", 1));
        double[] lp = sub(f.contrast("partner", 0), f.contrast("partner", 1));
        ConstrainedGls.Refit free = ConstrainedGls.fit(f, new double[0][], new double[0], true, null);
        ConstrainedGls.Refit indist = ConstrainedGls.fit(f, new double[][] {li, la, lp}, new double[3], false, null);
        ConstrainedGls.Refit effect = ConstrainedGls.fit(f, new double[][] {la, lp}, new double[2], true, free);
        double lrY = Math.max(0, 2 * (free.logLik() - indist.logLik()));
        double lrE = Math.max(0, 2 * (free.logLik() - effect.logLik()));
        double lrX = xPart(f);
        double scale = convention == ChiSquareConvention.N ? 1 : (n - 1.0) / n;
        assert p == 6;
        return new SemDistinguishabilityResult(convention, n, f.sample(), List.of(
                test(SemTestKind.COMPLETE, scale * (lrX + lrY), 6),
                test(SemTestKind.Y, scale * lrY, 4),
                test(SemTestKind.EFFECT, scale * lrE, 2)));
    }

    private static SemTest test(SemTestKind k, double chi, int df) {
        return new SemTest(k, chi, df, ChiSquaredDistribution.of(df).survivalProbability(chi));
    }

    /** N (log|Sigma_exch| - log|S|) for the partners' X in the complete dyads. */
    private static double xPart(ModelFrame f) {
        Design d = f.design();
        double[] xv = f.data().values(f.kPredictor());
        int n = 0;
        double m1 = 0;
        double m2 = 0;
        for (int[] b : d.dyads) {
            m1 += xv[d.person[b[0]]];
            m2 += xv[d.person[b[1]]];
            n++;
        }
        m1 /= n;
        m2 /= n;
        double s11 = 0;
        double s22 = 0;
        double s12 = 0;
        double vs = 0;
        double vd = 0;
        double ms = m1 + m2;
        for (int[] b : d.dyads) {
            double x1 = xv[d.person[b[0]]];
            double x2 = xv[d.person[b[1]]];
            s11 += (x1 - m1) * (x1 - m1);
            s22 += (x2 - m2) * (x2 - m2);
            s12 += (x1 - m1) * (x2 - m2);
            vs += (x1 + x2 - ms) * (x1 + x2 - ms);
            vd += (x1 - x2) * (x1 - x2);
        }
        double detS = (s11 * s22 - s12 * s12) / ((double) n * n);
        // exchangeable: Var(x1 + x2) = 2(v + c), Var(x1 - x2) = 2(v - c) with mean difference 0
        double detE = (vs / n) * (vd / n) / 4;
        if (!(detS > 0) || !(detE > 0)) {
            throw new AnalysisException(Reason.NO_VARIANCE, "the partners' " + f.kPredictor()
                    + " values are constant or perfectly correlated in the complete dyads; the SEM tests "
                    + "need a nonsingular covariance of X");
        }
        return Math.max(0, n * (Math.log(detE) - Math.log(detS)));
    }

    private static double[] sub(double[] a, double[] b) {
        double[] o = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = a[i] - b[i];
        }
        return o;
    }
}
