package org.dyadkit.mediation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;
import org.dyadkit.InputException;
import org.dyadkit.apim.Apim;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.Coefficient;
import org.dyadkit.apim.DfMethod;
import org.dyadkit.apim.Method;
import org.dyadkit.dyad.DyadArrays;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.dyad.ExclusionReason;
import org.dyadkit.dyad.Sample;
import org.dyadkit.numerics.Cholesky;
import org.dyadkit.numerics.Moments;
import org.dyadkit.resample.DyadBootstrap;
import org.dyadkit.resample.Interval;

/**
 * The actor-partner interdependence mediation model (APIMeM; Ledermann, Macho and Kenny 2011) estimated as in
 * the multilevel-model version of the Garcia-Kenny dyadic workshop: three APIMs fitted by GLS
 * ({@link Apim}, as {@code nlme::gls} with {@code corCompSymm} and, for distinguishable dyads, the two-intercept
 * model with {@code varIdent}): M on X (a paths), Y on X and M (b paths and the direct effects c'), Y on X (the
 * total effects c). Actor and partner effects are named by the member whose M or Y is explained.
 *
 * <p>Simple indirect effects ending in member r's outcome (o is the other member; for indistinguishable dyads
 * both are the same set of effects): actor-actor a_A(r) b_A(r) (X_r -> M_r -> Y_r), partner-partner
 * a_P(o) b_P(r) (X_r -> M_o -> Y_r), actor-partner a_A(o) b_P(r) (X_o -> M_o -> Y_r), partner-actor
 * a_P(r) b_A(r) (X_o -> M_r -> Y_r). Total indirect effect of the actor effect = actor-actor +
 * partner-partner, of the partner effect = actor-partner + partner-actor; total effect = c' + total indirect
 * (Ledermann et al. 2011, Table 1); percent mediated = 100 indirect / total.
 *
 * <p>Inference: the first-order Sobel test of each simple effect; Monte Carlo intervals (Selig and Preacher
 * 2008, as {@code dyadr::mmc}): the a coefficients drawn jointly from a normal with their GLS covariance, the b
 * coefficients likewise and independently of the a's (cov(a, b) = 0), seeded; and a bootstrap of whole dyads
 * (the M and the Y model refitted on every resample; percentile and bias-corrected intervals as R's
 * {@code boot.ci} for the indirect and the total effects), seeded, with the same answer on any number of threads
 * ({@link DyadBootstrap}). The model without M is not refitted: no bootstrapped quantity depends on it.
 *
 * <pre>{@code
 * ApimemResult r = Apimem.distinguishable(couples).withPredictor("other_pos").withMediator("tension")
 *         .withOutcome("satisfaction").withMonteCarlo(40000, 12345L).withBootstrap(5000, 12345L).fit();
 * r.indirect(Effect.ACTOR_ACTOR, "husband").estimate();
 * }</pre>
 *
 * <p>Immutable: every {@code withXxx} returns a new model. Missing data: each model uses the persons it can use
 * (outcome, own and partner's predictors, covariates present), as {@code gls(..., na.action = na.omit)} on
 * pairwise data; the result's {@link Sample} counts the persons in at least one of the three models and why the
 * others are in none. Degenerate data raise {@link AnalysisException} from the APIM fits (no variance, singular
 * design, too few dyads, rho at the boundary) or UNDEFINED when a Sobel standard error is 0; unknown variables
 * raise {@link InputException}.
 */
public final class Apimem {
    /** The simple indirect effects, in output order. */
    public static final List<Effect> SIMPLE = List.of(Effect.ACTOR_ACTOR, Effect.PARTNER_PARTNER,
            Effect.ACTOR_PARTNER, Effect.PARTNER_ACTOR);

    private final DyadArrays data;
    private final boolean distinguishable;
    private String x;
    private String m;
    private String y;
    private List<String> covariates = List.of();
    private Method method = Method.REML;
    private DfMethod dfMethod = DfMethod.RESIDUAL;
    private double level = 0.95;
    private boolean normalIntervals;
    private List<String> roleOrder;
    private int mcDraws;
    private long mcSeed;
    private int bootstrap;
    private long bootSeed;
    private int threads = Runtime.getRuntime().availableProcessors();

