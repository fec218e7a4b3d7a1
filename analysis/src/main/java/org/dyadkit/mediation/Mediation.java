package org.dyadkit.mediation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.dyadkit.dyad.DyadArrays;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.dyad.ExclusionReason;
import org.dyadkit.dyad.Sample;
import org.dyadkit.numerics.Moments;
import org.dyadkit.resample.Interval;
import org.apache.commons.statistics.distribution.TDistribution;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;
import org.dyadkit.InputException;
import org.dyadkit.resample.DyadBootstrap;
import org.dyadkit.table.DataTable;

/**
 * Single-level mediation X -> M -> Y (Baron and Kenny 1986; Preacher and Hayes 2008) by ordinary least squares,
 * as three {@code lm} fits: M ~ X (+ covariates) gives a; Y ~ X + M (+ covariates) gives b and the direct effect
 * c'; Y ~ X (+ covariates) gives the total effect c (= c' + ab on the same persons). The indirect effect ab is
 * tested by the first-order Sobel test z = ab / sqrt(a^2 se_b^2 + b^2 se_a^2) (Sobel 1982) and, on request,
 * by a seeded nonparametric bootstrap with percentile and BCa intervals computed as R's {@code boot.ci} does
 * (BCa acceleration from the jackknife, as {@code boot.ci(..., L = empinf(type = "jack"))}).
 *
 * <pre>{@code
 * MediationResult r = Mediation.of(table).withPredictor("other_pos").withMediator("tension")
 *         .withOutcome("satisfaction").withDyad("cuplid").withBootstrap(5000, 12345L)
 *         .withInterval(BootstrapCi.BCA).fit();
 * r.indirect().estimate(); r.indirect().sobelZ(); r.indirect().ci();
 * }</pre>
 *
 * <p>Persons in couples are not independent: with {@link #withDyad(String)} or {@link #of(DyadicData)} the bootstrap resamples whole dyads
 * (both members together); without it, persons. Missing data: persons missing x, m, y, a covariate or (with
 * dyads) the dyad id are left out of all three fits (listwise), so that c = c' + ab holds. Degenerate data raise
 * {@link AnalysisException} (no variance, collinear predictors, too few persons, an exact fit); unknown columns
 * raise {@link InputException}.
 */
public final class Mediation {
    private final DataTable table;
    private final Map<String, double[]> columns;
    private String x;
    private String m;
    private String y;
    private List<String> covariates = List.of();
    private String dyadColumn;
    private String[] dyadIds;
    private int bootstrap;
    private long seed;
    private BootstrapCi ci = BootstrapCi.PERCENTILE;
    private double level = 0.95;
    private int threads = Runtime.getRuntime().availableProcessors();

    private Mediation(DataTable table, Map<String, double[]> columns) {
        this.table = table;
        this.columns = columns;
    }

    private Mediation with(Consumer<Mediation> change) {
        Mediation c = new Mediation(table, columns);
        c.x = x;
        c.m = m;
        c.y = y;
        c.covariates = covariates;
        c.dyadColumn = dyadColumn;
        c.dyadIds = dyadIds;
        c.bootstrap = bootstrap;
        c.seed = seed;
        c.ci = ci;
        c.level = level;
        c.threads = threads;
        change.accept(c);
        return c;
    }

    /** Mediation on the numeric columns of a table (one row per person); persons are resampled. */
    public static Mediation of(DataTable table) {
        Objects.requireNonNull(table);
        return new Mediation(table, null);
    }

    /**
     * Mediation on the persons of dyadic data (one entry per person, dyad by dyad); the bootstrap resamples
     * whole dyads.
     */
    public static Mediation of(DyadicData data) {
        DyadArrays a = DyadArrays.of(data);
        Map<String, double[]> cols = new java.util.LinkedHashMap<>();
        for (String v : a.variables()) {
            cols.put(v, null);
        }
        String[] ids = new String[a.persons()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = a.dyadId(i);
        }
        Mediation med = new Mediation(null, new LazyColumns(a));
        med.dyadIds = ids;
        return med;
    }

    /** Mediation on named columns of equal length (one entry per person, {@code NaN} = missing). */
    public static Mediation of(Map<String, double[]> columns) {
        Map<String, double[]> copy = new LinkedHashMap<>();
        columns.forEach((k, v) -> copy.put(k, v.clone()));
        return new Mediation(null, copy);
    }

    /** The columns of dyadic data, read when first used. */
    private static final class LazyColumns extends java.util.AbstractMap<String, double[]> {
        private final DyadArrays data;

        LazyColumns(DyadArrays data) {
            this.data = data;
        }

        @Override
        public double[] get(Object key) {
            return key instanceof String s && data.variables().contains(s) ? data.values(s) : null;
        }

