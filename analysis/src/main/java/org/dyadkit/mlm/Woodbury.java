package org.dyadkit.mlm;

/**
 * The likelihood and its gradient when the residual covariance is block-diagonal by occasion (no AR(1)):
 * each dyad's {@code Lambda_i} is made of 1 x 1 and 2 x 2 blocks (a person alone at an occasion, or the two
 * partners with correlation rho), so {@code Sigma_i = Lambda_i + Z_i D Z_i'} is handled by the Woodbury
 * identity {@code Sigma^-1 = Lambda^-1 - Lambda^-1 Z K^-1 Z' Lambda^-1}, {@code K = D^-1 + Z' Lambda^-1 Z},
 * and {@code log|Sigma| = log|Lambda| + log|D| + log|K|} (Henderson 1975; Pinheiro and Bates 2000, sec.
 * 2.2). A dyad then costs O(m (p + q)^2) instead of O(m^3), and the gradient needs only the entries of
 * {@code M_i} on the diagonal and between partners at the same occasion.
 */
final class Woodbury {
    private Woodbury() {
    }

    /** For each row of a block, the row of the partner at the same occasion, or -1. */
    static int[] pairs(Engine.Block b, boolean cs) {
        int[] pa = new int[b.m];
        java.util.Arrays.fill(pa, -1);
        if (!cs) {
            return pa;
        }
        for (int a = 0; a < b.m; a++) {
            for (int c = 0; c < b.m; c++) {
                if (c != a && b.who[c] != b.who[a] && b.t[c] == b.t[a]) {
                    pa[a] = c;
                    break;
                }
            }
        }
        return pa;
    }

    /** Per-block quantities shared by the likelihood and the gradient. */
    private static final class Work {
        final double[] li;
        final double[] lo;
        final double[] pz;
        final double[] g;
        final double[] lk;
        double logDetLambda;

        Work(int m, int q) {
            li = new double[m];
            lo = new double[m];
            pz = new double[m * q];
            g = new double[q * q];
            lk = new double[q * q];
        }
    }

    /** D^-1 and log|D|; null when D is not positive definite. */
    private static double[] dInverse(double[] d, int q, double[] logDet) {
        double[] l = d.clone();
        if (!Engine.cholesky(l, q)) {
            return null;
        }
        double ld = 0;
        for (int i = 0; i < q; i++) {
            ld += 2 * Math.log(l[i * q + i]);
        }
        logDet[0] = ld;
        double[] inv = new double[q * q];
        double[] col = new double[q];
        for (int c = 0; c < q; c++) {
            java.util.Arrays.fill(col, 0);
            col[c] = 1;
            Engine.forward(l, q, col, 0, 1);
            Engine.backward(l, q, col);
            for (int r = 0; r < q; r++) {
                inv[r * q + c] = col[r];
            }
        }
        return inv;
    }

    /** Fills the work of one block; false when Lambda or K is not positive definite. */
    private static boolean prepare(Engine en, Engine.Block b, Engine.Params pr, double[] dinv, Work w) {
        int m = b.m;
        int q = en.q;
        int[] pa = b.pair;
        double logDet = 0;
        for (int a = 0; a < m; a++) {
            double da = pr.delta[b.stratum[a]];
            int c = pa[a];
            if (c >= 0) {
                double dc = pr.delta[b.stratum[c]];
                double det = da * da * dc * dc * (1 - pr.rho * pr.rho);
                if (!(det > 0)) {
                    return false;
                }
                w.li[a] = dc * dc / det;
                w.lo[a] = -pr.rho * da * dc / det;
                if (a < c) {
                    logDet += Math.log(det);
                }
            } else {
                w.li[a] = 1 / (da * da);
                w.lo[a] = 0;
                logDet += Math.log(da * da);
            }
        }
        w.logDetLambda = logDet;
        for (int a = 0; a < m; a++) {
            int c = pa[a];
            for (int j = 0; j < q; j++) {
                w.pz[a * q + j] = w.li[a] * b.z[a * q + j] + (c >= 0 ? w.lo[a] * b.z[c * q + j] : 0);
            }
        }
        java.util.Arrays.fill(w.g, 0);
        for (int a = 0; a < m; a++) {
            for (int i = 0; i < q; i++) {
                double zi = b.z[a * q + i];
                if (zi == 0) {
                    continue;
                }
                for (int j = 0; j < q; j++) {
                    w.g[i * q + j] += zi * w.pz[a * q + j];
                }
            }
        }
        for (int i = 0; i < q * q; i++) {
            w.lk[i] = dinv[i] + w.g[i];
        }
        return Engine.cholesky(w.lk, q);
    }

