package org.dyadkit.mediation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;
import org.dyadkit.InputException;
import org.dyadkit.apim.Apim;
import org.dyadkit.apim.ApimData;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.Coefficient;
import org.dyadkit.apim.DfMethod;
import org.dyadkit.apim.Method;
import org.dyadkit.dyad.Dyad;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.dyad.Member;
import org.dyadkit.resample.DyadBootstrap;

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
 * ApimemResult r = Apimem.distinguishable(couples).x("other_pos").m("tension").y("satisfaction")
 *         .monteCarlo(40000, 12345L).bootstrap(5000, 12345L).fit();
 * r.indirect("actor_actor", "husband").estimate();
 * }</pre>
 *
 * <p>Missing data: each model uses the persons it can use (outcome, own and partner's predictors, covariates
 * present), as {@code gls(..., na.action = na.omit)} on pairwise data. Degenerate data raise
 * {@link AnalysisException} from the APIM fits (no variance, singular design, too few dyads, rho at the
 * boundary) or UNDEFINED when a Sobel standard error is 0; unknown variables raise {@link InputException}.
 */
public final class Apimem {
    /** The simple indirect effects, in output order. */
    public static final List<String> SIMPLE = List.of("actor_actor", "partner_partner", "actor_partner",
            "partner_actor");

    private Apimem() {
    }

    /** Distinguishable dyads read into the dyadic data model (roles in the data's order). */
    public static Builder distinguishable(DyadicData data) {
        if (!data.distinguishable()) {
            throw new InputException("the data carry no roles; distinguishable dyads need a role for each person "
                    + "(or fit the indistinguishable model)");
        }
        return new Builder(data, null, null, null, true);
    }

    /** Indistinguishable dyads read into the dyadic data model (any roles are ignored). */
    public static Builder indistinguishable(DyadicData data) {
        return new Builder(data, null, null, null, false);
    }

    /**
     * Distinguishable dyads from arrays: one entry per person.
     *
     * @param dyad dyad id of each person
     * @param role role of each person
     * @param variables each variable's values, {@code NaN} = missing
     */
    public static Builder distinguishable(String[] dyad, String[] role, Map<String, double[]> variables) {
        return new Builder(null, dyad.clone(), role.clone(), new LinkedHashMap<>(variables), true);
    }

    /** Indistinguishable dyads from arrays: one entry per person, {@code NaN} = missing. */
    public static Builder indistinguishable(String[] dyad, Map<String, double[]> variables) {
        return new Builder(null, dyad.clone(), null, new LinkedHashMap<>(variables), false);
    }

    /** Model and inference options; each returns this builder. */
    public static final class Builder {
        private final DyadicData source;
        private final String[] dyadIn;
        private final String[] roleIn;
        private final Map<String, double[]> varsIn;
        private final boolean distinguishable;
        private String x;
        private String m;
        private String y;
        private final List<String> covariates = new ArrayList<>();
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

        private Builder(DyadicData source, String[] dyad, String[] role, Map<String, double[]> vars,
                boolean distinguishable) {
            this.source = source;
            this.dyadIn = dyad;
            this.roleIn = role;
            this.varsIn = vars;
            this.distinguishable = distinguishable;
        }

        /** The predictor X (actor and partner effects). */
        public Builder x(String name) {
            this.x = name;
            return this;
        }

        /** The mediator M (actor and partner effects). */
        public Builder m(String name) {
            this.m = name;
            return this;
        }

        /** The outcome Y. */
        public Builder y(String name) {
            this.y = name;
            return this;
        }

        /** A covariate of all three models: the person's own value, or {@code partner.NAME} (repeatable). */
        public Builder covariate(String name) {
            covariates.add(name);
            return this;
        }

        /** REML (default) or ML for the three fits. */
        public Builder method(Method mt) {
            this.method = Objects.requireNonNull(mt);
            return this;
        }

        /** Degrees of freedom of the path t tests (default nlme's N - p). */
        public Builder df(DfMethod d) {
            this.dfMethod = Objects.requireNonNull(d);
            return this;
        }

