package org.dyadkit.reliability;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;

/**
 * Minimum-residual factoring and the varimax and oblimin rotations, following psych::fa (fm = "minres"),
 * stats::varimax and GPArotation::oblimin (package-private).
 */
final class Factoring {
    /** psych's lower bound for a uniqueness in minres (L-BFGS-B lower = 0.005). */
    static final double MIN_UNIQUENESS = 0.005;

    private Factoring() {
    }

    /** psych's control for the minres fit: optim's parscale 0.01 on every uniqueness. */
    private static final double PARSCALE = 0.01;

    /** optim's default iteration limit and tolerance for L-BFGS-B (maxit = 100, factr = 1e7, lmm = 5). */
    static final int MAX_ITERATIONS = 100;

    /**
     * Unrotated minres loadings of a correlation matrix, fitted as {@code psych::fa(fm = "minres")} (psych
     * 2.2.9, function {@code fit}): the uniquenesses psi minimise psych's {@code fit.residuals}, the sum of
     * the squared residuals below the diagonal of {@code R} (diagonal {@code 1 - psi}) against its first
     * {@code nf} principal axes (eigenvalues below machine epsilon taken as 100 epsilon), with psych's
     * gradient {@code FAgr.minres}, {@code diag(L L') + psi - diag(R)}; within [0.005, max(smc, 1)], started
     * at {@code diag(R) - smc}, by L-BFGS-B as {@code optim(method = "L-BFGS-B", control = list(parscale =
     * rep(0.01, p)))} runs it: factr 1e7, pgtol 0, at most 100 iterations ({@link Lbfgsb}; Harman and Jones,
     * 1966). The loadings are those of {@code FAout.wls} at the solution.
     *
     * <p>Like psych::fa, a run whose last line search found no acceptable step (L-BFGS-B's abnormal
     * termination, which happens at a point where no lower value is within rounding) keeps that point; the
     * result says so.
     *
     * @throws AnalysisException NO_CONVERGENCE when the fit uses its 100 iterations without meeting
     *     L-BFGS-B's convergence test (psych::fa keeps that point silently)
     */
    static Minres minres(double[][] r, int nf) {
        int p = r.length;
        Lbfgsb.Result fit = minresFit(r, nf);
        if (fit.status() == Lbfgsb.Status.MAX_ITERATIONS) {
            throw new AnalysisException(Reason.NO_CONVERGENCE, "the minres factor fit with " + nf
                    + " factor(s) did not converge in " + MAX_ITERATIONS + " L-BFGS-B iterations (psych::fa"
                    + " would keep the last point silently); try fewer factors or more data");
        }
        double[] psi = new double[p];
        for (int i = 0; i < p; i++) {
            psi[i] = fit.x()[i] * PARSCALE;
        }
        double[][] loadings = loadings(r, psi, nf);
        // psych: several factors get the sign that makes each column sum positive; one factor likewise
        for (int f = 0; f < nf; f++) {
            double s = 0;
            for (int i = 0; i < p; i++) {
                s += loadings[i][f];
            }
            if (s < 0) {
                for (int i = 0; i < p; i++) {
                    loadings[i][f] = -loadings[i][f];
                }
            }
        }
        return new Minres(loadings, fit.status() == Lbfgsb.Status.ABNORMAL_LINE_SEARCH);
    }

    /**
     * Minres loadings (items x factors) and whether the fit ended in a failed line search.
     *
     * @param loadings the unrotated loadings
     * @param lineSearchFailed whether L-BFGS-B ended abnormally in its line search (the point is kept)
     */
    record Minres(double[][] loadings, boolean lineSearchFailed) {
    }

    /** The L-BFGS-B run of {@link #minres} on the scaled uniquenesses {@code psi / 0.01}, as optim sees them. */
    static Lbfgsb.Result minresFit(double[][] r, int nf) {
        int p = r.length;
        double[] smc = Moments.smc(r);
        double upper = 1;
        for (double v : smc) {
            upper = Math.max(upper, v);
        }
        // optim works on psi / parscale: values, bounds and gradient are scaled accordingly
        double[] start = new double[p];
        double[] lo = new double[p];
        double[] hi = new double[p];
        for (int i = 0; i < p; i++) {
            start[i] = (r[i][i] - smc[i]) / PARSCALE;
            lo[i] = MIN_UNIQUENESS / PARSCALE;
            hi[i] = upper / PARSCALE;
        }
        return Lbfgsb.minimize(x -> {
            double[] psi = new double[p];
            for (int i = 0; i < p; i++) {
                psi[i] = x[i] * PARSCALE;
            }
            Residuals res = residuals(r, psi, nf);
            double[] g = res.gradient();
            for (int i = 0; i < p; i++) {
                g[i] *= PARSCALE;
            }
            return new Lbfgsb.ValueGradient(res.value(), g);
        }, start, lo, hi, 5, 1e7, 0, MAX_ITERATIONS);
    }

