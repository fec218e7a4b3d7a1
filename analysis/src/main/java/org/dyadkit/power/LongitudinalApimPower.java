package org.dyadkit.power;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.TDistribution;
import org.dyadkit.AnalysisException;
import org.dyadkit.InputException;
import org.dyadkit.mlm.DfRule;
import org.dyadkit.mlm.FixedEffect;
import org.dyadkit.mlm.Method;
import org.dyadkit.mlm.MlmFit;

/**
 * Power by simulation for the longitudinal actor-partner interdependence model (L-APIM; Kenny, Kashy and Cook
 * 2006, ch. 13; Bolger and Laurenceau 2013, ch. 8), the model of {@code dyadkit longitudinal-apim} and of
 * PowerLAPIM (Lafit, Sels, Adolf, Loeys and Ceulemans 2022): couples report on several occasions, and the
 * outcome depends on the person's own and the partner's time-varying predictor, split into its within-person
 * part (the person-mean centred value) and its between-person part (the person mean). Each replicate is drawn
 * from the population below, fitted by {@link org.dyadkit.mlm.Mlm#longitudinalApim} (the engine of the
 * {@code longitudinal-apim} command: REML or ML, containment or Satterthwaite df), and power is the share of
 * fitted replicates whose t test of the effect rejects at alpha.
 *
 * <pre>{@code
 * PowerResult r = LongitudinalApimPower.distinguishable("man", "woman").withDyads(100).withOccasions(14)
 *         .withActorWithin(0.3).withPartnerWithin(0.15).withReplicates(1000).withSeed(1).fit();
 * r.row("woman:partner(within(x))").power();
 * }</pre>
 *
 * <p>Population, per dyad i, person r of role r (r' the partner) and occasion t = 1..T: the predictor
 * {@code x_rit = s_ri + w_rit} with the person part {@code (s_1i, s_2i)} and the occasion part
 * {@code (w_1it, w_2it)} normal with SDs {@code sdXBetween} and {@code sdXWithin} and the partners' correlation
 * r(X, X') in both; a person-occasion is missing completely at random with the missing-data rate; the person
 * mean {@code m_ri} of x over the person's observed occasions; and
 * {@code y_rit = u_ri + aW_r (x_rit - m_ri) + pW_r (x_r'it - m_r'i) + aB_r m_ri + pB_r m_r'i + sigma_r e_rit},
 * with random intercepts {@code (u_1i, u_2i)} of SDs tau_r and correlation r(u) (indistinguishable dyads: one
 * random intercept per dyad, as the model fitted), and standard normal errors correlated r(errors) between the
 * partners at the same occasion and, with an autocorrelation phi, AR(1) within person
 * ({@code e_rit = phi e_ri,t-1 + sqrt(1 - phi^2) v_rit}, stationary; the partners' errors then correlate
 * {@code r(errors) phi^|t - s|} and the fit uses CS with AR(1)). Because y is built from the observed person means,
 * the fitted model is the population model and the estimates are unbiased; the effects are raw coefficients.
 * The replicate is written as the table a researcher would give the command, x and y to 9 decimals (x is
 * rounded before y is formed, so the person means agree with the engine's).
 *
 * <p>Effects are named by the terms of the {@code longitudinal-apim} command with predictor {@code x} and outcome
 * {@code y}: {@code man:within(x)}, {@code man:partner(within(x))}, {@code man:between(x)},
 * {@code man:partner(between(x))} and the same for the second role (distinguishable dyads), or
 * {@code within(x)}, {@code partner(within(x))}, {@code between(x)}, {@code partner(between(x))}.
 * Reported per effect: power with its Monte Carlo SE sqrt(P(1 - P)/R), the mean estimate and its bias, the
 * coverage of the 1 - alpha t interval, the mean df of the t tests, and the share of failed fits with each reason
 * counted. Random numbers as {@link PowerSimulation}: one {@code L64_X128_MIX} stream per replicate split from
 * the seed before any work, so a seed gives the same result on any number of threads.
 */
