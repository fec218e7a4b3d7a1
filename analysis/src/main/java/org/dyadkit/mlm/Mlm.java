package org.dyadkit.mlm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.commons.statistics.distribution.TDistribution;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;
import org.dyadkit.InputException;
import org.dyadkit.diary.DiaryData;
import org.dyadkit.dyad.Sample;

/**
 * Linear mixed models for couples measured over time (diaries, panels), fitted by REML or ML as
 * {@code nlme::lme} fits them (Pinheiro and Bates 2000; for dyads Kenny, Kashy and Cook 2006, ch. 13, and
 * Bolger and Laurenceau 2013, ch. 8): fixed effects from an R formula, random effects per dyad with an
 * unstructured or diagonal covariance, residuals correlated between the partners at the same occasion
 * (compound symmetry), optionally AR(1) within person, with a variance per role (varIdent) or one variance.
 *
 * <pre>{@code
 * MlmFit fit = Mlm.of(diary)
 *         .withFixed("closeness ~ 0 + man + woman + man:time + woman:time")
 *         .withRandom("~ 0 + man + woman + man:time + woman:time | couple")
 *         .withVarianceBy("gender")
 *         .fit();
 * MlmFit growth = Mlm.growthCurve(diary, "closeness", "time").fit();    // the same model, one line
 * }</pre>
 *
 * <p>Missing data: a row (person-occasion) enters when the outcome and every variable of the model are
 * present; other rows are counted in {@link MlmFit#occasions()} by their first missing variable, and
 * persons without any usable row in {@link MlmFit#sample()}. Unbalanced dyads, missing occasions and
 * missing partners are the normal case: each dyad's usable rows are one block of the likelihood.
 *
 * <p>Refused with an {@link AnalysisException}: a singular fixed-effects design (naming the column), too
 * few dyads, a fit that does not converge, and a variance parameter that runs to its boundary (a
 * random-effect SD to zero, a random-effect correlation or rho or phi to plus or minus one), naming it.
 */
public final class Mlm {
    private final DiaryData data;
    private final String fixed;
    private final String random;
    private final RandomCovariance covariance;
    private final WithinOccasion withinOccasion;
    private final Autocorrelation autocorrelation;
    private final String varianceBy;
    private final Method method;
    private final DfRule df;

    private Mlm(DiaryData data, String fixed, String random, RandomCovariance covariance, WithinOccasion within,
            Autocorrelation ar, String varianceBy, Method method, DfRule df) {
        this.data = data;
        this.fixed = fixed;
        this.random = random;
        this.covariance = covariance;
        this.withinOccasion = within;
        this.autocorrelation = ar;
        this.varianceBy = varianceBy;
        this.method = method;
        this.df = df;
    }

    /** A generic model on the diary: give the formulas with {@link #withFixed} and {@link #withRandom}. */
    public static Mlm of(DiaryData data) {
        return new Mlm(Objects.requireNonNull(data, "data"), null, null, RandomCovariance.UNSTRUCTURED,
                WithinOccasion.CS, Autocorrelation.NONE, null, Method.REML, DfRule.CONTAINMENT);
    }

    /**
     * The dyadic growth curve of distinguishable partners (two-intercept model; Kashy, Donnellan, Burt and
     * McGue 2008; Garcia and Kenny's workshop): an intercept and a slope of time per role, random intercepts
     * and slopes for both partners with their 4 x 4 unstructured covariance, compound symmetry of the
     * partners' residuals at the same occasion and a residual variance per role:
     * {@code y ~ 0 + a + b + a:time + b:time}, {@code random = ~ 0 + a + b + a:time + b:time | dyad}, with
     * a and b the role values (which must be names, such as {@code man} and {@code woman}).
     *
     * @param degree 1 (linear) or 2 (quadratic: adds {@code a:I(time^2) + b:I(time^2)} to the fixed part)
     */
    public static Mlm growthCurve(DiaryData data, String outcome, String time, int degree) {
        List<String> r = roleNames(data, "the growth curve");
        if (degree != 1 && degree != 2) {
            throw new IllegalArgumentException("degree is 1 (linear) or 2 (quadratic): " + degree);
        }
        String a = r.get(0);
        String b = r.get(1);
        String lin = a + " + " + b + " + " + a + ":" + time + " + " + b + ":" + time;
        String fx = outcome + " ~ 0 + " + lin
                + (degree == 2 ? " + " + a + ":I(" + time + "^2) + " + b + ":I(" + time + "^2)" : "");
        return of(data).withFixed(fx).withRandom("~ 0 + " + lin + " | " + data.dyadColumn())
                .withVarianceBy(data.roleColumn().orElseThrow());
    }