        @Override
        public java.util.Set<Entry<String, double[]>> entrySet() {
            java.util.Set<Entry<String, double[]>> out = new java.util.LinkedHashSet<>();
            for (String v : data.variables()) {
                out.add(java.util.Map.entry(v, data.values(v)));
            }
            return out;
        }

        @Override
        public java.util.Set<String> keySet() {
            return new java.util.LinkedHashSet<>(data.variables());
        }
    }

    /** The predictor X. */
    public Mediation withPredictor(String name) {
        return with(c -> c.x = Objects.requireNonNull(name));
    }

    /** The mediator M. */
    public Mediation withMediator(String name) {
        return with(c -> c.m = Objects.requireNonNull(name));
    }

    /** The outcome Y. */
    public Mediation withOutcome(String name) {
        return with(c -> c.y = Objects.requireNonNull(name));
    }

    /** A covariate of both the M and the Y model (repeatable). */
    public Mediation withCovariate(String name) {
        Objects.requireNonNull(name);
        return with(c -> {
            List<String> l = new ArrayList<>(covariates);
            l.add(name);
            c.covariates = List.copyOf(l);
        });
    }

    /** The dyad-id column of the table: the bootstrap then resamples whole dyads. */
    public Mediation withDyad(String column) {
        return with(c -> c.dyadColumn = column);
    }

    /** Dyad ids, one per person (null entries = missing): the bootstrap then resamples whole dyads. */
    public Mediation withDyad(String[] ids) {
        String[] copy = ids.clone();
        return with(c -> c.dyadIds = copy);
    }

    /** A bootstrap of {@code replicates} resamples with this seed (0 = none, the default). */
    public Mediation withBootstrap(int replicates, long seed) {
        int r = Checks.replicates(replicates);
        return with(c -> {
            c.bootstrap = r;
            c.seed = seed;
        });
    }

    /** Which bootstrap interval is reported as the interval of the indirect effect (default percentile). */
    public Mediation withInterval(BootstrapCi method) {
        Objects.requireNonNull(method);
        return with(c -> c.ci = method);
    }

    /** Confidence level (default 0.95). */
    public Mediation withLevel(double l) {
        double v = Checks.level(l);
        return with(c -> c.level = v);
    }

    /** Worker threads of the bootstrap (the result does not depend on it). */
    public Mediation withThreads(int n) {
        int t = Checks.threads(n);
        return with(c -> c.threads = t);
    }

    @Override
    public String toString() {
        return "Mediation[" + x + " -> " + m + " -> " + y + (covariates.isEmpty() ? "" : ", covariates " + covariates)
                + (bootstrap > 0 ? ", bootstrap " + bootstrap : "") + "]";
    }

    private double[] column(String name, String what) {
        if (name == null) {
            throw new InputException("no " + what + " given; name the " + what + " variable");
        }
        if (table != null) {
            if (!table.hasColumn(name)) {
                throw new InputException("no column named \"" + name + "\" in " + table.source()
                        + DataTable.suggest(name, table.columns()) + "; columns are: "
                        + String.join(", ", table.columns()));
            }
            return table.numeric(name);
        }
        double[] v = columns.get(name);
        if (v == null) {
            throw new InputException("no variable " + org.dyadkit.input.Messages.quote(name) + "; variables are: "
                    + org.dyadkit.input.Messages.list(List.copyOf(columns.keySet())));
        }
        return v;
    }