    private Apimem(DyadArrays data, boolean distinguishable) {
        this.data = Objects.requireNonNull(data);
        this.distinguishable = distinguishable;
    }

    private Apimem with(Consumer<Apimem> change) {
        Apimem c = new Apimem(data, distinguishable);
        c.x = x;
        c.m = m;
        c.y = y;
        c.covariates = covariates;
        c.method = method;
        c.dfMethod = dfMethod;
        c.level = level;
        c.normalIntervals = normalIntervals;
        c.roleOrder = roleOrder;
        c.mcDraws = mcDraws;
        c.mcSeed = mcSeed;
        c.bootstrap = bootstrap;
        c.bootSeed = bootSeed;
        c.threads = threads;
        change.accept(c);
        return c;
    }

    /** Distinguishable dyads read into the dyadic data model (roles in the data's order). */
    public static Apimem distinguishable(DyadicData data) {
        return distinguishable(DyadArrays.of(data));
    }

    /** Indistinguishable dyads read into the dyadic data model (any roles are ignored). */
    public static Apimem indistinguishable(DyadicData data) {
        return indistinguishable(DyadArrays.of(data));
    }

    /** Distinguishable dyads on the array view. @throws InputException when the persons carry no roles */
    public static Apimem distinguishable(DyadArrays data) {
        if (!data.distinguishable()) {
            throw new InputException("the data carry no roles; distinguishable dyads need a role for each person "
                    + "(or fit the indistinguishable model)");
        }
        return new Apimem(data, true);
    }

    /** Indistinguishable dyads on the array view. */
    public static Apimem indistinguishable(DyadArrays data) {
        return new Apimem(data, false);
    }

    /** The predictor X (actor and partner effects). */
    public Apimem withPredictor(String name) {
        return with(c -> c.x = Objects.requireNonNull(name));
    }

    /** The mediator M (actor and partner effects). */
    public Apimem withMediator(String name) {
        return with(c -> c.m = Objects.requireNonNull(name));
    }

    /** The outcome Y. */
    public Apimem withOutcome(String name) {
        return with(c -> c.y = Objects.requireNonNull(name));
    }

    /** A covariate of all three models: the person's own value, or {@code partner.NAME} (repeatable). */
    public Apimem withCovariate(String name) {
        Objects.requireNonNull(name);
        return with(c -> {
            List<String> l = new ArrayList<>(covariates);
            l.add(name);
            c.covariates = List.copyOf(l);
        });
    }

    /** REML (default) or ML for the three fits. */
    public Apimem withMethod(Method mt) {
        Objects.requireNonNull(mt);
        return with(c -> c.method = mt);
    }

    /** Degrees of freedom of the path t tests (default nlme's N - p). */
    public Apimem withDf(DfMethod d) {
        Objects.requireNonNull(d);
        return with(c -> c.dfMethod = d);
    }

    /** Confidence level of all intervals (default 0.95). */
    public Apimem withLevel(double l) {
        double v = Checks.level(l);
        return with(c -> c.level = v);
    }

    /** Path intervals from the normal quantile instead of t with the chosen df. */
    public Apimem withNormalIntervals(boolean normal) {
        return with(c -> c.normalIntervals = normal);
    }

    /** The order of the two roles (default: the data's role order). */
    public Apimem withRoles(String first, String second) {
        List<String> r = List.of(first, second);
        return with(c -> c.roleOrder = r);
    }

    /** Monte Carlo intervals from {@code draws} seeded draws (0 = none, the default). */
    public Apimem withMonteCarlo(int draws, long seed) {
        if (draws < 0) {
            throw new IllegalArgumentException("draws must be >= 0: " + draws);
        }
        return with(c -> {
            c.mcDraws = draws;
            c.mcSeed = seed;
        });
    }

