package org.dyadkit.apim;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;

/**
 * Satterthwaite degrees of freedom of each coefficient: nu = 2 (l'Cl)^2 / (g'Ag), C = Var(beta) as a
 * function of the variance parameters theta = (log sigma^2, atanh rho [, log lambda]), g the gradient
 * of l'Cl in theta and A the inverse of the observed information of theta (the negative Hessian of the
 * REML or ML log-likelihood), both by central differences (SAS/STAT GLIMMIX, "Satterthwaite Degrees of
 * Freedom Approximation"; the result does not depend on how theta is parameterised).
 */
final class Satterthwaite {
    private Satterthwaite() {
    }

    /**
     * Satterthwaite df of each original coefficient; {@code transform} maps the standardised coefficients
     * of the fit to the original ones (row j of it is the contrast l of coefficient j).
     */
    static double[] df(CrossProducts c, boolean reml, GlsEngine.Estimate est, boolean roleSpecific,
            double[] transform) {
        int m = roleSpecific ? 3 : 2;
        double[] theta = {Math.log(est.eval().sigma2), atanh(est.rho()), Math.log(est.lambda())};
        double h = 1e-4;
        double[][] hess = new double[m][m];
        double f0 = ll(c, reml, theta);
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double v;
                if (i == j) {
                    v = (ll(c, reml, shift(theta, i, h)) - 2 * f0 + ll(c, reml, shift(theta, i, -h))) / (h * h);
                } else {
                    double pp = ll(c, reml, shift(shift(theta, i, h), j, h));
                    double pm = ll(c, reml, shift(shift(theta, i, h), j, -h));
                    double mp = ll(c, reml, shift(shift(theta, i, -h), j, h));
                    double mm = ll(c, reml, shift(shift(theta, i, -h), j, -h));
                    v = (pp - pm - mp + mm) / (4 * h * h);
                }
                hess[i][j] = -v;
                hess[j][i] = -v;
            }
        }
        RealMatrix a;
        try {
            a = new LUDecomposition(new Array2DRowRealMatrix(hess)).getSolver().getInverse();
        } catch (RuntimeException ex) {
            throw new AnalysisException(Reason.UNDEFINED, "the information matrix of the variance parameters is "
                    + "singular, so Satterthwaite degrees of freedom are undefined; use --df residual");
        }
        int p = c.p;
        double[] df = new double[p];
        double[][] grad = new double[m][];
        for (int i = 0; i < m; i++) {
            double[] up = diagCov(c, reml, shift(theta, i, h), transform);
            double[] dn = diagCov(c, reml, shift(theta, i, -h), transform);
            grad[i] = new double[p];
            for (int j = 0; j < p; j++) {
                grad[i][j] = (up[j] - dn[j]) / (2 * h);
            }
        }
        double[] c0 = diagCov(c, reml, theta, transform);
        for (int j = 0; j < p; j++) {
            double gag = 0;
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < m; k++) {
                    gag += grad[i][j] * a.getEntry(i, k) * grad[k][j];
                }
            }
            df[j] = 2 * c0[j] * c0[j] / gag;
            if (!(df[j] > 0) || Double.isNaN(df[j])) {
                throw new AnalysisException(Reason.UNDEFINED, "the Satterthwaite degrees of freedom are not "
                        + "positive for these data; use --df residual");
            }
        }
        return df;
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }

    private static double[] shift(double[] t, int i, double h) {
        double[] s = t.clone();
        s[i] += h;
        return s;
    }

    private static double ll(CrossProducts c, boolean reml, double[] t) {
        return GlsEngine.logLik(c, reml, Math.exp(t[0]), Math.tanh(t[1]), Math.exp(t[2]));
    }

    /** l_j' C(theta) l_j for each original coefficient j, C = sigma^2 (X~'V0^-1 X~)^-1. */
    private static double[] diagCov(CrossProducts c, boolean reml, double[] t, double[] transform) {
        GlsEngine.Eval e = GlsEngine.evaluate(c, reml, Math.tanh(t[1]), Math.exp(t[2]), true);
        if (e == null) {
            throw new AnalysisException(Reason.UNDEFINED, "Satterthwaite degrees of freedom cannot be computed "
                    + "near the estimate; use --df residual");
        }
        int p = c.p;
        double[] d = new double[p];
        double s2 = Math.exp(t[0]);
        for (int j = 0; j < p; j++) {
            double v = 0;
            for (int a = 0; a < p; a++) {
                double la = transform[j * p + a];
                if (la == 0) {
                    continue;
                }
                for (int b = 0; b < p; b++) {
                    v += la * e.xtxInv[a * p + b] * transform[j * p + b];
                }
            }
            d[j] = s2 * v;
        }
        return d;
    }
}