    /**
     * Fits the three regressions and, when requested, runs the bootstrap.
     *
     * @throws AnalysisException NO_VARIANCE, SINGULAR_DESIGN, TOO_FEW_DYADS (too few persons), UNDEFINED (an
     *     exact fit, so the Sobel SE is 0; an infinite BCa correction)
     * @throws InputException for unknown columns or columns of unequal length
     */
    public MediationResult fit() {
        double[] xv = column(x, "predictor (x)");
        double[] mv = column(m, "mediator (m)");
        double[] yv = column(y, "outcome (y)");
        List<double[]> cv = new ArrayList<>();
        for (String c : covariates) {
            cv.add(column(c, "covariate"));
        }
        String[] ids = dyadIds;
        if (dyadColumn != null) {
            if (table == null) {
                throw new InputException("dyad(column) needs a table; pass the ids with dyad(String[])");
            }
            if (!table.hasColumn(dyadColumn)) {
                throw new InputException("no dyad column named \"" + dyadColumn + "\" in " + table.source()
                        + DataTable.suggest(dyadColumn, table.columns()));
            }
            ids = table.text(dyadColumn);
        }
        int nAll = xv.length;
        for (double[] v : List.of(mv, yv)) {
            if (v.length != nAll) {
                throw new InputException("the variables have different lengths");
            }
        }
        for (double[] v : cv) {
            if (v.length != nAll) {
                throw new InputException("the variables have different lengths");
            }
        }
        if (ids != null && ids.length != nAll) {
            throw new InputException("dyad ids: " + ids.length + " for " + nAll + " persons");
        }
        // listwise complete persons
        List<Integer> keep = new ArrayList<>();
        java.util.Map<ExclusionReason, Integer> excluded = new java.util.EnumMap<>(ExclusionReason.class);
        java.util.Set<String> dyadsInFile = new java.util.HashSet<>();
        java.util.Set<String> dyadsUsed = new java.util.HashSet<>();
        for (int i = 0; i < nAll; i++) {
            boolean hasId = ids != null && ids[i] != null && !ids[i].isBlank() && !ids[i].strip().equals("NA");
            if (hasId) {
                dyadsInFile.add(ids[i].strip());
            }
            ExclusionReason why = null;
            if (ids != null && !hasId) {
                why = ExclusionReason.MISSING_DYAD;
            } else if (!Double.isFinite(yv[i])) {
                why = ExclusionReason.MISSING_OUTCOME;
            } else if (!Double.isFinite(mv[i])) {
                why = ExclusionReason.MISSING_MEDIATOR;
            } else if (!Double.isFinite(xv[i])) {
                why = ExclusionReason.MISSING_PREDICTOR;
            } else {
                for (double[] v : cv) {
                    if (!Double.isFinite(v[i])) {
                        why = ExclusionReason.MISSING_COVARIATE;
                    }
                }
            }
            if (why == null) {
                keep.add(i);
                if (hasId) {
                    dyadsUsed.add(ids[i].strip());
                }
            } else {
                excluded.merge(why, 1, Integer::sum);
            }
        }
        List<Sample.Exclusion> reasons = new ArrayList<>();
        excluded.forEach((r, c) -> reasons.add(new Sample.Exclusion(r.label(), c)));
        Sample sample = new Sample(nAll, dyadsInFile.size(), keep.size(), dyadsUsed.size(), reasons);
        int n = keep.size();
        int k = cv.size();
        double[] xs = new double[n];
        double[] ms = new double[n];
        double[] ys = new double[n];
        double[][] cs = new double[k][n];
        int[] unit = new int[n];
        Map<String, Integer> unitIndex = new LinkedHashMap<>();
        for (int r = 0; r < n; r++) {
            int i = keep.get(r);
            xs[r] = xv[i];
            ms[r] = mv[i];
            ys[r] = yv[i];
            for (int j = 0; j < k; j++) {
                cs[j][r] = cv.get(j)[i];
            }
            unit[r] = ids == null ? r : unitIndex.computeIfAbsent(ids[i].strip(), s -> unitIndex.size());
        }
        int nUnits = ids == null ? n : unitIndex.size();
        if (n < 3 + k) {
            throw new AnalysisException(Reason.TOO_FEW_DYADS, n + " complete persons (with " + x + ", " + m
                    + ", " + y + (k > 0 ? " and the covariates" : "") + "); mediation needs at least " + (4 + k));
        }
        Model model = new Model(xs, ms, ys, cs, covariates, x, m, y);
        Paths p = model.fit(null);
        if (p.a.exact || p.b.exact) {
            throw new AnalysisException(Reason.UNDEFINED, "the " + (p.a.exact ? m + " model" : y + " model")
                    + " fits exactly (no residual variance), so the standard errors and the Sobel test are "
                    + "undefined");
        }
        double a = p.a.beta[0];
        double b = p.b.beta[k + 1];
        double sa = p.a.se[0];
        double sb = p.b.se[k + 1];
        double ab = a * b;
        double sobelSe = Math.sqrt(a * a * sb * sb + b * b * sa * sa);
        if (!(sobelSe > 0)) {
            throw new AnalysisException(Reason.UNDEFINED, "a and b are both exactly 0, so the Sobel standard "
                    + "error is 0 and the test is undefined");
        }
        double z = ab / sobelSe;
        double sobelP = 2 * Quantiles.NORMAL.survivalProbability(Math.abs(z));
        PathEstimate pa = path(Path.A, a, sa, p.a.df);
        PathEstimate pb = path(Path.B, b, sb, p.b.df);
        PathEstimate pcp = path(Path.C_PRIME, p.b.beta[0], p.b.se[0], p.b.df);
        PathEstimate pc = path(Path.C, p.c.beta[0], p.c.se[0], p.c.df);

        Optional<Interval> perc = Optional.empty();
        Optional<Interval> bca = Optional.empty();
        Optional<Interval> chosen = Optional.empty();
        OptionalDouble bootSe = OptionalDouble.empty();
        OptionalDouble acc = OptionalDouble.empty();
        int failed = 0;
        Optional<String> note = Optional.empty();
        if (bootstrap > 0) {
            DyadBootstrap.Replicates reps = replicates(model, unit, nUnits, bootstrap, seed, threads);
            double[] s = Quantiles.sortedFinite(reps.values(0));
            failed = reps.failed(0);
            note = reps.summary(0);
            if (reps.enough(0)) {
                perc = Optional.of(Interval.percentile(s, level));
                bootSe = OptionalDouble.of(Moments.sampleSd(s));
                if (ci == BootstrapCi.BCA) {
                    double accel = Quantiles.acceleration(ab, jackknife(model, unit, nUnits));
                    acc = OptionalDouble.of(accel);
                    bca = Interval.bca(s, ab, accel, level);
                    if (bca.isEmpty()) {
                        throw new AnalysisException(Reason.UNDEFINED, "every bootstrap replicate of the indirect effect "
                                + "lies on one side of the estimate " + ab + ", so the bias correction is infinite; use "
                                + "the percentile interval");
                    }
                }
                chosen = ci == BootstrapCi.BCA ? bca : perc;
            }
        }
        IndirectEffect ind = new IndirectEffect(Effect.INDIRECT, Optional.empty(), x + " -> " + m + " -> " + y, ab,
                OptionalDouble.of(sobelSe), OptionalDouble.of(z), OptionalDouble.of(sobelP), chosen, Optional.empty(),
                OptionalDouble.empty(), perc, bca, bootstrap, failed, bootSe,
                bootstrap > 0 ? OptionalLong.of(seed) : OptionalLong.empty(), note);
        return new MediationResult(x, m, y, List.copyOf(covariates), n,
                ids == null ? ResamplingUnit.PERSONS : ResamplingUnit.DYADS, nUnits, pa, pb, pcp, pc, ind, acc, sample);
    }