    /** The linear dyadic growth curve, {@link #growthCurve(DiaryData, String, String, int)} with degree 1. */
    public static Mlm growthCurve(DiaryData data, String outcome, String time) {
        return growthCurve(data, outcome, time, 1);
    }

    /**
     * The longitudinal actor-partner interdependence model with the time-varying predictor split into its
     * within-person part (the person-mean centred value) and its between-person part (the person mean), for
     * the actor and the partner at the same occasion (Kenny, Kashy and Cook 2006, ch. 13; Bolger and
     * Laurenceau 2013, ch. 8; Laurenceau and Bolger 2005). Distinguishable dyads (with a role column): the
     * two-intercept form, {@code y ~ 0 + a + b + a:within(x) + b:within(x) + a:partner(within(x)) + ... +
     * b:partner(between(x))}, random intercepts of both partners (2 x 2 unstructured), CS within occasion
     * and a residual variance per role. Indistinguishable dyads: {@code y ~ within(x) + partner(within(x)) +
     * between(x) + partner(between(x))}, a random intercept per dyad and CS within occasion.
     */
    public static Mlm longitudinalApim(DiaryData data, String outcome, String predictor) {
        List<String> parts = List.of("within(" + predictor + ")", "partner(within(" + predictor + "))",
                "between(" + predictor + ")", "partner(between(" + predictor + "))");
        return actorPartner(data, outcome, parts, "the longitudinal APIM");
    }

    /**
     * The stability-and-influence model (Kenny, Kashy and Cook 2006, sec. 13.3; Kashy's diary workshop): the
     * outcome on the person's own outcome at the previous occasion (stability) and the partner's (influence),
     * two-intercept for distinguishable dyads ({@code y ~ 0 + a + b + a:lag(y) + b:lag(y) + a:partner(lag(y)) +
     * b:partner(lag(y))}, random intercepts of both partners, CS within occasion, a variance per role);
     * indistinguishable: {@code y ~ lag(y) + partner(lag(y))} with a random intercept per dyad. The first
     * occasion of each person, and occasions after a gap, have no lag and are not used.
     */
    public static Mlm stabilityInfluence(DiaryData data, String outcome) {
        List<String> parts = List.of("lag(" + outcome + ")", "partner(lag(" + outcome + "))");
        return actorPartner(data, outcome, parts, "the stability-and-influence model");
    }

    private static Mlm actorPartner(DiaryData data, String outcome, List<String> parts, String what) {
        if (data.roleColumn().isPresent()) {
            List<String> r = roleNames(data, what);
            StringBuilder fx = new StringBuilder(outcome + " ~ 0 + " + r.get(0) + " + " + r.get(1));
            for (String part : parts) {
                fx.append(" + ").append(r.get(0)).append(':').append(part).append(" + ").append(r.get(1)).append(':')
                        .append(part);
            }
            return of(data).withFixed(fx.toString())
                    .withRandom("~ 0 + " + r.get(0) + " + " + r.get(1) + " | " + data.dyadColumn())
                    .withVarianceBy(data.roleColumn().orElseThrow());
        }
        return of(data).withFixed(outcome + " ~ " + String.join(" + ", parts))
                .withRandom("~ 1 | " + data.dyadColumn());
    }

    private static List<String> roleNames(DiaryData data, String what) {
        if (data.roleColumn().isEmpty() || data.roles().size() != 2) {
            throw new InputException(data.source() + ": " + what + " needs a role column with two values");
        }
        for (String r : data.roles()) {
            if (!r.matches("[A-Za-z][A-Za-z0-9_.]*") || data.table().hasColumn(r)) {
                throw new InputException(new InputException.Location(data.source(), -1,
                        data.roleColumn().get(), r), "role values name the two intercepts of " + what
                                + " and must be names such as man and woman, not also column names;"
                                + " recode the role column");
            }
        }
        return data.roles();
    }

    /** The fixed-effects formula, {@code y ~ 0 + man + woman + man:time + woman:time} (see {@link Formula}). */
    public Mlm withFixed(String formula) {
        return new Mlm(data, formula, random, covariance, withinOccasion, autocorrelation, varianceBy, method, df);
    }

