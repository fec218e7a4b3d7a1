package org.dyadkit.nonindependence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import org.dyadkit.dyad.Sample;
import org.dyadkit.AnalysisException;
import org.dyadkit.dyad.DyadicData;

/**
 * Within-person and cross-partner correlations of a set of variables: the table a couple study prints when
 * it relates one partner's report to the other's (for example self-reported self-compassion with the
 * partner's report of caring, control and acceptance).
 *
 * <pre>{@code
 * CrossPartnerCorrelations table = CrossPartner.of(couples).withVariables(List.of("self_compassion", "caring")).fit();
 * }</pre>
 *
 * <p>Missing values: distinguishable correlations each use the dyads where their two values are present;
 * the Griffin-Gonzalez statistics of a pair use the dyads with all four values. The count used is in each
 * row. Degenerate data raise a named {@link AnalysisException} (TOO_FEW_DYADS, NO_VARIANCE, BOUNDARY).
 */
public final class CrossPartner<R extends CrossPartnerCorrelations> {
    private final DyadicData data;
    private final List<String> variables;
    private final java.util.function.BiFunction<DyadicData, List<String>, R> table;

    private CrossPartner(DyadicData data, List<String> variables,
            java.util.function.BiFunction<DyadicData, List<String>, R> table) {
        this.data = java.util.Objects.requireNonNull(data);
        this.variables = variables;
        this.table = table;
    }

    /**
     * The table matching the data: {@link #distinguishable} when the dyads have roles, else
     * {@link #exchangeable}.
     */
    public static CrossPartner<CrossPartnerCorrelations> of(DyadicData data) {
        return new CrossPartner<>(data, List.of(), (d, v) -> d.distinguishable() ? distinguishableOf(d, v)
                : exchangeableOf(d, v));
    }

    /**
     * Partner, within-person and cross-partner Pearson correlations with t tests and Fisher-z intervals.
     *
     * @throws IllegalArgumentException when the dyads have no roles
     */
    public static CrossPartner<DistinguishableCorrelations> distinguishable(DyadicData data) {
        if (!data.distinguishable()) {
            throw new IllegalArgumentException("the dyads have no roles; use exchangeable()");
        }
        return new CrossPartner<>(data, List.of(), CrossPartner::distinguishableOf);
    }

    /** Griffin-Gonzalez correlations of indistinguishable dyads (see {@link ExchangeableRow}); roles are ignored. */
    public static CrossPartner<ExchangeableCorrelations> exchangeable(DyadicData data) {
        return new CrossPartner<>(data, List.of(), CrossPartner::exchangeableOf);
    }

    /** The variables of the table, in order. */
    public CrossPartner<R> withVariables(List<String> names) {
        return new CrossPartner<>(data, List.copyOf(names), table);
    }

    /**
     * Computes the table.
     *
     * @throws IllegalArgumentException for an empty or repeated variable list
     * @throws org.dyadkit.InputException when a variable is absent or not numeric
     * @throws AnalysisException for degenerate data
     */
    public R fit() {
        return table.apply(data, variables);
    }

    @Override
    public String toString() {
        return "CrossPartner[" + variables + ", " + data + "]";
    }

    private static void check(DyadicData data, List<String> variables) {
        if (variables.isEmpty() || new LinkedHashSet<>(variables).size() != variables.size()) {
            throw new IllegalArgumentException("give one or more different variables; got " + variables);
        }
        variables.forEach(data::requireVariable);
    }

