package org.dyadkit.power;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Analytic power and sample size for the actor-partner interdependence model, in the model of Ackerman's
 * APIMPowerR (Ackerman 2016, APIMPowerR documentation; Kenny, Kashy and Cook 2006, ch. 7): per role, the
 * regression of Y on the person's own X (actor effect) and the partner's X (partner effect), the partners'
 * predictors correlated r(X, X'), their errors correlated r(e, e').
 *
 * <pre>{@code
 * PowerResult r = ApimPower.distinguishable("man", "woman").withActor(0.25).withPartner(0.15)
 *         .withDyads(100).fit();
 * r.row("partner_woman").power();                       // 0.315, as APIMPowerR
 * ApimPower.indistinguishable().withPartner(0.15).withTargetPower(0.80).fit().row("partner").nDyads(); // 159
 * }</pre>
 *
 * <p>The test of a coefficient theta is a t test with noncentrality ncp = theta / SE(theta), and
 * power = P(T &gt; t_c) + P(T &lt; -t_c), T noncentral t(df, ncp) (Lenth 1989, AS 243), t_c the 1 - alpha/2
 * quantile of t(df). The variance of the estimates is the inverse of the expected GLS information of the
 * slopes from all persons, I = N E[Z_i' S^-1 Z_i] + (singles: E[z z'] / sigma_r^2), with Z_i the dyad's
 * regressors and S the 2x2 error covariance, scaled as the per-observation information times the residual
 * degrees of freedom: Var = n / (n - k) I^-1 (n persons, k fixed effects: 6 distinguishable, 3
 * indistinguishable). For complete distinguishable dyads this is the OLS result
 * SE^2(beta) = s^2 / ((N - 3)(1 - r_x^2)) per role (s^2 the standardised error variance); for
 * indistinguishable dyads, by the sum and difference regressions (Kenny, Kashy and Cook 2006, p. 158),
 * SE^2(a) = (s^2 / 4)((1 + r_e) / (K (1 + r_x)) + (1 - r_e) / (K (1 - r_x))) with K = N - 3/2.
 *
 * <p>Degrees of freedom, as APIMPowerR: distinguishable per-role effects N + singles of the role - 3;
 * indistinguishable effects the Welch-Satterthwaite combination of the sum regression (N - 2 df) and the
 * difference regression (N - 1 df), or n - 3 with singles; differences and averages of the two roles' effects
 * (in raw units, which depend on the variance ratios) are tested against the normal distribution. For
 * Cohen's d the variance of the dichotomous X is its sample variance N q (1 - q) / (N - 1) (this reproduces
 * APIMPowerR's d outputs, betas and partial r included). The averages use Cov(a_1, a_2) = r_e s_1 s_2 [(X'X)^-1]_12,
 * which is negative when r_e r_x &gt; 0; APIMPowerR's printed averages correspond to the opposite sign (see
 * docs/power.md).
 *
 * <p>Singles are persons whose partner's outcome is missing (both predictors known); they add to that
 * role's regression. Configuration is immutable: every {@code withXxx} returns a new instance. Inputs out of
 * range (|r| &gt;= 1, effects implying a residual variance of 0 or less, too few dyads for the model's
 * parameters) raise {@link IllegalArgumentException} naming the input.
 */
public final class ApimPower {
    static final int MAX_DYADS = 10_000_000;

    final boolean distinguishable;
    final List<String> roles;
    final EffectSize effectSize;
    final double[] actor;
    final double[] partner;
    final double[] proportion;
    final double rx;
    final double re;
    final double ratioX;
    final double ratioE;
    final double alpha;
    final List<Integer> dyads;
    final int[] singles;
    final Double target;

    private ApimPower(boolean distinguishable, List<String> roles, EffectSize effectSize, double[] actor,
            double[] partner, double[] proportion, double rx, double re, double ratioX, double ratioE, double alpha,
            List<Integer> dyads, int[] singles, Double target) {
        this.distinguishable = distinguishable;
        this.roles = roles;
        this.effectSize = effectSize;
        this.actor = actor;
        this.partner = partner;
        this.proportion = proportion;
        this.rx = rx;
        this.re = re;
        this.ratioX = ratioX;
        this.ratioE = ratioE;
        this.alpha = alpha;
        this.dyads = dyads;
        this.singles = singles;
        this.target = target;
    }