    private PathEstimate path(Path name, double est, double se, double df) {
        TDistribution td = TDistribution.of(df);
        double t = est / se;
        double q = td.inverseSurvivalProbability((1 - level) / 2);
        return new PathEstimate(name, Optional.empty(), Optional.empty(), est, se, df, t, 2 * td.survivalProbability(Math.abs(t)),
                est - q * se, est + q * se);
    }

    /** The bootstrap replicates of ab for resamples drawn by {@link DyadBootstrap#draw}. */
    static DyadBootstrap.Replicates replicates(Model model, int[] unit, int nUnits, int b, long seed, int threads) {
        return DyadBootstrap.run(nUnits, b, seed, threads,
                counts -> new double[] {model.indirect(weights(unit, counts))});
    }

    /** Leave-one-unit-out estimates of ab. */
    static double[] jackknife(Model model, int[] unit, int nUnits) {
        double[] out = new double[nUnits];
        int[] counts = new int[nUnits];
        for (int j = 0; j < nUnits; j++) {
            Arrays.fill(counts, 1);
            counts[j] = 0;
            out[j] = model.indirect(weights(unit, counts));
        }
        return out;
    }

    static double[] weights(int[] unit, int[] counts) {
        double[] w = new double[unit.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = counts[unit[i]];
        }
        return w;
    }

    /** The three regressions of one sample. */
    record Paths(Ols a, Ols b, Ols c) {
    }

    /** The complete-case data of a mediation model. */
    static final class Model {
        private final double[][] aCols;
        private final double[][] bCols;
        private final double[] ms;
        private final double[] ys;
        private final String[] aNames;
        private final String[] bNames;

        Model(double[] xs, double[] ms, double[] ys, double[][] cs, List<String> covNames, String x, String m,
                String y) {
            int k = cs.length;
            aCols = new double[k + 1][];
            bCols = new double[k + 2][];
            aNames = new String[k + 1];
            bNames = new String[k + 2];
            aCols[0] = xs;
            bCols[0] = xs;
            aNames[0] = x;
            bNames[0] = x;
            for (int j = 0; j < k; j++) {
                aCols[j + 1] = cs[j];
                bCols[j + 1] = cs[j];
                aNames[j + 1] = covNames.get(j);
                bNames[j + 1] = covNames.get(j);
            }
            bCols[k + 1] = ms;
            bNames[k + 1] = m;
            this.ms = ms;
            this.ys = ys;
        }

        Paths fit(double[] w) {
            Ols a = Ols.fit(aCols, ms, w, aNames);
            Ols b = Ols.fit(bCols, ys, w, bNames);
            Ols c = Ols.fit(aCols, ys, w, aNames);
            return new Paths(a, b, c);
        }

        double indirect(double[] w) {
            Ols a = Ols.fit(aCols, ms, w, aNames);
            Ols b = Ols.fit(bCols, ys, w, bNames);
            return a.beta[0] * b.beta[bCols.length - 1];
        }
    }
}