        /** Confidence level of all intervals (default 0.95). */
        public Builder level(double l) {
            this.level = Checks.level(l);
            return this;
        }

        /** Path intervals from the normal quantile instead of t with the chosen df. */
        public Builder normalIntervals(boolean normal) {
            this.normalIntervals = normal;
            return this;
        }

        /** The order of the two roles (default: the data's role order). */
        public Builder roles(String first, String second) {
            this.roleOrder = List.of(first, second);
            return this;
        }

        /** Monte Carlo intervals from {@code draws} seeded draws (0 = none, the default). */
        public Builder monteCarlo(int draws, long seed) {
            if (draws < 0) {
                throw new IllegalArgumentException("draws must be >= 0: " + draws);
            }
            this.mcDraws = draws;
            this.mcSeed = seed;
            return this;
        }

        /** A bootstrap of {@code replicates} dyad resamples with this seed (0 = none, the default). */
        public Builder bootstrap(int replicates, long seed) {
            this.bootstrap = Checks.replicates(replicates);
            this.bootSeed = seed;
            return this;
        }

        /** Worker threads of the bootstrap (the result does not depend on it). */
        public Builder threads(int n) {
            this.threads = Checks.threads(n);
            return this;
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
            Data d = data();
            List<String> roles = List.of();
            if (distinguishable) {
                roles = roleOrder != null ? roleOrder : d.roles();
                if (roles.size() != 2) {
                    throw new InputException("distinguishable dyads need exactly two roles; the data have "
                            + d.roles());
                }
            }
            ApimData ad = ApimData.of(d.dyad, d.role, d.vars);
            ApimFit fa = apim(ad, roles).outcome(m).predictor(x).fit();
            ApimFit fb = apim(ad, roles).outcome(y).predictor(x).predictor(m).fit();
            ApimFit fc = apim(ad, roles).outcome(y).predictor(x).fit();
            Terms terms = new Terms(distinguishable ? roles : List.of("all"), distinguishable, x, m);
            double[] aHat = terms.aValues(fa);
            double[] bHat = terms.bValues(fb);
            double[] est = effects(aHat, bHat, distinguishable);
            int nr = distinguishable ? 2 : 1;

            // Monte Carlo
            double[][] mc = null;
            if (mcDraws > 0) {
                mc = drawMonteCarlo(aHat, terms.sub(fa.covariance(), terms.aIndex(fa)), Arrays.copyOf(bHat, bHat.length / 2),
                        terms.sub(fb.covariance(), terms.bIndex(fb)), mcDraws, mcSeed, distinguishable);
            }
            // bootstrap
            double[][] boot = null;
            int resampled = d.eligibleDyads(x, m, y, covariates).length;
            if (bootstrap > 0) {
                int[] pop = d.eligibleDyads(x, m, y, covariates);
                List<String> rolesF = roles;
                boot = DyadBootstrap.run(pop.length, bootstrap, bootSeed, threads, counts -> {
                    ApimData r = d.resample(pop, counts);
                    ApimFit ra = apim(r, rolesF).outcome(m).predictor(x).fit();
                    ApimFit rb = apim(r, rolesF).outcome(y).predictor(x).predictor(m).fit();
                    return withTotals(effects(terms.aValues(ra), terms.bValues(rb), distinguishable),
                            terms.bValues(rb), distinguishable);
                }).values();
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
                paths.add(path("a", "actor", role, fa, terms.name(null, "actor", role)));
                paths.add(path("a", "partner", role, fa, terms.name(null, "partner", role)));
                paths.add(path("b", "actor", role, fb, terms.name(m, "actor", role)));
                paths.add(path("b", "partner", role, fb, terms.name(m, "partner", role)));
                paths.add(path("c_prime", "actor", role, fb, terms.name(x, "actor", role)));
                paths.add(path("c_prime", "partner", role, fb, terms.name(x, "partner", role)));
                PathEstimate cA = path("c", "actor", role, fc, terms.name(null, "actor", role));
                PathEstimate cP = path("c", "partner", role, fc, terms.name(null, "partner", role));
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
                    simple.add(effect(SIMPLE.get(s), role, routes[s], est[stat], se, z, p, mc, boot, stat));
                }
                totals.add(effect("actor", role, "X" + own + " -> M -> Y" + own, est[6 * r + 4], null, null, null,
                        mc, boot, 6 * r + 4));
                totals.add(effect("partner", role, "X" + other + " -> M -> Y" + own, est[6 * r + 5], null, null,
                        null, mc, boot, 6 * r + 5));
                double cpA = bHat[bHat.length / 2 + 2 * r];
                double cpP = bHat[bHat.length / 2 + 2 * r + 1];
                totalEffects.add(total("actor", role, "X" + own + " -> Y" + own, cpA, est[6 * r + 4], cA, boot,
                        6 * nr + 2 * r));
                totalEffects.add(total("partner", role, "X" + other + " -> Y" + own, cpP, est[6 * r + 5], cP, boot,
                        6 * nr + 2 * r + 1));
            }
            ApimemResult result = new ApimemResult(x, m, y, List.copyOf(covariates), distinguishable, List.copyOf(roles), method,
                    fa, fb, fc, List.copyOf(paths), List.copyOf(simple), List.copyOf(totals),
                    List.copyOf(totalEffects), resampled, mcDraws, mcDraws > 0 ? mcSeed : null, bootstrap,
                    bootstrap > 0 ? bootSeed : null);
            int[] bi = terms.bIndex(fb);
            int[] ci = terms.index(fb, x);
            int[] bc = Arrays.copyOf(bi, bi.length + ci.length);
            System.arraycopy(ci, 0, bc, bi.length, ci.length);
            return new Fitted(result, mc, boot, aHat, terms.sub(fa.covariance(), terms.aIndex(fa)), bHat,
                    terms.sub(fb.covariance(), bc));
        }