public final class LongitudinalApimPower {
    private static final String[] KINDS = {"within(x)", "partner(within(x))", "between(x)", "partner(between(x))"};
    private static final String[] WORDS = {"within-person actor", "within-person partner", "between-person actor",
        "between-person partner"};

    private List<String> roles;
    private List<Integer> dyads = List.of(100);
    private int occasions = 14;
    /** [kind][role]: actor within, partner within, actor between, partner between. */
    private double[][] effects = {{0.3, 0.3}, {0.15, 0.15}, {0.3, 0.3}, {0.15, 0.15}};
    private double sdXWithin = 1;
    private double sdXBetween = 1;
    private double rx = 0.3;
    private double[] interceptSd = {1, 1};
    private double interceptCorrelation = 0.3;
    private double[] residualSd = {1, 1};
    private double rErrors = 0.3;
    private double phi;
    private double missing;
    private double alpha = 0.05;
    private Double target;
    private int replicates = 1000;
    private long seed = 12345L;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Method method = Method.REML;
    private DfRule df = DfRule.CONTAINMENT;
    private PowerSimulation.Progress progress;

    private LongitudinalApimPower(List<String> roles) {
        this.roles = roles;
    }

    /** Distinguishable dyads with these role names (names such as {@code man}, {@code woman}). */
    public static LongitudinalApimPower distinguishable(String role1, String role2) {
        for (String r : List.of(role1, role2)) {
            if (r == null || !r.matches("[A-Za-z][A-Za-z0-9_.]*") || List.of("x", "y", "dyad", "person", "occasion", "role")
                    .contains(r)) {
                throw new IllegalArgumentException("role names of the longitudinal APIM name its intercepts and must be "
                        + "names such as man and woman (not x, y, dyad, person, occasion, role); got \"" + r + "\"");
            }
        }
        if (role1.equals(role2)) {
            throw new IllegalArgumentException("the two roles need different names; got " + role1 + " twice");
        }
        return new LongitudinalApimPower(List.of(role1, role2));
    }

    /** Indistinguishable dyads: one effect of each kind and one random intercept per dyad. */
    public static LongitudinalApimPower indistinguishable() {
        return new LongitudinalApimPower(List.of());
    }

    /**
     * The numbers of dyads, roles, alpha, r(X, X'), r(errors) and target power of a cross-sectional design (as the
     * {@code power} command builds it); its effect sizes, singles and variance ratios do not apply and are refused
     * when set.
     */
    public static LongitudinalApimPower of(ApimPower design) {
        if (design.singles[0] != 0 || design.singles[1] != 0) {
            throw new IllegalArgumentException("singles do not apply to the longitudinal APIM; use the missing-data "
                    + "rate for missing occasions");
        }
        if (design.ratioX != 1 || design.ratioE != 1) {
            throw new IllegalArgumentException("variance ratios do not apply to the longitudinal APIM; give the SDs per "
                    + "role (residual and intercept SDs)");
        }
        if (design.effectSize != EffectSize.BETA) {
            throw new IllegalArgumentException("the longitudinal APIM takes raw coefficients; drop --effect-size");
        }
        LongitudinalApimPower p = design.distinguishable
                ? distinguishable(design.roles.get(0), design.roles.get(1)) : indistinguishable();
        p = p.withDyads(design.dyads);
        p.alpha = design.alpha;
        p.rx = design.rx;
        p.rErrors = design.re;
        p.target = design.target;
        return p;
    }

    private LongitudinalApimPower with(Consumer<LongitudinalApimPower> change) {
        LongitudinalApimPower c = new LongitudinalApimPower(roles);
        c.dyads = dyads;
        c.occasions = occasions;
        c.effects = new double[4][];
        for (int k = 0; k < 4; k++) {
            c.effects[k] = effects[k].clone();
        }
        c.sdXWithin = sdXWithin;
        c.sdXBetween = sdXBetween;
        c.rx = rx;
        c.interceptSd = interceptSd.clone();
        c.interceptCorrelation = interceptCorrelation;
        c.residualSd = residualSd.clone();
        c.rErrors = rErrors;
        c.phi = phi;
        c.missing = missing;
        c.alpha = alpha;
        c.target = target;
        c.replicates = replicates;
        c.seed = seed;
        c.threads = threads;
        c.method = method;
        c.df = df;
        c.progress = progress;
        change.accept(c);
        return c;
    }

