package org.dyadkit.apim;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;

/**
 * Generalised least squares with a 2x2 residual covariance per dyad, fitted by REML or ML.
 *
 * <p>Block covariance of a complete dyad (role-0 member first): {@code sigma^2 [[1, rho*lambda],
 * [rho*lambda, lambda^2]]}; a singleton has {@code sigma^2} (role 0) or {@code sigma^2 lambda^2} (role 1).
 * Compound symmetry fixes {@code lambda = 1}. beta and sigma^2 are profiled out; rho (on the atanh scale)
 * and log lambda are optimised with Brent's method after a grid search, nested for two parameters.
 * The log-likelihoods are nlme's ({@code gls}): ML {@code -N/2 (log 2pi + 1 + log(RSS/N)) - 1/2 sum log|V0_i|}
 * and REML {@code -(N-p)/2 (log 2pi + 1 + log(RSS/(N-p))) - 1/2 sum log|V0_i| - 1/2 log|X'V0^-1 X|}.
 */
final class GlsEngine {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double Z_MAX = 7.0;
    private static final double Z_STEP = 0.5;
    /** |rho| above this is reported as a boundary solution. */
    static final double RHO_BOUNDARY = 1 - 1e-7;

    private GlsEngine() {
    }

    /** The profiled likelihood and the GLS solution at fixed (rho, lambda). */
    static final class Eval {
        double[] beta;
        /** (X'V0^-1 X)^-1, p x p row-major. */
        double[] xtxInv;
        double rss;
        double logDetXtX;
        double logDetV0;
        double sigma2;
        double logLik;
    }