    private record Residuals(double value, double[] gradient) {
    }

    /**
     * psych's {@code fit.residuals} (fm = "minres") and {@code FAgr.minres} at psi, from one
     * eigendecomposition of {@code R - diag(psi)} (psych decomposes the same matrix twice).
     */
    private static Residuals residuals(double[][] r, double[] psi, int nf) {
        int p = r.length;
        double[][] s = new double[p][];
        for (int i = 0; i < p; i++) {
            s[i] = r[i].clone();
            s[i][i] = 1 - psi[i];
        }
        double[][][] e = Moments.eigen(s);
        double[] values = e[0][0];
        double[][] vectors = e[1];
        double eps = Math.ulp(1.0);
        double[][] lf = new double[p][nf];
        double[][] lg = new double[p][nf];
        for (int f = 0; f < nf; f++) {
            double v = values[f];
            double rootF = Math.sqrt(v < eps ? 100 * eps : v);
            double rootG = Math.sqrt(Math.max(v, 0));
            for (int i = 0; i < p; i++) {
                lf[i][f] = vectors[i][f] * rootF;
                lg[i][f] = vectors[i][f] * rootG;
            }
        }
        double value = 0;
        for (int j = 0; j < p; j++) {
            for (int i = j + 1; i < p; i++) {
                double model = 0;
                for (int f = 0; f < nf; f++) {
                    model += lf[i][f] * lf[j][f];
                }
                double res = s[i][j] - model;
                value += res * res;
            }
        }
        double[] gradient = new double[p];
        for (int i = 0; i < p; i++) {
            double h2 = 0;
            for (int f = 0; f < nf; f++) {
                h2 += lg[i][f] * lg[i][f];
            }
            gradient[i] = h2 + psi[i] - r[i][i];
        }
        return new Residuals(value, gradient);
    }

    /** psych's {@code FAout.wls}: the first nf principal axes of {@code R - diag(psi)}. */
    private static double[][] loadings(double[][] r, double[] psi, int nf) {
        int p = r.length;
        double[][] s = new double[p][];
        for (int i = 0; i < p; i++) {
            s[i] = r[i].clone();
            s[i][i] = r[i][i] - psi[i];
        }
        double[][][] e = Moments.eigen(s);
        double[][] loadings = new double[p][nf];
        for (int f = 0; f < nf; f++) {
            double root = Math.sqrt(Math.max(e[0][0][f], 0));
            for (int i = 0; i < p; i++) {
                loadings[i][f] = e[1][i][f] * root;
            }
        }
        return loadings;
    }