        private TotalEffect total(String effect, String role, String route, double direct, double indirect,
                PathEstimate c, double[][] boot, int stat) {
            double t = direct + indirect;
            Interval perc = null;
            Interval bc = null;
            if (boot != null) {
                double[] s = Quantiles.sortedFinite(boot[stat]);
                if (s.length >= 2) {
                    perc = Quantiles.percentile(s, level);
                    try {
                        bc = Quantiles.bca(s, t, 0, level, "bias-corrected");
                    } catch (AnalysisException e) {
                        bc = null; // every replicate on one side of the estimate
                    }
                }
            }
            return new TotalEffect(effect, role, route, direct, indirect, t, t == 0 ? null : 100 * indirect / t, c,
                    perc, bc);
        }

        private IndirectEffect effect(String name, String role, String route, double estimate, Double se, Double z,
                Double p, double[][] mc, double[][] boot, int stat) {
            Interval mci = null;
            Double mcp = null;
            if (mc != null) {
                double[] s = Quantiles.sortedFinite(mc[stat]);
                mci = new Interval("monte-carlo", level, Quantiles.type7(s, (1 - level) / 2),
                        Quantiles.type7(s, (1 + level) / 2));
                int pos = 0;
                for (double v : mc[stat]) {
                    if (v > 0) {
                        pos++;
                    }
                }
                mcp = 1 - 2 * Math.abs(0.5 - (double) pos / mc[stat].length);
            }
            Interval perc = null;
            Interval bc = null;
            Double bse = null;
            int failed = 0;
            if (boot != null) {
                double[] s = Quantiles.sortedFinite(boot[stat]);
                failed = bootstrap - s.length;
                if (s.length < 2) {
                    throw new AnalysisException(Reason.UNDEFINED, "fewer than 2 bootstrap resamples could be fitted ("
                            + failed + " of " + bootstrap + " failed)");
                }
                perc = Quantiles.percentile(s, level);
                try {
                    bc = Quantiles.bca(s, estimate, 0, level, "bias-corrected");
                } catch (AnalysisException e) {
                    bc = null; // every replicate on one side: no finite bias correction; the percentile one is used
                }
                bse = sd(s);
            }
            Interval ci = bc != null ? bc : perc != null ? perc : mci;
            return new IndirectEffect(name, role, route, estimate, se, z, p, ci, mci, mcp, perc, bc, bootstrap, failed,
                    bse, boot != null ? Long.valueOf(bootSeed) : mc != null ? Long.valueOf(mcSeed) : null);
        }