    /**
     * A design with distinguishable dyads; APIMPowerR's defaults: actor .25 and partner .15 (beta) for both
     * roles, r(X, X') = r(e, e') = .30, variance ratios 1, 100 complete dyads, no singles, alpha .05.
     */
    public static ApimPower distinguishable(String role1, String role2) {
        if (role1 == null || role2 == null || role1.isBlank() || role2.isBlank() || role1.equals(role2)) {
            throw new IllegalArgumentException("distinguishable dyads need two different role names; got \"" + role1
                    + "\" and \"" + role2 + "\"");
        }
        return new ApimPower(true, List.of(role1, role2), EffectSize.BETA, new double[] {0.25, 0.25},
                new double[] {0.15, 0.15}, new double[] {0.5, 0.5}, 0.3, 0.3, 1, 1, 0.05, List.of(100),
                new int[2], null);
    }

    /** A design with indistinguishable dyads, with the defaults of {@link #distinguishable(String, String)}. */
    public static ApimPower indistinguishable() {
        return new ApimPower(false, List.of(), EffectSize.BETA, new double[] {0.25, 0.25}, new double[] {0.15, 0.15},
                new double[] {0.5, 0.5}, 0.3, 0.3, 1, 1, 0.05, List.of(100), new int[2], null);
    }

    private ApimPower copy(EffectSize es, double[] a, double[] p, double[] q, double rxN, double reN, double vx,
            double ve, double al, List<Integer> n, int[] sg, Double t) {
        return new ApimPower(distinguishable, roles, es, a, p, q, rxN, reN, vx, ve, al, n, sg, t);
    }

    /** The role names (empty when indistinguishable). */
    public List<String> roles() {
        return roles;
    }

    /** The measure of the actor and partner effects (default beta). */
    public ApimPower withEffectSize(EffectSize es) {
        if (es == EffectSize.RAW) {
            throw new IllegalArgumentException("the APIM power takes beta, partial r or d; raw coefficients are for "
                    + "the longitudinal APIM");
        }
        return copy(java.util.Objects.requireNonNull(es), actor, partner, proportion, rx, re, ratioX, ratioE, alpha,
                dyads, singles, target);
    }

    /** The actor effect of both roles. */
    public ApimPower withActor(double v) {
        return copy(effectSize, new double[] {finite(v, "actor effect"), v}, partner, proportion, rx, re, ratioX,
                ratioE, alpha, dyads, singles, target);
    }

    /** The actor effect of one role (distinguishable dyads). */
    public ApimPower withActor(String role, double v) {
        double[] a = actor.clone();
        a[roleIndex(role)] = finite(v, "actor effect for " + role);
        return copy(effectSize, a, partner, proportion, rx, re, ratioX, ratioE, alpha, dyads, singles, target);
    }

    /** The partner effect on both roles' outcomes. */
    public ApimPower withPartner(double v) {
        return copy(effectSize, actor, new double[] {finite(v, "partner effect"), v}, proportion, rx, re, ratioX,
                ratioE, alpha, dyads, singles, target);
    }

    /** The partner effect on one role's outcome (named by the outcome member, distinguishable dyads). */
    public ApimPower withPartner(String role, double v) {
        double[] p = partner.clone();
        p[roleIndex(role)] = finite(v, "partner effect for " + role);
        return copy(effectSize, actor, p, proportion, rx, re, ratioX, ratioE, alpha, dyads, singles, target);
    }

    /** For Cohen's d: the proportion of persons in category 1 of X, both roles (default .5). */
    public ApimPower withProportion(double q) {
        return copy(effectSize, actor, partner, new double[] {prop(q), q}, rx, re, ratioX, ratioE, alpha, dyads,
                singles, target);
    }

    /** For Cohen's d: the proportion of one role's members in category 1 of X. */
    public ApimPower withProportion(String role, double q) {
        double[] pr = proportion.clone();
        pr[roleIndex(role)] = prop(q);
        return copy(effectSize, actor, partner, pr, rx, re, ratioX, ratioE, alpha, dyads, singles, target);
    }

