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
import java.util.function.Consumer;
import org.apache.commons.rng.SplittableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.TDistribution;
import org.dyadkit.AnalysisException;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.CoefficientCovariance;
import org.dyadkit.apim.KEstimate;
import org.dyadkit.apim.KPattern;
import org.dyadkit.apim.LeanApimFit;
import org.dyadkit.apim.DfMethod;
import org.dyadkit.apim.Method;
import org.dyadkit.mediation.ApimemResult;
import org.dyadkit.mediation.Effect;
import org.dyadkit.resample.Interval;
import org.dyadkit.mediation.IndirectEffect;

/**
 * Power by simulation: data sets drawn from a population APIM (distinguishable or indistinguishable, with
 * covariates and interactions for the moderated APIM) or APIMeM (Ledermann, Macho and Kenny 2011), each fitted
 * by the engine of the analysis commands ({@link org.dyadkit.apim.Apim}, {@link org.dyadkit.mediation.Apimem};
 * REML or ML, the df convention chosen), and power = the share of fitted replicates whose test rejects at
 * alpha (for indirect effects: whose Monte Carlo or bootstrap interval excludes 0).
 *
 * <pre>{@code
 * ApimPower design = ApimPower.distinguishable("man", "woman").withActor(0.3).withPartner(0.2).withDyads(150);
 * PowerResult r = PowerSimulation.apim(design).withReplicates(1000).withSeed(12345).fit();
 * r.row("partner_woman").power();   // share of replicates with p < alpha
 * }</pre>
 *
 * <p>Population (standardised as in {@link ApimPower}): per dyad, X_1 and X_2 normal with unit variance (the
 * second role's variance times the ratio) and correlation r(X, X') (for Cohen's d, 0/1 with the given
 * proportions and phi correlation r(X, X')); Y_r = a_r X_r + p_r X_o + sum of covariate and interaction terms +
 * e_r, the errors normal with correlation r(e, e') and the variances of {@link ApimPower}. Covariates are
 * independent standard normal person variables; covariate and interaction effects are raw coefficients. For the
 * APIMeM, M_r = aA_r X_r + aP_r X_o + u_r and Y_r = bA_r M_r + bP_r M_o + c'A_r X_r + c'P_r X_o + e_r, every
 * variable with unit variance (the design's actor and partner effects are the direct effects c'), u and e with
 * correlation r(e, e'). Singles are dyads whose other member's outcome is missing; the missing-data rate deletes
 * each outcome (and, in the APIMeM, each mediator) independently at random.
 *
 * <p>Reported per effect: power with its Monte Carlo SE sqrt(P(1 - P)/R), the mean estimate and its bias, the
 * coverage of the 1 - alpha interval, and the share of replicates that failed to fit, with each reason counted.
 * Differences and averages of the roles' effects are Wald t tests from the fitted covariance matrix.
 *
 * <p>Random numbers: one {@code L64_X128_MIX} generator seeded with the seed is split (Commons RNG
 * {@link SplittableUniformRandomProvider#split()}) into one independent stream per replicate, in replicate
 * order, before any work starts; replicates then run in parallel on the requested threads, so a seed gives
 * the same result on any number of threads.
 */
public final class PowerSimulation {
    /** The simulated model. */
    public enum Model {
        /** The APIM (with covariates and interactions: the moderated APIM). */
        APIM,
        /** The actor-partner interdependence mediation model. */
        APIMEM
    }

    /** The interval of the APIMeM indirect effects. */
    public enum IndirectInterval {
        /** Monte Carlo interval (Selig and Preacher 2008), as {@code dyadr::mmc}. */
        MONTE_CARLO,
        /** Bias-corrected bootstrap of whole dyads (slow: every replicate is bootstrapped). */
        BOOTSTRAP
    }

    /** Receives progress from worker threads: replicates done of the total. */
    @FunctionalInterface
    public interface Progress {
        /** Called after each replicate (from any thread). */
        void update(int done, int total);
    }

    private record Term(String spec, double effect) {
    }

    private ApimPower design;
    private Model model;
    private int replicates = 1000;
    private long seed = 12345L;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Method method = Method.REML;
    private DfMethod df = DfMethod.RESIDUAL;
    private double missing;
    private List<Term> covariates = List.of();
    private List<Term> interactions = List.of();
    private double[][] aPaths = {{0.3, 0.3}, {0.1, 0.1}};
    private double[][] bPaths = {{0.3, 0.3}, {0.1, 0.1}};
    private IndirectInterval interval = IndirectInterval.MONTE_CARLO;
    private int draws = 1000;
    private Progress progress;
    private KPattern kPattern;
    private int kBootstrap;

    private PowerSimulation(ApimPower design, Model model) {
        this.design = Objects.requireNonNull(design);
        this.model = model;
    }

    /** Simulates the APIM of a design (its effects, correlations, variance ratios, dyads, singles, alpha). */
    public static PowerSimulation apim(ApimPower design) {
        return new PowerSimulation(design, Model.APIM);
    }

    /**
     * Simulates the APIMeM X to M to Y: the design's actor and partner effects are the direct effects c' (beta);
     * give the a paths (X to M) and b paths (M to Y) with {@link #withMediatorPaths} and {@link #withOutcomePaths}
     * (defaults actor .3, partner .1).
     */
    public static PowerSimulation apimem(ApimPower design) {
        if (design.effectSize != EffectSize.BETA) {
            throw new IllegalArgumentException("the APIMeM simulation takes its effects as betas; use --effect-size beta");
        }
        return new PowerSimulation(design, Model.APIMEM);
    }

