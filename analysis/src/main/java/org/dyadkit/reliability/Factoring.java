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

    /**
     * Unrotated minres loadings of a correlation matrix: the uniquenesses psi minimise the unweighted least
     * squares residual of {@code R - diag(psi)} against its first {@code nf} principal axes, within
     * [0.005, max(smc, 1)], started at {@code 1 - smc} (Harman and Jones, 1966; psych::fa). The minimiser
     * is a projected gradient method with Barzilai-Borwein steps and an Armijo line search on the exact
     * gradient {@code diag(L L') - diag(R) + psi}.
     *
     * @throws AnalysisException NO_CONVERGENCE when the fit does not converge
     */
    static double[][] minres(double[][] r, int nf) {
        int p = r.length;
        double[] smc = Moments.smc(r);
        double upper = 1;
        for (double v : smc) {
            upper = Math.max(upper, v);
        }
        double[] psi = new double[p];
        for (int i = 0; i < p; i++) {
            psi[i] = clamp(r[i][i] - smc[i], upper);
        }
        Fit fit = evaluate(r, psi, nf);
        double step = 1;
        boolean converged = false;
        int iter = 0;
        for (; iter < 20000; iter++) {
            double pg = 0;
            for (int i = 0; i < p; i++) {
                pg = Math.max(pg, Math.abs(clamp(psi[i] - fit.gradient[i], upper) - psi[i]));
            }
            if (pg < 1e-12) {
                converged = true;
                break;
            }
            double[] trial = new double[p];
            Fit next;
            double t = step;
            while (true) {
                double decrease = 0;
                for (int i = 0; i < p; i++) {
                    trial[i] = clamp(psi[i] - t * fit.gradient[i], upper);
                    decrease += fit.gradient[i] * (psi[i] - trial[i]);
                }
                next = evaluate(r, trial, nf);
                if (next.value <= fit.value - 1e-4 * decrease || t < 1e-20) {
                    break;
                }
                t /= 2;
            }
            double ss = 0;
            double sy = 0;
            for (int i = 0; i < p; i++) {
                double s = trial[i] - psi[i];
                double y = next.gradient[i] - fit.gradient[i];
                ss += s * s;
                sy += s * y;
            }
            step = sy > 0 ? Math.min(1e6, Math.max(1e-10, ss / sy)) : 1;
            if (ss == 0) {
                converged = true;
                psi = trial;
                fit = next;
                break;
            }
            psi = trial;
            fit = next;
        }
        if (!converged) {
            throw new AnalysisException(Reason.NO_CONVERGENCE, "the minres factor fit with " + nf
                    + " factor(s) did not converge; try fewer factors or more data");
        }
        double[][] loadings = fit.loadings;
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
        return loadings;
    }

    private static double clamp(double v, double upper) {
        return Math.min(upper, Math.max(MIN_UNIQUENESS, v));
    }

    private record Fit(double value, double[] gradient, double[][] loadings) {
    }

    private static Fit evaluate(double[][] r, double[] psi, int nf) {
        int p = r.length;
        double[][] s = new double[p][];
        for (int i = 0; i < p; i++) {
            s[i] = r[i].clone();
            s[i][i] = r[i][i] - psi[i];
        }
        double[][][] e = Moments.eigen(s);
        double[] values = e[0][0];
        double[][] vectors = e[1];
        double[][] loadings = new double[p][nf];
        for (int f = 0; f < nf; f++) {
            double root = Math.sqrt(Math.max(values[f], 0));
            for (int i = 0; i < p; i++) {
                loadings[i][f] = vectors[i][f] * root;
            }
        }
        double value = 0;
        double[] gradient = new double[p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double model = 0;
                for (int f = 0; f < nf; f++) {
                    model += loadings[i][f] * loadings[j][f];
                }
                double res = s[i][j] - model;
                value += 0.5 * res * res;
                if (i == j) {
                    gradient[i] = -res;
                }
            }
        }
        return new Fit(value, gradient, loadings);
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