    /** The correlation of the partners' predictor scores r(X, X') (default .30). */
    public ApimPower withPredictorCorrelation(double r) {
        return copy(effectSize, actor, partner, proportion, corr(r, "r(X, X')"), re, ratioX, ratioE, alpha, dyads,
                singles, target);
    }

    /** The correlation of the partners' errors r(e, e') (default .30). */
    public ApimPower withErrorCorrelation(double r) {
        return copy(effectSize, actor, partner, proportion, rx, corr(r, "r(errors)"), ratioX, ratioE, alpha, dyads,
                singles, target);
    }

    /** Distinguishable dyads: the second role's predictor variance over the first role's (default 1). */
    public ApimPower withVarianceRatioX(double v) {
        return copy(effectSize, actor, partner, proportion, rx, re, positive(v, "predictor variance ratio"), ratioE,
                alpha, dyads, singles, target);
    }

    /** Distinguishable dyads: the second role's error variance over the first role's (default 1). */
    public ApimPower withVarianceRatioErrors(double v) {
        return copy(effectSize, actor, partner, proportion, rx, re, ratioX, positive(v, "error variance ratio"), alpha,
                dyads, singles, target);
    }

    /** The two-sided significance level (default .05). */
    public ApimPower withAlpha(double a) {
        if (!(a > 0 && a < 1)) {
            throw new IllegalArgumentException("alpha must be strictly between 0 and 1; got " + a);
        }
        return copy(effectSize, actor, partner, proportion, rx, re, ratioX, ratioE, a, dyads, singles, target);
    }

    /** One number of complete dyads. */
    public ApimPower withDyads(int n) {
        return withDyads(List.of(n));
    }

    /** A range of numbers of complete dyads, from, from + step, ..., up to and including to when on the grid. */
    public ApimPower withDyads(int from, int to, int step) {
        if (step < 1 || to < from) {
            throw new IllegalArgumentException("a range of dyads needs from <= to and a step of at least 1; got "
                    + from + ":" + to + ":" + step);
        }
        List<Integer> n = new ArrayList<>();
        for (long v = from; v <= to; v += step) {
            n.add((int) v);
        }
        return withDyads(n);
    }

    /** Numbers of complete dyads. */
    public ApimPower withDyads(List<Integer> n) {
        if (n.isEmpty()) {
            throw new IllegalArgumentException("give at least one number of dyads");
        }
        for (int v : n) {
            if (v < 1 || v > MAX_DYADS) {
                throw new IllegalArgumentException("the number of dyads must be between 1 and " + MAX_DYADS + "; got "
                        + v);
            }
        }
        return copy(effectSize, actor, partner, proportion, rx, re, ratioX, ratioE, alpha, List.copyOf(n), singles,
                target);
    }

    /** Indistinguishable dyads: persons whose partner has no outcome. */
    public ApimPower withSingles(int n) {
        if (distinguishable) {
            throw new IllegalArgumentException("distinguishable dyads: give the singles per role");
        }
        return copy(effectSize, actor, partner, proportion, rx, re, ratioX, ratioE, alpha, dyads,
                new int[] {count(n), 0}, target);
    }

    /** Distinguishable dyads: members of a role whose partner has no outcome. */
    public ApimPower withSingles(String role, int n) {
        int[] s = singles.clone();
        s[roleIndex(role)] = count(n);
        return copy(effectSize, actor, partner, proportion, rx, re, ratioX, ratioE, alpha, dyads, s, target);
    }

    /** Solve for the smallest number of complete dyads with at least this power, per effect. */
    public ApimPower withTargetPower(double p) {
        if (!(p > alpha && p < 1)) {
            throw new IllegalArgumentException("the target power must be above alpha (" + alpha + ") and below 1; got "
                    + p);
        }
        return copy(effectSize, actor, partner, proportion, rx, re, ratioX, ratioE, alpha, dyads, singles, p);
    }

