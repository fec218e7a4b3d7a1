package org.dyadkit.mlm;

import java.util.Arrays;

/**
 * The likelihood of the linear mixed model with one grouping level (the dyad), in nlme's
 * parameterisation (Pinheiro and Bates 2000, sec. 2.2 and 5.1): for dyad i,
 * {@code y_i = X_i beta + Z_i b_i + e_i}, {@code b_i ~ N(0, sigma^2 D)}, {@code e_i ~ N(0, sigma^2 Lambda_i)},
 * with {@code Lambda_i = W_i C_i W_i}, W the varIdent SD ratios of each row's stratum (1 for the first) and C
 * the residual correlation: 1 on the diagonal, rho for the two partners at the same occasion (compound
 * symmetry within dyad and occasion), phi^|t - s| within a person under AR(1), and rho phi^|t - s| between
 * partners when both are chosen (the Kronecker product of the two).
 *
 * <p>beta and sigma^2 are profiled out; with {@code Sigma_i = Z_i D Z_i' + Lambda_i}, {@code RSS = sum
 * (y_i - X_i beta)' Sigma_i^-1 (y_i - X_i beta)} at the GLS beta, the log-likelihoods are nlme's:
 * ML {@code -N/2 (log 2 pi + 1 + log(RSS/N)) - 1/2 sum log|Sigma_i|}, REML
 * {@code -(N-p)/2 (log 2 pi + 1 + log(RSS/(N-p))) - 1/2 sum log|Sigma_i| - 1/2 log|sum X_i' Sigma_i^-1 X_i|}.
 * Each evaluation costs one Cholesky factorisation per dyad, so it is linear in the number of dyads.
 *
 * <p>Variance parameters on an unconstrained scale, in this order: D by its log-Cholesky factor (row by
 * row, the log of each diagonal element, Pinheiro and Bates 1996) or by log SDs (diagonal), the log SD ratio
 * of each stratum after the first, atanh rho, atanh phi.
 */
final class Engine {
    static final double LOG_2PI = Math.log(2 * Math.PI);

    /** One dyad's rows. */
    static final class Block {
        int m;
        double[] x;
        double[] z;
        double[] y;
        int[] stratum;
        int[] who;
        double[] t;
        int[] rows;
        /** The partner's row at the same occasion (Woodbury path), or -1. */
        int[] pair;
        /** The parameter-free cross-products of each kind of row (Woodbury path). */
        Woodbury.Kind[] kinds;
    }

    final Block[] blocks;
    final int p;
    final int q;
    final int strata;
    final boolean diagonal;
    final boolean cs;
    final boolean ar1;
    final boolean reml;
    final int n;
    final int nD;
    final int nTheta;
    /** Rows of the largest dyad block: the size of the per-evaluation work arrays. */
    final int maxBlock;

    Engine(Block[] blocks, int p, int q, int strata, boolean diagonal, boolean cs, boolean ar1, boolean reml) {
        this(blocks, p, q, strata, diagonal, cs, ar1, reml, true);
    }

    /** An engine; {@code allowWoodbury = false} forces the dense path (for tests comparing the two). */
    Engine(Block[] blocks, int p, int q, int strata, boolean diagonal, boolean cs, boolean ar1, boolean reml,
            boolean allowWoodbury) {
        this.blocks = blocks;
        int largest = 0;
        for (Block b : blocks) {
            largest = Math.max(largest, b.m);
        }
        this.maxBlock = largest;
        this.p = p;
        this.q = q;
        this.strata = strata;
        this.diagonal = diagonal;
        this.cs = cs;
        this.ar1 = ar1;
        this.reml = reml;
        int total = 0;
        for (Block b : blocks) {
            total += b.m;
        }
        this.n = total;
        this.nD = diagonal ? q : q * (q + 1) / 2;
        this.nTheta = nD + (strata - 1) + (cs ? 1 : 0) + (ar1 ? 1 : 0);
        this.woodbury = allowWoodbury && !ar1 && q > 0;
        if (woodbury) {
            for (Block b : blocks) {
                b.pair = Woodbury.pairs(b, cs);
                b.kinds = Woodbury.kinds(b, p, q, strata);
            }
        }
    }

    /** Whether the residual covariance is block-diagonal by occasion, so the Woodbury identity applies. */
    final boolean woodbury;

    /** The parameters in natural form. */
    static final class Params {
        double[] d;
        double[] delta;
        double rho;
        double phi;
    }