    /**
     * Kaiser's varimax with row normalisation, exactly as R's {@code stats::varimax(x, normalize = TRUE,
     * eps = 1e-5)}.
     */
    static double[][] varimax(double[][] a) {
        int p = a.length;
        int nc = a[0].length;
        double[][] x = new double[p][nc];
        double[] sc = new double[p];
        for (int i = 0; i < p; i++) {
            double s = 0;
            for (double v : a[i]) {
                s += v * v;
            }
            sc[i] = Math.sqrt(s);
            for (int j = 0; j < nc; j++) {
                x[i][j] = a[i][j] / sc[i];
            }
        }
        RealMatrix xm = new Array2DRowRealMatrix(x, false);
        RealMatrix tt = identity(nc);
        double d = 0;
        for (int it = 0; it < 1000; it++) {
            RealMatrix z = xm.multiply(tt);
            double[] colSq = new double[nc];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < nc; j++) {
                    colSq[j] += z.getEntry(i, j) * z.getEntry(i, j);
                }
            }
            RealMatrix inner = new Array2DRowRealMatrix(p, nc);
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < nc; j++) {
                    double zij = z.getEntry(i, j);
                    inner.setEntry(i, j, zij * zij * zij - zij * colSq[j] / p);
                }
            }
            RealMatrix b = xm.transpose().multiply(inner);
            SingularValueDecomposition svd = new SingularValueDecomposition(b);
            tt = svd.getU().multiply(svd.getVT());
            double dpast = d;
            d = 0;
            for (double v : svd.getSingularValues()) {
                d += v;
            }
            if (d < dpast * (1 + 1e-5)) {
                break;
            }
        }
        RealMatrix z = xm.multiply(tt);
        double[][] out = z.getData();
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < nc; j++) {
                out[i][j] *= sc[i];
            }
        }
        return out;
    }

    /** Result of an oblique rotation: pattern loadings and factor correlations. */
    record Oblique(double[][] loadings, double[][] phi, boolean converged) {
    }

    /**
     * Quartimin (oblimin with gamma 0) by Jennrich's (2002) gradient projection algorithm, exactly as
     * {@code GPArotation::oblimin(A)} (GPFoblq, identity start, eps = 1e-5, at most 1000 iterations). Like
     * GPArotation, it returns the last rotation when it has not converged, flagged as such.
     */
    static Oblique oblimin(double[][] a) {
        int nc = a[0].length;
        RealMatrix am = new Array2DRowRealMatrix(a);
        RealMatrix tmat = identity(nc);
        double al = 1;
        RealMatrix l = am.multiply(inverse(tmat).transpose());
        double[] fq = new double[1];
        RealMatrix gq = quartimin(l, fq);
        double f = fq[0];
        RealMatrix g = l.transpose().multiply(gq).multiply(inverse(tmat)).transpose().scalarMultiply(-1);
        boolean converged = false;
        for (int iter = 0; iter <= 1000; iter++) {
            // Gp = G - Tmat %*% diag(colSums(Tmat * G))
            double[] cs = new double[nc];
            for (int i = 0; i < nc; i++) {
                for (int j = 0; j < nc; j++) {
                    cs[j] += tmat.getEntry(i, j) * g.getEntry(i, j);
                }
            }
            RealMatrix gp = g.copy();
            for (int i = 0; i < nc; i++) {
                for (int j = 0; j < nc; j++) {
                    gp.setEntry(i, j, g.getEntry(i, j) - tmat.getEntry(i, j) * cs[j]);
                }
            }
            double s = gp.getFrobeniusNorm();
            if (s < 1e-5) {
                converged = true;
                break;
            }
            al = 2 * al;
            RealMatrix tmatt = tmat;
            double ft = f;
            RealMatrix gqt = gq;
            for (int i = 0; i <= 10; i++) {
                RealMatrix xx = tmat.subtract(gp.scalarMultiply(al));
                tmatt = xx.copy();
                for (int j = 0; j < nc; j++) {
                    double ss = 0;
                    for (int m = 0; m < nc; m++) {
                        ss += xx.getEntry(m, j) * xx.getEntry(m, j);
                    }
                    double v = 1 / Math.sqrt(ss);
                    for (int m = 0; m < nc; m++) {
                        tmatt.setEntry(m, j, xx.getEntry(m, j) * v);
                    }
                }
                l = am.multiply(inverse(tmatt).transpose());
                gqt = quartimin(l, fq);
                ft = fq[0];
                double improvement = f - ft;
                if (improvement > 0.5 * s * s * al) {
                    break;
                }
                al = al / 2;
            }
            tmat = tmatt;
            f = ft;
            gq = gqt;
            g = l.transpose().multiply(gq).multiply(inverse(tmatt)).transpose().scalarMultiply(-1);
        }
        return new Oblique(l.getData(), tmat.transpose().multiply(tmat).getData(), converged);
    }

    /** vgQ.oblimin with gamma 0: criterion sum(L^2 * X) / 4 and its gradient L * X, X = L^2 (1 - I). */
    private static RealMatrix quartimin(RealMatrix l, double[] f) {
        int p = l.getRowDimension();
        int nc = l.getColumnDimension();
        RealMatrix gq = new Array2DRowRealMatrix(p, nc);
        double sum = 0;
        for (int i = 0; i < p; i++) {
            double rowSq = 0;
            for (int j = 0; j < nc; j++) {
                rowSq += l.getEntry(i, j) * l.getEntry(i, j);
            }
            for (int j = 0; j < nc; j++) {
                double lij = l.getEntry(i, j);
                double xij = rowSq - lij * lij;
                gq.setEntry(i, j, lij * xij);
                sum += lij * lij * xij;
            }
        }
        f[0] = sum / 4;
        return gq;
    }

    private static RealMatrix identity(int n) {
        RealMatrix m = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            m.setEntry(i, i, 1);
        }
        return m;
    }

    private static RealMatrix inverse(RealMatrix m) {
        return new LUDecomposition(m).getSolver().getInverse();
    }
}