        private PathEstimate path(String path, String effect, String role, ApimFit fit, String term) {
            Coefficient c = fit.coefficient(term);
            return new PathEstimate(path, effect, role, c.estimate(), c.se(), c.df(), c.t(), c.p(), c.ciLower(),
                    c.ciUpper());
        }

        private Apim.Builder apim(ApimData d, List<String> roles) {
            Apim.Builder b = distinguishable ? Apim.distinguishable(d).roles(roles.get(0), roles.get(1))
                    : Apim.indistinguishable(d);
            b.method(method).df(dfMethod).level(level).normalIntervals(normalIntervals).threads(1);
            covariates.forEach(b::covariate);
            return b;
        }

        private Data data() {
            Set<String> names = new LinkedHashSet<>(List.of(x, m, y));
            for (String c : covariates) {
                names.add(c.startsWith("partner.") ? c.substring("partner.".length()) : c);
            }
            if (source == null) {
                for (String nm : names) {
                    if (!varsIn.containsKey(nm)) {
                        throw new InputException("no variable \"" + nm + "\"; variables are: "
                                + String.join(", ", varsIn.keySet()));
                    }
                }
                Map<String, double[]> v = new LinkedHashMap<>();
                for (String nm : names) {
                    v.put(nm, varsIn.get(nm).clone());
                }
                return new Data(dyadIn, distinguishable ? roleIn : null, v);
            }
            for (String nm : names) {
                source.requireVariable(nm);
            }
            List<Member> members = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Dyad dy : source.dyads()) {
                for (Member mb : dy.members()) {
                    members.add(mb);
                    ids.add(dy.id());
                }
            }
            int n = members.size();
            String[] role = distinguishable ? new String[n] : null;
            Map<String, double[]> v = new LinkedHashMap<>();
            for (String nm : names) {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = members.get(i).value(nm);
                }
                v.put(nm, a);
            }
            if (role != null) {
                for (int i = 0; i < n; i++) {
                    role[i] = members.get(i).role();
                }
            }
            Data d = new Data(ids.toArray(new String[0]), role, v);
            if (distinguishable && roleOrder == null) {
                d.roleOrder = source.roles();
            }
            return d;
        }
    }

    /**
     * A fit with its draws: Monte Carlo (rows = the 6 statistics per role of {@link #effects}) and bootstrap
     * (rows = those and the total effects of {@link #withTotals}) replicates, null when not drawn; the a paths
     * with their covariance, and the b paths followed by the direct effects with their joint covariance.
     */
    record Fitted(ApimemResult result, double[][] mc, double[][] boot, double[] a, double[][] covA, double[] b,
            double[][] covB) {
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
        int k = c.length;
        double[][] l = new double[k][k];
        for (int j = 0; j < k; j++) {
            double s = c[j][j];
            for (int q = 0; q < j; q++) {
                s -= l[j][q] * l[j][q];
            }
            if (!(s > 0)) {
                throw new AnalysisException(Reason.UNDEFINED, "the covariance matrix of the paths is not positive "
                        + "definite, so the Monte Carlo draws are undefined");
            }
            l[j][j] = Math.sqrt(s);
            for (int i = j + 1; i < k; i++) {
                double t = c[i][j];
                for (int q = 0; q < j; q++) {
                    t -= l[i][q] * l[j][q];
                }
                l[i][j] = t / l[j][j];
            }
        }
        return l;
    }

    private static double sd(double[] v) {
        double mean = Arrays.stream(v).average().orElse(0);
        double ss = 0;
        for (double d : v) {
            ss += (d - mean) * (d - mean);
        }
        return Math.sqrt(ss / (v.length - 1));
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

        double[][] sub(double[][] cov, int[] idx) {
            double[][] out = new double[idx.length][idx.length];
            for (int i = 0; i < idx.length; i++) {
                for (int j = 0; j < idx.length; j++) {
                    out[i][j] = cov[idx[i]][idx[j]];
                }
            }
            return out;
        }
    }

    /** Persons as arrays, with the bootstrap resampling of dyads. */
    private static final class Data {
        final String[] dyad;
        final String[] role;
        final Map<String, double[]> vars;
        final int[] partner;
        final int[][] dyadMembers;
        List<String> roleOrder;

        Data(String[] dyad, String[] role, Map<String, double[]> vars) {
            this.dyad = dyad;
            this.role = role;
            this.vars = vars;
            int n = dyad.length;
            partner = new int[n];
            Arrays.fill(partner, -1);
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                if (dyad[i] == null) {
                    throw new InputException("person " + (i + 1) + " has no dyad id; every person needs one");
                }
                groups.computeIfAbsent(dyad[i], k -> new ArrayList<>()).add(i);
            }
            dyadMembers = new int[groups.size()][];
            int g = 0;
            for (List<Integer> mem : groups.values()) {
                if (mem.size() > 2) {
                    throw new InputException("dyad \"" + dyad[mem.get(0)] + "\" has more than two persons");
                }
                dyadMembers[g++] = mem.stream().mapToInt(Integer::intValue).toArray();
                if (mem.size() == 2) {
                    partner[mem.get(0)] = mem.get(1);
                    partner[mem.get(1)] = mem.get(0);
                }
            }
        }

        List<String> roles() {
            if (roleOrder != null) {
                return roleOrder;
            }
            List<String> out = new ArrayList<>();
            if (role != null) {
                for (String r : role) {
                    if (r != null && !out.contains(r)) {
                        out.add(r);
                    }
                }
            }
            return out;
        }

        private boolean has(int i, String var) {
            if (var.startsWith("partner.")) {
                int p = partner[i];
                return p >= 0 && Double.isFinite(vars.get(var.substring("partner.".length()))[p]);
            }
            return Double.isFinite(vars.get(var)[i]);
        }

        /** Dyads with a person who enters at least one of the three models. */
        int[] eligibleDyads(String x, String m, String y, List<String> covs) {
            List<Integer> out = new ArrayList<>();
            for (int g = 0; g < dyadMembers.length; g++) {
                boolean any = false;
                for (int i : dyadMembers[g]) {
                    int p = partner[i];
                    if (p < 0 || (role != null && role[i] == null)) {
                        continue;
                    }
                    boolean base = has(i, x) && has(p, x) && covs.stream().allMatch(c -> has(i, c));
                    boolean inA = base && has(i, m);
                    boolean inB = base && has(i, y) && has(i, m) && has(p, m);
                    boolean inC = base && has(i, y);
                    any |= inA || inB || inC;
                }
                if (any) {
                    out.add(g);
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The persons of a resample: dyad pop[j] copied counts[j] times, each copy a dyad of its own. */
        ApimData resample(int[] pop, int[] counts) {
            int n = 0;
            for (int j = 0; j < pop.length; j++) {
                n += counts[j] * dyadMembers[pop[j]].length;
            }
            String[] ids = new String[n];
            String[] roles = role == null ? null : new String[n];
            Map<String, double[]> v = new LinkedHashMap<>();
            for (String k : vars.keySet()) {
                v.put(k, new double[n]);
            }
            int at = 0;
            for (int j = 0; j < pop.length; j++) {
                for (int c = 0; c < counts[j]; c++) {
                    String id = j + "#" + c;
                    for (int i : dyadMembers[pop[j]]) {
                        ids[at] = id;
                        if (roles != null) {
                            roles[at] = role[i];
                        }
                        for (Map.Entry<String, double[]> e : vars.entrySet()) {
                            v.get(e.getKey())[at] = e.getValue()[i];
                        }
                        at++;
                    }
                }
            }
            return ApimData.of(ids, roles, v);
        }
    }
}
