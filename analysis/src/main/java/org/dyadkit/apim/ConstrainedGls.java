package org.dyadkit.apim;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.dyadkit.InputException;

/**
 * The APIM refitted by ML under linear constraints {@code C beta = d} on its fixed effects (original
 * columns), by reparameterising the design: with {@code C~ = C T} on the standardised columns, a
 * particular solution {@code beta0 = C~'(C~ C~')^-1 d} and an orthonormal basis Z of the null space of
 * {@code C~} (from the QR decomposition of {@code C~'}), {@code beta~ = beta0 + Z gamma}, so the GLS model
 * becomes {@code y - X beta0 = X Z gamma + e} with the same residual covariance. This is exactly how a
 * constrained {@code gls} fit is made in R (a reparameterised model matrix with an offset), and the ML
 * likelihood is invariant to it (Searle 1971, sec. 5.6 on estimable constraints).
 */
final class ConstrainedGls {
    private ConstrainedGls() {
    }

    /** A constrained ML fit: coefficients and covariance on the original columns. */
    record Refit(double[] beta, double[][] cov, double logLik, double rho, double lambda, double sigma2,
            int freeCoefficients, int nParameters, GlsEngine.Estimate estimate) {
    }

    /**
     * Fits the frame's model by ML subject to {@code c beta = d} (c: r x p rows on the original
     * coefficients; r = 0 for none). ML, not REML: the REML likelihoods of differently constrained fixed
     * effects are not comparable.
     *
     * @throws InputException when the constraints are linearly dependent or fix every coefficient's
     *     combination inconsistently
     */
    static Refit fit(ModelFrame f, double[][] c, double[] d) {
        return fit(f, c, d, f.distinguishable(), null);
    }

    /** As {@link #fit(ModelFrame, double[][], double[])}, Newton's method started from a nearby fit. */
    static Refit fit(ModelFrame f, double[][] c, double[] d, Refit start) {
        return fit(f, c, d, f.distinguishable(), start);
    }

    /**
     * As {@link #fit(ModelFrame, double[][], double[])} with the residual structure chosen: role-specific SDs
     * or, with {@code roleSpecific} false, one SD for both roles (compound symmetry: the indistinguishable
     * model when the constraints also equate the roles' coefficients).
     */
    static Refit fit(ModelFrame f, double[][] c, double[] d, boolean roleSpecific, Refit start) {
        boolean reml = false;
        Design des = f.design();
        int p = des.p;
        int r = c.length;
        double[] tm = des.transform;
        double[][] z;
        double[] beta0 = new double[p];
        if (r == 0) {
            z = new double[p][p];
            for (int i = 0; i < p; i++) {
                z[i][i] = 1;
            }
        } else {
            // C~ = C T (r x p)
            double[][] cs = new double[r][p];
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < p; j++) {
                    double s = 0;
                    for (int k = 0; k < p; k++) {
                        s += c[i][k] * tm[k * p + j];
                    }
                    cs[i][j] = s;
                }
            }
            RealMatrix ct = new Array2DRowRealMatrix(cs, false).transpose();
            QRDecomposition qr = new QRDecomposition(ct, 0);
            RealMatrix rr = qr.getR();
            double max = 0;
            for (int i = 0; i < r; i++) {
                max = Math.max(max, Math.abs(rr.getEntry(i, i)));
            }
            for (int i = 0; i < r; i++) {
                if (!(Math.abs(rr.getEntry(i, i)) > 1e-10 * max)) {
                    throw new InputException("the constraints are not independent (one is a combination of the "
                            + "others, or a constraint has no term); state each restriction once");
                }
            }
            RealMatrix q = qr.getQ();
            z = new double[p][p - r];
            for (int i = 0; i < p; i++) {
                for (int k = r; k < p; k++) {
                    z[i][k - r] = q.getEntry(i, k);
                }
            }
            // beta0 = C~' (C~ C~')^-1 d
            double[] g = new double[r * r];
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    double s = 0;
                    for (int k = 0; k < p; k++) {
                        s += cs[i][k] * cs[j][k];
                    }
                    g[i * r + j] = s;
                }
            }
            double[] lg = GlsEngine.cholesky(g, r, r);
            double[] w = GlsEngine.cholSolve(lg, r, d);
            for (int k = 0; k < p; k++) {
                double s = 0;
                for (int i = 0; i < r; i++) {
                    s += cs[i][k] * w[i];
                }
                beta0[k] = s;
            }
        }
        int pn = p - r;
        int q = p + 1;
        double[] t = new double[(pn + 1) * q];
        for (int k = 0; k < pn; k++) {
            for (int i = 0; i < p; i++) {
                t[k * q + i] = z[i][k];
            }
        }
        for (int i = 0; i < p; i++) {
            t[pn * q + i] = -beta0[i];
        }
        t[pn * q + p] = 1;
        CrossProducts cp = r == 0 ? f.cp() : f.cp().transformed(t, pn);
        boolean dist = roleSpecific;
        GlsEngine.ClosedFormPlan plan = pn == 0 ? null : GlsEngine.plan(cp, dist);
        GlsEngine.Estimate est = GlsEngine.fit(cp, reml, dist, plan,
                start != null ? start.estimate() : null);
        GlsEngine.Eval ev = est.eval();
        double n = cp.nObs();
        // nlme: Var(beta) uses RSS / (N - p) under ML as under REML
        double scale = reml ? ev.sigma2 : ev.sigma2 * n / (n - pn);
        double[] bs = beta0.clone();
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < pn; k++) {
                bs[i] += z[i][k] * ev.beta[k];
            }
        }
        double[][] covS = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < pn; k++) {
                    double zk = z[i][k];
                    if (zk == 0) {
                        continue;
                    }
                    for (int l = 0; l < pn; l++) {
                        s += zk * ev.xtxInv[k * pn + l] * z[j][l];
                    }
                }
                covS[i][j] = scale * s;
            }
        }
        double[] beta = des.toOriginal(bs);
        double[][] cov = new double[p][p];
        double[][] tmp = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += tm[i * p + k] * covS[k][j];
                }
                tmp[i][j] = s;
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += tmp[i][k] * tm[j * p + k];
                }
                cov[i][j] = s;
            }
        }
        double ll = ev.logLik;
        return new Refit(beta, cov, ll, est.rho(), est.lambda(), ev.sigma2, pn, pn + (dist ? 3 : 2), est);
    }
}
