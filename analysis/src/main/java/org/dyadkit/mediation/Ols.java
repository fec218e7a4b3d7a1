package org.dyadkit.mediation;

import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;

/**
 * Weighted least squares with an intercept on centred columns (integer weights = bootstrap copies), as
 * {@code lm}: slopes, their standard errors from RSS/(sum w - p) and the residual df.
 */
final class Ols {
    final double[] beta;
    final double[] se;
    final double df;
    final double rss;
    /** Whether the fit is exact (RSS below 1e-20 of the outcome's centred sum of squares). */
    final boolean exact;

    private Ols(double[] beta, double[] se, double df, double rss, boolean exact) {
        this.beta = beta;
        this.se = se;
        this.df = df;
        this.rss = rss;
        this.exact = exact;
    }

    /**
     * Fits y on an intercept and the columns.
     *
     * @param cols predictor columns (no intercept), each of length n
     * @param w weights (null = 1)
     * @param names column names for messages
     * @throws AnalysisException SINGULAR_DESIGN for collinear columns, TOO_FEW_DYADS when no residual df
     */
    static Ols fit(double[][] cols, double[] y, double[] w, String[] names) {
        int k = cols.length;
        int n = y.length;
        double sw = 0;
        double my = 0;
        double[] mx = new double[k];
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1 : w[i];
            if (wi == 0) {
                continue;
            }
            sw += wi;
            my += wi * y[i];
            for (int j = 0; j < k; j++) {
                mx[j] += wi * cols[j][i];
            }
        }
        my /= sw;
        for (int j = 0; j < k; j++) {
            mx[j] /= sw;
        }
        double df = sw - (k + 1);
        if (df < 1) {
            throw new AnalysisException(Reason.TOO_FEW_DYADS, "only " + (long) sw + " observations for "
                    + (k + 1) + " coefficients; a regression needs more observations than coefficients");
        }
        double[][] sxx = new double[k][k];
        double[] sxy = new double[k];
        double[] d = new double[k];
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1 : w[i];
            if (wi == 0) {
                continue;
            }
            for (int j = 0; j < k; j++) {
                d[j] = cols[j][i] - mx[j];
            }
            double dy = y[i] - my;
            syy += wi * dy * dy;
            for (int j = 0; j < k; j++) {
                sxy[j] += wi * d[j] * dy;
                for (int l = 0; l <= j; l++) {
                    sxx[j][l] += wi * d[j] * d[l];
                }
            }
        }
        for (int j = 0; j <= k; j++) {
            double v = j == k ? syy : sxx[j][j];
            if (!Double.isFinite(v)) {
                throw new AnalysisException(Reason.OVERFLOW, (j == k ? "the outcome of a regression" : names[j])
                        + " has values whose squares exceed the range of double precision (beyond about 1e154 in "
                        + "absolute value); divide the variable by a power of ten and fit again, or check the "
                        + "data for a wrong cell");
            }
        }
        if (syy == 0) {
            throw new AnalysisException(Reason.NO_VARIANCE, "the outcome of a regression has no variance among the "
                    + "persons used");
        }
        // Cholesky of the centred cross products
        double[][] c = new double[k][k];
        for (int j = 0; j < k; j++) {
            double s = sxx[j][j];
            for (int l = 0; l < j; l++) {
                s -= c[j][l] * c[j][l];
            }
            if (!(s > 1e-10 * sxx[j][j]) || sxx[j][j] <= 0) {
                throw new AnalysisException(sxx[j][j] <= 0 ? Reason.NO_VARIANCE : Reason.SINGULAR_DESIGN,
                        sxx[j][j] <= 0 ? names[j] + " has no variance among the persons used"
                                : names[j] + " is collinear with the other predictors");
            }
            c[j][j] = Math.sqrt(s);
            for (int i = j + 1; i < k; i++) {
                double t = sxx[i][j];
                for (int l = 0; l < j; l++) {
                    t -= c[i][l] * c[j][l];
                }
                c[i][j] = t / c[j][j];
            }
        }
        double[][] inv = invert(c, k);
        double[] beta = new double[k];
        for (int j = 0; j < k; j++) {
            for (int l = 0; l < k; l++) {
                beta[j] += inv[j][l] * sxy[l];
            }
        }
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1 : w[i];
            if (wi == 0) {
                continue;
            }
            double r = y[i] - my;
            for (int j = 0; j < k; j++) {
                r -= beta[j] * (cols[j][i] - mx[j]);
            }
            rss += wi * r * r;
        }
        double s2 = rss / df;
        double[] se = new double[k];
        for (int j = 0; j < k; j++) {
            se[j] = Math.sqrt(s2 * inv[j][j]);
        }
        return new Ols(beta, se, df, rss, rss <= 1e-20 * syy);
    }

    /** (L L')^-1 from the lower Cholesky factor. */
    private static double[][] invert(double[][] c, int k) {
        double[][] li = new double[k][k];
        for (int i = 0; i < k; i++) {
            li[i][i] = 1 / c[i][i];
            for (int j = 0; j < i; j++) {
                double s = 0;
                for (int l = j; l < i; l++) {
                    s -= c[i][l] * li[l][j];
                }
                li[i][j] = s / c[i][i];
            }
        }
        double[][] inv = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int l = Math.max(i, j); l < k; l++) {
                    s += li[l][i] * li[l][j];
                }
                inv[i][j] = s;
            }
        }
        return inv;
    }
}