    private PowerSimulation with(Consumer<PowerSimulation> change) {
        PowerSimulation c = new PowerSimulation(design, model);
        c.replicates = replicates;
        c.seed = seed;
        c.threads = threads;
        c.method = method;
        c.df = df;
        c.missing = missing;
        c.covariates = covariates;
        c.interactions = interactions;
        c.aPaths = new double[][] {aPaths[0].clone(), aPaths[1].clone()};
        c.bPaths = new double[][] {bPaths[0].clone(), bPaths[1].clone()};
        c.interval = interval;
        c.draws = draws;
        c.progress = progress;
        c.kPattern = kPattern;
        c.kBootstrap = kBootstrap;
        change.accept(c);
        return c;
    }

    /** Replicates per number of dyads (default 1,000). */
    public PowerSimulation withReplicates(int r) {
        if (r < 1) {
            throw new IllegalArgumentException("the number of replicates must be at least 1; got " + r);
        }
        return with(c -> c.replicates = r);
    }

    /** The seed (default 12345). */
    public PowerSimulation withSeed(long s) {
        return with(c -> c.seed = s);
    }

    /** Worker threads (default all cores; the result does not depend on it). */
    public PowerSimulation withThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1; got " + n);
        }
        return with(c -> c.threads = n);
    }

    /** REML (default) or ML fits. */
    public PowerSimulation withMethod(Method m) {
        Objects.requireNonNull(m);
        return with(c -> c.method = m);
    }

    /** The df convention of the coefficient tests (default nlme's N - p). */
    public PowerSimulation withDf(DfMethod d) {
        Objects.requireNonNull(d);
        return with(c -> c.df = d);
    }

    /** Share of outcomes (and mediators) deleted completely at random in each replicate (default 0). */
    public PowerSimulation withMissingRate(double m) {
        if (!(m >= 0 && m < 1)) {
            throw new IllegalArgumentException("the missing-data rate must be at least 0 and below 1; got " + m);
        }
        return with(c -> c.missing = m);
    }

    /**
     * A covariate (APIM): an independent standard-normal person variable {@code name} (or the partner's value,
     * {@code partner.name}) with this raw effect on both roles' outcomes.
     */
    public PowerSimulation withCovariate(String name, double effect) {
        String base = name.startsWith("partner.") ? name.substring("partner.".length()) : name;
        if (base.isEmpty() || List.of("x", "y", "m").contains(base) || !base.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("a covariate needs a name of letters, digits and _ other than x, y, m; got \""
                    + name + "\"");
        }
        requireApim("covariates");
        if (kPattern != null) {
            throw new IllegalArgumentException("the k-pattern simulation has no covariates or interactions");
        }
        List<Term> l = new ArrayList<>(covariates);
        l.add(new Term(name, finite(effect, "covariate effect")));
        return with(c -> c.covariates = List.copyOf(l));
    }

    /**
     * An interaction (the moderated APIM), {@code A:B} with factors {@code x} (the actor's X), {@code partner.x},
     * or a covariate (optionally {@code partner.}), with this raw effect on both roles' outcomes.
     */
    public PowerSimulation withInteraction(String spec, double effect) {
        requireApim("interactions");
        if (kPattern != null) {
            throw new IllegalArgumentException("the k-pattern simulation has no covariates or interactions");
        }
        String[] parts = spec.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("an interaction is A:B, for example x:partner.x or x:z; got \"" + spec + "\"");
        }
        List<Term> l = new ArrayList<>(interactions);
        l.add(new Term(spec, finite(effect, "interaction effect")));
        return with(c -> c.interactions = List.copyOf(l));
    }

    /** APIMeM: the a paths X to M, actor and partner, both roles. */
    public PowerSimulation withMediatorPaths(double actor, double partner) {
        return with(c -> c.aPaths = new double[][] {{actor, actor}, {partner, partner}});
    }

    /** APIMeM: the a paths of one role's mediator (partner effect named by the mediator's member). */
    public PowerSimulation withMediatorPaths(String role, double actor, double partner) {
        int r = design.roleIndex(role);
        return with(c -> {
            c.aPaths[0][r] = actor;
            c.aPaths[1][r] = partner;
        });
    }

    /** APIMeM: the b paths M to Y, actor and partner, both roles. */
    public PowerSimulation withOutcomePaths(double actor, double partner) {
        return with(c -> c.bPaths = new double[][] {{actor, actor}, {partner, partner}});
    }

    /** APIMeM: the b paths on one role's outcome. */
    public PowerSimulation withOutcomePaths(String role, double actor, double partner) {
        int r = design.roleIndex(role);
        return with(c -> {
            c.bPaths[0][r] = actor;
            c.bPaths[1][r] = partner;
        });
    }

    /** APIMeM: the interval of the indirect effects and its draws or resamples per replicate (default MC, 1,000). */
    public PowerSimulation withIndirectInterval(IndirectInterval i, int n) {
        Objects.requireNonNull(i);
        if (n < 2) {
            throw new IllegalArgumentException("the interval needs at least 2 draws or resamples; got " + n);
        }
        return with(c -> {
            c.interval = i;
            c.draws = n;
        });
    }

    /**
     * Simulates the APIM of a dyadic pattern (Kenny and Ledermann 2010): the population's partner effects are k
     * times its actor effects in raw units, p_r = k a_r (k = 1 {@link KPattern#COUPLE}, 0
     * {@link KPattern#ACTOR_ONLY}, -1 {@link KPattern#CONTRAST}; the design's partner effects are replaced), or,
     * for {@link KPattern#PARTNER_ONLY}, no actor effects and the design's partner effects. Each replicate is fitted
     * as {@code apim --k}: besides the rows of the APIM, {@code k_<role>} (or {@code k}) gives the share of
     * replicates whose interval of k (delta method, or the bias-corrected bootstrap of {@link #withKBootstrap})
     * excludes 0, its coverage of the population k and the mean k, over the replicates in which k is computed (the
     * standardised actor effect at least .10 in absolute value; not for the partner-only pattern, whose k is
     * infinite); {@code pattern_<role>} gives the share of fitted replicates whose pattern call is the population's.
     * Effects as betas only.
     *
     * @throws IllegalArgumentException for {@link KPattern#UNDETERMINED}, effect sizes other than beta, an actor
     *     effect of 0 (a partner effect of 0 for the partner-only pattern), or an APIMeM simulation
     */
    public PowerSimulation withKPattern(KPattern pattern) {
        Objects.requireNonNull(pattern);
        requireApim("k patterns");
        if (pattern == KPattern.UNDETERMINED) {
            throw new IllegalArgumentException("a k pattern is couple, actor-only, partner-only or contrast");
        }
        if (design.effectSize != EffectSize.BETA) {
            throw new IllegalArgumentException("the k-pattern simulation takes its effects as betas; use --effect-size beta");
        }
        if (!covariates.isEmpty() || !interactions.isEmpty()) {
            throw new IllegalArgumentException("the k-pattern simulation has no covariates or interactions");
        }
        int nr = design.distinguishable ? 2 : 1;
        ApimPower d = design;
        for (int r = 0; r < nr; r++) {
            String who = design.distinguishable ? " of " + design.roles.get(r) : "";
            if (pattern == KPattern.PARTNER_ONLY) {
                if (design.partner[r] == 0) {
                    throw new IllegalArgumentException("the partner-only pattern needs a partner effect" + who
                            + " other than 0 (--partner)");
                }
                d = design.distinguishable ? d.withActor(design.roles.get(r), 0) : d.withActor(0);
            } else {
                if (design.actor[r] == 0) {
                    throw new IllegalArgumentException("k = partner / actor needs an actor effect" + who
                            + " other than 0 (--actor)");
                }
                // raw p_r = k a_r: beta p_r = k a_r sd(X_o) / sd(X_r) (Population's raw units)
                double ratio = design.distinguishable ? Math.sqrt(design.ratioX) : 1;
                double scale = !design.distinguishable ? 1 : r == 0 ? ratio : 1 / ratio;
                double p = kValue(pattern) * design.actor[r] * scale;
                d = design.distinguishable ? d.withPartner(design.roles.get(r), p) : d.withPartner(p);
            }
        }
        ApimPower derived = d;
        return with(c -> {
            c.design = derived;
            c.kPattern = pattern;
        });
    }

    /**
     * With {@link #withKPattern}: intervals of k from a dyad bootstrap of {@code resamples} draws per replicate (the
     * bias-corrected interval, else the percentile one, as {@code apim --k --bootstrap}); 0 (the default) uses the
     * delta-method interval.
     */
    public PowerSimulation withKBootstrap(int resamples) {
        if (resamples != 0 && resamples < 2) {
            throw new IllegalArgumentException("the k bootstrap needs at least 2 resamples (or 0 for the delta method); got "
                    + resamples);
        }
        return with(c -> c.kBootstrap = resamples);
    }

    private static double kValue(KPattern p) {
        return switch (p) {
            case COUPLE -> 1;
            case ACTOR_ONLY -> 0;
            case CONTRAST -> -1;
            default -> Double.NaN;
        };
    }

    /** The design's role names (empty when indistinguishable). */
    public List<String> roles() {
        return design.roles;
    }

    /** A progress listener (the command line draws a bar on a terminal). */
    public PowerSimulation withProgress(Progress p) {
        return with(c -> c.progress = p);
    }

    private void requireApim(String what) {
        if (model != Model.APIM) {
            throw new IllegalArgumentException(what + " are available for the APIM simulation only");
        }
    }

    private static double finite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("the " + what + " must be a finite number; got " + v);
        }
        return v;
    }

    // ------------------------------------------------------------------ the simulation

    /** What a target is: a coefficient or a combination of them, k, or a k-pattern call. */
    private enum Kind { COEFFICIENT, K, PATTERN }

    /** One tested quantity: name, role, a linear combination of coefficients (APIM) and its population value. */
    private record Target(String name, String role, Map<String, Double> weights, double truth, double size,
            OptionalDouble beta, String what, Kind kind) {
        Target(String name, String role, Map<String, Double> weights, double truth, double size, OptionalDouble beta,
                String what) {
            this(name, role, weights, truth, size, beta, what, Kind.COEFFICIENT);
        }
    }

    /**
     * What one replicate gives: per target the estimate, whether it rejected and whether the interval covered, and
     * whether the target was computed at all (null: every target; k is not computed when the actor effect is small).
     */
    private record Outcome(double[] estimate, boolean[] reject, boolean[] covered, boolean[] present, String failure) {
        Outcome(double[] estimate, boolean[] reject, boolean[] covered, String failure) {
            this(estimate, reject, covered, null, failure);
        }

        boolean has(int t) {
            return present == null || present[t];
        }
    }

    /**
     * Runs the simulation.
     *
     * @throws IllegalArgumentException for impossible populations or too few dyads for the model
     * @throws AnalysisException when no replicate at some number of dyads could be fitted
     */
    public PowerResult fit() {
        List<Integer> ns = design.dyads;
        int min = design.minimumDyads();
        int fixed = fixedEffects();
        for (int n : ns) {
            int persons = 2 * n + design.singles[0] + design.singles[1];
            if (n < min || persons - fixed < 1) {
                throw new IllegalArgumentException(n + " dyads are too few for this model: it has " + fixed
                        + " fixed effects and needs at least " + Math.max(min, (fixed + 2) / 2) + " dyads");
            }
        }
        List<Population> pops = new ArrayList<>();
        List<List<Target>> targets = new ArrayList<>();
        double[][][] apimem = null;
        for (int n : ns) {
            Population pop = design.population(n);
            pops.add(pop);
            if (model == Model.APIMEM) {
                apimem = mediationPopulation();
                targets.add(mediationTargets(apimem));
            } else {
                List<Target> t = apimTargets(pop);
                if (kPattern != null) {
                    t = new ArrayList<>(t);
                    t.addAll(kTargets(pop));
                }
                targets.add(t);
            }
        }
        if (design.effectSize == EffectSize.D) {
            dichotomyCells(pops.get(0));
        }
        int k = ns.size();
        int total = k * replicates;
        Outcome[] out = new Outcome[total];
        double[][][] med = apimem;
        SimulationRunner.run(seed, out, threads, progress, (i, rng) -> {
            int j = i / replicates;
            return replicate(ns.get(j), pops.get(j), med, targets.get(j), rng);
        });
        return summarise(ns, targets, out);
    }

    private int fixedEffects() {
        int perRole = model == Model.APIMEM ? 5 : 3 + covariates.size() + interactions.size();
        return design.distinguishable ? 2 * perRole : perRole;
    }

    private List<String> roleNames() {
        return design.distinguishable ? design.roles : List.of();
    }

    private List<Target> apimTargets(Population pop) {
        List<Target> t = new ArrayList<>();
        List<String> roles = design.roles;
        if (!design.distinguishable) {
            t.add(new Target("actor", null, Map.of("actor", 1.0), pop.aRaw[0], design.actor[0], OptionalDouble.of(pop.a[0]),
                    Summaries.what("actor", null, "actor", false, roles, design.actor[0], OptionalDouble.empty(),
                            OptionalDouble.empty())));
            t.add(new Target("partner", null, Map.of("partner", 1.0), pop.pRaw[0], design.partner[0],
                    OptionalDouble.of(pop.p[0]), Summaries.what("partner", null, "partner", false, roles,
                            design.partner[0], OptionalDouble.empty(), OptionalDouble.empty())));
        } else {
            for (int r = 0; r < 2; r++) {
                String role = roles.get(r);
                t.add(new Target("actor_" + role, role, Map.of("actor:" + role, 1.0), pop.aRaw[r], design.actor[r],
                        OptionalDouble.of(pop.a[r]), Summaries.what("actor_" + role, role, "actor", true, roles,
                                design.actor[r], OptionalDouble.empty(), OptionalDouble.empty())));
            }
            for (int r = 0; r < 2; r++) {
                String role = roles.get(r);
                t.add(new Target("partner_" + role, role, Map.of("partner:" + role, 1.0), pop.pRaw[r],
                        design.partner[r], OptionalDouble.of(pop.p[r]), Summaries.what("partner_" + role, role,
                                "partner", true, roles, design.partner[r], OptionalDouble.empty(),
                                OptionalDouble.empty())));
            }
            String r0 = roles.get(0);
            String r1 = roles.get(1);
            for (String kind : List.of("actor", "partner")) {
                double[] raw = kind.equals("actor") ? pop.aRaw : pop.pRaw;
                double[] given = kind.equals("actor") ? design.actor : design.partner;
                double[] b = kind.equals("actor") ? pop.a : pop.p;
                Map<String, Double> w = new LinkedHashMap<>();
                w.put(kind + ":" + r0, 1.0);
                w.put(kind + ":" + r1, -1.0);
                t.add(new Target(kind + "_difference", null, w, raw[0] - raw[1], given[0] - given[1],
                        OptionalDouble.of(b[0] - b[1]), Summaries.what(kind + "_difference", null, kind, true, roles,
                                given[0] - given[1], OptionalDouble.empty(), OptionalDouble.empty())));
            }
            for (String kind : List.of("actor", "partner")) {
                double[] raw = kind.equals("actor") ? pop.aRaw : pop.pRaw;
                double[] given = kind.equals("actor") ? design.actor : design.partner;
                double[] b = kind.equals("actor") ? pop.a : pop.p;
                Map<String, Double> w = new LinkedHashMap<>();
                w.put(kind + ":" + r0, 0.5);
                w.put(kind + ":" + r1, 0.5);
                double avg = (given[0] + given[1]) / 2;
                t.add(new Target(kind + "_average", null, w, (raw[0] + raw[1]) / 2, avg,
                        OptionalDouble.of((b[0] + b[1]) / 2), Summaries.what(kind + "_average", null, kind, true, roles,
                                avg, OptionalDouble.empty(), OptionalDouble.empty())));
            }
        }
        List<Term> extra = new ArrayList<>(covariates);
        extra.addAll(interactions);
        for (Term term : extra) {
            String name = termName(term.spec());
            for (int r = 0; r < (design.distinguishable ? 2 : 1); r++) {
                String role = design.distinguishable ? roles.get(r) : null;
                String coef = role == null ? name : name + ":" + role;
                String effect = role == null ? name : name + "_" + role;
                t.add(new Target(effect, role, Map.of(coef, 1.0), term.effect(), term.effect(), OptionalDouble.empty(),
                        "the " + name + " effect" + (role == null ? "" : " for " + role) + " of size "
                                + ApimPower.apa(term.effect())));
            }
        }
        return t;
    }

    /** The engine's name of a covariate or interaction term ({@code x} is the actor, {@code partner.x} the partner). */
    private static String termName(String spec) {
        List<String> names = new ArrayList<>();
        for (String part : spec.split(":")) {
            String v = part.trim();
            if (v.equals("x") || v.equals("actor.x")) {
                names.add("actor");
            } else if (v.equals("partner.x")) {
                names.add("partner");
            } else {
                names.add(v);
            }
        }
        return String.join(":", names);
    }

    /**
     * The standardised APIMeM population: [0] a paths {aA, aP} per role, [1] b paths, [2] c' paths, [3] error SDs
     * {sM, sY} per role.
     */
    private double[][][] mediationPopulation() {
        double rx = design.rx;
        double[][] out = new double[2][2];
        double[] sM = new double[2];
        double[] sY = new double[2];
        String[] names = design.distinguishable ? design.roles.toArray(new String[0]) : new String[] {"all", "all"};
        for (int r = 0; r < 2; r++) {
            double aA = aPaths[0][r];
            double aP = aPaths[1][r];
            double v = 1 - aA * aA - aP * aP - 2 * aA * aP * rx;
            if (!(v > 0)) {
                throw new IllegalArgumentException("the a paths " + Population.num(aA) + " (actor) and " + Population.num(aP)
                        + " (partner) for " + names[r] + " imply an impossible correlation matrix: they explain "
                        + Population.num(1 - v) + " of the mediator's variance (must be below 1)");
            }
            sM[r] = Math.sqrt(v);
        }
        // covariance of (M1, M2, X1, X2)
        double[][] a = {{aPaths[0][0], aPaths[1][0]}, {aPaths[1][1], aPaths[0][1]}};
        double[][] cx = {{1, rx}, {rx, 1}};
        double[][] c = new double[4][4];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double mm = 0;
                double mx = 0;
                for (int u = 0; u < 2; u++) {
                    mx += a[i][u] * cx[u][j];
                    for (int v = 0; v < 2; v++) {
                        mm += a[i][u] * cx[u][v] * a[j][v];
                    }
                }
                c[i][j] = mm + (i == j ? sM[i] * sM[i] : design.re * sM[0] * sM[1]);
                c[i][2 + j] = mx;
                c[2 + j][i] = mx;
                c[2 + i][2 + j] = cx[i][j];
            }
        }
        for (int r = 0; r < 2; r++) {
            int o = 1 - r;
            double[] beta = {bPaths[0][r], bPaths[1][r], design.actor[design.distinguishable ? r : 0],
                design.partner[design.distinguishable ? r : 0]};
            int[] idx = {r, o, 2 + r, 2 + o};
            double q = 0;
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    q += beta[i] * c[idx[i]][idx[j]] * beta[j];
                }
            }
            if (!(1 - q > 0)) {
                throw new IllegalArgumentException("the b paths and direct effects for " + names[r] + " imply an impossible "
                        + "correlation matrix: they explain " + Population.num(q) + " of the outcome's variance (must be "
                        + "below 1)");
            }
            sY[r] = Math.sqrt(1 - q);
        }
        double[][] cp = {{design.actor[0], design.actor[design.distinguishable ? 1 : 0]},
            {design.partner[0], design.partner[design.distinguishable ? 1 : 0]}};
        return new double[][][] {aPaths, bPaths, cp, {sM, sY}};
    }

    private List<Target> mediationTargets(double[][][] pop) {
        double[][] a = pop[0];
        double[][] b = pop[1];
        List<Target> t = new ArrayList<>();
        int nr = design.distinguishable ? 2 : 1;
        for (int r = 0; r < nr; r++) {
            int o = design.distinguishable ? 1 - r : r;
            String role = design.distinguishable ? design.roles.get(r) : null;
            String suffix = role == null ? "" : "_" + role;
            double aa = a[0][r] * b[0][r];
            double pp = a[1][o] * b[1][r];
            double ap = a[0][o] * b[1][r];
            double pa = a[1][r] * b[0][r];
            String[] names = {"actor_actor", "partner_partner", "actor_partner", "partner_actor", "indirect_actor",
                "indirect_partner"};
            double[] truth = {aa, pp, ap, pa, aa + pp, ap + pa};
            for (int s = 0; s < names.length; s++) {
                t.add(new Target(names[s] + suffix, role, Map.of(), truth[s], truth[s], OptionalDouble.empty(),
                        "the " + names[s].replace('_', '-') + " indirect effect" + (role == null ? "" : " on " + role)
                                + " of size " + ApimPower.apa(truth[s])));
            }
        }
        return t;
    }

    private double[] dichotomyCells(Population pop) {
        double q1 = pop.proportion[0];
        double q2 = pop.proportion[1];
        double p11 = q1 * q2 + design.rx * Math.sqrt(q1 * (1 - q1) * q2 * (1 - q2));
        double p10 = q1 - p11;
        double p01 = q2 - p11;
        double p00 = 1 - q1 - q2 + p11;
        if (p11 < 0 || p10 < 0 || p01 < 0 || p00 < 0) {
            throw new IllegalArgumentException("r(X, X') = " + Population.num(design.rx) + " is impossible for two "
                    + "dichotomies with proportions " + Population.num(q1) + " and " + Population.num(q2));
        }
        return new double[] {p11, p10, p01, p00};
    }

    private Outcome replicate(int n, Population pop, double[][][] med, List<Target> targets, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        int s1 = design.singles[0];
        int s2 = design.distinguishable ? design.singles[1] : 0;
        int dyads = n + s1 + s2;
        int persons = 2 * dyads;
        // the dyad ids and roles are the same in every replicate of a size: made once, shared read-only
        String[][] layout = layouts.computeIfAbsent(persons, this::layout);
        String[] dyad = layout[0];
        String[] role = layout[1];
        double[] x = new double[persons];
        double[] y = new double[persons];
        double[] m = model == Model.APIMEM ? new double[persons] : null;
        Map<String, double[]> cov = new LinkedHashMap<>();
        for (Term t : covariates) {
            String base = t.spec().startsWith("partner.") ? t.spec().substring("partner.".length()) : t.spec();
            cov.putIfAbsent(base, new double[persons]);
        }
        for (Term t : interactions) {
            for (String part : t.spec().split(":")) {
                String v = part.trim();
                String base = v.startsWith("partner.") ? v.substring("partner.".length()) : v;
                if (!base.equals("x")) {
                    cov.putIfAbsent(base, new double[persons]);
                }
            }
        }
        double[] cells = design.effectSize == EffectSize.D ? dichotomyCells(pop) : null;
        double rx = design.rx;
        double re = design.re;
        double sqx = Math.sqrt(1 - rx * rx);
        double sqe = Math.sqrt(1 - re * re);
        for (int d = 0; d < dyads; d++) {
            int i1 = 2 * d;
            int i2 = 2 * d + 1;
            if (cells != null) {
                double u = rng.nextDouble();
                boolean a1 = u < cells[0] + cells[1];
                boolean a2 = u < cells[0] || (u >= cells[0] + cells[1] && u < cells[0] + cells[1] + cells[2]);
                x[i1] = a1 ? 1 : 0;
                x[i2] = a2 ? 1 : 0;
            } else {
                double z1 = z.sample();
                double z2 = z.sample();
                x[i1] = z1 * pop.sdX[0];
                x[i2] = (rx * z1 + sqx * z2) * pop.sdX[1];
            }
            for (double[] v : cov.values()) {
                v[i1] = z.sample();
                v[i2] = z.sample();
            }
            double e1 = z.sample();
            double e2 = re * e1 + sqe * z.sample();
            if (model == Model.APIMEM) {
                double[][] a = med[0];
                double[][] b = med[1];
                double[][] c = med[2];
                double[] sM = med[3][0];
                double[] sY = med[3][1];
                int r2 = design.distinguishable ? 1 : 0;
                double u1 = z.sample();
                double u2 = re * u1 + sqe * z.sample();
                m[i1] = a[0][0] * x[i1] + a[1][0] * x[i2] + sM[0] * u1;
                m[i2] = a[0][r2] * x[i2] + a[1][r2] * x[i1] + sM[1] * u2;
                y[i1] = b[0][0] * m[i1] + b[1][0] * m[i2] + c[0][0] * x[i1] + c[1][0] * x[i2] + sY[0] * e1;
                y[i2] = b[0][r2] * m[i2] + b[1][r2] * m[i1] + c[0][r2] * x[i2] + c[1][r2] * x[i1] + sY[1] * e2;
            } else {
                y[i1] = pop.aRaw[0] * x[i1] + pop.pRaw[0] * x[i2] + pop.sRaw[0] * e1;
                y[i2] = pop.aRaw[1] * x[i2] + pop.pRaw[1] * x[i1] + pop.sRaw[1] * e2;
                for (Term t : covariates) {
                    y[i1] += t.effect() * value(t.spec(), i1, i2, x, cov);
                    y[i2] += t.effect() * value(t.spec(), i2, i1, x, cov);
                }
                for (Term t : interactions) {
                    String[] f = t.spec().split(":");
                    y[i1] += t.effect() * value(f[0], i1, i2, x, cov) * value(f[1], i1, i2, x, cov);
                    y[i2] += t.effect() * value(f[0], i2, i1, x, cov) * value(f[1], i2, i1, x, cov);
                }
            }
            // singles: the other member's outcome is missing
            if (d >= n && d < n + s1) {
                y[i2] = Double.NaN;
                if (m != null) {
                    m[i2] = Double.NaN;
                }
            } else if (d >= n + s1) {
                y[i1] = Double.NaN;
                if (m != null) {
                    m[i1] = Double.NaN;
                }
            }
            if (missing > 0) {
                for (int i : new int[] {i1, i2}) {
                    if (rng.nextDouble() < missing) {
                        y[i] = Double.NaN;
                    }
                    if (m != null && rng.nextDouble() < missing) {
                        m[i] = Double.NaN;
                    }
                }
            }
        }
        Map<String, double[]> vars = new LinkedHashMap<>();
        vars.put("y", y);
        vars.put("x", x);
        if (m != null) {
            vars.put("m", m);
        }
        vars.putAll(cov);
        double level = 1 - design.alpha;
        int k = targets.size();
        double[] est = new double[k];
        boolean[] rej = new boolean[k];
        boolean[] cover = new boolean[k];
        long drawSeed = rng.nextLong();
        try {
            if (model == Model.APIMEM) {
                ApimemResult res = Engine.apimem(dyad, role, vars, roleNames(), method, df, level,
                        interval == IndirectInterval.BOOTSTRAP, draws, drawSeed);
                for (int i = 0; i < k; i++) {
                    Target t = targets.get(i);
                    String roleName = t.role() == null ? "all" : t.role();
                    String nm = t.name().substring(0, t.role() == null ? t.name().length()
                            : t.name().length() - t.role().length() - 1);
                    IndirectEffect e = nm.startsWith("indirect_")
                            ? res.totalIndirect(Effect.parse(nm.substring("indirect_".length())), roleName)
                            : res.indirect(Effect.parse(nm), roleName);
                    Interval ci = e.ci().orElseThrow(() -> new IllegalStateException("no interval of " + nm));
                    est[i] = e.estimate();
                    rej[i] = !ci.contains(0);
                    cover[i] = ci.contains(t.truth());
                }
            } else {
                List<String> covSpecs = covariates.stream().map(Term::spec).toList();
                List<String> intSpecs = interactions.stream().map(Term::spec).toList();
                ApimFit full = null;
                LeanApimFit fit;
                if (kPattern != null) {
                    full = Engine.apimK(dyad, role, vars, roleNames(), method, df, level, kBootstrap, drawSeed);
                    fit = Engine.lean(full);
                } else {
                    fit = Engine.apim(dyad, role, vars, roleNames(), covSpecs, intSpecs, method, df, level);
                }
                CoefficientCovariance v = fit.covariance();
                boolean[] present = null;
                for (int i = 0; i < k; i++) {
                    Target t = targets.get(i);
                    if (t.kind() != Kind.COEFFICIENT) {
                        if (present == null) {
                            present = new boolean[k];
                            java.util.Arrays.fill(present, true);
                        }
                        present[i] = kOutcome(full, t, i, est, rej, cover);
                        continue;
                    }
                    double e = 0;
                    double var = 0;
                    double dfi = Double.NaN;
                    for (Map.Entry<String, Double> w : t.weights().entrySet()) {
                        int j = fit.index(w.getKey());
                        if (j < 0) {
                            throw new IllegalStateException("the fit has no term " + w.getKey() + "; terms: "
                                    + fit.terms());
                        }
                        e += w.getValue() * fit.estimate(j);
                        if (Double.isNaN(dfi)) {
                            dfi = fit.df(j);
                        }
                        for (Map.Entry<String, Double> w2 : t.weights().entrySet()) {
                            var += w.getValue() * v.get(j, fit.index(w2.getKey())) * w2.getValue();
                        }
                    }
                    double se = Math.sqrt(var);
                    // p < alpha exactly when |t| exceeds the 1 - alpha/2 quantile of t(df)
                    double q = quantile(dfi);
                    est[i] = e;
                    rej[i] = Math.abs(e / se) > q;
                    cover[i] = e - q * se <= t.truth() && t.truth() <= e + q * se;
                }
                if (present != null) {
                    return new Outcome(est, rej, cover, present, null);
                }
            }
        } catch (AnalysisException ex) {
            return new Outcome(null, null, null, ex.reason().name().toLowerCase(Locale.ROOT));
        } catch (org.dyadkit.InputException | ArithmeticException ex) {
            return new Outcome(null, null, null, "unusable replicate: " + ex.getMessage());
        }
        return new Outcome(est, rej, cover, null);
    }

    /**
     * The k or pattern target i of a replicate from the fit's k estimate: k with the interval the pattern is read
     * from (bias-corrected bootstrap, else percentile, else delta method), or the pattern call (estimate 1 when it
     * is the population's); false when k was not computed (the pattern target is always computed).
     */
    private boolean kOutcome(ApimFit fit, Target t, int i, double[] est, boolean[] rej, boolean[] cover) {
        KEstimate ke = fit.k(t.role() == null ? "all" : t.role());
        if (t.kind() == Kind.PATTERN) {
            boolean hit = ke.pattern() == kPattern;
            est[i] = hit ? 1 : 0;
            rej[i] = hit;
            cover[i] = false;
            return true;
        }
        if (ke.k().isEmpty()) {
            return false;
        }
        Interval ci = ke.biasCorrected().or(ke::percentile).or(ke::delta)
                .orElseThrow(() -> new IllegalStateException("k without an interval"));
        est[i] = ke.k().getAsDouble();
        rej[i] = !ci.contains(0);
        cover[i] = ci.contains(t.truth());
        return true;
    }

    /** The k and pattern targets per role (no k target for the partner-only pattern, whose k is infinite). */
    private List<Target> kTargets(Population pop) {
        List<Target> t = new ArrayList<>();
        int nr = design.distinguishable ? 2 : 1;
        String name = kPattern.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String basis = kBootstrap > 0 ? "bias-corrected bootstrap interval (" + kBootstrap + " resamples)"
                : "delta-method interval";
        for (int r = 0; r < nr; r++) {
            String role = design.distinguishable ? design.roles.get(r) : null;
            String sfx = role == null ? "" : "_" + role;
            String on = role == null ? "" : " for " + role;
            if (kPattern != KPattern.PARTNER_ONLY) {
                double k = pop.pRaw[r] / pop.aRaw[r];
                if (!(Math.abs(k - kValue(kPattern)) <= 1e-12 * Math.max(1, Math.abs(k)))) {
                    throw new IllegalStateException("population k " + k + " is not the pattern's " + kValue(kPattern));
                }
                k = kValue(kPattern);
                t.add(new Target("k" + sfx, role, Map.of(), k, k, OptionalDouble.empty(),
                        "k = p/a" + on + " different from 0 (the " + basis + " excludes 0; population k = "
                                + ApimPower.apa(k) + ", the " + name + " pattern)", Kind.K));
            }
            // the population k, or a/p = 0 for the partner-only pattern
            double size = kPattern == KPattern.PARTNER_ONLY ? 0 : kValue(kPattern);
            t.add(new Target("pattern" + sfx, role, Map.of(), size, size, OptionalDouble.empty(),
                    "the " + name + " pattern" + on + " (called from the " + basis + " as apim --k does; Kenny and "
                            + "Ledermann 2010)", Kind.PATTERN));
        }
        return t;
    }

    private final java.util.concurrent.ConcurrentHashMap<Integer, String[][]> layouts =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The dyad ids (1, 1, 2, 2, ...) and roles (null when indistinguishable) of a replicate of this many persons. */
    private String[][] layout(int persons) {
        String[] dyad = new String[persons];
        String[] role = design.distinguishable ? new String[persons] : null;
        for (int d = 0; d < persons / 2; d++) {
            String id = Integer.toString(d + 1);
            dyad[2 * d] = id;
            dyad[2 * d + 1] = id;
            if (role != null) {
                role[2 * d] = design.roles.get(0);
                role[2 * d + 1] = design.roles.get(1);
            }
        }
        return new String[][] {dyad, role};
    }

    private final java.util.concurrent.ConcurrentHashMap<Double, Double> quantiles =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The 1 - alpha/2 quantile of t(df), cached (the df repeat across replicates). */
    private double quantile(double dfi) {
        return quantiles.computeIfAbsent(dfi, v -> TDistribution.of(v).inverseSurvivalProbability(design.alpha / 2));
    }

    private static double value(String factor, int self, int other, double[] x, Map<String, double[]> cov) {
        String v = factor.trim();
        boolean partner = v.startsWith("partner.");
        String base = partner ? v.substring("partner.".length()) : v.startsWith("actor.") ? v.substring(6) : v;
        int i = partner ? other : self;
        return base.equals("x") ? x[i] : cov.get(base)[i];
    }

    private PowerResult summarise(List<Integer> ns, List<List<Target>> targets, Outcome[] out) {
        Map<String, Integer> failures = new TreeMap<>();
        List<PowerRow> all = new ArrayList<>();
        List<String> kNotes = new ArrayList<>();
        for (int j = 0; j < ns.size(); j++) {
            int n = ns.get(j);
            List<Target> ts = targets.get(j);
            int k = ts.size();
            int ok = 0;
            int[] rej = new int[k];
            int[] cov = new int[k];
            int[] has = new int[k];
            double[] sum = new double[k];
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
                    if (!o.has(t)) {
                        continue;
                    }
                    has[t]++;
                    rej[t] += o.reject()[t] ? 1 : 0;
                    cov[t] += o.covered()[t] ? 1 : 0;
                    sum[t] += o.estimate()[t];
                }
            }
            if (ok == 0) {
                throw new AnalysisException(AnalysisException.Reason.UNDEFINED, "none of the " + replicates
                        + " replicates with " + n + " dyads could be fitted: " + here);
            }
            double failedShare = (double) (replicates - ok) / replicates;
            for (int t = 0; t < k; t++) {
                Target tg = ts.get(t);
                int m = has[t];
                if (m < ok) {
                    kNotes.add(tg.name() + " with " + n + " dyads: k not computed in " + (ok - m) + " of " + ok
                            + " fitted replicates (standardised actor effect below .10 in absolute value, Kenny and "
                            + "Ledermann 2010)");
                }
                if (m == 0) {
                    continue;
                }
                double p = (double) rej[t] / m;
                double se = Math.sqrt(p * (1 - p) / m);
                double mean = sum[t] / m;
                boolean pattern = tg.kind() == Kind.PATTERN;
                String summary = pattern
                        ? "With " + n + " dyads " + tg.what() + " is called in " + ApimPower.apa(p) + " of the replicates "
                                + "(Monte Carlo SE " + ApimPower.apa(se) + ", " + m + " replicates)."
                        : "With " + n + " dyads there is " + ApimPower.apa(p) + " power (Monte Carlo SE "
                                + ApimPower.apa(se) + ", " + m + " replicates) to detect " + tg.what() + ".";
                all.add(new PowerRow(tg.name(), Optional.ofNullable(tg.role()), OptionalInt.of(n), OptionalDouble.of(p),
                        OptionalDouble.of(se), OptionalDouble.empty(), OptionalDouble.empty(), tg.size(), tg.beta(),
                        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(tg.truth()),
                        pattern ? OptionalDouble.empty() : OptionalDouble.of(mean),
                        pattern ? OptionalDouble.empty() : OptionalDouble.of(mean - tg.truth()),
                        pattern ? OptionalDouble.empty() : OptionalDouble.of((double) cov[t] / m), OptionalInt.of(m),
                        OptionalDouble.of(failedShare), summary));
            }
        }
        List<PowerRow> rows = all;
        if (design.target != null) {
            rows = new ArrayList<>();
            for (Target tg : targets.get(0)) {
                PowerRow found = null;
                for (PowerRow r : all) {
                    if (r.effect().equals(tg.name()) && r.power().getAsDouble() >= design.target) {
                        found = r;
                        break;
                    }
                }
                if (found == null) {
                    rows.add(new PowerRow(tg.name(), Optional.ofNullable(tg.role()), OptionalInt.empty(),
                            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                            tg.size(), tg.beta(), OptionalDouble.empty(), OptionalDouble.empty(),
                            OptionalDouble.of(tg.truth()), OptionalDouble.empty(), OptionalDouble.empty(),
                            OptionalDouble.empty(), OptionalInt.empty(), OptionalDouble.empty(),
                            "No number of dyads from " + ns.get(0) + " to " + ns.get(ns.size() - 1) + " gives "
                                    + ApimPower.apa(design.target) + " power to detect " + tg.what() + "."));
                } else {
                    rows.add(new PowerRow(found.effect(), found.role(), found.nDyads(), found.power(), found.mcSe(),
                            found.ncp(), found.df(), found.size(), found.beta(), found.r(), found.partialR(),
                            found.trueValue(), found.meanEstimate(), found.bias(), found.coverage(), found.replicates(),
                            found.failedShare(), "At minimum, " + found.nDyads().getAsInt() + " of the dyad numbers "
                                    + "simulated give " + ApimPower.apa(design.target) + " power: " + found.summary()));
                }
            }
        }
        Map<String, Integer> sg = new LinkedHashMap<>();
        if (design.distinguishable) {
            sg.put(design.roles.get(0), design.singles[0]);
            sg.put(design.roles.get(1), design.singles[1]);
        } else {
            sg.put("all", design.singles[0]);
        }
        List<String> notes = new ArrayList<>();
        notes.add("each replicate fitted by the " + (model == Model.APIM ? "apim" : "apimem") + " engine ("
                + method.name() + ", df " + df.name().toLowerCase(Locale.ROOT) + ")");
        if (kPattern != null) {
            notes.add("population: the " + kPattern.name().toLowerCase(Locale.ROOT).replace('_', '-') + " pattern "
                    + (kPattern == KPattern.PARTNER_ONLY ? "(no actor effects)" : "(partner = " + kValue(kPattern)
                            + " x actor in raw units)") + "; k and its pattern as apim --k, from the "
                    + (kBootstrap > 0 ? "bias-corrected bootstrap interval (" + kBootstrap + " resamples)"
                            : "delta-method interval"));
            notes.addAll(kNotes);
        }
        if (model == Model.APIMEM) {
            notes.add("indirect effects: power = share of replicates whose " + (interval == IndirectInterval.BOOTSTRAP
                    ? "bias-corrected bootstrap (" + draws + " resamples)" : "Monte Carlo (" + draws + " draws)")
                    + " interval excludes 0");
        }
        String engine = method.name() + ", df " + df.name().toLowerCase(Locale.ROOT)
                + (model == Model.APIMEM ? ", " + (interval == IndirectInterval.BOOTSTRAP ? "bootstrap " : "monte carlo ")
                        + draws : "");
        return new PowerResult(PowerMethod.SIMULATION, model == Model.APIM ? "apim" : "apimem", design.distinguishable,
                design.roles, design.effectSize, design.alpha, design.rx, design.re,
                design.distinguishable ? design.ratioX : 1, design.distinguishable ? design.ratioE : 1,
                Collections.unmodifiableMap(sg), missing,
                design.target == null ? OptionalDouble.empty() : OptionalDouble.of(design.target), ns, List.copyOf(rows),
                replicates, OptionalLong.of(seed), Optional.of(engine), Collections.unmodifiableMap(failures),
                List.copyOf(notes));
    }
}