    /**
     * Partner, within-person and cross-partner Pearson correlations with t tests and Fisher-z intervals.
     *
     * @throws IllegalArgumentException when the dyads have no roles, or for an empty or repeated variable list
     */
    static DistinguishableCorrelations distinguishableOf(DyadicData data, List<String> variables) {
        if (!data.distinguishable()) {
            throw new IllegalArgumentException("the dyads have no roles; use exchangeable()");
        }
        check(data, variables);
        List<String> roles = data.roles();
        List<CorrelationRow> rows = new ArrayList<>();
        for (String x : variables) {
            rows.add(row(data, x, 1, x, 2, CorrelationType.CROSS_PARTNER));
        }
        for (int i = 0; i < variables.size(); i++) {
            for (int j = i + 1; j < variables.size(); j++) {
                String x = variables.get(i);
                String y = variables.get(j);
                rows.add(row(data, x, 1, y, 1, CorrelationType.WITHIN_PERSON));
                rows.add(row(data, x, 2, y, 2, CorrelationType.WITHIN_PERSON));
                rows.add(row(data, x, 1, y, 2, CorrelationType.CROSS_PARTNER));
                rows.add(row(data, x, 2, y, 1, CorrelationType.CROSS_PARTNER));
            }
        }
        return new DistinguishableCorrelations(variables, roles, rows, Samples.correlations(data, variables));
    }

    private static CorrelationRow row(DyadicData data, String x, int px, String y, int py, CorrelationType type) {
        String xRole = data.roles().get(px - 1);
        String yRole = data.roles().get(py - 1);
        String xName = x + " (" + xRole + ")";
        String yName = y + " (" + yRole + ")";
        PearsonTest t = PearsonTest.of(data.values(x, px), data.values(y, py), xName, yName, xName + " with " + yName);
        return new CorrelationRow(x, xRole, y, yRole, type, t.n(), t.r(), t.ciLower(), t.ciUpper(), t.t(), t.df(),
                t.p());
    }

