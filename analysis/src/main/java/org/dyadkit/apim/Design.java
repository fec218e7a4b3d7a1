package org.dyadkit.apim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dyadkit.dyad.DyadArrays;
import org.dyadkit.dyad.ExclusionReason;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;

/**
 * The person-level design of an APIM: outcome, fixed-effect columns, role index and dyad blocks, for the
 * persons who enter the model (own outcome, own and partner's predictor values present, role known).
 */
final class Design {
    /** One factor of a term: a variable, the person's own value or the partner's. */
    record Factor(String variable, boolean partner) {
    }

    /** A model term: the product of its factors (empty for the intercept). */
    record Term(String name, List<Factor> factors) {
    }

    /** A column: a base term, alone, times a role dummy (two-intercept) or times the role effect code. */
    record Column(String name, int term, int roleDummy, boolean roleEffect) {
    }

    final List<Term> terms;
    final List<Column> columns;
    final int p;
    final int n;
    final double[] y;
    final double[] x;
    final int[] role;
    final int[] person;
    final int[][] dyads;
    final boolean distinguishable;
    final Parameterisation parameterisation;
    final List<String> roles;
    /** beta (original columns) = transform * beta (standardised columns); identity until {@link #standardise()}. */
    double[] transform;
    /** sum of log d_j of the column scaling (the REML log|X'V^-1X| term shifts by -2 times this). */
    double logScale;
    /** Whether each original column varies within some complete dyad (fixed before standardising). */
    boolean[] within;

    private Design(List<Term> terms, List<Column> columns, double[] y, double[] x, int[] role, int[] person,
            int[][] dyads, boolean distinguishable, Parameterisation parameterisation, List<String> roles) {
        this.terms = terms;
        this.columns = columns;
        this.p = columns.size();
        this.n = y.length;
        this.y = y;
        this.x = x;
        this.role = role;
        this.person = person;
        this.dyads = dyads;
        this.distinguishable = distinguishable;
        this.parameterisation = parameterisation;
        this.roles = roles;
        this.transform = new double[p * p];
        for (int i = 0; i < p; i++) {
            transform[i * p + i] = 1;
        }
        this.within = withinDyad();
    }

