package org.dyadkit.nonindependence;

import java.util.ArrayList;
import java.util.List;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;
import org.dyadkit.dyad.DyadicData;

/**
 * Nonindependence of a variable's scores within dyads: the partner correlation for distinguishable dyads,
 * the ANOVA and pairwise intraclass correlations for indistinguishable ones.
 *
 * <pre>{@code
 * NonindependenceResult r = Nonindependence.of(couples).withVariable("satisfaction").fit();
 * }</pre>
 *
 * <p>Missing values: a dyad missing one member (or one member's value) drops out of the statistics that
 * need both members; the count used is reported as {@code nDyads}. Role means use every member with a
 * value. Degenerate data raise a named {@link AnalysisException}: fewer than 3 dyads with both values
 * (TOO_FEW_DYADS), a constant variable (NO_VARIANCE), a correlation of exactly +-1 (BOUNDARY).
 */
public final class Nonindependence<R extends NonindependenceResult> {
    private final DyadicData data;
    private final String variable;
    private final java.util.function.BiFunction<DyadicData, String, R> statistic;

    private Nonindependence(DyadicData data, String variable, java.util.function.BiFunction<DyadicData, String, R> f) {
        this.data = java.util.Objects.requireNonNull(data);
        this.variable = variable;
        this.statistic = f;
    }

    /**
     * The statistic matching the data: {@link #distinguishable} when the dyads have roles, else
     * {@link #indistinguishable}.
     */
    public static Nonindependence<NonindependenceResult> of(DyadicData data) {
        return new Nonindependence<>(data, null, (d, v) -> d.distinguishable() ? distinguishableOf(d, v)
                : indistinguishableOf(d, v));
    }

    /**
     * Partner correlation, Pitman-Morgan test, role means and SDs, and the within-dyad role difference.
     *
     * @throws IllegalArgumentException when the dyads have no roles
     */
    public static Nonindependence<DistinguishableNonindependence> distinguishable(DyadicData data) {
        if (!data.distinguishable()) {
            throw new IllegalArgumentException("the dyads have no roles; use indistinguishable()");
        }
        return new Nonindependence<>(data, null, Nonindependence::distinguishableOf);
    }

    /**
     * ANOVA intraclass correlation with its F test, and the pairwise intraclass correlation with its z
     * test. Roles, if any, are ignored.
     */
    public static Nonindependence<IndistinguishableNonindependence> indistinguishable(DyadicData data) {
        return new Nonindependence<>(data, null, Nonindependence::indistinguishableOf);
    }

    /** The variable whose nonindependence is measured. */
    public Nonindependence<R> withVariable(String name) {
        return new Nonindependence<>(data, java.util.Objects.requireNonNull(name), statistic);
    }

    /**
     * Computes the statistic.
     *
     * @throws org.dyadkit.InputException when the variable is absent or not numeric
     * @throws AnalysisException for degenerate data (see the class comment)
     */
    public R fit() {
        if (variable == null) {
            throw new org.dyadkit.InputException("no variable given; name it with withVariable");
        }
        return statistic.apply(data, variable);
    }

    /** {@link #fit} for several variables, in order. */
    public List<R> fit(List<String> variables) {
        List<R> out = new ArrayList<>();
        for (String v : variables) {
            out.add(withVariable(v).fit());
        }
        return out;
    }

    @Override
    public String toString() {
        return "Nonindependence[" + variable + ", " + data + "]";
    }