    /** A bootstrap of {@code replicates} dyad resamples with this seed (0 = none, the default). */
    public Apimem withBootstrap(int replicates, long seed) {
        int r = Checks.replicates(replicates);
        return with(c -> {
            c.bootstrap = r;
            c.bootSeed = seed;
        });
    }

    /** Worker threads of the bootstrap (the result does not depend on it). */
    public Apimem withThreads(int n) {
        int t = Checks.threads(n);
        return with(c -> c.threads = t);
    }

    @Override
    public String toString() {
        return "Apimem[" + (distinguishable ? "distinguishable" : "indistinguishable") + ", " + x + " -> " + m
                + " -> " + y + (covariates.isEmpty() ? "" : ", covariates " + covariates) + ", " + method + "]";
    }

    /**
     * Fits the three models and computes the indirect effects and the requested intervals.
     *
     * @throws AnalysisException for degenerate data (see the class description)
     * @throws InputException for unknown variables, or X, M and Y not all different
     */
    public ApimemResult fit() {
        return fitted().result();
    }

    /** The fit with the draws behind its intervals (for {@link IndirectContrasts}). */
    Fitted fitted() {
        if (x == null || m == null || y == null) {
            throw new InputException("the APIMeM needs a predictor (x), a mediator (m) and an outcome (y)");
        }
        if (x.equals(m) || x.equals(y) || m.equals(y)) {
            throw new InputException("x, m and y must be three different variables: " + x + ", " + m + ", " + y);
        }
        List<String> names = variableNames();
        names.forEach(data::values);
        List<String> roles = List.of();
        if (distinguishable) {
            roles = roleOrder != null ? roleOrder : data.roles();
            if (roles.size() != 2) {
                throw new InputException("distinguishable dyads need exactly two roles; the data have "
                        + data.roles());
            }
        }
        ApimFit fa = apim(data, roles).withOutcome(m).withPredictor(x).fit();
        ApimFit fb = apim(data, roles).withOutcome(y).withPredictor(x).withPredictor(m).fit();
        ApimFit fc = apim(data, roles).withOutcome(y).withPredictor(x).fit();
        Terms terms = new Terms(distinguishable ? roles : List.of("all"), distinguishable, x, m);
        double[] aHat = terms.aValues(fa);
        double[] bHat = terms.bValues(fb);
        double[] est = effects(aHat, bHat, distinguishable);
        int nr = distinguishable ? 2 : 1;

        // Monte Carlo
        double[][] mc = null;
        if (mcDraws > 0) {
            mc = drawMonteCarlo(aHat, fa.covariance().select(terms.aIndex(fa)), Arrays.copyOf(bHat, bHat.length / 2),
                    fb.covariance().select(terms.bIndex(fb)), mcDraws, mcSeed, distinguishable);
        }
        // bootstrap
        ExclusionReason[] why = new ExclusionReason[data.persons()];
        int[] pop = eligibleDyads(roles, why);
        Sample sample = data.sample(why);
        double[][] boot = null;
        DyadBootstrap.Replicates reps = null;
        int resampled = pop.length;
        if (bootstrap > 0) {
            List<String> rolesF = roles;
            reps = DyadBootstrap.run(pop.length, bootstrap, bootSeed, threads, counts -> {
                DyadArrays r = data.resample(pop, counts, names);
                ApimFit ra = apim(r, rolesF).withOutcome(m).withPredictor(x).fit();
                ApimFit rb = apim(r, rolesF).withOutcome(y).withPredictor(x).withPredictor(m).fit();
                return withTotals(effects(terms.aValues(ra), terms.bValues(rb), distinguishable),
                        terms.bValues(rb), distinguishable);
            });
            int nStat = 8 * nr;
            boot = new double[nStat][];
            for (int st = 0; st < nStat; st++) {
                boot[st] = reps.values(st);
            }
        }
        List<PathEstimate> paths = new ArrayList<>();
        List<IndirectEffect> simple = new ArrayList<>();
        List<IndirectEffect> totals = new ArrayList<>();
        List<TotalEffect> totalEffects = new ArrayList<>();
        String[] roleNames = distinguishable ? roles.toArray(new String[0]) : new String[] {"all"};
        for (int r = 0; r < nr; r++) {
            String role = roleNames[r];
            String own = distinguishable ? "_" + role : "_self";
            String other = distinguishable ? "_" + roleNames[1 - r] : "_partner";
            paths.add(path(Path.A, Effect.ACTOR, role, fa, terms.name(null, "actor", role)));
            paths.add(path(Path.A, Effect.PARTNER, role, fa, terms.name(null, "partner", role)));
            paths.add(path(Path.B, Effect.ACTOR, role, fb, terms.name(m, "actor", role)));
            paths.add(path(Path.B, Effect.PARTNER, role, fb, terms.name(m, "partner", role)));
            paths.add(path(Path.C_PRIME, Effect.ACTOR, role, fb, terms.name(x, "actor", role)));
            paths.add(path(Path.C_PRIME, Effect.PARTNER, role, fb, terms.name(x, "partner", role)));
            PathEstimate cA = path(Path.C, Effect.ACTOR, role, fc, terms.name(null, "actor", role));
            PathEstimate cP = path(Path.C, Effect.PARTNER, role, fc, terms.name(null, "partner", role));
            paths.add(cA);
            paths.add(cP);
            String[] routes = {
                "X" + own + " -> M" + own + " -> Y" + own,
                "X" + own + " -> M" + other + " -> Y" + own,
                "X" + other + " -> M" + other + " -> Y" + own,
                "X" + other + " -> M" + own + " -> Y" + own};
            // a and b of each simple effect, indices into aHat/bHat (actor at 2r, partner at 2r+1)
            int o = distinguishable ? 1 - r : r;
            int[][] ab = {{2 * r, 2 * r}, {2 * o + 1, 2 * r + 1}, {2 * o, 2 * r + 1}, {2 * r + 1, 2 * r}};
            double[] aSe = terms.ses(fa, null);
            double[] bSe = terms.ses(fb, m);
            for (int s = 0; s < 4; s++) {
                int stat = 6 * r + s;
                double a = aHat[ab[s][0]];
                double b = bHat[ab[s][1]];
                double sa = aSe[ab[s][0]];
                double sb = bSe[ab[s][1]];
                double se = Math.sqrt(a * a * sb * sb + b * b * sa * sa);
                if (!(se > 0)) {
                    throw new AnalysisException(Reason.UNDEFINED, "the Sobel standard error of the "
                            + SIMPLE.get(s) + " effect (" + role + ") is 0 (a and b both exactly 0)");
                }
                double z = est[stat] / se;
                double p = 2 * Quantiles.NORMAL.survivalProbability(Math.abs(z));
                simple.add(effect(SIMPLE.get(s), role, routes[s], est[stat], OptionalDouble.of(se), OptionalDouble.of(z),
                        OptionalDouble.of(p), mc, boot, reps, stat));
            }
            totals.add(effect(Effect.ACTOR, role, "X" + own + " -> M -> Y" + own, est[6 * r + 4], NONE, NONE, NONE,
                    mc, boot, reps, 6 * r + 4));
            totals.add(effect(Effect.PARTNER, role, "X" + other + " -> M -> Y" + own, est[6 * r + 5], NONE, NONE,
                    NONE, mc, boot, reps, 6 * r + 5));
            double cpA = bHat[bHat.length / 2 + 2 * r];
            double cpP = bHat[bHat.length / 2 + 2 * r + 1];
            totalEffects.add(total(Effect.ACTOR, role, "X" + own + " -> Y" + own, cpA, est[6 * r + 4], cA, boot,
                    6 * nr + 2 * r));
            totalEffects.add(total(Effect.PARTNER, role, "X" + other + " -> Y" + own, cpP, est[6 * r + 5], cP, boot,
                    6 * nr + 2 * r + 1));
        }
        ApimemResult result = new ApimemResult(x, m, y, List.copyOf(covariates), distinguishable, List.copyOf(roles),
                method, fa, fb, fc, List.copyOf(paths), List.copyOf(simple), List.copyOf(totals),
                List.copyOf(totalEffects), resampled, mcDraws, mcDraws > 0 ? OptionalLong.of(mcSeed) : OptionalLong.empty(),
                bootstrap, bootstrap > 0 ? OptionalLong.of(bootSeed) : OptionalLong.empty(), sample);
        int[] bi = terms.bIndex(fb);
        int[] ci = terms.index(fb, x);
        int[] bc = Arrays.copyOf(bi, bi.length + ci.length);
        System.arraycopy(ci, 0, bc, bi.length, ci.length);
        return new Fitted(result, mc, boot, aHat, fa.covariance().select(terms.aIndex(fa)), bHat,
                fb.covariance().select(bc));
    }