    /**
     * The random-effects formula per dyad, {@code ~ 0 + man + woman | dyad} ({@code ~ 1 | dyad} for a random
     * intercept, {@code ~ 0 | dyad} for none).
     */
    public Mlm withRandom(String formula) {
        return new Mlm(data, fixed, formula, covariance, withinOccasion, autocorrelation, varianceBy, method, df);
    }

    /** The random-effect covariance: unstructured (default) or diagonal. */
    public Mlm withRandomCovariance(RandomCovariance c) {
        return new Mlm(data, fixed, random, Objects.requireNonNull(c), withinOccasion, autocorrelation, varianceBy,
                method, df);
    }

    /** The within-occasion residual correlation of the partners: CS (default) or none. */
    public Mlm withWithinOccasion(WithinOccasion w) {
        return new Mlm(data, fixed, random, covariance, Objects.requireNonNull(w), autocorrelation, varianceBy, method,
                df);
    }

    /** AR(1) within person across occasions, or none (default). */
    public Mlm withAutocorrelation(Autocorrelation a) {
        return new Mlm(data, fixed, random, covariance, withinOccasion, Objects.requireNonNull(a), varianceBy, method,
                df);
    }

    /** A residual variance per level of a column (varIdent), usually the role; null for one variance. */
    public Mlm withVarianceBy(String column) {
        return new Mlm(data, fixed, random, covariance, withinOccasion, autocorrelation, column, method, df);
    }

    /** REML (default) or ML. */
    public Mlm withMethod(Method m) {
        return new Mlm(data, fixed, random, covariance, withinOccasion, autocorrelation, varianceBy,
                Objects.requireNonNull(m), df);
    }

    /** The df rule of the t tests: containment (default, nlme) or Satterthwaite. */
    public Mlm withDf(DfRule rule) {
        return new Mlm(data, fixed, random, covariance, withinOccasion, autocorrelation, varianceBy, method,
                Objects.requireNonNull(rule));
    }

    /** The fixed formula (null until given). */
    public String fixed() {
        return fixed;
    }

    /** The random formula (null until given). */
    public String random() {
        return random;
    }

    /**
     * Fits the model.
     *
     * @throws InputException when a formula cannot be read or names a missing column
     * @throws AnalysisException when the model cannot be fitted to these data (see the class description)
     */
    public MlmFit fit() {
        return prepare().fit();
    }

    /** The engine of this model on its data (for tests). */
    Engine engine() {
        return prepare().engine;
    }