    Params params(double[] theta) {
        Params pr = new Params();
        pr.d = new double[q * q];
        if (diagonal) {
            for (int j = 0; j < q; j++) {
                pr.d[j * q + j] = Math.exp(2 * theta[j]);
            }
        } else {
            double[] l = new double[q * q];
            int k = 0;
            for (int i = 0; i < q; i++) {
                for (int j = 0; j <= i; j++) {
                    l[i * q + j] = i == j ? Math.exp(theta[k]) : theta[k];
                    k++;
                }
            }
            for (int i = 0; i < q; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = 0;
                    for (int c = 0; c <= j; c++) {
                        s += l[i * q + c] * l[j * q + c];
                    }
                    pr.d[i * q + j] = s;
                    pr.d[j * q + i] = s;
                }
            }
        }
        pr.delta = new double[strata];
        pr.delta[0] = 1;
        for (int s = 1; s < strata; s++) {
            pr.delta[s] = Math.exp(theta[nD + s - 1]);
        }
        int k = nD + strata - 1;
        pr.rho = cs ? Math.tanh(theta[k++]) : 0;
        pr.phi = ar1 ? Math.tanh(theta[k]) : 0;
        return pr;
    }

    /** The result of one evaluation. */
    static final class Eval {
        double logLik;
        double[] beta;
        /** (sum X' Sigma^-1 X)^-1, p x p. */
        double[] aInv;
        double sigma2;
        double rss;
        double logDet;
        double logDetA;
        Params params;
    }

    /** The residual correlation of two rows of a block (before the SD ratios). */
    double corr(Block b, int a, int c, Params pr) {
        if (a == c) {
            return 1;
        }
        double dt = Math.abs(b.t[a] - b.t[c]);
        if (b.who[a] == b.who[c]) {
            return ar1 ? Math.pow(pr.phi, dt) : 0;
        }
        if (cs) {
            return ar1 ? pr.rho * Math.pow(pr.phi, dt) : (dt == 0 ? pr.rho : 0);
        }
        return 0;
    }

    /** Builds Sigma_i (row-major m x m) for a block; zd is scratch of m x q. */
    void sigma(Block b, Params pr, double[] s, double[] zd) {
        int m = b.m;
        for (int a = 0; a < m; a++) {
            for (int j = 0; j < q; j++) {
                double v = 0;
                for (int i = 0; i < q; i++) {
                    v += b.z[a * q + i] * pr.d[i * q + j];
                }
                zd[a * q + j] = v;
            }
        }
        for (int a = 0; a < m; a++) {
            for (int c = 0; c <= a; c++) {
                double cr = corr(b, a, c, pr);
                double v = cr == 0 ? 0 : cr * pr.delta[b.stratum[a]] * pr.delta[b.stratum[c]];
                for (int j = 0; j < q; j++) {
                    v += zd[a * q + j] * b.z[c * q + j];
                }
                s[a * m + c] = v;
                s[c * m + a] = v;
            }
        }
    }

    /** In-place lower Cholesky of an m x m row-major matrix; false when not positive definite. */
    static boolean cholesky(double[] a, int m) {
        for (int j = 0; j < m; j++) {
            double d = a[j * m + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * m + k] * a[j * m + k];
            }
            if (!(d > 0)) {
                return false;
            }
            double l = Math.sqrt(d);
            a[j * m + j] = l;
            for (int i = j + 1; i < m; i++) {
                double v = a[i * m + j];
                for (int k = 0; k < j; k++) {
                    v -= a[i * m + k] * a[j * m + k];
                }
                a[i * m + j] = v / l;
            }
        }
        return true;
    }

    /** Solves L w = v in place (L lower, row-major m x m), for a column v with stride. */
    static void forward(double[] l, int m, double[] v, int off, int stride) {
        for (int i = 0; i < m; i++) {
            double s = v[off + i * stride];
            for (int k = 0; k < i; k++) {
                s -= l[i * m + k] * v[off + k * stride];
            }
            v[off + i * stride] = s / l[i * m + i];
        }
    }

    /** The negative profiled log-likelihood, +infinity where it cannot be evaluated. */
    double objective(double[] theta) {
        Eval e = evaluate(theta, false);
        return e == null ? Double.POSITIVE_INFINITY : -e.logLik;
    }

    Eval evaluate(double[] theta, boolean full) {
        for (double t : theta) {
            if (!Double.isFinite(t) || Math.abs(t) > 50) {
                return null;
            }
        }
        Params pr = params(theta);
        if (woodbury) {
            return Woodbury.evaluate(this, pr, full);
        }
        double[] a = new double[p * p];
        double[] bv = new double[p];
        double c = 0;
        double logDet = 0;
        int maxM = maxBlock;
        double[] s = new double[maxM * maxM];
        double[] zd = new double[maxM * q];
        double[] w = new double[maxM * (p + 1)];
        for (Block b : blocks) {
            int m = b.m;
            sigma(b, pr, s, zd);
            if (!cholesky(s, m)) {
                return null;
            }
            for (int i = 0; i < m; i++) {
                logDet += 2 * Math.log(s[i * m + i]);
                System.arraycopy(b.x, i * p, w, i * (p + 1), p);
                w[i * (p + 1) + p] = b.y[i];
            }
            for (int col = 0; col <= p; col++) {
                forward(s, m, w, col, p + 1);
            }
            for (int i = 0; i < m; i++) {
                int o = i * (p + 1);
                double yi = w[o + p];
                for (int j = 0; j < p; j++) {
                    double xj = w[o + j];
                    bv[j] += xj * yi;
                    for (int k = 0; k <= j; k++) {
                        a[j * p + k] += xj * w[o + k];
                    }
                }
                c += yi * yi;
            }
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < j; k++) {
                a[k * p + j] = a[j * p + k];
            }
        }
        return finish(pr, a, bv, c, logDet, full);
    }

    /** The GLS solution and the profiled log-likelihood from the accumulated cross-products. */
    Eval finish(Params pr, double[] a, double[] bv, double c, double logDet, boolean full) {
        double[] l = a.clone();
        if (!cholesky(l, p)) {
            return null;
        }
        double logDetA = 0;
        for (int j = 0; j < p; j++) {
            logDetA += 2 * Math.log(l[j * p + j]);
        }
        double[] z = bv.clone();
        forward(l, p, z, 0, 1);
        double explained = 0;
        for (double v : z) {
            explained += v * v;
        }
        double rss = c - explained;
        if (!(rss > 0)) {
            return null;
        }
        Eval e = new Eval();
        double dfRes = reml ? n - p : n;
        e.sigma2 = rss / dfRes;
        e.rss = rss;
        e.logDet = logDet;
        e.logDetA = logDetA;
        e.logLik = -dfRes / 2 * (LOG_2PI + 1 + Math.log(e.sigma2)) - logDet / 2 - (reml ? logDetA / 2 : 0);
        e.params = pr;
        if (full) {
            // beta = L'^-1 z; A^-1 = L'^-1 L^-1
            double[] beta = z.clone();
            backward(l, p, beta);
            e.beta = beta;
            double[] inv = new double[p * p];
            for (int col = 0; col < p; col++) {
                double[] ecol = new double[p];
                ecol[col] = 1;
                forward(l, p, ecol, 0, 1);
                backward(l, p, ecol);
                for (int r = 0; r < p; r++) {
                    inv[r * p + col] = ecol[r];
                }
            }
            e.aInv = inv;
        }
        return e;
    }

    /** Solves L' x = v in place. */
    static void backward(double[] l, int m, double[] v) {
        for (int i = m - 1; i >= 0; i--) {
            double s = v[i];
            for (int k = i + 1; k < m; k++) {
                s -= l[k * m + i] * v[k];
            }
            v[i] = s / l[i * m + i];
        }
    }

    /**
     * The best linear unbiased predictions of one dyad's random effects, {@code b_i = D Z_i' Sigma_i^-1
     * (y_i - X_i beta)} (sigma^2 cancels), q values.
     */
    double[] blup(Block b, Params pr, double[] beta) {
        if (woodbury) {
            double[] out = Woodbury.blup(this, b, pr, beta);
            if (out != null) {
                return out;
            }
        }
        int m = b.m;
        double[] s = new double[m * m];
        sigma(b, pr, s, new double[m * q]);
        cholesky(s, m);
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            double f = 0;
            for (int j = 0; j < p; j++) {
                f += b.x[i * p + j] * beta[j];
            }
            r[i] = b.y[i] - f;
        }
        forward(s, m, r, 0, 1);
        backward(s, m, r);
        double[] zr = new double[q];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < q; j++) {
                zr[j] += b.z[i * q + j] * r[i];
            }
        }
        double[] out = new double[q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                out[i] += pr.d[i * q + j] * zr[j];
            }
        }
        return out;
    }

    /** The log-likelihood with sigma^2 = exp(s) not profiled out (beta still at its GLS value). */
    double logLikAt(double[] theta, double s) {
        Eval e = evaluate(theta, false);
        if (e == null) {
            return Double.NEGATIVE_INFINITY;
        }
        double dfRes = reml ? n - p : n;
        return -dfRes / 2 * (LOG_2PI + s) - e.logDet / 2 - (reml ? e.logDetA / 2 : 0) - e.rss / (2 * Math.exp(s));
    }

    /**
     * The analytic gradient of the objective (the negative profiled log-likelihood): with
     * {@code M_i = Sigma_i^-1 - u_i u_i' / sigma^2 - W_i A^-1 W_i'} (the last term for REML only),
     * {@code u_i = Sigma_i^-1 (y_i - X_i beta)}, {@code W_i = Sigma_i^-1 X_i}, each derivative is
     * {@code 1/2 sum_i tr(M_i dSigma_i)} (Harville 1977; Lindstrom and Bates 1988); beta and sigma^2 drop out
     * by the envelope theorem. Null where the likelihood cannot be evaluated.
     */
    double[] analyticGradient(double[] theta) {
        Eval e = evaluate(theta, true);
        if (e == null) {
            return null;
        }
        if (woodbury) {
            return Woodbury.gradient(this, theta, e);
        }
        Params pr = e.params;
        double[] gz = new double[q * q];
        double[] gDelta = new double[strata];
        double gRho = 0;
        double gPhi = 0;
        int maxM = maxBlock;
        double[] s = new double[maxM * maxM];
        double[] zd = new double[maxM * q];
        double[] inv = new double[maxM * maxM];
        double[] u = new double[maxM];
        double[] w = new double[maxM * p];
        double[] wa = new double[maxM * p];
        double[] mz = new double[maxM * q];
        double[] col = new double[maxM];
        for (Block b : blocks) {
            int m = b.m;
            sigma(b, pr, s, zd);
            cholesky(s, m);
            // inverse, column by column
            for (int c = 0; c < m; c++) {
                Arrays.fill(col, 0, m, 0);
                col[c] = 1;
                forward(s, m, col, 0, 1);
                backwardM(s, m, col);
                for (int r = 0; r < m; r++) {
                    inv[r * m + c] = col[r];
                }
            }
            for (int i = 0; i < m; i++) {
                double f = b.y[i];
                for (int j = 0; j < p; j++) {
                    f -= b.x[i * p + j] * e.beta[j];
                }
                col[i] = f;
            }
            for (int i = 0; i < m; i++) {
                double v = 0;
                for (int k = 0; k < m; k++) {
                    v += inv[i * m + k] * col[k];
                }
                u[i] = v;
                for (int j = 0; j < p; j++) {
                    double x = 0;
                    for (int k = 0; k < m; k++) {
                        x += inv[i * m + k] * b.x[k * p + j];
                    }
                    w[i * p + j] = x;
                }
            }
            if (reml) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < p; j++) {
                        double v = 0;
                        for (int k = 0; k < p; k++) {
                            v += w[i * p + k] * e.aInv[k * p + j];
                        }
                        wa[i * p + j] = v;
                    }
                }
            }
            // M = inv - u u'/sigma2 - W A^-1 W', stored into inv
            double is2 = 1 / e.sigma2;
            for (int a = 0; a < m; a++) {
                for (int c = 0; c <= a; c++) {
                    double v = inv[a * m + c] - u[a] * u[c] * is2;
                    if (reml) {
                        for (int j = 0; j < p; j++) {
                            v -= wa[a * p + j] * w[c * p + j];
                        }
                    }
                    inv[a * m + c] = v;
                    inv[c * m + a] = v;
                }
            }
            // Z' M Z
            for (int a = 0; a < m; a++) {
                for (int j = 0; j < q; j++) {
                    double v = 0;
                    for (int c = 0; c < m; c++) {
                        v += inv[a * m + c] * b.z[c * q + j];
                    }
                    mz[a * q + j] = v;
                }
            }
            for (int i = 0; i < q; i++) {
                for (int j = 0; j < q; j++) {
                    double v = 0;
                    for (int a = 0; a < m; a++) {
                        v += b.z[a * q + i] * mz[a * q + j];
                    }
                    gz[i * q + j] += v;
                }
            }
            // residual parameters
            for (int a = 0; a < m; a++) {
                for (int c = 0; c < m; c++) {
                    double mac = inv[a * m + c];
                    double da = pr.delta[b.stratum[a]];
                    double dc = pr.delta[b.stratum[c]];
                    if (a == c) {
                        gDelta[b.stratum[a]] += 2 * mac * da * dc;
                        continue;
                    }
                    double dt = Math.abs(b.t[a] - b.t[c]);
                    boolean same = b.who[a] == b.who[c];
                    double cr = corr(b, a, c, pr);
                    if (cr != 0) {
                        double lam = mac * cr * da * dc;
                        gDelta[b.stratum[a]] += lam;
                        gDelta[b.stratum[c]] += lam;
                    }
                    if (cs && !same) {
                        double dr = ar1 ? Math.pow(pr.phi, dt) : (dt == 0 ? 1 : 0);
                        gRho += mac * da * dc * dr;
                    }
                    if (ar1 && dt > 0 && (same || cs)) {
                        double dp = dt * Math.pow(pr.phi, dt - 1) * (same ? 1 : pr.rho);
                        gPhi += mac * da * dc * dp;
                    }
                }
            }
        }
        return chain(theta, pr, gz, gDelta, gRho, gPhi);
    }

    /** The chain rule from tr(M dSigma) sums to the gradient of the objective on the unconstrained scale. */
    double[] chain(double[] theta, Params pr, double[] gz, double[] gDelta, double gRho, double gPhi) {
        double[] g = new double[nTheta];
        // chain rule to the unconstrained parameters; objective gradient is +1/2 tr(M dSigma)
        if (diagonal) {
            for (int j = 0; j < q; j++) {
                g[j] = 0.5 * gz[j * q + j] * 2 * pr.d[j * q + j];
            }
        } else {
            double[] l = new double[q * q];
            int k = 0;
            for (int i = 0; i < q; i++) {
                for (int j = 0; j <= i; j++) {
                    l[i * q + j] = i == j ? Math.exp(theta[k]) : theta[k];
                    k++;
                }
            }
            double[] gl = new double[q * q];
            for (int i = 0; i < q; i++) {
                for (int j = 0; j < q; j++) {
                    double v = 0;
                    for (int a = 0; a < q; a++) {
                        v += gz[i * q + a] * l[a * q + j];
                    }
                    gl[i * q + j] = v;
                }
            }
            k = 0;
            for (int i = 0; i < q; i++) {
                for (int j = 0; j <= i; j++) {
                    double ee = i == j ? l[i * q + i] : 1;
                    g[k++] = 0.5 * 2 * ee * gl[i * q + j];
                }
            }
        }
        for (int st = 1; st < strata; st++) {
            g[nD + st - 1] = 0.5 * gDelta[st];
        }
        int k = nD + strata - 1;
        if (cs) {
            g[k++] = 0.5 * gRho * (1 - pr.rho * pr.rho);
        }
        if (ar1) {
            g[k] = 0.5 * gPhi * (1 - pr.phi * pr.phi);
        }
        return g;
    }

    private static void backwardM(double[] l, int m, double[] v) {
        for (int i = m - 1; i >= 0; i--) {
            double s = v[i];
            for (int k = i + 1; k < m; k++) {
                s -= l[k * m + i] * v[k];
            }
            v[i] = s / l[i * m + i];
        }
    }

    /** Central-difference gradient of the objective. */
    double[] gradient(double[] theta, double f0, double h) {
        double[] g = new double[theta.length];
        double[] t = theta.clone();
        for (int i = 0; i < theta.length; i++) {
            double hi = h * Math.max(1, Math.abs(theta[i]));
            t[i] = theta[i] + hi;
            double fp = objective(t);
            t[i] = theta[i] - hi;
            double fm = objective(t);
            t[i] = theta[i];
            if (Double.isFinite(fp) && Double.isFinite(fm)) {
                g[i] = (fp - fm) / (2 * hi);
            } else if (Double.isFinite(fp)) {
                g[i] = (fp - f0) / hi;
            } else if (Double.isFinite(fm)) {
                g[i] = (f0 - fm) / hi;
            } else {
                g[i] = Double.NaN;
            }
        }
        return g;
    }

    /** The analytic gradient, or central differences where it cannot be had. */
    double[] grad(double[] theta, double f) {
        double[] g = analyticGradient(theta);
        return g != null ? g : gradient(theta, f, 1e-5);
    }

    /**
     * The Hessian of the objective by forward differences of the analytic gradient from its value g0 at theta
     * (one gradient per parameter), symmetrised; it only steers the Newton steps that polish the optimum, whose
     * stopping rule is the gradient itself.
     */
    double[] hessianOfGradient(double[] theta, double[] g0) {
        int k = theta.length;
        double[] hs = new double[k * k];
        double[] t = theta.clone();
        for (int i = 0; i < k; i++) {
            double hi = 1e-5 * Math.max(1, Math.abs(theta[i]));
            t[i] = theta[i] + hi;
            double[] gp = analyticGradient(t);
            t[i] = theta[i];
            if (gp == null) {
                return hessian(theta, objective(theta), 1e-4);
            }
            for (int j = 0; j < k; j++) {
                hs[i * k + j] = (gp[j] - g0[j]) / hi;
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                double v = (hs[i * k + j] + hs[j * k + i]) / 2;
                hs[i * k + j] = v;
                hs[j * k + i] = v;
            }
        }
        return hs;
    }

    /** Central second differences of the objective (k x k, row-major). */
    double[] hessian(double[] theta, double f0, double h) {
        int k = theta.length;
        double[] hs = new double[k * k];
        double[] t = theta.clone();
        double[] step = new double[k];
        for (int i = 0; i < k; i++) {
            step[i] = h * Math.max(1, Math.abs(theta[i]));
        }
        for (int i = 0; i < k; i++) {
            t[i] = theta[i] + step[i];
            double fp = objective(t);
            t[i] = theta[i] - step[i];
            double fm = objective(t);
            t[i] = theta[i];
            hs[i * k + i] = (fp - 2 * f0 + fm) / (step[i] * step[i]);
            for (int j = 0; j < i; j++) {
                t[i] = theta[i] + step[i];
                t[j] = theta[j] + step[j];
                double fpp = objective(t);
                t[j] = theta[j] - step[j];
                double fpm = objective(t);
                t[i] = theta[i] - step[i];
                double fmm = objective(t);
                t[j] = theta[j] + step[j];
                double fmp = objective(t);
                t[i] = theta[i];
                t[j] = theta[j];
                double v = (fpp - fpm - fmp + fmm) / (4 * step[i] * step[j]);
                hs[i * k + j] = v;
                hs[j * k + i] = v;
            }
        }
        return hs;
    }

    /** Outcome of the optimisation. */
    static final class Optimum {
        double[] theta;
        double f;
        int iterations;
        boolean converged;
        double gradientNorm;
    }

    /**
     * Minimises the objective: BFGS on the analytic gradient (central differences where it cannot be had) with a
     * backtracking line search (Nocedal and Wright 2006, alg. 6.1), its first inverse Hessian the inverse of the
     * finite-difference Hessian at the start (its diagonal shifted until positive definite), then Newton steps
     * on a finite-difference Hessian to polish.
     */
    Optimum minimise(double[] start, int maxIterations) {
        int k = start.length;
        double[] x = start.clone();
        double f = objective(x);
        Optimum o = new Optimum();
        if (!Double.isFinite(f)) {
            o.theta = x;
            o.f = f;
            return o;
        }
        double h = 1e-5;
        double[] g = grad(x, f);
        double[] hInv = identity(k);
        // the curvature at the start, when positive definite, as BFGS's first inverse Hessian
        boolean scaled = false;
        if (maxAbs(g) >= 1e-3) {
            double[] h0 = hessianOfGradient(x, g);
            double[] inv = inverseSpd(h0, k);
            double big = 0;
            for (int i = 0; i < k; i++) {
                big = Math.max(big, Math.abs(h0[i * k + i]));
            }
            // not positive definite: shift the diagonal until it is (Nocedal and Wright 2006, sec. 3.4)
            for (double tau = 1e-3 * big; inv == null && tau <= 1e3 * big && tau > 0; tau *= 4) {
                double[] sh = h0.clone();
                for (int i = 0; i < k; i++) {
                    sh[i * k + i] += tau;
                }
                inv = inverseSpd(sh, k);
            }
            if (inv != null) {
                hInv = inv;
                scaled = true;
            }
        }
        int it = 0;
        for (; it < maxIterations; it++) {
            if (maxAbs(g) < 1e-3) {
                break; // close enough for Newton's quadratic convergence to finish
            }
            double[] d = new double[k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    d[i] -= hInv[i * k + j] * g[j];
                }
            }
            double slope = dot(d, g);
            if (!(slope < 0)) {
                hInv = identity(k);
                for (int i = 0; i < k; i++) {
                    d[i] = -g[i];
                }
                slope = dot(d, g);
            }
            // cap the step at 5 on the unconstrained scale
            double dn = maxAbs(d);
            double alpha = dn > 5 ? 5 / dn : 1;
            double[] xn = new double[k];
            double fn;
            int tries = 0;
            while (true) {
                for (int i = 0; i < k; i++) {
                    xn[i] = x[i] + alpha * d[i];
                }
                fn = objective(xn);
                if (Double.isFinite(fn) && fn <= f + 1e-4 * alpha * slope) {
                    break;
                }
                alpha /= 2;
                if (++tries > 40) {
                    break;
                }
            }
            if (tries > 40) {
                break;
            }
            double[] gn = grad(xn, fn);
            double[] sVec = new double[k];
            double[] yVec = new double[k];
            for (int i = 0; i < k; i++) {
                sVec[i] = xn[i] - x[i];
                yVec[i] = gn[i] - g[i];
            }
            double sy = dot(sVec, yVec);
            if (sy > 1e-12) {
                if (it == 0 && !scaled) {
                    double yy = dot(yVec, yVec);
                    for (int i = 0; i < k; i++) {
                        hInv[i * k + i] = sy / yy;
                    }
                }
                bfgsUpdate(hInv, sVec, yVec, sy, k);
            }
            double fOld = f;
            x = xn;
            f = fn;
            g = gn;
            if (Math.abs(fOld - f) < 1e-14 * Math.max(1, Math.abs(f)) && maxAbs(g) < 1e-4) {
                break;
            }
        }
        // Newton polishing on the Hessian from differences of the analytic gradient
        for (int step = 0; step < 6; step++) {
            if (maxAbs(g) < 1e-8) {
                break;
            }
            double[] hs = hessianOfGradient(x, g);
            double[] d = solveSpd(hs, g, k);
            if (d == null) {
                break;
            }
            double[] xn = new double[k];
            for (int i = 0; i < k; i++) {
                xn[i] = x[i] - d[i];
            }
            double fn = objective(xn);
            if (!(fn <= f + 1e-10 * Math.max(1, Math.abs(f)))) {
                break;
            }
            double[] gn = grad(xn, fn);
            if (!(maxAbs(gn) < maxAbs(g))) {
                break; // at the precision of the arithmetic
            }
            x = xn;
            f = Math.min(f, fn);
            f = fn;
            g = gn;
        }
        o.theta = x;
        o.f = f;
        o.iterations = it;
        o.gradientNorm = maxAbs(g);
        o.converged = o.gradientNorm < 1e-3;
        return o;
    }

    private static void bfgsUpdate(double[] hInv, double[] s, double[] y, double sy, int k) {
        double[] hy = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                hy[i] += hInv[i * k + j] * y[j];
            }
        }
        double yhy = dot(y, hy);
        double rho = 1 / sy;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                hInv[i * k + j] += (1 + yhy * rho) * rho * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
            }
        }
    }

    /** Solves H d = g for a symmetric positive definite H; null when H is not positive definite. */
    static double[] solveSpd(double[] h, double[] g, int k) {
        double[] l = h.clone();
        if (!cholesky(l, k)) {
            return null;
        }
        double[] d = g.clone();
        forward(l, k, d, 0, 1);
        backward(l, k, d);
        return d;
    }

    /** The inverse of a symmetric positive definite matrix; null when it is not positive definite. */
    static double[] inverseSpd(double[] h, int k) {
        double[] l = h.clone();
        if (!cholesky(l, k)) {
            return null;
        }
        double[] inv = new double[k * k];
        for (int c = 0; c < k; c++) {
            double[] col = new double[k];
            col[c] = 1;
            forward(l, k, col, 0, 1);
            backward(l, k, col);
            for (int r = 0; r < k; r++) {
                inv[r * k + c] = col[r];
            }
        }
        return inv;
    }

    static double[] identity(int k) {
        double[] m = new double[k * k];
        for (int i = 0; i < k; i++) {
            m[i * k + i] = 1;
        }
        return m;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return Double.isNaN(Arrays.stream(a).sum()) ? Double.POSITIVE_INFINITY : m;
    }
}