    /**
     * A fit with its draws: Monte Carlo (rows = the 6 statistics per role of {@link #effects}) and bootstrap
     * (rows = those and the total effects of {@link #withTotals}) replicates, null when not drawn; the a paths
     * with their covariance, and the b paths followed by the direct effects with their joint covariance.
     */
    record Fitted(ApimemResult result, double[][] mc, double[][] boot, double[] a, double[][] covA, double[] b,
            double[][] covB) {
    }

    private static final OptionalDouble NONE = OptionalDouble.empty();

    private TotalEffect total(Effect effect, String role, String route, double direct, double indirect,
            PathEstimate c, double[][] boot, int stat) {
        double t = direct + indirect;
        Optional<Interval> perc = Optional.empty();
        Optional<Interval> bc = Optional.empty();
        if (boot != null) {
            double[] s = Quantiles.sortedFinite(boot[stat]);
            if (DyadBootstrap.enough(s.length, bootstrap)) {
                perc = Optional.of(Interval.percentile(s, level));
                bc = Interval.biasCorrected(s, t, level);
            }
        }
        return new TotalEffect(effect, role, route, direct, indirect, t,
                t == 0 ? OptionalDouble.empty() : OptionalDouble.of(100 * indirect / t), c, perc, bc);
    }

    private IndirectEffect effect(Effect name, String role, String route, double estimate, OptionalDouble se,
            OptionalDouble z, OptionalDouble p, double[][] mc, double[][] boot, DyadBootstrap.Replicates reps,
            int stat) {
        Optional<Interval> mci = Optional.empty();
        OptionalDouble mcp = OptionalDouble.empty();
        if (mc != null) {
            double[] s = Quantiles.sortedFinite(mc[stat]);
            mci = Optional.of(Quantiles.monteCarlo(s, level));
            int pos = 0;
            for (double v : mc[stat]) {
                if (v > 0) {
                    pos++;
                }
            }
            mcp = OptionalDouble.of(1 - 2 * Math.abs(0.5 - (double) pos / mc[stat].length));
        }
        Optional<Interval> perc = Optional.empty();
        Optional<Interval> bc = Optional.empty();
        OptionalDouble bse = OptionalDouble.empty();
        int failed = 0;
        Optional<String> note = Optional.empty();
        if (boot != null) {
            double[] s = Quantiles.sortedFinite(boot[stat]);
            failed = bootstrap - s.length;
            note = reps.summary(stat);
            if (DyadBootstrap.enough(s.length, bootstrap)) {
                perc = Optional.of(Interval.percentile(s, level));
                // every replicate on one side: no finite bias correction; the percentile interval is used
                bc = Interval.biasCorrected(s, estimate, level);
                bse = OptionalDouble.of(Moments.sampleSd(s));
            }
        }
        Optional<Interval> ci = bc.isPresent() ? bc : perc.isPresent() ? perc : mci;
        OptionalLong seed = boot != null ? OptionalLong.of(bootSeed) : mc != null ? OptionalLong.of(mcSeed)
                : OptionalLong.empty();
        return new IndirectEffect(name, Optional.of(role), route, estimate, se, z, p, ci, mci, mcp, perc, bc,
                bootstrap, failed, bse, seed, note);
    }