    private Prepared prepare() {
        if (fixed == null) {
            throw new IllegalStateException("give the fixed-effects formula with withFixed(\"y ~ ...\")");
        }
        Formula ff = Formula.parse(fixed);
        if (ff.response().isEmpty()) {
            throw new InputException("fixed formula \"" + fixed + "\": the outcome is missing; write y ~ terms");
        }
        if (ff.group().isPresent()) {
            throw new InputException("fixed formula \"" + fixed + "\": '|' belongs in the random formula");
        }
        Formula rf = Formula.parse(random == null ? "~ 1 | " + data.dyadColumn() : random);
        if (rf.response().isPresent()) {
            throw new InputException("random formula \"" + random
                    + "\": no outcome on the left of '~' in the random part");
        }
        String g = rf.group().orElseThrow(() -> new InputException("random formula \"" + random
                + "\": the grouping is missing; end it with | " + data.dyadColumn()));
        if (!g.equals(data.dyadColumn()) && !g.equals("dyad")) {
            throw new InputException("random formula \"" + random + "\": random effects are per dyad; group by "
                    + data.dyadColumn() + " (the dyad column), not " + g);
        }
        if (varianceBy != null) {
            data.table().columnIndex(varianceBy);
        }
        ModelMatrix xm = ModelMatrix.of(ff, data);
        ModelMatrix zm = ModelMatrix.of(rf, data);
        double[] y = data.variable(ff.response().get());
        String[] strat = varianceBy == null ? null : data.factor(varianceBy);
        int n = data.rowCount();
        int p = xm.names.size();
        int q = zm.names.size();
        // rows used and the reasons for the others
        Map<String, Integer> why = new LinkedHashMap<>();
        boolean[] used = new boolean[n];
        int nUsed = 0;
        for (int r = 0; r < n; r++) {
            String reason = null;
            if (Double.isNaN(y[r])) {
                reason = "missing " + ff.response().get();
            }
            for (int j = 0; j < p && reason == null; j++) {
                if (Double.isNaN(xm.columns.get(j)[r])) {
                    reason = "missing " + firstMissingVariable(ff, xm, j, r);
                }
            }
            for (int j = 0; j < q && reason == null; j++) {
                if (Double.isNaN(zm.columns.get(j)[r])) {
                    reason = "missing " + firstMissingVariable(rf, zm, j, r);
                }
            }
            if (reason == null && strat != null && strat[r] == null) {
                reason = "missing " + varianceBy;
            }
            if (reason == null) {
                used[r] = true;
                nUsed++;
            } else {
                why.merge(reason, 1, Integer::sum);
            }
        }
        // strata in order of first appearance among used rows
        List<String> levels = new ArrayList<>();
        if (strat != null) {
            for (int r = 0; r < n; r++) {
                if (used[r] && !levels.contains(strat[r])) {
                    levels.add(strat[r]);
                }
            }
        } else {
            levels.add("all");
        }
        // blocks by dyad
        int nd = data.dyadCount();
        List<List<Integer>> byDyad = new ArrayList<>();
        for (int d = 0; d < nd; d++) {
            byDyad.add(new ArrayList<>());
        }
        for (int r = 0; r < n; r++) {
            if (used[r]) {
                byDyad.get(data.dyadOf(r)).add(r);
            }
        }
        List<Engine.Block> blocks = new ArrayList<>();
        Set<Integer> personsUsed = new HashSet<>();
        Set<Double> occasionsUsed = new HashSet<>();
        for (int d = 0; d < nd; d++) {
            List<Integer> rows = byDyad.get(d);
            if (rows.isEmpty()) {
                continue;
            }
            rows.sort((a, b) -> a.equals(b) ? 0 : (data.personOf(a) != data.personOf(b)
                    ? Integer.compare(data.personOf(a), data.personOf(b))
                    : Double.compare(data.occasionOf(a), data.occasionOf(b))));
            Engine.Block b = new Engine.Block();
            int m = rows.size();
            b.m = m;
            b.x = new double[m * p];
            b.z = new double[m * q];
            b.y = new double[m];
            b.stratum = new int[m];
            b.who = new int[m];
            b.t = new double[m];
            b.rows = new int[m];
            int firstPerson = data.personOf(rows.get(0));
            for (int i = 0; i < m; i++) {
                int r = rows.get(i);
                for (int j = 0; j < p; j++) {
                    b.x[i * p + j] = xm.columns.get(j)[r];
                }
                for (int j = 0; j < q; j++) {
                    b.z[i * q + j] = zm.columns.get(j)[r];
                }
                b.y[i] = y[r];
                b.stratum[i] = strat == null ? 0 : levels.indexOf(strat[r]);
                b.who[i] = data.personOf(r) == firstPerson ? 0 : 1;
                b.t[i] = data.occasionOf(r);
                b.rows[i] = r;
                personsUsed.add(data.personOf(r));
                occasionsUsed.add(data.occasionOf(r));
            }
            blocks.add(b);
        }
        if (blocks.size() < 2) {
            throw new AnalysisException(Reason.TOO_FEW_DYADS, blocks.size() + " dyad has usable rows; a mixed model "
                    + "of dyads needs several dyads");
        }
        if (nUsed <= p) {
            throw new AnalysisException(Reason.TOO_FEW_OBSERVATIONS, nUsed + " usable rows for " + p
                    + " fixed effects; more rows are needed");
        }
        Engine.Block[] bl = blocks.toArray(new Engine.Block[0]);
        checkRank(bl, p, xm.names);
        Engine engine = new Engine(bl, p, q, levels.size(), covariance == RandomCovariance.DIAGONAL,
                withinOccasion == WithinOccasion.CS, autocorrelation == Autocorrelation.AR1, method == Method.REML);
        return new Prepared(engine, bl, xm, zm, levels, used, nUsed, why, personsUsed, occasionsUsed, n);
    }

    /** A model laid out on its data, ready to fit. */
    private final class Prepared {
        final Engine engine;
        final Engine.Block[] bl;
        final ModelMatrix xm;
        final ModelMatrix zm;
        final List<String> levels;
        final boolean[] used;
        final int nUsed;
        final Map<String, Integer> why;
        final Set<Integer> personsUsed;
        final Set<Double> occasionsUsed;
        final int n;

