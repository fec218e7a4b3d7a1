package org.dyadkit.mlm;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The likelihood and its gradient when the residual covariance is block-diagonal by occasion (no AR(1)):
 * each dyad's {@code Lambda_i} is made of 1 x 1 and 2 x 2 blocks (a person alone at an occasion, or the two
 * partners with correlation rho), so {@code Sigma_i = Lambda_i + Z_i D Z_i'} is handled by the Woodbury
 * identity {@code Sigma^-1 = Lambda^-1 - Lambda^-1 Z K^-1 Z' Lambda^-1}, {@code K = D^-1 + Z' Lambda^-1 Z},
 * and {@code log|Sigma| = log|Lambda| + log|D| + log|K|} (Henderson 1975; Pinheiro and Bates 2000, sec. 2.2).
 *
 * <p>The entries of {@code Lambda_i^-1} depend only on the strata of a row and of its partner at the same
 * occasion: {@code 1/delta_a^2} for a row alone, and for a pair {@code alpha_a = 1/(delta_a^2 (1 - rho^2))} on the
 * diagonal and {@code beta = -rho/(delta_a delta_c (1 - rho^2))} between the partners. So with
 * {@code v_a = (x_a, z_a, y_a)} every cross-product {@code V' Lambda^-1 V} the likelihood needs, and every
 * {@code V' Lambda^-1 E Lambda^-1 V} its gradient needs (E picking the diagonal or the partner entries of one
 * kind of row), is a weighted sum of the parameter-free sums {@code sum v_a v_a'}, {@code sum v_c v_c'} and
 * {@code sum (v_a v_c' + v_c v_a')/2} over the rows of each kind (stratum of the row, stratum of its partner or
 * none). These are formed once per dyad when the engine is built; an evaluation then costs
 * O(kinds (p + q + 1)^2) per dyad, whatever the number of occasions. The gradient is
 * {@code 1/2 sum_i tr(M_i dSigma_i)} with {@code M_i = Lambda^-1 - Lambda^-1 V Gamma V' Lambda^-1}, where
 * {@code Gamma = J + w w'/sigma^2 + B A^-1 B'} (REML; the last term only) collects
 * {@code J = K^-1} on the random-effects block, {@code w = (-beta, -K^-1 Z' Lambda^-1 (y - X beta), 1)} (so that
 * {@code Sigma^-1 (y - X beta) = Lambda^-1 V w}) and {@code B = (I, -K^-1 Z' Lambda^-1 X, 0)} (so that
 * {@code Sigma^-1 X = Lambda^-1 V B}).
 */
final class Woodbury {
    private Woodbury() {
    }

    /** For each row of a block, the row of the partner at the same occasion, or -1. */
    static int[] pairs(Engine.Block b, boolean cs) {
        int[] pa = new int[b.m];
        Arrays.fill(pa, -1);
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

    /** The parameter-free sums of one kind of row of one dyad (see the class description). */
    static final class Kind {
        /** The stratum of the rows, and of their partners (-1: no partner at that occasion). */
        final int s;
        final int sc;
        int count;
        /** Sum of v_a v_a', the lower triangle of L x L row-major (L = p + q + 1). */
        final double[] aa;
        /** Sum of v_c v_c' over the partners' rows: the aa of the mirror kind (null without partner). */
        double[] cc;
        /** Sum of (v_a v_c' + v_c v_a') / 2, lower triangle (null without partner). */
        final double[] ac;

        Kind(int s, int sc, int l) {
            this.s = s;
            this.sc = sc;
            aa = new double[l * l];
            ac = sc < 0 ? null : new double[l * l];
        }
    }

    /** The kinds of rows of a block with their sums. */
    static Kind[] kinds(Engine.Block b, int p, int q, int strata) {
        int l = p + q + 1;
        Map<Integer, Kind> byKey = new LinkedHashMap<>();
        double[][] v = new double[b.m][l];
        for (int a = 0; a < b.m; a++) {
            System.arraycopy(b.x, a * p, v[a], 0, p);
            System.arraycopy(b.z, a * q, v[a], p, q);
            v[a][p + q] = b.y[a];
        }
        for (int a = 0; a < b.m; a++) {
            int c = b.pair[a];
            int s = b.stratum[a];
            int sc = c < 0 ? -1 : b.stratum[c];
            Kind k = byKey.computeIfAbsent(key(s, sc, strata), key -> new Kind(s, sc, l));
            k.count++;
            double[] va = v[a];
            for (int i = 0; i < l; i++) {
                double ui = va[i];
                if (ui == 0) {
                    continue;
                }
                int o = i * l;
                for (int j = 0; j <= i; j++) {
                    k.aa[o + j] += ui * va[j];
                }
            }
            if (c >= 0) {
                double[] vc = v[c];
                for (int i = 0; i < l; i++) {
                    int o = i * l;
                    double ai = 0.5 * va[i];
                    double ci = 0.5 * vc[i];
                    for (int j = 0; j <= i; j++) {
                        k.ac[o + j] += ai * vc[j] + ci * va[j];
                    }
                }
            }
        }
        for (Kind k : byKey.values()) {
            if (k.sc >= 0) {
                // the partners of the rows of kind (s, sc) are the rows of kind (sc, s), one to one
                k.cc = byKey.get(key(k.sc, k.s, strata)).aa;
            }
        }
        return byKey.values().toArray(new Kind[0]);
    }

    private static int key(int s, int sc, int strata) {
        return s * (strata + 1) + sc + 1;
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
            Arrays.fill(col, 0);
            col[c] = 1;
            Engine.forward(l, q, col, 0, 1);
            Engine.backward(l, q, col);
            for (int r = 0; r < q; r++) {
                inv[r * q + c] = col[r];
            }
        }
        return inv;
    }

    /** The work of one evaluation, reused over the dyads. */
    private static final class Work {
        final int p;
        final int q;
        final int l;
        /** V' Lambda^-1 V of the dyad, L x L. */
        final double[] qm;
        /** Cholesky factor of K, q x q. */
        final double[] lk;
        double logDetLambda;

        Work(int p, int q) {
            this.p = p;
            this.q = q;
            this.l = p + q + 1;
            qm = new double[l * l];
            lk = new double[q * q];
        }
    }

    /** Forms V' Lambda^-1 V, log|Lambda| and the Cholesky factor of K; false when K is not positive definite. */
    private static boolean prepare(Kind[] kinds, Engine.Params pr, double[] dinv, Work w) {
        int l = w.l;
        int p = w.p;
        int q = w.q;
        Arrays.fill(w.qm, 0);
        double omr = 1 - pr.rho * pr.rho;
        double logDet = 0;
        for (Kind k : kinds) {
            double da = pr.delta[k.s];
            if (k.sc < 0) {
                add(w.qm, k.aa, 1 / (da * da), l);
                logDet += k.count * Math.log(da * da);
            } else {
                double dc = pr.delta[k.sc];
                add(w.qm, k.aa, 1 / (da * da * omr), l);
                add(w.qm, k.ac, -pr.rho / (da * dc * omr), l);
                // each pair is counted once from each partner's side
                logDet += 0.5 * k.count * Math.log(da * da * dc * dc * omr);
            }
        }
        w.logDetLambda = logDet;
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                w.lk[i * q + j] = dinv[i * q + j] + sym(w.qm, p + i, p + j, l);
            }
        }
        return Engine.cholesky(w.lk, q);
    }

    private static void add(double[] m, double[] s, double f, int l) {
        // the lower triangle (the upper is mirrored where read)
        for (int i = 0; i < l; i++) {
            int o = i * l;
            for (int j = 0; j <= i; j++) {
                m[o + j] += f * s[o + j];
            }
        }
    }

    /** Entry (i, j) of a symmetric matrix stored in its lower triangle. */
    private static double sym(double[] m, int i, int j, int l) {
        return i >= j ? m[i * l + j] : m[j * l + i];
    }

    static Engine.Eval evaluate(Engine en, Engine.Params pr, boolean full) {
        int p = en.p;
        int q = en.q;
        int l = p + q + 1;
        double[] ld = new double[1];
        double[] dinv = dInverse(pr.d, q, ld);
        if (dinv == null) {
            return null;
        }
        double[] a = new double[p * p];
        double[] bv = new double[p];
        double c = 0;
        double logDet = 0;
        Work w = new Work(p, q);
        double[] zx = new double[q * p];
        double[] zy = new double[q];
        for (Engine.Block b : en.blocks) {
            if (!prepare(b.kinds, pr, dinv, w)) {
                return null;
            }
            double[] qm = w.qm;
            for (int i = 0; i < q; i++) {
                for (int j = 0; j < p; j++) {
                    zx[i * p + j] = qm[(p + i) * l + j];
                }
                zy[i] = qm[(p + q) * l + p + i];
            }
            for (int j = 0; j < p; j++) {
                Engine.forward(w.lk, q, zx, j, p);
            }
            Engine.forward(w.lk, q, zy, 0, 1);
            for (int j = 0; j < p; j++) {
                double sy = qm[(p + q) * l + j];
                for (int i = 0; i < q; i++) {
                    sy -= zx[i * p + j] * zy[i];
                }
                bv[j] += sy;
                for (int k = 0; k <= j; k++) {
                    double s = qm[j * l + k];
                    for (int i = 0; i < q; i++) {
                        s -= zx[i * p + j] * zx[i * p + k];
                    }
                    a[j * p + k] += s;
                }
            }
            double cy = qm[(p + q) * l + p + q];
            for (int i = 0; i < q; i++) {
                cy -= zy[i] * zy[i];
            }
            c += cy;
            double logDetK = 0;
            for (int i = 0; i < q; i++) {
                logDetK += 2 * Math.log(w.lk[i * q + i]);
            }
            logDet += w.logDetLambda + ld[0] + logDetK;
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < j; k++) {
                a[k * p + j] = a[j * p + k];
            }
        }
        return en.finish(pr, a, bv, c, logDet, full);
    }

    /**
     * The best linear unbiased predictions of one dyad's random effects from the same sums:
     * {@code b = D Z' Sigma^-1 r = D (g - G K^-1 g)} with {@code g = Z' Lambda^-1 (y - X beta)} and
     * {@code G = Z' Lambda^-1 Z}; null where K cannot be factored.
     */
    static double[] blup(Engine en, Engine.Block b, Engine.Params pr, double[] beta) {
        int p = en.p;
        int q = en.q;
        int l = p + q + 1;
        double[] ld = new double[1];
        double[] dinv = dInverse(pr.d, q, ld);
        Work w = new Work(p, q);
        if (dinv == null || !prepare(b.kinds, pr, dinv, w)) {
            return null;
        }
        double[] g = new double[q];
        for (int i = 0; i < q; i++) {
            double v = sym(w.qm, p + i, p + q, l);
            for (int j = 0; j < p; j++) {
                v -= sym(w.qm, p + i, j, l) * beta[j];
            }
            g[i] = v;
        }
        double[] kg = g.clone();
        kSolve(w.lk, q, kg, 0, 1);
        double[] s = new double[q];
        for (int i = 0; i < q; i++) {
            double v = g[i];
            for (int k = 0; k < q; k++) {
                v -= sym(w.qm, p + i, p + k, l) * kg[k];
            }
            s[i] = v;
        }
        double[] out = new double[q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                out[i] += pr.d[i * q + j] * s[j];
            }
        }
        return out;
    }

    /** K^-1 v in place (Lk the Cholesky factor of K). */
    private static void kSolve(double[] lk, int q, double[] v, int off, int stride) {
        Engine.forward(lk, q, v, off, stride);
        for (int i = q - 1; i >= 0; i--) {
            double s = v[off + i * stride];
            for (int k = i + 1; k < q; k++) {
                s -= lk[k * q + i] * v[off + k * stride];
            }
            v[off + i * stride] = s / lk[i * q + i];
        }
    }

    /** Frobenius inner product of a full symmetric L x L matrix with a sum stored in its lower triangle. */
    private static double inner(double[] g, double[] s, int l) {
        double v = 0;
        for (int i = 0; i < l; i++) {
            int o = i * l;
            double off = 0;
            for (int j = 0; j < i; j++) {
                off += g[o + j] * s[o + j];
            }
            v += 2 * off + g[o + i] * s[o + i];
        }
        return v;
    }

    static double[] gradient(Engine en, double[] theta, Engine.Eval e) {
        Engine.Params pr = e.params;
        int p = en.p;
        int q = en.q;
        int l = p + q + 1;
        double[] ld = new double[1];
        double[] dinv = dInverse(pr.d, q, ld);
        if (dinv == null) {
            return null;
        }
        Work w = new Work(p, q);
        double[] gz = new double[q * q];
        double[] gDelta = new double[en.strata];
        double gRho = 0;
        double is2 = 1 / e.sigma2;
        double rho = pr.rho;
        double omr = 1 - rho * rho;
        double[] qf = new double[l * l];
        double[] t = new double[q];
        double[] kh = new double[q * p];
        double[] wv = new double[l];
        double[] gam = new double[l * l];
        double[] kinv = new double[q * q];
        double[] ah = new double[p * q];
        double[] qg = new double[q * l];
        for (Engine.Block b : en.blocks) {
            if (!prepare(b.kinds, pr, dinv, w)) {
                return null;
            }
            for (int i = 0; i < l; i++) {
                for (int j = 0; j < l; j++) {
                    qf[i * l + j] = sym(w.qm, i, j, l);
                }
            }
            // t = K^-1 Z' Lambda^-1 (y - X beta); KH = K^-1 Z' Lambda^-1 X
            for (int i = 0; i < q; i++) {
                double v = qf[(p + i) * l + p + q];
                for (int j = 0; j < p; j++) {
                    double h = qf[(p + i) * l + j];
                    v -= h * e.beta[j];
                    kh[i * p + j] = h;
                }
                t[i] = v;
            }
            kSolve(w.lk, q, t, 0, 1);
            for (int j = 0; j < p; j++) {
                kSolve(w.lk, q, kh, j, p);
            }
            for (int i = 0; i < q * q; i++) {
                kinv[i] = 0;
            }
            for (int c = 0; c < q; c++) {
                kinv[c * q + c] = 1;
                kSolve(w.lk, q, kinv, c, q);
            }
            for (int j = 0; j < p; j++) {
                wv[j] = -e.beta[j];
            }
            for (int i = 0; i < q; i++) {
                wv[p + i] = -t[i];
            }
            wv[p + q] = 1;
            // Gamma = J + w w' / sigma^2 + B A^-1 B'
            for (int i = 0; i < l; i++) {
                for (int j = 0; j < l; j++) {
                    gam[i * l + j] = wv[i] * wv[j] * is2;
                }
            }
            for (int i = 0; i < q; i++) {
                for (int j = 0; j < q; j++) {
                    gam[(p + i) * l + p + j] += kinv[i * q + j];
                }
            }
            if (en.reml) {
                // A^-1 KH' (p x q)
                for (int j = 0; j < p; j++) {
                    for (int i = 0; i < q; i++) {
                        double v = 0;
                        for (int k = 0; k < p; k++) {
                            v += e.aInv[j * p + k] * kh[i * p + k];
                        }
                        ah[j * q + i] = v;
                    }
                }
                for (int j = 0; j < p; j++) {
                    for (int k = 0; k < p; k++) {
                        gam[j * l + k] += e.aInv[j * p + k];
                    }
                    for (int i = 0; i < q; i++) {
                        gam[j * l + p + i] -= ah[j * q + i];
                        gam[(p + i) * l + j] -= ah[j * q + i];
                    }
                }
                for (int i = 0; i < q; i++) {
                    for (int k = 0; k < q; k++) {
                        double v = 0;
                        for (int j = 0; j < p; j++) {
                            v += kh[i * p + j] * ah[j * q + k];
                        }
                        gam[(p + i) * l + p + k] += v;
                    }
                }
            }
            // Z' M Z = G - Q_Z. Gamma Q_.Z
            for (int i = 0; i < q; i++) {
                for (int j = 0; j < l; j++) {
                    double v = 0;
                    for (int k = 0; k < l; k++) {
                        v += qf[(p + i) * l + k] * gam[k * l + j];
                    }
                    qg[i * l + j] = v;
                }
            }
            for (int i = 0; i < q; i++) {
                for (int j = 0; j < q; j++) {
                    double v = qf[(p + i) * l + p + j];
                    for (int k = 0; k < l; k++) {
                        v -= qg[i * l + k] * qf[k * l + p + j];
                    }
                    gz[i * q + j] += v;
                }
            }
            // residual parameters: sums of M over the diagonal and the partner entries of each kind of row
            for (Kind k : b.kinds) {
                double da = pr.delta[k.s];
                double ga = inner(gam, k.aa, l);
                if (k.sc < 0) {
                    double al = 1 / (da * da);
                    double diag = k.count * al - al * al * ga;
                    gDelta[k.s] += 2 * diag * da * da;
                    continue;
                }
                double dc = pr.delta[k.sc];
                double gc = inner(gam, k.cc, l);
                double gx = inner(gam, k.ac, l);
                double aa = 1 / (da * da * omr);
                double ac = 1 / (dc * dc * omr);
                double be = -rho / (da * dc * omr);
                double diag = k.count * aa - (aa * aa * ga + 2 * aa * be * gx + be * be * gc);
                double off = k.count * be - (be * aa * ga + (be * be + aa * ac) * gx + ac * be * gc);
                gDelta[k.s] += 2 * diag * da * da;
                double lam = off * rho * da * dc;
                gDelta[k.s] += lam;
                gDelta[k.sc] += lam;
                gRho += off * da * dc;
            }
        }
        return en.chain(theta, pr, gz, gDelta, gRho, 0);
    }
}