    private PathEstimate path(Path path, Effect effect, String role, ApimFit fit, String term) {
        Coefficient c = fit.coefficient(term);
        return new PathEstimate(path, Optional.of(effect), Optional.of(role), c.estimate(), c.se(), c.df(), c.t(),
                c.p(), c.ciLower(), c.ciUpper());
    }

    private Apim apim(DyadArrays d, List<String> roles) {
        Apim a = distinguishable ? Apim.distinguishable(d).withRoles(roles.get(0), roles.get(1))
                : Apim.indistinguishable(d);
        a = a.withMethod(method).withDf(dfMethod).withLevel(level).withNormalIntervals(normalIntervals).withThreads(1);
        for (String c : covariates) {
            a = a.withCovariate(c);
        }
        return a;
    }

    private List<String> variableNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>(List.of(x, m, y));
        for (String c : covariates) {
            names.add(c.startsWith("partner.") ? c.substring("partner.".length()) : c);
        }
        return List.copyOf(names);
    }

    private boolean has(int i, String var) {
        if (var.startsWith("partner.")) {
            int p = data.partner(i);
            return p >= 0 && Double.isFinite(data.values(var.substring("partner.".length()))[p]);
        }
        return Double.isFinite(data.values(var)[i]);
    }

    /**
     * Dyads with a person who enters at least one of the three models; {@code why} receives each person's
     * reason for entering none ({@code null} = in at least one).
     */
    private int[] eligibleDyads(List<String> roles, ExclusionReason[] why) {
        List<Integer> out = new ArrayList<>();
        for (int g = 0; g < data.dyads(); g++) {
            boolean any = false;
            for (int i : data.members(g)) {
                int p = data.partner(i);
                ExclusionReason r = null;
                if (distinguishable && (data.role(i) == null || !roles.contains(data.role(i)))) {
                    r = ExclusionReason.MISSING_ROLE;
                } else if (!has(i, x)) {
                    r = data.missing(i, x, ExclusionReason.MISSING_PREDICTOR);
                } else if (!covariates.stream().filter(c -> !c.startsWith("partner.")).allMatch(c -> has(i, c))) {
                    r = ExclusionReason.MISSING_COVARIATE;
                } else if (p < 0) {
                    r = ExclusionReason.ONLY_MEMBER;
                } else if (!has(p, x) || !covariates.stream().allMatch(c -> has(i, c))) {
                    r = data.missing(p, x, ExclusionReason.MISSING_PARTNER_PREDICTOR);
                } else {
                    boolean inA = has(i, m);
                    boolean inB = has(i, y) && has(i, m) && has(p, m);
                    boolean inC = has(i, y);
                    if (!(inA || inB || inC)) {
                        r = data.missing(i, m, ExclusionReason.MISSING_MEDIATOR);
                    }
                }
                why[i] = r;
                any |= r == null;
            }
            if (any) {
                out.add(g);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The simple and total indirect effects from the a and b paths (actor at 2r, partner at 2r + 1 for role r;
     * b holds the mediator's effects first, then the predictor's direct effects): per role AA, PP, AP, PA,
     * total actor indirect, total partner indirect.
     */
    static double[] effects(double[] a, double[] b, boolean dist) {
        int nr = dist ? 2 : 1;
        double[] out = new double[6 * nr];
        for (int r = 0; r < nr; r++) {
            int o = dist ? 1 - r : r;
            double aa = a[2 * r] * b[2 * r];
            double pp = a[2 * o + 1] * b[2 * r + 1];
            double ap = a[2 * o] * b[2 * r + 1];
            double pa = a[2 * r + 1] * b[2 * r];
            out[6 * r] = aa;
            out[6 * r + 1] = pp;
            out[6 * r + 2] = ap;
            out[6 * r + 3] = pa;
            out[6 * r + 4] = aa + pp;
            out[6 * r + 5] = ap + pa;
        }
        return out;
    }

    /**
     * The effects followed by the total effects c' + total indirect (actor, partner per role); b holds the
     * mediator's effects, then the direct effects.
     */
    static double[] withTotals(double[] effects, double[] b, boolean dist) {
        int nr = dist ? 2 : 1;
        int half = b.length / 2;
        double[] out = Arrays.copyOf(effects, 8 * nr);
        for (int r = 0; r < nr; r++) {
            out[6 * nr + 2 * r] = b[half + 2 * r] + effects[6 * r + 4];
            out[6 * nr + 2 * r + 1] = b[half + 2 * r + 1] + effects[6 * r + 5];
        }
        return out;
    }

    /** Monte Carlo draws of the effects: one row per statistic, one column per draw. */
    static double[][] drawMonteCarlo(double[] a, double[][] covA, double[] b, double[][] covB, int draws, long seed,
            boolean dist) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] la = cholesky(covA);
        double[][] lb = cholesky(covB);
        int ns = 6 * (dist ? 2 : 1);
        double[][] out = new double[ns][draws];
        double[] za = new double[a.length];
        double[] zb = new double[b.length];
        double[] da = new double[a.length];
        double[] db = new double[b.length];
        for (int t = 0; t < draws; t++) {
            for (int i = 0; i < za.length; i++) {
                za[i] = g.sample();
            }
            for (int i = 0; i < zb.length; i++) {
                zb[i] = g.sample();
            }
            mvn(a, la, za, da);
            mvn(b, lb, zb, db);
            double[] e = effects(da, db, dist);
            for (int s = 0; s < ns; s++) {
                out[s][t] = e[s];
            }
        }
        return out;
    }

    private static void mvn(double[] mean, double[][] l, double[] z, double[] out) {
        for (int i = 0; i < mean.length; i++) {
            double s = mean[i];
            for (int j = 0; j <= i; j++) {
                s += l[i][j] * z[j];
            }
            out[i] = s;
        }
    }

    private static double[][] cholesky(double[][] c) {
        double[][] l = Cholesky.lower(c);
        if (l == null) {
            throw new AnalysisException(Reason.UNDEFINED, "the covariance matrix of the paths is not positive "
                    + "definite, so the Monte Carlo draws are undefined");
        }
        return l;
    }

    /** Coefficient names and lookups of the three models. */
    private record Terms(List<String> roles, boolean dist, String x, String m) {
        /** Term name: predictor null for single-predictor models. */
        String name(String predictor, String effect, String role) {
            String base = predictor == null ? effect : effect + "." + predictor;
            return dist ? base + ":" + role : base;
        }

        int[] aIndex(ApimFit f) {
            return index(f, null);
        }

        int[] bIndex(ApimFit f) {
            return index(f, m);
        }

        private int[] index(ApimFit f, String predictor) {
            int[] out = new int[2 * roles.size()];
            for (int r = 0; r < roles.size(); r++) {
                out[2 * r] = position(f, name(predictor, "actor", roles.get(r)));
                out[2 * r + 1] = position(f, name(predictor, "partner", roles.get(r)));
            }
            return out;
        }

        private static int position(ApimFit f, String term) {
            for (int i = 0; i < f.coefficients().size(); i++) {
                if (f.coefficients().get(i).term().equals(term)) {
                    return i;
                }
            }
            throw new IllegalStateException("no term " + term + " in " + f.coefficients());
        }

        double[] aValues(ApimFit f) {
            return values(f, aIndex(f));
        }

        /** The mediator's effects, then the predictor's direct effects (c'). */
        double[] bValues(ApimFit f) {
            int[] bi = bIndex(f);
            int[] ci = index(f, x);
            double[] out = new double[bi.length + ci.length];
            for (int i = 0; i < bi.length; i++) {
                out[i] = f.coefficients().get(bi[i]).estimate();
                out[bi.length + i] = f.coefficients().get(ci[i]).estimate();
            }
            return out;
        }

        double[] ses(ApimFit f, String predictor) {
            int[] idx = index(f, predictor);
            double[] out = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                out[i] = f.coefficients().get(idx[i]).se();
            }
            return out;
        }

        private static double[] values(ApimFit f, int[] idx) {
            double[] out = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                out[i] = f.coefficients().get(idx[i]).estimate();
            }
            return out;
        }
    }
}
