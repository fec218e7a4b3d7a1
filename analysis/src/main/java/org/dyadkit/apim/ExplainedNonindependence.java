package org.dyadkit.apim;

import java.util.Objects;
import org.dyadkit.InputException;

/**
 * How much of the partners' outcome correlation an APIM with one predictor explains (Kenny's "explained
 * nonindependence": Kenny, Kashy and Cook 2006, p. 146; Kenny, Ackerman and Kashy 2024). With the actor and
 * partner effects in standardised form, the model-implied covariance of the partners' outcomes that runs
 * through X is
 *
 * <pre>
 * indistinguishable:  explained = 2 a p + r_xx' (a^2 + p^2),  a = a_raw SD(X)/SD(Y), p likewise
 * distinguishable:    explained = [a1 p2 V(X1) + a2 p1 V(X2) + (a1 a2 + p1 p2) C(X1, X2)] / (SD(Y1) SD(Y2))
 * </pre>
 *
 * where p1 is the partner effect on member 1 (of X2) and p2 on member 2; the distinguishable form is the
 * same model-implied covariance without pooling, and reduces to the first when the roles are alike.
 * raw_r is the partners' outcome correlation (ANOVA intraclass correlation, KKC 2006 pp. 34-35, when
 * indistinguishable; Pearson r when distinguishable) and r_xx' likewise for X; SDs are over the persons of
 * the complete dyads (n - 1). residual_r is the APIM's residual correlation rho (the partial ICC); share =
 * explained / raw_r. On the Acitelli couples (other-positivity, satisfaction) explained = .290 of raw r =
 * .618, Kenny's published values.
 *
 * <p>Missing data: only complete dyads of the model (both members with outcome and predictor) enter the
 * correlations and SDs; the effects and rho are those of the fit given.
 *
 * @param rawR the partners' outcome correlation
 * @param explained the part of it the actor and partner effects imply
 * @param residualR the residual correlation of the APIM
 * @param share explained / raw_r
 * @param predictorR the partners' predictor correlation r_xx'
 */
public record ExplainedNonindependence(double rawR, double explained, double residualR, double share,
        double predictorR) {

    /**
     * Computes it for a model with exactly one predictor and no covariates or interactions, from its fit.
     *
     * @throws InputException for other models
     */
    public static ExplainedNonindependence of(Apim model, ApimFit fit) {
        Objects.requireNonNull(fit);
        ModelFrame f = model.frame(true);
        if (f.predictors().size() != 1 || !f.covariates().isEmpty() || !f.interactions().isEmpty()) {
            throw new InputException("explained nonindependence is defined for a model with one predictor (--x) "
                    + "and no covariates or interactions");
        }
        Design d = f.design();
        double[] xv = f.data().values(f.kPredictor());
        double[] yv = f.data().values(f.outcome());
        int n = d.dyads.length;
        if (n < 3) {
            throw new org.dyadkit.AnalysisException(org.dyadkit.AnalysisException.Reason.TOO_FEW_DYADS,
                    n + " complete dyad(s); explained nonindependence needs at least 3");
        }
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y1 = new double[n];
        double[] y2 = new double[n];
        for (int g = 0; g < n; g++) {
            int[] b = d.dyads[g];
            x1[g] = xv[d.person[b[0]]];
            x2[g] = xv[d.person[b[1]]];
            y1[g] = yv[d.person[b[0]]];
            y2[g] = yv[d.person[b[1]]];
        }
        // every quantity is scale-free: each variable (each member's, when distinguishable) is multiplied by a
        // power of two (exact) and the effects rescaled to match, so that no variance overflows
        if (!fit.distinguishable()) {
            int ex0 = exponent(x1, x2);
            int ey0 = exponent(y1, y2);
            scale(ex0, x1, x2);
            scale(ey0, y1, y2);
            double a = Math.scalb(fit.actor("all"), ex0 - ey0);
            double p = Math.scalb(fit.partner("all"), ex0 - ey0);
            double sx = pooledSd(x1, x2);
            double sy = pooledSd(y1, y2);
            double as = a * sx / sy;
            double ps = p * sx / sy;
            double rxx = anovaIcc(x1, x2);
            double ryy = anovaIcc(y1, y2);
            double ex = 2 * as * ps + rxx * (as * as + ps * ps);
            return new ExplainedNonindependence(ryy, ex, fit.rho(), ex / ryy, rxx);
        }
        String r1 = fit.roles().get(0);
        String r2 = fit.roles().get(1);
        int e1 = exponent(x1);
        int e2 = exponent(x2);
        int f1 = exponent(y1);
        int f2 = exponent(y2);
        scale(e1, x1);
        scale(e2, x2);
        scale(f1, y1);
        scale(f2, y2);
        // a1: x1 on y1, p1: x2 on y1, a2: x2 on y2, p2: x1 on y2
        double a1 = Math.scalb(fit.actor(r1), e1 - f1);
        double a2 = Math.scalb(fit.actor(r2), e2 - f2);
        double p1 = Math.scalb(fit.partner(r1), e2 - f1);
        double p2 = Math.scalb(fit.partner(r2), e1 - f2);
        double v1 = cov(x1, x1);
        double v2 = cov(x2, x2);
        double c12 = cov(x1, x2);
        double sy1 = Math.sqrt(cov(y1, y1));
        double sy2 = Math.sqrt(cov(y2, y2));
        double ex = (a1 * p2 * v1 + a2 * p1 * v2 + (a1 * a2 + p1 * p2) * c12) / (sy1 * sy2);
        double ryy = cov(y1, y2) / (sy1 * sy2);
        return new ExplainedNonindependence(ryy, ex, fit.rho(), ex / ryy, c12 / Math.sqrt(v1 * v2));
    }

    /** The binary exponent of the largest absolute value (0 when all are 0). */
    private static int exponent(double[]... xs) {
        double max = 0;
        for (double[] x : xs) {
            for (double v : x) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max > 0 && Double.isFinite(max) ? Math.getExponent(max) : 0;
    }

    /** Multiplies the arrays in place by 2^-e. */
    private static void scale(int e, double[]... xs) {
        for (double[] x : xs) {
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.scalb(x[i], -e);
            }
        }
    }

    private static double cov(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (a[i] - ma) * (b[i] - mb);
        }
        return s / (n - 1);
    }

    private static double pooledSd(double[] a, double[] b) {
        int n = a.length;
        double m = 0;
        for (int i = 0; i < n; i++) {
            m += a[i] + b[i];
        }
        m /= 2 * n;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (a[i] - m) * (a[i] - m) + (b[i] - m) * (b[i] - m);
        }
        return Math.sqrt(s / (2 * n - 1));
    }

    /** The ANOVA intraclass correlation (MS_B - MS_W)/(MS_B + MS_W) of Kenny, Kashy and Cook (2006, pp. 34-35). */
    private static double anovaIcc(double[] a, double[] b) {
        int n = a.length;
        double grand = 0;
        for (int i = 0; i < n; i++) {
            grand += a[i] + b[i];
        }
        grand /= 2 * n;
        double ssb = 0;
        double ssw = 0;
        for (int i = 0; i < n; i++) {
            double m = (a[i] + b[i]) / 2;
            ssb += (m - grand) * (m - grand);
            ssw += (a[i] - b[i]) * (a[i] - b[i]);
        }
        double msb = 2 * ssb / (n - 1);
        double msw = ssw / (2 * n);
        return (msb - msw) / (msb + msw);
    }
}