    /**
     * Power of every effect at every number of dyads, or, with a target power, the smallest N per effect.
     *
     * @throws IllegalArgumentException for effects that imply an impossible correlation matrix or too few dyads
     */
    public PowerResult fit() {
        population(Math.max(2, minimumDyads())); // validates the effects
        int min = minimumDyads();
        List<PowerRow> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (target != null) {
            for (Effect e : effects()) {
                int n = solve(e, min);
                Population pop = population(Math.max(n, 2));
                if (n < 0) {
                    rows.add(row(pop, e, -1, null));
                } else {
                    rows.add(row(pop, e, n, evaluate(pop, n).get(e.name())));
                }
            }
        } else {
            for (int n : dyads) {
                if (n < min) {
                    throw new IllegalArgumentException(n + " dyads are too few for this model: it needs at least "
                            + min + " (" + (distinguishable ? "N + singles - 3 degrees of freedom per role"
                                    : "N - 2 degrees of freedom in the sum regression") + ")");
                }
                Population pop = population(n);
                Map<String, Test> t = evaluate(pop, n);
                for (Effect e : effects()) {
                    rows.add(row(pop, e, n, t.get(e.name())));
                }
            }
        }
        notes.add("power of the two-sided test from the noncentral t (differences and averages: normal), as APIMPowerR");
        if (distinguishable) {
            notes.add("averages use Cov(a1, a2) = r_e s1 s2 [(X'X)^-1]_12; APIMPowerR's averages differ (docs/power.md)");
        }
        Map<String, Integer> sg = new LinkedHashMap<>();
        if (distinguishable) {
            sg.put(roles.get(0), singles[0]);
            sg.put(roles.get(1), singles[1]);
        } else {
            sg.put("all", singles[0]);
        }
        return new PowerResult(PowerMethod.ANALYTIC, "apim", distinguishable, roles, effectSize, alpha, rx, re,
                distinguishable ? ratioX : 1, distinguishable ? ratioE : 1, java.util.Collections.unmodifiableMap(sg), 0,
                target == null ? OptionalDouble.empty() : OptionalDouble.of(target), dyads, List.copyOf(rows), 0,
                OptionalLong.empty(), Optional.empty(), Map.of(), List.copyOf(notes));
    }

    /** The population implied by the effects (validated). */
    Population population(int n) {
        String[] rn = distinguishable ? roles.toArray(new String[0]) : new String[] {"all", "all"};
        double[] a = distinguishable ? actor : new double[] {actor[0], actor[0]};
        double[] p = distinguishable ? partner : new double[] {partner[0], partner[0]};
        double[] q = distinguishable ? proportion : new double[] {proportion[0], proportion[0]};
        return new Population(distinguishable, effectSize, a, p, q, rx, re, distinguishable ? ratioX : 1,
                distinguishable ? ratioE : 1, rn, effectSize == EffectSize.D && n > 1 ? n / (n - 1.0) : 1);
    }

    /** The smallest number of complete dyads the model's degrees of freedom allow. */
    int minimumDyads() {
        if (distinguishable) {
            return Math.max(1, 4 - Math.min(singles[0], singles[1]));
        }
        return 3;
    }

    record Effect(String name, String role, String kind, double[] contrast, boolean single) {
    }

    /** The effects in output order with their contrasts over (a1, p1, a2, p2) or (a, p). */
    List<Effect> effects() {
        List<Effect> out = new ArrayList<>();
        if (!distinguishable) {
            out.add(new Effect("actor", null, "actor", new double[] {1, 0}, true));
            out.add(new Effect("partner", null, "partner", new double[] {0, 1}, true));
            return out;
        }
        for (int r = 0; r < 2; r++) {
            out.add(new Effect("actor_" + roles.get(r), roles.get(r), "actor",
                    r == 0 ? new double[] {1, 0, 0, 0} : new double[] {0, 0, 1, 0}, true));
        }
        for (int r = 0; r < 2; r++) {
            out.add(new Effect("partner_" + roles.get(r), roles.get(r), "partner",
                    r == 0 ? new double[] {0, 1, 0, 0} : new double[] {0, 0, 0, 1}, true));
        }
        out.add(new Effect("actor_difference", null, "actor", new double[] {1, 0, -1, 0}, false));
        out.add(new Effect("partner_difference", null, "partner", new double[] {0, 1, 0, -1}, false));
        out.add(new Effect("actor_average", null, "actor", new double[] {0.5, 0, 0.5, 0}, false));
        out.add(new Effect("partner_average", null, "partner", new double[] {0, 0.5, 0, 0.5}, false));
        return out;
    }