    /**
     * Evaluates the profiled log-likelihood at (rho, lambda); returns null when X'V0^-1X is not positive
     * definite or the residual sum of squares is not positive.
     */
    static Eval evaluate(CrossProducts c, boolean reml, double rho, double lambda, boolean withInverse) {
        int p = c.p;
        int q = c.q;
        double l2 = lambda * lambda;
        double det = l2 * (1 - rho * rho);
        if (!(det > 0)) {
            return null;
        }
        double w11 = l2 / det;
        double w22 = 1 / det;
        double w12 = -rho * lambda / det;
        double il2 = 1 / l2;
        double[] a = new double[q * q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j <= i; j++) {
                int ij = i * q + j;
                int ji = j * q + i;
                double v = w11 * c.s11[ij] + w22 * c.s22[ij] + w12 * (c.s12[ij] + c.s12[ji]) + c.t0[ij]
                        + il2 * c.t1[ij];
                a[ij] = v;
                a[ji] = v;
            }
        }
        double[] l = cholesky(a, q, p);
        if (l == null) {
            return null;
        }
        double logDetXtX = 0;
        for (int i = 0; i < p; i++) {
            logDetXtX += 2 * Math.log(l[i * p + i]);
        }
        double[] xty = new double[p];
        for (int i = 0; i < p; i++) {
            xty[i] = a[i * q + p];
        }
        double[] beta = cholSolve(l, p, xty);
        double rss = a[p * q + p];
        for (int i = 0; i < p; i++) {
            rss -= xty[i] * beta[i];
        }
        if (!(rss > 1e-14 * Math.abs(a[p * q + p])) || !(rss > 0)) {
            return null;
        }
        double n = c.nObs();
        Eval e = new Eval();
        e.beta = beta;
        e.rss = rss;
        e.logDetXtX = logDetXtX;
        e.logDetV0 = c.nComplete * Math.log(det) + c.nSingle1 * Math.log(l2);
        if (reml) {
            double np = n - p;
            e.sigma2 = rss / np;
            e.logLik = -np / 2 * (LOG_2PI + 1 + Math.log(e.sigma2)) - e.logDetV0 / 2 - logDetXtX / 2;
        } else {
            e.sigma2 = rss / n;
            e.logLik = -n / 2 * (LOG_2PI + 1 + Math.log(e.sigma2)) - e.logDetV0 / 2;
        }
        if (withInverse) {
            e.xtxInv = cholInverse(l, p);
        }
        return e;
    }

    /**
     * The log-likelihood (REML or ML) at arbitrary variance parameters, beta at its GLS value: used for
     * the information matrix of the variance parameters.
     */
    static double logLik(CrossProducts c, boolean reml, double sigma2, double rho, double lambda) {
        Eval e = evaluate(c, reml, rho, lambda, false);
        if (e == null) {
            return Double.NEGATIVE_INFINITY;
        }
        double n = c.nObs();
        double m = reml ? n - c.p : n;
        double ll = -m / 2 * (LOG_2PI + Math.log(sigma2)) - e.logDetV0 / 2 - e.rss / (2 * sigma2);
        return reml ? ll - e.logDetXtX / 2 : ll;
    }

    /** A fitted covariance structure and its GLS solution. */
    record Estimate(double rho, double lambda, Eval eval, boolean closedForm) {
    }

    /** Fits by the closed form when {@code plan} allows it, otherwise iteratively. */
    static Estimate fit(CrossProducts c, boolean reml, boolean roleSpecific, ClosedFormPlan plan) {
        return fit(c, reml, roleSpecific, plan, null);
    }

    /**
     * As {@link #fit(CrossProducts, boolean, boolean, ClosedFormPlan)}, starting Newton's method from a
     * nearby solution (a bootstrap replicate starts from the full-data fit); falls back to the full
     * search when Newton's method does not converge.
     */
    static Estimate fit(CrossProducts c, boolean reml, boolean roleSpecific, ClosedFormPlan plan, Estimate start) {
        Estimate e = search(c, reml, roleSpecific, plan, start);
        checkResidualBoundary(c, reml, roleSpecific, e);
        return e;
    }

    /**
     * Refuses a fit whose residuals of the two members of the complete dyads are (almost) exactly collinear
     * (their correlation at the GLS coefficients within {@code 1 - RHO_BOUNDARY} of +-1) and whose likelihood
     * still rises, or can no longer be evaluated, half a step (on the atanh scale) further towards that edge
     * along the ridge (role SD ratio at the ratio of the residual SDs).
     * Then the likelihood increases all the way to |rho| = 1 and any interior optimum (for example rho = 0.9999973,
     * where the evaluation stops because the residual sum of squares vanishes) is an artefact of rounding,
     * with meaningless standard errors. The test is the same in distinguishable and indistinguishable fits.
     */
    static void checkResidualBoundary(CrossProducts c, boolean reml, boolean roleSpecific, Estimate e) {
        if (c.nComplete < 2) {
            return;
        }
        double[] r = residualCrossProducts(c, e.eval().beta);
        double corr = r[2] / Math.sqrt(r[0] * r[1]);
        if (!Double.isFinite(corr) || Math.abs(corr) < RHO_BOUNDARY) {
            return;
        }
        // collinear residuals: a boundary only if the likelihood still rises (or can no longer be evaluated)
        // further towards that edge; with few residual degrees of freedom the sample correlation of the
        // residuals can be +-1 while the (REML) likelihood has an ordinary interior maximum
        // along the ridge: rho towards the edge, the SD ratio at the ratio of the residuals' SDs
        double z = 0.5 * Math.log((1 + e.rho()) / (1 - e.rho())) + Math.copySign(Z_STEP, corr);
        double ridge = roleSpecific ? Math.sqrt(r[1] / r[0]) : 1.0;
        Eval further = evaluate(c, reml, Math.tanh(z), ridge > 0 && Double.isFinite(ridge) ? ridge : e.lambda(),
                false);
        if (further == null || further.logLik >= e.eval().logLik) {
            throw boundary(e.rho());
        }
    }

    private static Estimate search(CrossProducts c, boolean reml, boolean roleSpecific, ClosedFormPlan plan,
            Estimate start) {
        if (plan != null && plan.applies && c.complete()) {
            Estimate e = closedForm(c, reml, roleSpecific, plan);
            if (e != null) {
                return e;
            }
        }
        if (start != null && c.nComplete > 0) {
            double z0 = 0.5 * Math.log((1 + start.rho()) / (1 - start.rho()));
            double[] t0 = roleSpecific ? new double[] {z0, Math.log(start.lambda())} : new double[] {z0};
            double[] t = newton(c, reml, t0, roleSpecific);
            if (t != null && Math.abs(t[0]) < Z_MAX && (!roleSpecific || Math.abs(t[1] - t0[1]) < 3)) {
                double rho = Math.tanh(t[0]);
                double lambda = roleSpecific ? Math.exp(t[1]) : 1.0;
                Eval e = Math.abs(rho) < RHO_BOUNDARY ? evaluate(c, reml, rho, lambda, true) : null;
                if (e != null) {
                    return new Estimate(rho, lambda, e, false);
                }
            }
        }
        return iterative(c, reml, roleSpecific);
    }

    /**
     * Damped Newton's method on the profiled log-likelihood from t0 (central-difference derivatives);
     * null when it does not converge to a maximum.
     */
    static double[] newton(CrossProducts c, boolean reml, double[] t0, boolean roleSpecific) {
        int m = t0.length;
        double[] t = t0.clone();
        double f = profiled(c, reml, t, roleSpecific);
        if (!Double.isFinite(f)) {
            return null;
        }
        for (int iter = 0; iter < 30; iter++) {
            double[] step = newtonStep(c, reml, t, f, roleSpecific);
            if (step == null) {
                return null;
            }
            double size = 0;
            for (double s : step) {
                size = Math.max(size, Math.abs(s));
            }
            if (!Double.isFinite(size)) {
                return null;
            }
            if (size > 1) {
                for (int i = 0; i < m; i++) {
                    step[i] /= size;
                }
                size = 1;
            }
            if (size < 1e-10) {
                return t;
            }
            boolean moved = false;
            for (int half = 0; half < 12; half++) {
                double[] tn = t.clone();
                for (int i = 0; i < m; i++) {
                    tn[i] += step[i];
                }
                double fn = profiled(c, reml, tn, roleSpecific);
                if (fn >= f || (size < 1e-6 && fn >= f - 1e-11 * Math.abs(f))) {
                    t = tn;
                    f = fn;
                    moved = true;
                    break;
                }
                for (int i = 0; i < m; i++) {
                    step[i] /= 2;
                }
                size /= 2;
            }
            if (!moved) {
                return size < 1e-6 ? t : null;
            }
            if (size < 1e-9) {
                return t;
            }
        }
        return null;
    }

    /** When the GLS estimator does not depend on the covariance (Zyskind's condition on complete dyads). */
    record ClosedFormPlan(boolean applies, int rankSum, int rankDiff, int rankRole) {
        static final ClosedFormPlan NONE = new ClosedFormPlan(false, 0, 0, 0);
    }

    /**
     * Decides whether the closed form applies: complete dyads and, for compound symmetry, a design whose
     * column space splits into a dyad-sum part and a dyad-difference part (rank(X_s) + rank(X_d) = p);
     * for role-specific variances, the same column space for both roles' regressors and no column shared
     * between roles (SUR with identical regressors).
     */
    static ClosedFormPlan plan(CrossProducts c, boolean roleSpecific) {
        if (!c.complete() || c.nComplete == 0) {
            return ClosedFormPlan.NONE;
        }
        int p = c.p;
        int q = c.q;
        if (!roleSpecific) {
            double[] ms = new double[p * p];
            double[] md = new double[p * p];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    double base = c.s11[i * q + j] + c.s22[i * q + j];
                    double cross = c.s12[i * q + j] + c.s12[j * q + i];
                    ms[i * p + j] = base + cross;
                    md[i * p + j] = base - cross;
                }
            }
            int rs = rank(ms, p);
            int rd = rank(md, p);
            return new ClosedFormPlan(rs + rd == p, rs, rd, 0);
        }
        double[] m11 = new double[p * p];
        double[] m22 = new double[p * p];
        double[] big = new double[4 * p * p];
        int p2 = 2 * p;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                m11[i * p + j] = c.s11[i * q + j];
                m22[i * p + j] = c.s22[i * q + j];
                big[i * p2 + j] = c.s11[i * q + j];
                big[(i + p) * p2 + j + p] = c.s22[i * q + j];
                big[i * p2 + j + p] = c.s12[i * q + j];
                big[(j + p) * p2 + i] = c.s12[i * q + j];
            }
        }
        int r1 = rank(m11, p);
        int r2 = rank(m22, p);
        int rb = rank(big, p2);
        return new ClosedFormPlan(r1 + r2 == p && r1 == r2 && rb == r1, 0, 0, r1);
    }

    /**
     * The closed form: beta by OLS, then the variance parameters from the residual cross products.
     * Compound symmetry: v_s = RSS_s/(N - rank X_s), v_d = RSS_d/(N - rank X_d) (REML; N for ML),
     * sigma^2 = (v_s + v_d)/4, rho = (v_s - v_d)/(v_s + v_d). Role-specific: Sigma = E'E/(N - p_role)
     * (REML; N for ML), with N the number of dyads.
     */
    static Estimate closedForm(CrossProducts c, boolean reml, boolean roleSpecific, ClosedFormPlan plan) {
        Eval ols = evaluate(c, reml, 0, 1, false);
        if (ols == null) {
            return null;
        }
        double[] e = residualCrossProducts(c, ols.beta);
        double n = c.nComplete;
        double rho;
        double lambda;
        if (!roleSpecific) {
            double rssS = e[0] + e[1] + 2 * e[2];
            double rssD = e[0] + e[1] - 2 * e[2];
            double vs = rssS / (reml ? n - plan.rankSum() : n);
            double vd = rssD / (reml ? n - plan.rankDiff() : n);
            rho = (vs - vd) / (vs + vd);
            lambda = 1;
        } else {
            lambda = Math.sqrt(e[1] / e[0]);
            rho = e[2] / Math.sqrt(e[0] * e[1]);
        }
        if (!(Math.abs(rho) < RHO_BOUNDARY) || !(lambda > 0) || Double.isInfinite(lambda)) {
            return null;
        }
        Eval fin = evaluate(c, reml, rho, lambda, true);
        return fin == null ? null : new Estimate(rho, lambda, fin, true);
    }

    /** {sum r1^2, sum r2^2, sum r1 r2} over complete dyads at beta. */
    static double[] residualCrossProducts(CrossProducts c, double[] beta) {
        int q = c.q;
        double[] v = new double[q];
        for (int i = 0; i < c.p; i++) {
            v[i] = -beta[i];
        }
        v[c.p] = 1;
        return new double[] {quad(c.s11, v, v, q), quad(c.s22, v, v, q), quad(c.s12, v, v, q)};
    }

    private static double quad(double[] m, double[] a, double[] b, int q) {
        double s = 0;
        for (int i = 0; i < q; i++) {
            double r = 0;
            for (int j = 0; j < q; j++) {
                r += m[i * q + j] * b[j];
            }
            s += a[i] * r;
        }
        return s;
    }

    /** Profiled optimisation over atanh(rho) (and log lambda for role-specific variances). */
    static Estimate iterative(CrossProducts c, boolean reml, boolean roleSpecific) {
        if (c.nComplete == 0) {
            throw new AnalysisException(Reason.NO_COMPLETE_DYADS,
                    "no dyad has both members in the model, so the residual correlation cannot be estimated; "
                            + "the model needs dyads in which both persons have the outcome and the predictors");
        }
        Eval start = evaluate(c, reml, 0, 1, false);
        if (start == null) {
            throw new AnalysisException(Reason.SINGULAR_DESIGN,
                    "the design matrix is singular or the outcome is fitted exactly; remove collinear predictors");
        }
        if (!roleSpecific) {
            double z = maximiseRho(c, reml, 1.0);
            double[] t = polish(c, reml, new double[] {z}, false);
            return finish(c, reml, Math.tanh(t[0]), 1.0);
        }
        // start the SD ratio from the OLS residuals of each role
        int q = c.q;
        double[] v = new double[q];
        for (int i = 0; i < c.p; i++) {
            v[i] = -start.beta[i];
        }
        v[c.p] = 1;
        double ss0 = quad(c.s11, v, v, q) + quad(c.t0, v, v, q);
        double ss1 = quad(c.s22, v, v, q) + quad(c.t1, v, v, q);
        double n0 = c.nComplete + c.nSingle0;
        double n1 = c.nComplete + c.nSingle1;
        double u0 = 0.5 * Math.log((ss1 / n1) / (ss0 / n0));
        if (!Double.isFinite(u0)) {
            throw new AnalysisException(Reason.NO_VARIANCE,
                    "the residuals of one role have no variance; the role-specific SD cannot be estimated");
        }
        double[] bestZ = new double[1];
        java.util.function.DoubleUnaryOperator profile = u -> {
            double lam = Math.exp(u);
            double zz = maximiseRhoQuiet(c, reml, lam);
            if (Double.isNaN(zz)) {
                return Double.NEGATIVE_INFINITY;
            }
            Eval ev = evaluate(c, reml, Math.tanh(zz), lam, false);
            bestZ[0] = zz;
            return ev == null ? Double.NEGATIVE_INFINITY : ev.logLik;
        };
        int steps = 12;
        double width = 3.0;
        double[] grid = new double[steps + 1];
        double[] val = new double[steps + 1];
        int best = -1;
        for (int i = 0; i <= steps; i++) {
            grid[i] = u0 - width + 2 * width * i / steps;
            val[i] = profile.applyAsDouble(grid[i]);
            if (best < 0 || val[i] > val[best]) {
                best = i;
            }
        }
        if (!Double.isFinite(val[best])) {
            throw new AnalysisException(Reason.NO_CONVERGENCE,
                    "the REML/ML likelihood could not be evaluated at any role SD ratio; check the data for "
                            + "predictors without variance");
        }
        if (best == 0 || best == steps) {
            throw new AnalysisException(Reason.BOUNDARY, String.format(java.util.Locale.ROOT,
                    "the ratio of the two roles' residual SDs runs to the edge of the search (%.4g); one role's "
                            + "residual variance is near zero or the roles are too unbalanced", Math.exp(grid[best])));
        }
        UnivariatePointValuePair opt = brent(profile, grid[best - 1], grid[best + 1], grid[best]);
        double u = opt.getValue() >= val[best] ? opt.getPoint() : grid[best];
        double lam = Math.exp(u);
        double z = maximiseRho(c, reml, lam);
        double[] t = polish(c, reml, new double[] {z, u}, true);
        return finish(c, reml, Math.tanh(t[0]), Math.exp(t[1]));
    }

    private static double profiled(CrossProducts c, boolean reml, double[] t, boolean roleSpecific) {
        Eval e = evaluate(c, reml, Math.tanh(t[0]), roleSpecific ? Math.exp(t[1]) : 1.0, false);
        return e == null ? Double.NEGATIVE_INFINITY : e.logLik;
    }

    /**
     * Newton steps on the profiled log-likelihood with central-difference derivatives, taken only while
     * they increase it: sharpens Brent's optimum (accurate to about sqrt(machine epsilon)) to near the
     * precision of the likelihood itself.
     */
    static double[] polish(CrossProducts c, boolean reml, double[] t0, boolean roleSpecific) {
        int m = t0.length;
        double[] t = t0.clone();
        double f = profiled(c, reml, t, roleSpecific);
        for (int iter = 0; iter < 4; iter++) {
            double[] step = newtonStep(c, reml, t, f, roleSpecific);
            if (step == null) {
                break;
            }
            double size = 0;
            double[] tn = t.clone();
            for (int i = 0; i < m; i++) {
                tn[i] += step[i];
                size = Math.max(size, Math.abs(step[i]));
            }
            if (!(size < 0.1)) {
                break;
            }
            double fn = profiled(c, reml, tn, roleSpecific);
            // below about 1e-6 the likelihood changes by less than its rounding error: trust the gradient
            if (!(fn >= f) && !(size < 1e-6 && fn >= f - 1e-11 * Math.abs(f))) {
                break;
            }
            t = tn;
            f = fn;
            if (size < 1e-12) {
                break;
            }
        }
        return t;
    }

    /**
     * The Newton step -H^-1 g on the profiled log-likelihood at t (whose value is f), with the gradient and
     * Hessian from central differences (step 1e-4); null where the Hessian is not negative definite.
     */
    private static double[] newtonStep(CrossProducts c, boolean reml, double[] t, double f, boolean roleSpecific) {
        double h = 1e-4;
        int m = t.length;
        double[] g = new double[m];
        double[] hd = new double[m];
        for (int i = 0; i < m; i++) {
            double[] tp = t.clone();
            double[] tm = t.clone();
            tp[i] += h;
            tm[i] -= h;
            double fp = profiled(c, reml, tp, roleSpecific);
            double fm = profiled(c, reml, tm, roleSpecific);
            g[i] = (fp - fm) / (2 * h);
            hd[i] = (fp - 2 * f + fm) / (h * h);
        }
        if (m == 1) {
            return hd[0] < 0 ? new double[] {-g[0] / hd[0]} : null;
        }
        double[] pp = {t[0] + h, t[1] + h};
        double[] pm = {t[0] + h, t[1] - h};
        double[] mp = {t[0] - h, t[1] + h};
        double[] mm = {t[0] - h, t[1] - h};
        double v = (profiled(c, reml, pp, true) - profiled(c, reml, pm, true) - profiled(c, reml, mp, true)
                + profiled(c, reml, mm, true)) / (4 * h * h);
        double det = hd[0] * hd[1] - v * v;
        if (!(hd[0] < 0) || !(det > 0)) {
            return null;
        }
        return new double[] {-(hd[1] * g[0] - v * g[1]) / det, -(-v * g[0] + hd[0] * g[1]) / det};
    }

    private static Estimate finish(CrossProducts c, boolean reml, double rho, double lambda) {
        if (!(Math.abs(rho) < RHO_BOUNDARY)) {
            throw boundary(rho);
        }
        Eval e = evaluate(c, reml, rho, lambda, true);
        if (e == null) {
            throw new AnalysisException(Reason.NO_CONVERGENCE, "the fit ended at a point where the likelihood "
                    + "cannot be evaluated");
        }
        return new Estimate(rho, lambda, e, false);
    }

    private static AnalysisException boundary(double rho) {
        return new AnalysisException(Reason.BOUNDARY, String.format(java.util.Locale.ROOT,
                "the residual correlation of the partners is at the boundary (rho = %.8f); the two members' "
                        + "residuals are (almost) identical or opposite, so the model cannot be estimated", rho));
    }

    /** atanh(rho) maximising the profile at fixed lambda; throws at the boundary. */
    private static double maximiseRho(CrossProducts c, boolean reml, double lambda) {
        double z = maximiseRhoQuiet(c, reml, lambda);
        if (Double.isNaN(z)) {
            throw new AnalysisException(Reason.NO_CONVERGENCE,
                    "the likelihood could not be evaluated for any residual correlation; check for collinear "
                            + "predictors or an outcome without variance");
        }
        if (Double.isInfinite(z)) {
            throw boundary(Math.signum(z));
        }
        return z;
    }

    /** NaN when nothing evaluates; +-infinity when the maximum is at the edge of the grid. */
    private static double maximiseRhoQuiet(CrossProducts c, boolean reml, double lambda) {
        int steps = (int) Math.round(2 * Z_MAX / Z_STEP);
        double[] grid = new double[steps + 1];
        double[] val = new double[steps + 1];
        int best = -1;
        for (int i = 0; i <= steps; i++) {
            grid[i] = -Z_MAX + i * Z_STEP;
            Eval e = evaluate(c, reml, Math.tanh(grid[i]), lambda, false);
            val[i] = e == null ? Double.NEGATIVE_INFINITY : e.logLik;
            if (best < 0 || val[i] > val[best]) {
                best = i;
            }
        }
        if (!Double.isFinite(val[best])) {
            return Double.NaN;
        }
        if (best == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (best == steps) {
            return Double.POSITIVE_INFINITY;
        }
        java.util.function.DoubleUnaryOperator f = z -> {
            Eval e = evaluate(c, reml, Math.tanh(z), lambda, false);
            return e == null ? Double.NEGATIVE_INFINITY : e.logLik;
        };
        UnivariatePointValuePair opt = brent(f, grid[best - 1], grid[best + 1], grid[best]);
        return opt.getValue() >= val[best] ? opt.getPoint() : grid[best];
    }

    private static UnivariatePointValuePair brent(java.util.function.DoubleUnaryOperator f, double lo, double hi,
            double start) {
        BrentOptimizer opt = new BrentOptimizer(1e-12, 1e-14);
        return opt.optimize(new MaxEval(500), new UnivariateObjectiveFunction(f::applyAsDouble), GoalType.MAXIMIZE,
                new SearchInterval(lo, hi, start));
    }

    /** Lower Cholesky factor of the leading p x p block of a (stride q); null if not positive definite. */
    static double[] cholesky(double[] a, int q, int p) {
        return org.dyadkit.numerics.Cholesky.lower(a, q, p);
    }

    static double[] cholSolve(double[] l, int p, double[] b) {
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * p + k] * z[k];
            }
            z[i] = s / l[i * p + i];
        }
        double[] x = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k * p + i] * x[k];
            }
            x[i] = s / l[i * p + i];
        }
        return x;
    }

    static double[] cholInverse(double[] l, int p) {
        double[] inv = new double[p * p];
        double[] e = new double[p];
        for (int j = 0; j < p; j++) {
            java.util.Arrays.fill(e, 0);
            e[j] = 1;
            double[] col = cholSolve(l, p, e);
            for (int i = 0; i < p; i++) {
                inv[i * p + j] = col[i];
            }
        }
        return inv;
    }

    /** Numerical rank of a symmetric positive semi-definite matrix, scaled to unit diagonal first. */
    static int rank(double[] m, int p) {
        for (double v : m) {
            if (!Double.isFinite(v)) {
                throw new AnalysisException(Reason.OVERFLOW, "the sums of squares of the design overflow the "
                        + "range of double precision (a value beyond about 1e154 in absolute value); divide the "
                        + "variable by a power of ten and fit again, or check the data for a wrong cell");
            }
        }
        double[][] s = new double[p][p];
        double[] d = new double[p];
        for (int i = 0; i < p; i++) {
            d[i] = m[i * p + i] > 0 ? 1 / Math.sqrt(m[i * p + i]) : 0;
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                s[i][j] = m[i * p + j] * d[i] * d[j];
            }
        }
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(s, false)).getRealEigenvalues();
        double max = 0;
        for (double v : ev) {
            max = Math.max(max, Math.abs(v));
        }
        int r = 0;
        for (double v : ev) {
            if (v > max * 1e-10) {
                r++;
            }
        }
        return r;
    }
}
