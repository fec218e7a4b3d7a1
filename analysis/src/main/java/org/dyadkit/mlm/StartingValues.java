package org.dyadkit.mlm;

/**
 * Moment starting values for the variance parameters (in the spirit of the method-of-moments and two-stage
 * estimators that REML software starts from; Laird and Ware 1982, sec. 3; Pinheiro and Bates 2000, sec. 2.2.8):
 * ordinary least squares of the fixed part over all rows; per dyad, least squares of those residuals on the
 * random-effects columns; D from the spread of the per-dyad coefficients less their average sampling variance
 * (kept positive definite), the residual variance of each stratum, rho from the partners' residuals at the same
 * occasion and phi from consecutive residuals of a person, all from the per-dyad residuals. Only a start: the
 * optimum is found by the engine and does not depend on it.
 */
final class StartingValues {
    private StartingValues() {
    }

    /** The moment start on the engine's unconstrained scale, or null when the moments cannot be formed. */
    static double[] of(Engine en) {
        int p = en.p;
        int q = en.q;
        int strata = en.strata;
        // pooled least squares of the fixed part
        double[] xtx = new double[p * p];
        double[] xty = new double[p];
        for (Engine.Block b : en.blocks) {
            for (int a = 0; a < b.m; a++) {
                for (int j = 0; j < p; j++) {
                    double xj = b.x[a * p + j];
                    xty[j] += xj * b.y[a];
                    for (int k = 0; k <= j; k++) {
                        xtx[j * p + k] += xj * b.x[a * p + k];
                    }
                }
            }
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < j; k++) {
                xtx[k * p + j] = xtx[j * p + k];
            }
        }
        double[] beta = Engine.solveSpd(xtx, xty, p);
        if (beta == null) {
            return null;
        }
        double[] bb = new double[q * q];
        double[] sampling = new double[q * q];
        double[] ss = new double[strata];
        double[] dfs = new double[strata];
        double cross = 0;
        double[] pairSs = new double[2];
        double lagCross = 0;
        double lagSs = 0;
        int used = 0;
        for (Engine.Block b : en.blocks) {
            int m = b.m;
            double[] r = new double[m];
            for (int a = 0; a < m; a++) {
                double f = b.y[a];
                for (int j = 0; j < p; j++) {
                    f -= b.x[a * p + j] * beta[j];
                }
                r[a] = f;
            }
            double[] e = r;
            double share = 0;
            if (q > 0 && m > q) {
                double[] ztz = new double[q * q];
                double[] ztr = new double[q];
                for (int a = 0; a < m; a++) {
                    for (int i = 0; i < q; i++) {
                        double zi = b.z[a * q + i];
                        ztr[i] += zi * r[a];
                        for (int k = 0; k < q; k++) {
                            ztz[i * q + k] += zi * b.z[a * q + k];
                        }
                    }
                }
                double[] l = ztz.clone();
                if (Engine.cholesky(l, q) && minDiagRatio(l, ztz, q) > 1e-8) {
                    double[] bi = ztr.clone();
                    Engine.forward(l, q, bi, 0, 1);
                    Engine.backward(l, q, bi);
                    e = new double[m];
                    for (int a = 0; a < m; a++) {
                        double f = r[a];
                        for (int i = 0; i < q; i++) {
                            f -= b.z[a * q + i] * bi[i];
                        }
                        e[a] = f;
                    }
                    for (int i = 0; i < q; i++) {
                        for (int k = 0; k < q; k++) {
                            bb[i * q + k] += bi[i] * bi[k];
                        }
                    }
                    // (Z'Z)^-1 of this dyad, for the sampling variance of its coefficients
                    for (int c = 0; c < q; c++) {
                        double[] col = new double[q];
                        col[c] = 1;
                        Engine.forward(l, q, col, 0, 1);
                        Engine.backward(l, q, col);
                        for (int i = 0; i < q; i++) {
                            sampling[i * q + c] += col[i];
                        }
                    }
                    used++;
                    share = (double) q / m;
                }
            }
            for (int a = 0; a < m; a++) {
                ss[b.stratum[a]] += e[a] * e[a];
                dfs[b.stratum[a]] += 1 - share;
                for (int c = a + 1; c < m; c++) {
                    if (b.who[c] != b.who[a] && b.t[c] == b.t[a]) {
                        cross += e[a] * e[c];
                        pairSs[0] += e[a] * e[a];
                        pairSs[1] += e[c] * e[c];
                    } else if (b.who[c] == b.who[a] && b.t[c] - b.t[a] == 1) {
                        lagCross += e[a] * e[c];
                        lagSs += 0.5 * (e[a] * e[a] + e[c] * e[c]);
                    }
                }
            }
        }
        double s0 = ss[0] / Math.max(dfs[0], 1);
        if (!(s0 > 0) || !Double.isFinite(s0)) {
            return null;
        }
        double[] theta = new double[en.nTheta];
        if (q > 0) {
            if (used < q + 1) {
                return null;
            }
            double[] d = new double[q * q];
            for (int i = 0; i < q * q; i++) {
                d[i] = (bb[i] - s0 * sampling[i]) / used / s0;
            }
            for (int i = 0; i < q; i++) {
                // keep each variance positive: at least a tenth of the raw spread of the coefficients
                double raw = bb[i * q + i] / used / s0;
                d[i * q + i] = Math.max(d[i * q + i], 0.1 * raw);
                if (!(d[i * q + i] > 0)) {
                    return null;
                }
            }
            double[] l = d.clone();
            if (en.diagonal || !Engine.cholesky(l, q)) {
                l = new double[q * q];
                for (int i = 0; i < q; i++) {
                    l[i * q + i] = Math.sqrt(d[i * q + i]);
                }
            }
            int k = 0;
            if (en.diagonal) {
                for (int i = 0; i < q; i++) {
                    theta[k++] = Math.log(l[i * q + i]);
                }
            } else {
                for (int i = 0; i < q; i++) {
                    for (int j = 0; j <= i; j++) {
                        theta[k++] = i == j ? Math.log(l[i * q + i]) : l[i * q + j];
                    }
                }
            }
        }
        int k = en.nD;
        for (int s = 1; s < strata; s++) {
            double v = ss[s] / Math.max(dfs[s], 1);
            theta[k++] = v > 0 ? 0.5 * Math.log(v / s0) : 0;
        }
        if (en.cs) {
            double rho = pairSs[0] > 0 && pairSs[1] > 0 ? cross / Math.sqrt(pairSs[0] * pairSs[1]) : 0;
            theta[k++] = atanh(Math.max(-0.9, Math.min(0.9, rho)));
        }
        if (en.ar1) {
            double phi = lagSs > 0 ? lagCross / lagSs : 0;
            theta[k] = atanh(Math.max(-0.9, Math.min(0.9, phi)));
        }
        return theta;
    }

    private static double minDiagRatio(double[] l, double[] a, int q) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < q; i++) {
            min = Math.min(min, l[i * q + i] * l[i * q + i] / Math.max(a[i * q + i], 1e-300));
        }
        return min;
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }
}