        Prepared(Engine engine, Engine.Block[] bl, ModelMatrix xm, ModelMatrix zm, List<String> levels, boolean[] used,
                int nUsed, Map<String, Integer> why, Set<Integer> personsUsed, Set<Double> occasionsUsed, int n) {
            this.engine = engine;
            this.bl = bl;
            this.xm = xm;
            this.zm = zm;
            this.levels = levels;
            this.used = used;
            this.nUsed = nUsed;
            this.why = why;
            this.personsUsed = personsUsed;
            this.occasionsUsed = occasionsUsed;
            this.n = n;
        }

        MlmFit fit() {
            int p = engine.p;
            int q = engine.q;
            double[] start = start(engine, bl, p, q, levels.size());
            // the moment start when it is better than the default one (the optimum does not depend on it)
            double[] moments = StartingValues.of(engine);
            if (moments != null && engine.objective(moments) < engine.objective(start)) {
                start = moments;
            }
            Engine.Optimum opt = engine.minimise(start, 1000);
            if (!Double.isFinite(opt.f)) {
                throw new AnalysisException(Reason.NO_CONVERGENCE, "the likelihood could not be evaluated at the starting "
                        + "values; check the model for random effects that no data vary");
            }
            Engine.Eval e = engine.evaluate(opt.theta, true);
            String[] names = thetaNames(zm.names, levels);
            checkBoundary(engine, opt, e, zm.names, names);
            if (!opt.converged) {
                throw new AnalysisException(Reason.NO_CONVERGENCE, "the REML/ML fit did not converge (gradient "
                        + String.format(Locale.ROOT, "%.3g", opt.gradientNorm) + " after " + opt.iterations
                        + " iterations); the largest gradient is in " + names[argMaxAbs(engine.grad(opt.theta, opt.f))]
                        + "; simplify the random part or the residual structure");
            }
            // fixed effects
            double sigma2 = e.sigma2;
            double[] dfs = df == DfRule.CONTAINMENT ? Containment.df(bl, p, xm.names)
                    : Satterthwaite.df(engine, opt.theta, e);
            List<FixedEffect> coefs = new ArrayList<>();
            // summary.lme(adjustSigma = TRUE): ML standard errors use sigma^2 N / (N - p)
            double seScale = method == Method.ML ? (double) nUsed / (nUsed - p) : 1;
            for (int j = 0; j < p; j++) {
                double est = e.beta[j];
                double se = Math.sqrt(seScale * sigma2 * e.aInv[j * p + j]);
                double t = est / se;
                double pv = 2 * TDistribution.of(dfs[j]).survivalProbability(Math.abs(t));
                coefs.add(new FixedEffect(xm.names.get(j), est, se, dfs[j], t, pv));
            }
            Engine.Params pr = e.params;
            double sigma = Math.sqrt(sigma2);
            List<Double> sds = new ArrayList<>();
            for (int j = 0; j < q; j++) {
                sds.add(sigma * Math.sqrt(pr.d[j * q + j]));
            }
            List<RandomPart.Correlation> cors = new ArrayList<>();
            if (covariance == RandomCovariance.UNSTRUCTURED) {
                for (int i = 1; i < q; i++) {
                    for (int j = 0; j < i; j++) {
                        cors.add(new RandomPart.Correlation(zm.names.get(j), zm.names.get(i),
                                pr.d[i * q + j] / Math.sqrt(pr.d[i * q + i] * pr.d[j * q + j])));
                    }
                }
            }
            List<ResidualPart.StratumSd> rs = new ArrayList<>();
            for (int s = 0; s < levels.size(); s++) {
                rs.add(new ResidualPart.StratumSd(levels.get(s), sigma * pr.delta[s], pr.delta[s]));
            }
            ResidualPart residual = new ResidualPart(rs,
                    withinOccasion == WithinOccasion.CS ? OptionalDouble.of(pr.rho) : OptionalDouble.empty(),
                    autocorrelation == Autocorrelation.AR1 ? OptionalDouble.of(pr.phi) : OptionalDouble.empty());
            int k = p + engine.nTheta + 1;
            double ll = e.logLik;
            double aic = -2 * ll + 2 * k;
            double bic = -2 * ll + k * Math.log(method == Method.REML ? nUsed - p : nUsed);
            // fitted values
            List<RowFit> fits = new ArrayList<>();
            for (Engine.Block b : bl) {
                double[] bi = engine.blup(b, pr, e.beta);
                for (int i = 0; i < b.m; i++) {
                    double f = 0;
                    for (int j = 0; j < p; j++) {
                        f += b.x[i * p + j] * e.beta[j];
                    }
                    for (int j = 0; j < q; j++) {
                        f += b.z[i * q + j] * bi[j];
                    }
                    fits.add(new RowFit(b.rows[i], f, b.y[i] - f));
                }
            }
            fits.sort((a, b) -> Integer.compare(a.row(), b.row()));
            Sample sample = sample(used, personsUsed, bl.length);
            List<Occasions.Exclusion> ex = new ArrayList<>();
            why.forEach((r, c) -> ex.add(new Occasions.Exclusion(r, c)));
            Occasions occ = new Occasions(n, nUsed, occasionsUsed.size(), ex);
            return new MlmFit(fixed, random == null ? "~ 1 | " + data.dyadColumn() : random, method, df, covariance,
                    withinOccasion, autocorrelation, Optional.ofNullable(varianceBy), coefs,
                    new RandomPart(zm.names, sds, cors), residual, ll, aic, bic, k, nUsed, sample, occ, fits,
                    opt.iterations);
        }
    }