    record Test(double ncp, double df, double power, boolean normal) {
    }

    /** Noncentrality, df and power of every effect at n complete dyads. */
    Map<String, Test> evaluate(Population pop, int n) {
        double[][] v = covariance(pop, n);
        double[] theta = distinguishable ? new double[] {pop.aRaw[0], pop.pRaw[0], pop.aRaw[1], pop.pRaw[1]}
                : new double[] {pop.aRaw[0], pop.pRaw[0]};
        Map<String, Test> out = new LinkedHashMap<>();
        for (Effect e : effects()) {
            double est = 0;
            double var = 0;
            for (int i = 0; i < theta.length; i++) {
                est += e.contrast[i] * theta[i];
                for (int j = 0; j < theta.length; j++) {
                    var += e.contrast[i] * v[i][j] * e.contrast[j];
                }
            }
            double ncp = est / Math.sqrt(var);
            if (e.single) {
                double df = df(n, e.role == null ? 0 : roles.indexOf(e.role));
                out.put(e.name, new Test(ncp, df, NoncentralT.twoSidedPower(ncp, df, alpha), false));
            } else {
                out.put(e.name, new Test(ncp, Double.NaN, NoncentralT.twoSidedNormalPower(ncp, alpha), true));
            }
        }
        return out;
    }

    /** Degrees of freedom of a single effect (role index r) at n complete dyads. */
    double df(int n, int r) {
        if (distinguishable) {
            return n + singles[r] - 3;
        }
        if (singles[0] > 0) {
            return 2.0 * n + singles[0] - 3;
        }
        double vs = (1 + re) / ((1 + rx) * (n - 2.0));
        double vd = (1 - re) / ((1 - rx) * (n - 1.0));
        return (vs + vd) * (vs + vd) / (vs * vs / (n - 2.0) + vd * vd / (n - 1.0));
    }