    /**
     * Centres every non-intercept column on the intercept columns (OLS residual on them: the mean, or the
     * role means in distinguishable models) and scales it to unit root mean square, in place: X~ = X T D.
     * The fit is invariant to this reparameterisation; it only keeps the cross-product matrices well
     * conditioned (for example with predictors far from zero). beta = T D beta~.
     */
    void standardise() {
        int[] ic = interceptColumns();
        int k = ic.length;
        boolean[] isIc = new boolean[p];
        for (int c : ic) {
            isIc[c] = true;
        }
        double[] g = new double[k * k];
        for (int r = 0; r < n; r++) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    g[a * k + b] += x[r * p + ic[a]] * x[r * p + ic[b]];
                }
            }
        }
        double[] lg = k > 0 ? GlsEngine.cholesky(g, k, k) : null;
        double[] m = new double[p * p];
        for (int c : ic) {
            m[c * p + c] = 1;
        }
        logScale = 0;
        for (int j = 0; j < p; j++) {
            if (isIc[j]) {
                continue;
            }
            double[] gamma = new double[k];
            if (lg != null) {
                double[] xty = new double[k];
                for (int r = 0; r < n; r++) {
                    double v = x[r * p + j];
                    for (int a = 0; a < k; a++) {
                        xty[a] += x[r * p + ic[a]] * v;
                    }
                }
                gamma = GlsEngine.cholSolve(lg, k, xty);
            }
            double big = 0;
            for (int r = 0; r < n; r++) {
                double v = x[r * p + j];
                for (int a = 0; a < k; a++) {
                    v -= x[r * p + ic[a]] * gamma[a];
                }
                x[r * p + j] = v;
                big = Math.max(big, Math.abs(v));
            }
            // the root mean square with the values first divided by the largest, so that squares of values
            // beyond 1e154 do not overflow (Higham 2002, section 2.1 on scaling)
            double ss = 0;
            double unit = big > 0 && Double.isFinite(big) ? big : 1;
            for (int r = 0; r < n; r++) {
                double v = x[r * p + j] / unit;
                ss += v * v;
            }
            double rms = unit * Math.sqrt(ss / n);
            double d = rms > 0 && Double.isFinite(rms) ? 1 / rms : 1;
            for (int r = 0; r < n; r++) {
                x[r * p + j] *= d;
            }
            logScale += Math.log(d);
            m[j * p + j] = d;
            for (int a = 0; a < k; a++) {
                m[ic[a] * p + j] = -gamma[a] * d;
            }
        }
        transform = m;
    }

    /** transform * v. */
    double[] toOriginal(double[] v) {
        double[] out = new double[p];
        for (int i = 0; i < p; i++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += transform[i * p + j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** transform' * l: a contrast on the original coefficients as one on the standardised ones. */
    double[] toStandardisedContrast(double[] l) {
        double[] out = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int i = 0; i < p; i++) {
                s += transform[i * p + j] * l[i];
            }
            out[j] = s;
        }
        return out;
    }

    void augmented(int i, double[] z) {
        System.arraycopy(x, i * p, z, 0, p);
        z[p] = y[i];
    }

    /**
     * Why each person cannot enter the model ({@code null} = enters): the role (distinguishable dyads), the
     * outcome, then each factor of each term in term order (own values before the partner's); a missing
     * partner is {@link ExclusionReason#ONLY_MEMBER}; a score the scorer left missing by its rule is
     * {@link ExclusionReason#SCORE_MISSING_UNDER_RULE}.
     */
    static ExclusionReason[] eligible(DyadArrays data, String outcome, List<Term> terms, boolean distinguishable,
            List<String> roles, List<String> predictors) {
        int n = data.persons();
        ExclusionReason[] why = new ExclusionReason[n];
        double[] yv = data.values(outcome);
        List<Factor> all = new ArrayList<>();
        for (Term t : terms) {
            all.addAll(t.factors());
        }
        Map<String, double[]> vals = new LinkedHashMap<>();
        for (Factor f : all) {
            vals.computeIfAbsent(f.variable(), data::values);
        }
        for (int i = 0; i < n; i++) {
            if (distinguishable) {
                String r = data.role(i);
                if (r == null || !roles.contains(r)) {
                    why[i] = ExclusionReason.MISSING_ROLE;
                    continue;
                }
            }
            if (Double.isNaN(yv[i])) {
                why[i] = data.missing(i, outcome, ExclusionReason.MISSING_OUTCOME);
                continue;
            }
            for (Factor f : all) {
                if (f.partner()) {
                    continue;
                }
                if (Double.isNaN(vals.get(f.variable())[i])) {
                    why[i] = data.missing(i, f.variable(), predictors.contains(f.variable())
                            ? ExclusionReason.MISSING_PREDICTOR : ExclusionReason.MISSING_COVARIATE);
                    break;
                }
            }
            if (why[i] != null) {
                continue;
            }
            int j = data.partner(i);
            for (Factor f : all) {
                if (!f.partner()) {
                    continue;
                }
                if (j < 0) {
                    why[i] = ExclusionReason.ONLY_MEMBER;
                    break;
                }
                if (Double.isNaN(vals.get(f.variable())[j])) {
                    why[i] = data.missing(j, f.variable(), ExclusionReason.MISSING_PARTNER_PREDICTOR);
                    break;
                }
            }
        }
        return why;
    }

    /** Whether each person enters the model ({@code null} reason). */
    static boolean[] mask(ExclusionReason[] why) {
        boolean[] ok = new boolean[why.length];
        for (int i = 0; i < ok.length; i++) {
            ok[i] = why[i] == null;
        }
        return ok;
    }

    /** Builds the design for the persons marked eligible. */
    static Design build(DyadArrays data, String outcome, List<Term> terms, boolean distinguishable,
            Parameterisation par, List<String> roles, boolean[] eligible) {
        List<Column> cols = new ArrayList<>();
        if (!distinguishable) {
            for (int t = 0; t < terms.size(); t++) {
                cols.add(new Column(terms.get(t).name(), t, -1, false));
            }
        } else if (par == Parameterisation.TWO_INTERCEPT) {
            for (int t = 0; t < terms.size(); t++) {
                for (int r = 0; r < 2; r++) {
                    cols.add(new Column(terms.get(t).name() + ":" + roles.get(r), t, r, false));
                }
            }
        } else {
            for (int t = 0; t < terms.size(); t++) {
                cols.add(new Column(terms.get(t).name(), t, -1, false));
            }
            for (int t = 0; t < terms.size(); t++) {
                String nm = terms.get(t).factors().isEmpty() ? "role" : terms.get(t).name() + ":role";
                cols.add(new Column(nm, t, -1, true));
            }
        }
        int p = cols.size();
        Map<String, double[]> vals = new LinkedHashMap<>();
        for (Term t : terms) {
            for (Factor f : t.factors()) {
                vals.computeIfAbsent(f.variable(), data::values);
            }
        }
        double[] yv = data.values(outcome);
        int nAll = data.persons();
        int[] newIndex = new int[nAll];
        List<Integer> persons = new ArrayList<>();
        for (int i = 0; i < nAll; i++) {
            newIndex[i] = -1;
            if (eligible[i]) {
                newIndex[i] = persons.size();
                persons.add(i);
            }
        }
        int n = persons.size();
        double[] y = new double[n];
        double[] x = new double[n * p];
        int[] role = new int[n];
        int[] person = new int[n];
        int nt = terms.size();
        double[] termValue = new double[nt];
        double[][][] factorValues = new double[nt][][];
        boolean[][] factorPartner = new boolean[nt][];
        for (int t = 0; t < nt; t++) {
            List<Factor> fs = terms.get(t).factors();
            factorValues[t] = new double[fs.size()][];
            factorPartner[t] = new boolean[fs.size()];
            for (int f = 0; f < fs.size(); f++) {
                factorValues[t][f] = vals.get(fs.get(f).variable());
                factorPartner[t][f] = fs.get(f).partner();
            }
        }
        String role0 = distinguishable ? roles.get(0) : null;
        for (int k = 0; k < n; k++) {
            int i = persons.get(k);
            person[k] = i;
            y[k] = yv[i];
            role[k] = distinguishable ? (role0.equals(data.role(i)) ? 0 : 1) : 0;
            int pi = data.partner(i);
            for (int t = 0; t < nt; t++) {
                double v = 1;
                double[][] fv = factorValues[t];
                for (int f = 0; f < fv.length; f++) {
                    v *= fv[f][factorPartner[t][f] ? pi : i];
                }
                termValue[t] = v;
            }
            for (int c = 0; c < p; c++) {
                Column col = cols.get(c);
                double v = termValue[col.term()];
                if (col.roleDummy() >= 0) {
                    v = role[k] == col.roleDummy() ? v : 0;
                } else if (col.roleEffect()) {
                    v = role[k] == 0 ? v : -v;
                }
                x[k * p + c] = v;
            }
        }
        // dyad blocks: first appearance order of dyads; complete dyads with the role-0 member first
        List<int[]> blocks = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = persons.get(k);
            int j = data.partner(i);
            int kj = j >= 0 ? newIndex[j] : -1;
            if (kj < 0) {
                blocks.add(new int[] {k});
            } else if (kj > k) {
                blocks.add(role[k] <= role[kj] ? new int[] {k, kj} : new int[] {kj, k});
            }
        }
        return new Design(List.copyOf(terms), List.copyOf(cols), y, x, role, person,
                blocks.toArray(new int[0][]), distinguishable, par, roles);
    }

    /** The columns of the intercept term (intercept, role dummies or the role effect). */
    int[] interceptColumns() {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < p; c++) {
            if (terms.get(columns.get(c).term()).factors().isEmpty()) {
                out.add(c);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Column names. */
    String[] names() {
        String[] s = new String[p];
        for (int c = 0; c < p; c++) {
            s[c] = columns.get(c).name();
        }
        return s;
    }

    /** The role label a column belongs to (two-intercept), or null. */
    String columnRole(int c) {
        int r = columns.get(c).roleDummy();
        return r >= 0 ? roles.get(r) : null;
    }

    /**
     * The contrast L with L beta = the effect of base term {@code t} for members of role {@code r}
     * (r ignored for indistinguishable dyads).
     */
    double[] contrast(int t, int r) {
        double[] l = new double[p];
        for (int c = 0; c < p; c++) {
            Column col = columns.get(c);
            if (col.term() != t) {
                continue;
            }
            if (!distinguishable) {
                l[c] = 1;
            } else if (col.roleDummy() >= 0) {
                l[c] = col.roleDummy() == r ? 1 : 0;
            } else if (col.roleEffect()) {
                l[c] = r == 0 ? 1 : -1;
            } else {
                l[c] = 1;
            }
        }
        return l;
    }

    int termIndex(String name) {
        for (int t = 0; t < terms.size(); t++) {
            if (terms.get(t).name().equals(name)) {
                return t;
            }
        }
        return -1;
    }

    /** Whether column c takes different values for the two members of some complete dyad. */
    boolean[] withinDyad() {
        boolean[] w = new boolean[p];
        for (int[] d : dyads) {
            if (d.length < 2) {
                continue;
            }
            for (int c = 0; c < p; c++) {
                double a = x[d[0] * p + c];
                double b = x[d[1] * p + c];
                if (Math.abs(a - b) > 1e-12 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)))) {
                    w[c] = true;
                }
            }
        }
        return w;
    }

    /**
     * Checks the design for the named degenerate cases: too few persons or dyads, a column without
     * variance, collinear columns.
     */
    /**
     * Refuses cross products that overflowed: a value whose square exceeds the double range (about 1e154 in
     * absolute value, after predictors are centred and scaled) in the outcome or in a product term.
     */
    void checkFinite(CrossProducts c) {
        int q = c.q;
        for (int j = 0; j < q; j++) {
            int jj = j * q + j;
            double d = c.s11[jj] + c.s22[jj] + c.t0[jj] + c.t1[jj];
            if (!Double.isFinite(d)) {
                double big = 0;
                for (int r = 0; r < n; r++) {
                    big = Math.max(big, Math.abs(j == p ? y[r] : x[r * p + j]));
                }
                String what = j == p ? "the outcome" : "the term " + columns.get(j).name();
                throw new AnalysisException(Reason.OVERFLOW, String.format(java.util.Locale.ROOT,
                        "%s has values as large as %.3g in absolute value, whose squares exceed the range of "
                                + "double precision; divide the variable by a power of ten (for example 1e100) "
                                + "and fit again (the estimates scale with it) or check the data for a wrong cell",
                        what, big));
            }
        }
    }

    void check(String outcome) {
        if (dyads.length < 2) {
            throw new AnalysisException(Reason.TOO_FEW_DYADS, dyads.length + " dyad(s) enter the model; an "
                    + "APIM needs at least two dyads (and more persons than fixed effects)");
        }
        if (n <= p) {
            throw new AnalysisException(Reason.TOO_FEW_DYADS, n + " persons enter the model for " + p
                    + " fixed effects; the model needs more persons than fixed effects");
        }
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            ymin = Math.min(ymin, v);
            ymax = Math.max(ymax, v);
        }
        if (ymin == ymax) {
            throw new AnalysisException(Reason.NO_VARIANCE, "the outcome " + outcome + " has the same value ("
                    + ymin + ") for every person in the model");
        }
        if (distinguishable) {
            int[] count = new int[2];
            for (int r : role) {
                count[r]++;
            }
            for (int r = 0; r < 2; r++) {
                if (count[r] < 2) {
                    throw new AnalysisException(Reason.TOO_FEW_DYADS, count[r] + " person(s) with the role "
                            + roles.get(r) + " enter the model; each role needs at least two");
                }
            }
        }
        // a non-intercept column without variance (among the persons its role covers)
        for (int c = 0; c < p; c++) {
            Column col = columns.get(c);
            if (terms.get(col.term()).factors().isEmpty()) {
                continue;
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                if (col.roleDummy() >= 0 && role[k] != col.roleDummy()) {
                    continue;
                }
                double v = x[k * p + c];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (min == max) {
                throw new AnalysisException(Reason.NO_VARIANCE, "the term " + col.name() + " has the same value ("
                        + min + ") for every person in the model" + (col.roleDummy() >= 0 ? " with that role" : "")
                        + "; drop it or check the data");
            }
        }
    }

    /** Throws SINGULAR_DESIGN when the columns are collinear (rank of X'X below p, from the cross products). */
    void checkRank(CrossProducts c) {
        checkFinite(c);
        int q = c.q;
        double[] xtx = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                int ij = i * q + j;
                xtx[i * p + j] = c.s11[ij] + c.s22[ij] + c.t0[ij] + c.t1[ij];
            }
        }
        int rank = GlsEngine.rank(xtx, p);
        if (rank < p) {
            throw new AnalysisException(Reason.SINGULAR_DESIGN, "the fixed-effect columns "
                    + String.join(", ", names()) + " are collinear (the design matrix has rank " + rank + " < " + p
                    + "); drop a predictor that is a combination of others");
        }
    }
}