    /**
     * Griffin-Gonzalez intraclass, overall, cross-intraclass, individual- and dyad-level correlations
     * (see {@link ExchangeableRow}). Roles, if any, are ignored.
     *
     * @throws IllegalArgumentException for an empty or repeated variable list
     */
    static ExchangeableCorrelations exchangeableOf(DyadicData data, List<String> variables) {
        check(data, variables);
        List<IntraclassRow> intraclass = new ArrayList<>();
        for (String v : variables) {
            IndistinguishableNonindependence ni = Nonindependence.indistinguishableOf(data, v, false);
            intraclass.add(new IntraclassRow(v, ni.nDyads(), ni.pairwiseR(), ni.z(), ni.pairwiseP()));
        }
        List<ExchangeableRow> pairs = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            for (int j = i + 1; j < variables.size(); j++) {
                pairs.add(pair(data, variables.get(i), variables.get(j)));
            }
        }
        return new ExchangeableCorrelations(variables, intraclass, pairs, Samples.correlations(data, variables));
    }

    private static ExchangeableRow pair(DyadicData data, String x, String y) {
        // every statistic of the pair is scale-free: each variable is scaled by a power of two (exact) so
        // that no square overflows
        double[] x1 = data.values(x, 1);
        double[] x2 = data.values(x, 2);
        double[] y1 = data.values(y, 1);
        double[] y2 = data.values(y, 2);
        int ex = Stats.exponent(x1, x2);
        int ey = Stats.exponent(y1, y2);
        x1 = Stats.scaled(x1, ex);
        x2 = Stats.scaled(x2, ex);
        y1 = Stats.scaled(y1, ey);
        y2 = Stats.scaled(y2, ey);
        int n = 0;
        for (int i = 0; i < x1.length; i++) {
            if (!Double.isNaN(x1[i]) && !Double.isNaN(x2[i]) && !Double.isNaN(y1[i]) && !Double.isNaN(y2[i])) {
                n++;
            }
        }
        String what = x + " with " + y;
        if (n < 3) {
            throw Stats.tooFew(what, n);
        }
        double[] a1 = new double[n];
        double[] a2 = new double[n];
        double[] b1 = new double[n];
        double[] b2 = new double[n];
        double[] xs = new double[2 * n];
        double[] ys = new double[2 * n];
        for (int i = 0, k = 0; i < x1.length; i++) {
            if (!Double.isNaN(x1[i]) && !Double.isNaN(x2[i]) && !Double.isNaN(y1[i]) && !Double.isNaN(y2[i])) {
                a1[k] = x1[i];
                a2[k] = x2[i];
                b1[k] = y1[i];
                b2[k] = y2[i];
                xs[2 * k] = x1[i];
                xs[2 * k + 1] = x2[i];
                ys[2 * k] = y1[i];
                ys[2 * k + 1] = y2[i];
                k++;
            }
        }
        double mx = Stats.mean(xs);
        double my = Stats.mean(ys);
        double ssx = Stats.ss(xs, mx);
        double ssy = Stats.ss(ys, my);
        if (!(ssx > 0)) {
            throw Stats.noVariance(x, n);
        }
        if (!(ssy > 0)) {
            throw Stats.noVariance(y, n);
        }
        double cxx = 0;
        double cyy = 0;
        double cxy = 0;
        double cxyp = 0;
        for (int k = 0; k < n; k++) {
            double u1 = a1[k] - mx;
            double u2 = a2[k] - mx;
            double v1 = b1[k] - my;
            double v2 = b2[k] - my;
            cxx += 2 * u1 * u2;
            cyy += 2 * v1 * v2;
            cxy += u1 * v1 + u2 * v2;
            cxyp += u1 * v2 + u2 * v1;
        }
        double rxx = cxx / ssx;
        double ryy = cyy / ssy;
        double root = Math.sqrt(ssx * ssy);
        double rxy = cxy / root;
        double rxyp = cxyp / root;
        if (Math.abs(rxy) >= 1 - 1e-12) {
            throw new AnalysisException(AnalysisException.Reason.BOUNDARY, what + ": the overall correlation is "
                    + (rxy > 0 ? "+1" : "-1") + " (one variable is a linear function of the other for every person), "
                    + "so the individual-level correlation and its test are undefined; check for a duplicated or "
                    + "derived variable");
        }
        if (Math.abs(rxx) >= 1 || Math.abs(ryy) >= 1) {
            throw new AnalysisException(AnalysisException.Reason.BOUNDARY, what + ": an intraclass correlation is "
                    + "+-1 (" + (Math.abs(rxx) >= 1 ? x : y) + "), so the Griffin-Gonzalez tests are undefined");
        }
        double nStar = 2.0 * n / (1 + rxx * ryy + rxyp * rxyp);
        double nStarCross = 2.0 * n / (1 + rxx * ryy + rxy * rxy);
        double zOverall = rxy * Math.sqrt(nStar);
        double zCross = rxyp * Math.sqrt(nStarCross);
        double ind = (rxy - rxyp) / Math.sqrt((1 - rxx) * (1 - ryy));
        OptionalDouble tInd = OptionalDouble.empty();
        OptionalDouble pInd = OptionalDouble.empty();
        if (Math.abs(ind) < 1) {
            double t = ind * Math.sqrt(n - 1.0) / Math.sqrt(1 - ind * ind);
            tInd = OptionalDouble.of(t);
            pInd = OptionalDouble.of(Stats.tTwoTailed(t, n - 1.0));
        }
        OptionalDouble dyadR = OptionalDouble.empty();
        OptionalDouble dyadZ = OptionalDouble.empty();
        OptionalDouble dyadP = OptionalDouble.empty();
        if (rxx > 0 && ryy > 0) {
            double r = rxyp / Math.sqrt(rxx * ryy);
            double z = r * Math.sqrt(nStarCross * rxx * ryy);
            dyadR = OptionalDouble.of(r);
            dyadZ = OptionalDouble.of(z);
            dyadP = OptionalDouble.of(Stats.zTwoTailed(z));
        }
        return new ExchangeableRow(x, y, n, rxx, ryy, rxy, zOverall, Stats.zTwoTailed(zOverall), rxyp, zCross,
                Stats.zTwoTailed(zCross), ind, tInd, n - 1.0, pInd, dyadR, dyadZ, dyadP);
    }
}