    /** Var of the raw slopes (a1, p1, a2, p2) or (a, p): n / (n - k) times the inverse expected information. */
    double[][] covariance(Population pop, int n) {
        double[][] cx = pop.covX();
        double[][] se = pop.covErrors();
        RealMatrix w = MatrixUtils.inverse(MatrixUtils.createRealMatrix(se));
        // regressors: role 1 z1 = (x1, x2), role 2 z2 = (x2, x1)
        double[][] e11 = {{cx[0][0], cx[0][1]}, {cx[1][0], cx[1][1]}};
        double[][] e22 = {{cx[1][1], cx[1][0]}, {cx[0][1], cx[0][0]}};
        double[][] e12 = {{cx[0][1], cx[0][0]}, {cx[1][1], cx[1][0]}};
        double[][] e21 = {{e12[0][0], e12[1][0]}, {e12[0][1], e12[1][1]}};
        double[][][][] blocks = {{e11, e12}, {e21, e22}};
        int k = distinguishable ? 4 : 2;
        double[][] info = new double[k][k];
        for (int j = 0; j < 2; j++) {
            for (int l = 0; l < 2; l++) {
                double wjl = w.getEntry(j, l) * n;
                for (int u = 0; u < 2; u++) {
                    for (int v = 0; v < 2; v++) {
                        int ru = distinguishable ? 2 * j + u : u;
                        int cv = distinguishable ? 2 * l + v : v;
                        info[ru][cv] += wjl * blocks[j][l][u][v];
                    }
                }
            }
        }
        int persons = 2 * n;
        if (distinguishable) {
            for (int r = 0; r < 2; r++) {
                double[][] ez = r == 0 ? e11 : e22;
                for (int u = 0; u < 2; u++) {
                    for (int v = 0; v < 2; v++) {
                        info[2 * r + u][2 * r + v] += singles[r] * ez[u][v] / se[r][r];
                    }
                }
                persons += singles[r];
            }
        } else {
            for (int u = 0; u < 2; u++) {
                for (int v = 0; v < 2; v++) {
                    info[u][v] += singles[0] * e11[u][v] / se[0][0];
                }
            }
            persons += singles[0];
        }
        int fixed = distinguishable ? 6 : 3;
        double scale = (double) persons / (persons - fixed);
        double[][] inv = MatrixUtils.inverse(MatrixUtils.createRealMatrix(info)).getData();
        for (double[] row : inv) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= scale;
            }
        }
        return inv;
    }

    /** The smallest n >= min with power >= target, or -1 if the effect is 0 (or power never reaches it). */
    private int solve(Effect e, int min) {
        if (power(e, min) >= target) {
            return min;
        }
        int hi = Math.max(min + 1, 16);
        while (power(e, hi) < target) {
            if (hi >= MAX_DYADS) {
                return -1;
            }
            hi = (int) Math.min(MAX_DYADS, 2L * hi);
        }
        int lo = min; // power(lo) < target <= power(hi)
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (power(e, mid) >= target) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private double power(Effect e, int n) {
        return evaluate(population(n), n).get(e.name()).power();
    }

    private PowerRow row(Population pop, Effect e, int n, Test t) {
        double size;
        OptionalDouble beta;
        OptionalDouble zr = OptionalDouble.empty();
        OptionalDouble pr = OptionalDouble.empty();
        boolean isActor = e.kind().equals("actor");
        double[] given = isActor ? actor : partner;
        double[] betas = isActor ? pop.a : pop.p;
        if (e.single()) {
            int r = e.role() == null ? 0 : roles.indexOf(e.role());
            size = given[distinguishable ? r : 0];
            beta = OptionalDouble.of(betas[r]);
            zr = OptionalDouble.of(pop.zeroOrder(r, isActor));
            pr = OptionalDouble.of(pop.partial(r, isActor));
        } else if (e.name().endsWith("_difference")) {
            size = given[0] - given[1];
            beta = OptionalDouble.of(betas[0] - betas[1]);
        } else {
            size = (given[0] + given[1]) / 2;
            beta = OptionalDouble.of((betas[0] + betas[1]) / 2);
        }
        String summary = Summaries.analytic(this, e, n, t == null ? Double.NaN : t.power(), size, beta, pr);
        return new PowerRow(e.name(), Optional.ofNullable(e.role()), n < 0 ? OptionalInt.empty() : OptionalInt.of(n),
                t == null ? OptionalDouble.empty() : OptionalDouble.of(t.power()), OptionalDouble.empty(),
                t == null ? OptionalDouble.empty() : OptionalDouble.of(t.ncp()),
                t == null || t.normal() ? OptionalDouble.empty() : OptionalDouble.of(t.df()), size, beta, zr, pr,
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalInt.empty(), OptionalDouble.empty(), summary);
    }

    int roleIndex(String role) {
        if (!distinguishable) {
            throw new IllegalArgumentException("indistinguishable dyads have no roles; give the effect for both "
                    + "members (no ROLE=)");
        }
        int i = roles.indexOf(role);
        if (i < 0) {
            throw new IllegalArgumentException("no role \"" + role + "\"; the roles are " + roles.get(0) + " and "
                    + roles.get(1));
        }
        return i;
    }

    private static double finite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("the " + what + " must be a finite number; got " + v);
        }
        return v;
    }

    private static double corr(double r, String what) {
        if (!(r > -1 && r < 1)) {
            throw new IllegalArgumentException(what + " must be strictly between -1 and 1; got " + r);
        }
        return r;
    }

    private static double positive(double v, String what) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("the " + what + " must be a positive number; got " + v);
        }
        return v;
    }

    private static double prop(double q) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("the proportion in category 1 must be strictly between 0 and 1; got "
                    + q);
        }
        return q;
    }

    private static int count(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("the number of singles must be 0 or more; got " + n);
        }
        return n;
    }

    static String apa(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.replaceFirst("^(-?)0\\.", "$1.");
    }
}