    private Sample sample(boolean[] used, Set<Integer> personsUsed, int dyadsUsed) {
        int persons = data.personCount();
        int excluded = persons - personsUsed.size();
        List<Sample.Exclusion> ex = excluded == 0 ? List.of()
                : List.of(new Sample.Exclusion(org.dyadkit.dyad.ExclusionReason.NO_USABLE_OCCASION.label(),
                        excluded));
        return new Sample(persons, data.dyadCount(), personsUsed.size(), dyadsUsed, ex);
    }

    private String firstMissingVariable(Formula f, ModelMatrix mm, int column, int row) {
        int term = mm.assign[column];
        if (term < 0) {
            return "(Intercept)";
        }
        for (String v : f.terms().get(term)) {
            if (data.isFactor(v)) {
                if (data.factor(v)[row] == null) {
                    return v;
                }
            } else if (Double.isNaN(data.variable(v)[row])) {
                return v;
            }
        }
        return Formula.label(f.terms().get(term));
    }

    private static String[] thetaNames(List<String> z, List<String> levels) {
        List<String> out = new ArrayList<>();
        int q = z.size();
        // names for both parameterisations; the diagonal case uses the first q
        for (int i = 0; i < q; i++) {
            for (int j = 0; j <= i; j++) {
                out.add(i == j ? "the random-effect SD of " + z.get(i)
                        : "the random-effect covariance of " + z.get(j) + " and " + z.get(i));
            }
        }
        List<String> diag = new ArrayList<>();
        for (String s : z) {
            diag.add("the random-effect SD of " + s);
        }
        List<String> rest = new ArrayList<>();
        for (int s = 1; s < levels.size(); s++) {
            rest.add("the residual SD ratio of " + levels.get(s));
        }
        rest.add("the within-occasion correlation rho");
        rest.add("the autocorrelation phi");
        List<String> all = new ArrayList<>(out);
        all.addAll(rest);
        List<String> allDiag = new ArrayList<>(diag);
        allDiag.addAll(rest);
        return (out.size() == q ? allDiag : all).toArray(new String[0]);
    }