    /** The role names (empty for indistinguishable dyads). */
    public List<String> roles() {
        return roles;
    }

    /** One number of dyads (default 100). */
    public LongitudinalApimPower withDyads(int n) {
        return withDyads(List.of(n));
    }

    /** Several numbers of dyads (a power curve). */
    public LongitudinalApimPower withDyads(List<Integer> n) {
        if (n.isEmpty()) {
            throw new IllegalArgumentException("give at least one number of dyads");
        }
        for (int v : n) {
            if (v < 3) {
                throw new IllegalArgumentException(v + " dyads are too few for the longitudinal APIM: it needs at "
                        + "least 3 dyads");
            }
        }
        return with(c -> c.dyads = List.copyOf(n));
    }

    /** Occasions per person (default 14). */
    public LongitudinalApimPower withOccasions(int t) {
        if (t < 2) {
            throw new IllegalArgumentException("the longitudinal APIM needs at least 2 occasions; got " + t);
        }
        return with(c -> c.occasions = t);
    }

    private LongitudinalApimPower effect(int kind, String role, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("the " + WORDS[kind] + " effect must be a finite number; got " + v);
        }
        int r = role == null ? -1 : roleIndex(role);
        return with(c -> {
            if (r < 0) {
                c.effects[kind][0] = v;
                c.effects[kind][1] = v;
            } else {
                c.effects[kind][r] = v;
            }
        });
    }

    /** The within-person actor effect (raw coefficient of {@code within(x)}), both roles (default 0.3). */
    public LongitudinalApimPower withActorWithin(double v) {
        return effect(0, null, v);
    }

    /** The within-person actor effect on one role's outcome. */
    public LongitudinalApimPower withActorWithin(String role, double v) {
        return effect(0, role, v);
    }

    /** The within-person partner effect ({@code partner(within(x))}), both roles (default 0.15). */
    public LongitudinalApimPower withPartnerWithin(double v) {
        return effect(1, null, v);
    }

    /** The within-person partner effect on one role's outcome. */
    public LongitudinalApimPower withPartnerWithin(String role, double v) {
        return effect(1, role, v);
    }

    /** The between-person actor effect ({@code between(x)}), both roles (default 0.3). */
    public LongitudinalApimPower withActorBetween(double v) {
        return effect(2, null, v);
    }

    /** The between-person actor effect on one role's outcome. */
    public LongitudinalApimPower withActorBetween(String role, double v) {
        return effect(2, role, v);
    }

    /** The between-person partner effect ({@code partner(between(x))}), both roles (default 0.15). */
    public LongitudinalApimPower withPartnerBetween(double v) {
        return effect(3, null, v);
    }

    /** The between-person partner effect on one role's outcome. */
    public LongitudinalApimPower withPartnerBetween(String role, double v) {
        return effect(3, role, v);
    }

    /** The SDs of the predictor's occasion part and person part (default 1 and 1). */
    public LongitudinalApimPower withPredictorSd(double within, double between) {
        positive(within, "within-person SD of x");
        positive(between, "between-person SD of x");
        return with(c -> {
            c.sdXWithin = within;
            c.sdXBetween = between;
        });
    }

    /** The partners' correlation of the predictor, in both its parts (default .3). */
    public LongitudinalApimPower withPredictorCorrelation(double r) {
        corr(r, "r(X, X')");
        return with(c -> c.rx = r);
    }

    /** The SD of the random intercepts, both roles (default 1). */
    public LongitudinalApimPower withInterceptSd(double sd) {
        positive(sd, "random-intercept SD");
        return with(c -> c.interceptSd = new double[] {sd, sd});
    }

    /** The SD of one role's random intercepts. */
    public LongitudinalApimPower withInterceptSd(String role, double sd) {
        positive(sd, "random-intercept SD");
        int r = roleIndex(role);
        return with(c -> c.interceptSd[r] = sd);
    }

    /** The correlation of the partners' random intercepts (distinguishable dyads; default .3). */
    public LongitudinalApimPower withInterceptCorrelation(double r) {
        corr(r, "the random-intercept correlation");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("the random-intercept correlation needs distinguishable dyads: "
                    + "indistinguishable dyads have one random intercept per dyad");
        }
        return with(c -> c.interceptCorrelation = r);
    }

    /** The residual SD, both roles (default 1). */
    public LongitudinalApimPower withResidualSd(double sd) {
        positive(sd, "residual SD");
        return with(c -> c.residualSd = new double[] {sd, sd});
    }

    /** One role's residual SD. */
    public LongitudinalApimPower withResidualSd(String role, double sd) {
        positive(sd, "residual SD");
        int r = roleIndex(role);
        return with(c -> c.residualSd[r] = sd);
    }

    /** The correlation of the partners' residuals at the same occasion (default .3; may be negative). */
    public LongitudinalApimPower withErrorCorrelation(double r) {
        corr(r, "r(errors)");
        return with(c -> c.rErrors = r);
    }

    /** AR(1) of each person's residuals across occasions with this phi (default 0: none, and none fitted). */
    public LongitudinalApimPower withAutocorrelation(double p) {
        corr(p, "the autocorrelation phi");
        return with(c -> c.phi = p);
    }

    /** Share of person-occasions missing completely at random (default 0). */
    public LongitudinalApimPower withMissingRate(double m) {
        if (!(m >= 0 && m < 1)) {
            throw new IllegalArgumentException("the missing-data rate must be at least 0 and below 1; got " + m);
        }
        return with(c -> c.missing = m);
    }

    /** The two-sided significance level (default .05). */
    public LongitudinalApimPower withAlpha(double a) {
        if (!(a > 0 && a < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1; got " + a);
        }
        return with(c -> c.alpha = a);
    }

    /** Report, per effect, the smallest simulated number of dyads with at least this power. */
    public LongitudinalApimPower withTargetPower(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("the target power must be between 0 and 1; got " + p);
        }
        return with(c -> c.target = p);
    }

    /** Replicates per number of dyads (default 1,000). */
    public LongitudinalApimPower withReplicates(int r) {
        if (r < 1) {
            throw new IllegalArgumentException("the number of replicates must be at least 1; got " + r);
        }
        return with(c -> c.replicates = r);
    }

    /** The seed (default 12345). */
    public LongitudinalApimPower withSeed(long s) {
        return with(c -> c.seed = s);
    }

    /** Worker threads (default all cores; the result does not depend on it). */
    public LongitudinalApimPower withThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1; got " + n);
        }
        return with(c -> c.threads = n);
    }

    /** REML (default) or ML fits. */
    public LongitudinalApimPower withMethod(Method m) {
        Objects.requireNonNull(m);
        return with(c -> c.method = m);
    }

    /** The df rule of the t tests (default containment, nlme's). */
    public LongitudinalApimPower withDf(DfRule d) {
        Objects.requireNonNull(d);
        return with(c -> c.df = d);
    }

    /** A progress listener (the command line draws a bar on a terminal). */
    public LongitudinalApimPower withProgress(PowerSimulation.Progress p) {
        return with(c -> c.progress = p);
    }

    private int roleIndex(String role) {
        int r = roles.indexOf(role);
        if (r < 0) {
            throw new IllegalArgumentException("no role \"" + role + "\"; the roles are "
                    + (roles.isEmpty() ? "none (indistinguishable dyads)" : String.join(", ", roles)));
        }
        return r;
    }

    private static void positive(double v, String what) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("the " + what + " must be a positive number; got " + v);
        }
    }

    private static void corr(double r, String what) {
        if (!(r > -1 && r < 1)) {
            throw new IllegalArgumentException(what + " must be between -1 and 1 (exclusive); got " + r);
        }
    }

    // ------------------------------------------------------------------ the simulation

    /** One tested term: its name in the fit, role (null when indistinguishable), kind and population value. */
    private record Target(String term, String role, int kind, double truth) {
    }

    /** What one replicate gives per target, or the failure reason. */
    private record Outcome(double[] estimate, double[] df, boolean[] reject, boolean[] covered, String failure) {
    }

    private List<Target> targets() {
        List<Target> t = new ArrayList<>();
        if (roles.isEmpty()) {
            for (int k = 0; k < 4; k++) {
                t.add(new Target(KINDS[k], null, k, effects[k][0]));
            }
        } else {
            for (int k = 0; k < 4; k++) {
                for (int r = 0; r < 2; r++) {
                    t.add(new Target(roles.get(r) + ":" + KINDS[k], roles.get(r), k, effects[k][r]));
                }
            }
        }
        return t;
    }

    /**
     * Runs the simulation.
     *
     * @throws AnalysisException when no replicate at some number of dyads could be fitted
     */
    public PowerResult fit() {
        if (roles.isEmpty() && (effects[0][0] != effects[0][1] || interceptSd[0] != interceptSd[1]
                || residualSd[0] != residualSd[1])) {
            throw new IllegalStateException("indistinguishable dyads have one value per effect and SD");
        }
        List<Target> ts = targets();
        int k = dyads.size();
        int total = k * replicates;
        Outcome[] out = new Outcome[total];
        SimulationRunner.run(seed, out, threads, progress, (i, rng) -> replicate(dyads.get(i / replicates), ts, rng));
        return summarise(ts, out);
    }

    /** Draws one data set of n dyads and fits it. */
    private Outcome replicate(int n, List<Target> ts, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        boolean dist = !roles.isEmpty();
        int t = occasions;
        double sqx = Math.sqrt(1 - rx * rx);
        double sqe = Math.sqrt(1 - rErrors * rErrors);
        double squ = Math.sqrt(1 - interceptCorrelation * interceptCorrelation);
        double innov = Math.sqrt(1 - phi * phi);
        LongitudinalEngine.Table table = new LongitudinalEngine.Table(2 * n * t);
        double[][] x = new double[2][t];
        double[][] e = new double[2][t];
        boolean[][] kept = new boolean[2][t];
        double[] mean = new double[2];
        for (int d = 0; d < n; d++) {
            double u1 = z.sample();
            double u2 = dist ? interceptCorrelation * u1 + squ * z.sample() : u1;
            double[] u = {interceptSd[0] * u1, interceptSd[1] * u2};
            double s1 = z.sample();
            double s2 = rx * s1 + sqx * z.sample();
            double[] s = {sdXBetween * s1, sdXBetween * s2};
            for (int o = 0; o < t; o++) {
                double w1 = z.sample();
                double w2 = rx * w1 + sqx * z.sample();
                // x as the engine reads it back from the table (9 decimals), so that the person means agree
                x[0][o] = LongitudinalEngine.round9(s[0] + sdXWithin * w1);
                x[1][o] = LongitudinalEngine.round9(s[1] + sdXWithin * w2);
                double v1 = z.sample();
                double v2 = rErrors * v1 + sqe * z.sample();
                e[0][o] = o == 0 ? v1 : phi * e[0][o - 1] + innov * v1;
                e[1][o] = o == 0 ? v2 : phi * e[1][o - 1] + innov * v2;
                kept[0][o] = missing == 0 || rng.nextDouble() >= missing;
                kept[1][o] = missing == 0 || rng.nextDouble() >= missing;
            }
            for (int r = 0; r < 2; r++) {
                double sum = 0;
                int c = 0;
                for (int o = 0; o < t; o++) {
                    if (kept[r][o]) {
                        sum += x[r][o];
                        c++;
                    }
                }
                mean[r] = c == 0 ? 0 : sum / c;
            }
            for (int r = 0; r < 2; r++) {
                int p = 1 - r;
                int er = dist ? r : 0;
                for (int o = 0; o < t; o++) {
                    if (!kept[r][o]) {
                        continue;
                    }
                    double y = u[r] + effects[0][er] * (x[r][o] - mean[r]) + effects[1][er] * (x[p][o] - mean[p])
                            + effects[2][er] * mean[r] + effects[3][er] * mean[p] + residualSd[er] * e[r][o];
                    table.add(d, r, o + 1, x[r][o], y);
                }
            }
        }
        int k = ts.size();
        double[] est = new double[k];
        double[] dfs = new double[k];
        boolean[] rej = new boolean[k];
        boolean[] cover = new boolean[k];
        try {
            MlmFit fit = LongitudinalEngine.fit(table, roles, phi != 0, method, df);
            Map<String, FixedEffect> byTerm = new LinkedHashMap<>();
            for (FixedEffect f : fit.coefficients()) {
                byTerm.put(f.term(), f);
            }
            for (int i = 0; i < k; i++) {
                Target tg = ts.get(i);
                FixedEffect f = byTerm.get(tg.term());
                if (f == null) {
                    throw new IllegalStateException("the fit has no term " + tg.term() + "; terms: " + byTerm.keySet());
                }
                double q = quantile(f.df());
                est[i] = f.estimate();
                dfs[i] = f.df();
                rej[i] = Math.abs(f.estimate() / f.se()) > q;
                cover[i] = f.estimate() - q * f.se() <= tg.truth() && tg.truth() <= f.estimate() + q * f.se();
            }
        } catch (AnalysisException ex) {
            return new Outcome(null, null, null, null, ex.reason().name().toLowerCase(Locale.ROOT));
        } catch (InputException | ArithmeticException ex) {
            return new Outcome(null, null, null, null, "unusable replicate: " + ex.getMessage());
        }
        return new Outcome(est, dfs, rej, cover, null);
    }

    private final ConcurrentHashMap<Double, Double> quantiles = new ConcurrentHashMap<>();

    /** The 1 - alpha/2 quantile of t(df), cached (containment df repeat across replicates). */
    private double quantile(double v) {
        return quantiles.computeIfAbsent(v, w -> TDistribution.of(w).inverseSurvivalProbability(alpha / 2));
    }

    private String what(Target tg) {
        return "the " + WORDS[tg.kind()] + " effect " + ApimPower.apa(tg.truth()) + " (" + tg.term() + ")"
                + (tg.role() == null ? "" : " on " + tg.role() + "'s outcome");
    }

    private PowerResult summarise(List<Target> ts, Outcome[] out) {
        Map<String, Integer> failures = new TreeMap<>();
        List<PowerRow> all = new ArrayList<>();
        int k = ts.size();
        for (int j = 0; j < dyads.size(); j++) {
            int n = dyads.get(j);
            int ok = 0;
            int[] rej = new int[k];
            int[] cov = new int[k];
            double[] sum = new double[k];
            double[] dfSum = new double[k];
            Map<String, Integer> here = new TreeMap<>();
            for (int i = j * replicates; i < (j + 1) * replicates; i++) {
                Outcome o = out[i];
                if (o.failure() != null) {
                    here.merge(o.failure(), 1, Integer::sum);
                    failures.merge(o.failure(), 1, Integer::sum);
                    continue;
                }
                ok++;
                for (int t = 0; t < k; t++) {
                    rej[t] += o.reject()[t] ? 1 : 0;
                    cov[t] += o.covered()[t] ? 1 : 0;
                    sum[t] += o.estimate()[t];
                    dfSum[t] += o.df()[t];
                }
            }
            if (ok == 0) {
                throw new AnalysisException(AnalysisException.Reason.UNDEFINED, "none of the " + replicates
                        + " replicates with " + n + " dyads could be fitted: " + here);
            }
            double failedShare = (double) (replicates - ok) / replicates;
            for (int t = 0; t < k; t++) {
                Target tg = ts.get(t);
                double p = (double) rej[t] / ok;
                double se = Math.sqrt(p * (1 - p) / ok);
                double mean = sum[t] / ok;
                String summary = "With " + n + " dyads and " + occasions + " occasions there is " + ApimPower.apa(p)
                        + " power (Monte Carlo SE " + ApimPower.apa(se) + ", " + ok + " replicates) to detect "
                        + what(tg) + ".";
                all.add(new PowerRow(tg.term(), Optional.ofNullable(tg.role()), OptionalInt.of(n), OptionalDouble.of(p),
                        OptionalDouble.of(se), OptionalDouble.empty(), OptionalDouble.of(dfSum[t] / ok), tg.truth(),
                        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                        OptionalDouble.of(tg.truth()), OptionalDouble.of(mean), OptionalDouble.of(mean - tg.truth()),
                        OptionalDouble.of((double) cov[t] / ok), OptionalInt.of(ok), OptionalDouble.of(failedShare),
                        summary));
            }
        }
        List<PowerRow> rows = all;
        if (target != null) {
            rows = new ArrayList<>();
            for (Target tg : ts) {
                PowerRow found = null;
                for (PowerRow r : all) {
                    if (r.effect().equals(tg.term()) && r.power().getAsDouble() >= target) {
                        found = r;
                        break;
                    }
                }
                if (found == null) {
                    rows.add(new PowerRow(tg.term(), Optional.ofNullable(tg.role()), OptionalInt.empty(),
                            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                            tg.truth(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                            OptionalDouble.of(tg.truth()), OptionalDouble.empty(), OptionalDouble.empty(),
                            OptionalDouble.empty(), OptionalInt.empty(), OptionalDouble.empty(),
                            "No number of dyads from " + dyads.get(0) + " to " + dyads.get(dyads.size() - 1) + " gives "
                                    + ApimPower.apa(target) + " power to detect " + what(tg) + "."));
                } else {
                    rows.add(new PowerRow(found.effect(), found.role(), found.nDyads(), found.power(), found.mcSe(),
                            found.ncp(), found.df(), found.size(), found.beta(), found.r(), found.partialR(),
                            found.trueValue(), found.meanEstimate(), found.bias(), found.coverage(), found.replicates(),
                            found.failedShare(), "At minimum, " + found.nDyads().getAsInt() + " of the dyad numbers "
                                    + "simulated give " + ApimPower.apa(target) + " power: " + found.summary()));
                }
            }
        }
        Map<String, Integer> singles = new LinkedHashMap<>();
        if (roles.isEmpty()) {
            singles.put("all", 0);
        } else {
            singles.put(roles.get(0), 0);
            singles.put(roles.get(1), 0);
        }
        String engine = method.name() + ", df " + df.name().toLowerCase(Locale.ROOT) + ", longitudinal-apim"
                + (phi != 0 ? " with AR(1)" : "");
        List<String> notes = new ArrayList<>();
        notes.add("each replicate fitted by the longitudinal-apim engine (" + engine + ")");
        notes.add(String.format(Locale.ROOT, "%d occasions per person; x: within-person SD %s, between-person SD %s; "
                + "random-intercept SD %s%s; residual SD %s; within-occasion residual correlation %s; "
                + "autocorrelation %s; missing person-occasions %s", occasions, num(sdXWithin), num(sdXBetween),
                perRole(interceptSd), roles.isEmpty() ? " (one per dyad)"
                        : ", intercept correlation " + num(interceptCorrelation), perRole(residualSd), num(rErrors),
                num(phi), num(missing)));
        notes.add("effects are raw coefficients of the person-mean-centred predictor (within) and of the person mean "
                + "over the observed occasions (between); df are the mean over replicates");
        return new PowerResult(PowerMethod.SIMULATION, "longitudinal-apim", !roles.isEmpty(), roles, EffectSize.RAW,
                alpha, rx, rErrors, 1, 1, Collections.unmodifiableMap(singles), missing,
                target == null ? OptionalDouble.empty() : OptionalDouble.of(target), dyads, List.copyOf(rows),
                replicates, OptionalLong.of(seed), Optional.of(engine), Collections.unmodifiableMap(failures),
                List.copyOf(notes));
    }

    private String perRole(double[] v) {
        if (roles.isEmpty() || v[0] == v[1]) {
            return num(v[0]);
        }
        return roles.get(0) + " " + num(v[0]) + ", " + roles.get(1) + " " + num(v[1]);
    }

    private static String num(double v) {
        return Population.num(v);
    }

    @Override
    public String toString() {
        return "LongitudinalApimPower[" + (roles.isEmpty() ? "indistinguishable" : String.join(", ", roles)) + ", dyads "
                + dyads + ", " + occasions + " occasions, replicates " + replicates + ", seed " + seed + "]";
    }
}