    /** Lambda^-1 v for a column of a row-major m x cols matrix (stride cols). */
    private static double lam(Work w, int[] pa, double[] v, int a, int col, int cols) {
        int c = pa[a];
        return w.li[a] * v[a * cols + col] + (c >= 0 ? w.lo[a] * v[c * cols + col] : 0);
    }

    static Engine.Eval evaluate(Engine en, Engine.Params pr, boolean full) {
        int p = en.p;
        int q = en.q;
        double[] ld = new double[1];
        double[] dinv = dInverse(pr.d, q, ld);
        if (dinv == null) {
            return null;
        }
        double[] a = new double[p * p];
        double[] bv = new double[p];
        double c = 0;
        double logDet = 0;
        Work w = new Work(en.maxBlock, q);
        double[] zx = new double[q * p];
        double[] zy = new double[q];
        for (Engine.Block b : en.blocks) {
            if (!prepare(en, b, pr, dinv, w)) {
                return null;
            }
            int m = b.m;
            int[] pa = b.pair;
            java.util.Arrays.fill(zx, 0);
            java.util.Arrays.fill(zy, 0);
            for (int r = 0; r < m; r++) {
                double ly = lam(w, pa, b.y, r, 0, 1);
                c += b.y[r] * ly;
                for (int j = 0; j < p; j++) {
                    double lx = lam(w, pa, b.x, r, j, p);
                    bv[j] += lx * b.y[r];
                    for (int k = 0; k < p; k++) {
                        a[j * p + k] += lx * b.x[r * p + k];
                    }
                }
                for (int i = 0; i < q; i++) {
                    double pzi = w.pz[r * q + i];
                    if (pzi == 0) {
                        continue;
                    }
                    zy[i] += pzi * b.y[r];
                    for (int j = 0; j < p; j++) {
                        zx[i * p + j] += pzi * b.x[r * p + j];
                    }
                }
            }
            // subtract (Lk^-1 ZX)'(Lk^-1 ZX) and the like
            for (int j = 0; j < p; j++) {
                Engine.forward(w.lk, q, zx, j, p);
            }
            Engine.forward(w.lk, q, zy, 0, 1);
            for (int j = 0; j < p; j++) {
                double sy = 0;
                for (int i = 0; i < q; i++) {
                    sy += zx[i * p + j] * zy[i];
                }
                bv[j] -= sy;
                for (int k = 0; k < p; k++) {
                    double s = 0;
                    for (int i = 0; i < q; i++) {
                        s += zx[i * p + j] * zx[i * p + k];
                    }
                    a[j * p + k] -= s;
                }
            }
            for (int i = 0; i < q; i++) {
                c -= zy[i] * zy[i];
            }
            double logDetK = 0;
            for (int i = 0; i < q; i++) {
                logDetK += 2 * Math.log(w.lk[i * q + i]);
            }
            logDet += w.logDetLambda + ld[0] + logDetK;
        }
        // symmetrise against rounding
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < j; k++) {
                double v = (a[j * p + k] + a[k * p + j]) / 2;
                a[j * p + k] = v;
                a[k * p + j] = v;
            }
        }
        return en.finish(pr, a, bv, c, logDet, full);
    }

    /** K^-1 v in place (Lk the Cholesky factor of K). */
    private static void kSolve(double[] lk, int q, double[] v, int off, int stride) {
        Engine.forward(lk, q, v, off, stride);
        // backward with stride
        for (int i = q - 1; i >= 0; i--) {
            double s = v[off + i * stride];
            for (int k = i + 1; k < q; k++) {
                s -= lk[k * q + i] * v[off + k * stride];
            }
            v[off + i * stride] = s / lk[i * q + i];
        }
    }

    static double[] gradient(Engine en, double[] theta, Engine.Eval e) {
        Engine.Params pr = e.params;
        int p = en.p;
        int q = en.q;
        double[] ld = new double[1];
        double[] dinv = dInverse(pr.d, q, ld);
        if (dinv == null) {
            return null;
        }
        int maxM = en.maxBlock;
        Work w = new Work(maxM, q);
        double[] gz = new double[q * q];
        double[] gDelta = new double[en.strata];
        double gRho = 0;
        double is2 = 1 / e.sigma2;
        double[] r = new double[maxM];
        double[] u = new double[maxM];
        double[] wm = new double[maxM * p];
        double[] wa = new double[maxM * p];
        double[] qm = new double[maxM * q];
        double[] t = new double[q];
        double[] tx = new double[q * p];
        double[] h = new double[q * q];
        double[] zu = new double[q];
        double[] zw = new double[q * p];
        for (Engine.Block b : en.blocks) {
            if (!prepare(en, b, pr, dinv, w)) {
                return null;
            }
            int m = b.m;
            int[] pa = b.pair;
            for (int a = 0; a < m; a++) {
                double f = b.y[a];
                for (int j = 0; j < p; j++) {
                    f -= b.x[a * p + j] * e.beta[j];
                }
                r[a] = f;
            }
            // t = K^-1 P' r, tx = K^-1 P' X
            java.util.Arrays.fill(t, 0);
            java.util.Arrays.fill(tx, 0);
            for (int a = 0; a < m; a++) {
                for (int i = 0; i < q; i++) {
                    double pzi = w.pz[a * q + i];
                    t[i] += pzi * r[a];
                    for (int j = 0; j < p; j++) {
                        tx[i * p + j] += pzi * b.x[a * p + j];
                    }
                }
            }
            kSolve(w.lk, q, t, 0, 1);
            for (int j = 0; j < p; j++) {
                kSolve(w.lk, q, tx, j, p);
            }
            // u = Lambda^-1 r - P t;  W = Lambda^-1 X - P tx
            for (int a = 0; a < m; a++) {
                double v = lam(w, pa, r, a, 0, 1);
                for (int i = 0; i < q; i++) {
                    v -= w.pz[a * q + i] * t[i];
                }
                u[a] = v;
                for (int j = 0; j < p; j++) {
                    double x = lam(w, pa, b.x, a, j, p);
                    for (int i = 0; i < q; i++) {
                        x -= w.pz[a * q + i] * tx[i * p + j];
                    }
                    wm[a * p + j] = x;
                }
            }
            if (en.reml) {
                for (int a = 0; a < m; a++) {
                    for (int j = 0; j < p; j++) {
                        double v = 0;
                        for (int k = 0; k < p; k++) {
                            v += wm[a * p + k] * e.aInv[k * p + j];
                        }
                        wa[a * p + j] = v;
                    }
                }
            }
            // Z' Sigma^-1 Z = G - G K^-1 G
            System.arraycopy(w.g, 0, h, 0, q * q);
            for (int j = 0; j < q; j++) {
                kSolve(w.lk, q, h, j, q);
            }
            java.util.Arrays.fill(zu, 0);
            java.util.Arrays.fill(zw, 0);
            for (int a = 0; a < m; a++) {
                for (int i = 0; i < q; i++) {
                    double zi = b.z[a * q + i];
                    if (zi == 0) {
                        continue;
                    }
                    zu[i] += zi * u[a];
                    for (int j = 0; j < p; j++) {
                        zw[i * p + j] += zi * wm[a * p + j];
                    }
                }
            }
            for (int i = 0; i < q; i++) {
                for (int j = 0; j < q; j++) {
                    double v = w.g[i * q + j];
                    for (int k = 0; k < q; k++) {
                        v -= w.g[i * q + k] * h[k * q + j];
                    }
                    v -= zu[i] * zu[j] * is2;
                    if (en.reml) {
                        for (int k = 0; k < p; k++) {
                            double s = 0;
                            for (int l = 0; l < p; l++) {
                                s += zw[i * p + l] * e.aInv[l * p + k];
                            }
                            v -= s * zw[j * p + k];
                        }
                    }
                    gz[i * q + j] += v;
                }
            }
            // Q = P K^-1 (rows)
            for (int a = 0; a < m; a++) {
                System.arraycopy(w.pz, a * q, qm, a * q, q);
                kSolve(w.lk, q, qm, a * q, 1);
            }
            for (int a = 0; a < m; a++) {
                double da = pr.delta[b.stratum[a]];
                for (int pass = 0; pass < 2; pass++) {
                    int c = pass == 0 ? a : pa[a];
                    if (c < 0) {
                        continue;
                    }
                    double s = pass == 0 ? w.li[a] : w.lo[a];
                    for (int i = 0; i < q; i++) {
                        s -= qm[a * q + i] * w.pz[c * q + i];
                    }
                    double mac = s - u[a] * u[c] * is2;
                    if (en.reml) {
                        for (int j = 0; j < p; j++) {
                            mac -= wa[a * p + j] * wm[c * p + j];
                        }
                    }
                    double dc = pr.delta[b.stratum[c]];
                    if (pass == 0) {
                        gDelta[b.stratum[a]] += 2 * mac * da * da;
                    } else {
                        double lamAc = mac * pr.rho * da * dc;
                        gDelta[b.stratum[a]] += lamAc;
                        gDelta[b.stratum[c]] += lamAc;
                        gRho += mac * da * dc;
                    }
                }
            }
        }
        return en.chain(theta, pr, gz, gDelta, gRho, 0);
    }
}