    private void checkBoundary(Engine engine, Engine.Optimum opt, Engine.Eval e, List<String> z, String[] names) {
        Engine.Params pr = e.params;
        int q = engine.q;
        double[] corrD = new double[q * q];
        for (int j = 0; j < q; j++) {
            double dj = pr.d[j * q + j];
            if (!(Math.sqrt(dj) > 1e-4)) {
                throw new AnalysisException(Reason.BOUNDARY, "the random-effect variance of " + z.get(j)
                        + " ran to zero (SD " + String.format(Locale.ROOT, "%.3g", Math.sqrt(dj * e.sigma2))
                        + "); drop " + z.get(j) + " from the random part (a likelihood-ratio test with the 50:50 "
                        + "mixture tests it)");
            }
            for (int i = 0; i < q; i++) {
                corrD[i * q + j] = pr.d[i * q + j] / Math.sqrt(pr.d[i * q + i] * dj);
            }
        }
        if (!engine.diagonal) {
            for (int i = 1; i < q; i++) {
                for (int j = 0; j < i; j++) {
                    if (Math.abs(corrD[i * q + j]) > 1 - 1e-6) {
                        throw new AnalysisException(Reason.BOUNDARY, "the correlation of the random effects " + z.get(j)
                                + " and " + z.get(i) + " ran to " + (corrD[i * q + j] > 0 ? "+1" : "-1")
                                + "; the random-effect covariance is not positive definite: use a diagonal covariance "
                                + "or drop one of them");
                    }
                }
            }
            double[] l = corrD.clone();
            if (!Engine.cholesky(l, q)) {
                throw new AnalysisException(Reason.BOUNDARY, "the random-effect covariance matrix is not positive "
                        + "definite; simplify the random part");
            }
        }
        if (engine.cs && Math.abs(pr.rho) > 1 - 1e-6) {
            throw new AnalysisException(Reason.BOUNDARY, "the within-occasion correlation rho ran to "
                    + (pr.rho > 0 ? "+1" : "-1") + "; fit without it (--within-occasion none) or check the data");
        }
        if (engine.ar1 && Math.abs(pr.phi) > 1 - 1e-6) {
            throw new AnalysisException(Reason.BOUNDARY, "the autocorrelation phi ran to " + (pr.phi > 0 ? "+1" : "-1")
                    + "; fit without AR(1) or check the occasion numbering");
        }
    }

    private static int argMaxAbs(double[] g) {
        int best = 0;
        for (int i = 1; i < g.length; i++) {
            if (!(Math.abs(g[i]) <= Math.abs(g[best]))) {
                best = i;
            }
        }
        return best;
    }

    private static void checkRank(Engine.Block[] blocks, int p, List<String> names) {
        double[] a = new double[p * p];
        for (Engine.Block b : blocks) {
            for (int i = 0; i < b.m; i++) {
                for (int j = 0; j < p; j++) {
                    for (int k = 0; k < p; k++) {
                        a[j * p + k] += b.x[i * p + j] * b.x[i * p + k];
                    }
                }
            }
        }
        // Cholesky with a relative tolerance; the first column that fails depends on those before it
        double[] l = new double[p * p];
        for (int j = 0; j < p; j++) {
            double d = a[j * p + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * p + k] * l[j * p + k];
            }
            if (!(d > 1e-10 * Math.max(a[j * p + j], 1e-300))) {
                throw new AnalysisException(a[j * p + j] == 0 ? Reason.NO_VARIANCE : Reason.SINGULAR_DESIGN,
                        "the fixed-effects column " + names.get(j) + (a[j * p + j] == 0 ? " is zero in every row used"
                                : " is a linear combination of the columns before it") + "; drop it from the formula");
            }
            double ljj = Math.sqrt(d);
            l[j * p + j] = ljj;
            for (int i = j + 1; i < p; i++) {
                double v = a[i * p + j];
                for (int k = 0; k < j; k++) {
                    v -= l[i * p + k] * l[j * p + k];
                }
                l[i * p + j] = v / ljj;
            }
        }
    }

    private static double[] start(Engine engine, Engine.Block[] blocks, int p, int q, int strata) {
        double[] theta = new double[engine.nTheta];
        double[] zz = new double[q];
        int n = 0;
        for (Engine.Block b : blocks) {
            for (int i = 0; i < b.m; i++) {
                for (int j = 0; j < q; j++) {
                    zz[j] += b.z[i * q + j] * b.z[i * q + j];
                }
            }
            n += b.m;
        }
        int k = 0;
        if (engine.diagonal) {
            for (int j = 0; j < q; j++) {
                theta[k++] = 0.5 * Math.log(0.5 / (q * zz[j] / n));
            }
        } else {
            for (int i = 0; i < q; i++) {
                for (int j = 0; j <= i; j++) {
                    theta[k++] = i == j ? 0.5 * Math.log(0.5 / (q * zz[i] / n)) : 0;
                }
            }
        }
        return theta;
    }

    @Override
    public String toString() {
        return "Mlm[" + fixed + ", random " + random + ", " + covariance + ", within-occasion " + withinOccasion
                + ", " + autocorrelation + ", variance by " + varianceBy + ", " + method + ", df " + df + "]";
    }
}