    /**
     * Partner correlation, Pitman-Morgan test, role means and SDs, and the within-dyad role difference.
     *
     * @throws IllegalArgumentException when the dyads have no roles
     * @throws org.dyadkit.InputException when the variable is absent or not numeric
     * @throws AnalysisException for degenerate data (see the class comment)
     */
    static DistinguishableNonindependence distinguishableOf(DyadicData data, String variable) {
        if (!data.distinguishable()) {
            throw new IllegalArgumentException("the dyads have no roles; use indistinguishable()");
        }
        List<String> roles = data.roles();
        // each role's values are scaled by their own power of two (exact) for its mean and SD, and both by a
        // common one for the differences, so that no square overflows or underflows; results are scaled back
        double[] raw1 = data.values(variable, 1);
        double[] raw2 = data.values(variable, 2);
        int e1 = Stats.exponent(raw1);
        int e2 = Stats.exponent(raw2);
        int e = Math.max(e1, e2);
        double[] x1 = Stats.scaled(raw1, e1);
        double[] x2 = Stats.scaled(raw2, e2);
        String what = variable + " (" + roles.get(0) + ") with " + variable + " (" + roles.get(1) + ")";
        PearsonTest r = PearsonTest.of(x1, x2, variable + " (" + roles.get(0) + ")",
                variable + " (" + roles.get(1) + ")", what);
        int n = r.n();
        double[] a = new double[n];
        double[] b = new double[n];
        double[] d = new double[n];
        for (int i = 0, k = 0; i < x1.length; i++) {
            if (!Double.isNaN(x1[i]) && !Double.isNaN(x2[i])) {
                a[k] = x1[i];
                b[k] = x2[i];
                d[k] = Math.scalb(raw1[i], -e) - Math.scalb(raw2[i], -e);
                k++;
            }
        }
        double s1 = Math.scalb(Math.sqrt(Stats.variance(a)), e1);
        double s2 = Math.scalb(Math.sqrt(Stats.variance(b)), e2);
        // (s1^2 - s2^2) / (2 s1 s2) written as (q - 1/q) / 2 with q = s1 / s2, so that no square overflows
        double q = s1 / s2;
        double pmT = (q - 1 / q) * Math.sqrt(n - 2.0) / (2 * Math.sqrt(1 - r.r() * r.r()));
        PitmanMorgan pm = new PitmanMorgan(n, s1, s2, pmT, n - 2.0, Stats.tTwoTailed(pmT, n - 2.0));

        List<RoleSummary> summaries = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            double[] all = present(p == 0 ? x1 : x2);
            int ep = p == 0 ? e1 : e2;
            summaries.add(new RoleSummary(roles.get(p), all.length, Math.scalb(Stats.mean(all), ep),
                    Math.scalb(Math.sqrt(Stats.variance(all)), ep)));
        }
        double md = Stats.mean(d);
        double sd = Math.sqrt(Stats.ss(d, md) / (n - 1));
        if (!(sd > 0)) {
            throw new AnalysisException(Reason.NO_VARIANCE, what + ": the difference between the roles is the same"
                    + " in every dyad, so the paired test is undefined");
        }
        double t = md / (sd / Math.sqrt(n));
        double s1c = Math.scalb(s1, -e);
        double s2c = Math.scalb(s2, -e);
        MeanDifference diff = new MeanDifference(n, Math.scalb(Stats.mean(a), e1), Math.scalb(Stats.mean(b), e2),
                s1, s2, Math.scalb(md, e), Math.scalb(sd, e), t, n - 1.0,
                Stats.tTwoTailed(t, n - 1.0), md / sd, md / Math.sqrt((s1c * s1c + s2c * s2c) / 2));
        return new DistinguishableNonindependence(variable, roles, n, r.r(), r.ciLower(), r.ciUpper(), r.t(), r.df(),
                r.p(), pm, summaries, diff, Samples.pairs(data, variable));
    }

    /**
     * ANOVA intraclass correlation with its F test, and the pairwise intraclass correlation with its z
     * test. Roles, if any, are ignored (members are taken in position order; the statistics do not depend
     * on it).
     *
     * @throws org.dyadkit.InputException when the variable is absent or not numeric
     * @throws AnalysisException for degenerate data (see the class comment)
     */
    static IndistinguishableNonindependence indistinguishableOf(DyadicData data, String variable) {
        return indistinguishableOf(data, variable, true);
    }

    /**
     * As {@link #indistinguishableOf(DyadicData, String)}; with {@code meanSquares} false the mean squares
     * are not scaled back (for callers that need only the scale-free statistics), so values beyond the
     * double range of their squares are not refused.
     */
    static IndistinguishableNonindependence indistinguishableOf(DyadicData data, String variable,
            boolean meanSquares) {
        // scaled by a power of two (exact) so that no square overflows; the mean squares are scaled back
        double[] x1 = data.values(variable, 1);
        double[] x2 = data.values(variable, 2);
        int e = Stats.exponent(x1, x2);
        x1 = Stats.scaled(x1, e);
        x2 = Stats.scaled(x2, e);
        int n = 0;
        for (int i = 0; i < x1.length; i++) {
            if (!Double.isNaN(x1[i]) && !Double.isNaN(x2[i])) {
                n++;
            }
        }
        if (n < 3) {
            throw Stats.tooFew(variable, n);
        }
        double[] a = new double[n];
        double[] b = new double[n];
        double[] all = new double[2 * n];
        for (int i = 0, k = 0; i < x1.length; i++) {
            if (!Double.isNaN(x1[i]) && !Double.isNaN(x2[i])) {
                a[k] = x1[i];
                b[k] = x2[i];
                all[2 * k] = x1[i];
                all[2 * k + 1] = x2[i];
                k++;
            }
        }
        double grand = Stats.mean(all);
        double ssMeans = 0;
        double ssDiff = 0;
        double cross = 0;
        for (int i = 0; i < n; i++) {
            double m = (a[i] + b[i]) / 2 - grand;
            double d = a[i] - b[i];
            ssMeans += m * m;
            ssDiff += d * d;
            cross += (a[i] - grand) * (b[i] - grand);
        }
        double ssTotal = Stats.ss(all, grand);
        if (!(ssTotal > 0)) {
            throw Stats.noVariance(variable, n);
        }
        double msb = 2 * ssMeans / (n - 1);
        double msw = ssDiff / (2.0 * n);
        if (!(msw > 0)) {
            throw new AnalysisException(Reason.BOUNDARY, variable + ": both members have the same score in every"
                    + " dyad, so the intraclass correlation is 1 and its F test is infinite");
        }
        if (!(msb > 0)) {
            throw new AnalysisException(Reason.BOUNDARY, variable + ": every dyad has the same mean, so the"
                    + " intraclass correlation is -1 and its F test is infinite");
        }
        double icc = (msb - msw) / (msb + msw);
        double f;
        double df1;
        double df2;
        if (icc >= 0) {
            f = msb / msw;
            df1 = n - 1;
            df2 = n;
        } else {
            f = msw / msb;
            df1 = n;
            df2 = n - 1;
        }
        double rp = 2 * cross / ssTotal;
        double z = rp * Math.sqrt(n);
        double msbOriginal = Math.scalb(msb, 2 * e);
        double mswOriginal = Math.scalb(msw, 2 * e);
        if (meanSquares && (!Double.isFinite(msbOriginal) || !Double.isFinite(mswOriginal))) {
            throw new AnalysisException(Reason.OVERFLOW, variable + ": the mean squares of the intraclass "
                    + "correlation exceed the range of double precision (values beyond about 1e154 in absolute "
                    + "value); divide the variable by a power of ten (the correlations do not change) or check "
                    + "the data for a wrong cell");
        }
        return new IndistinguishableNonindependence(variable, n, icc, msbOriginal, mswOriginal, f, df1, df2,
                Stats.fTwoTailed(f, df1, df2), rp, z, Stats.zTwoTailed(z), Samples.pairs(data, variable));
    }

    static double[] present(double[] x) {
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        double[] out = new double[n];
        int k = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                out[k++] = v;
            }
        }
        return out;
    }
}
