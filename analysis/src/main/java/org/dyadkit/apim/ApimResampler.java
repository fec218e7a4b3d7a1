package org.dyadkit.apim;

import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;

/**
 * Refits of one APIM on reweighted dyads, for dyadkit's own resampling loops (the dyad bootstrap of the APIMeM;
 * analyses use {@link Apim#fit()}): a dyad drawn w times counts w times, as in a resample that holds w copies of
 * it (Efron and Tibshirani 1993, ch. 6; the same weighting as the k bootstrap of {@link Apim#withBootstrap}).
 *
 * <p>The design is built, checked and standardised once ({@link Apim#resampler()}); a refit sums the weighted
 * cross products, repeats the checks of {@link Apim#fit()} on the drawn persons (at least two dyads and more
 * persons than fixed effects, each role at least twice, no outcome or term without variance, no collinear
 * columns, the df convention defined) and solves the GLS: by the closed form where it applies (Zyskind's
 * condition on complete dyads), else by Newton's method from the full-data estimate, falling back to the full
 * search. It returns the coefficients only (original scale, the order of {@link ApimFit#coefficients()}): no
 * standard errors, variance intervals, pseudo-R2 or k, which a bootstrap of the coefficients does not use.
 *
 * <p>Immutable and safe to share between threads. A degenerate resample raises {@link AnalysisException} with
 * the reason {@link Apim#fit()} would give.
 */
public final class ApimResampler {
    private final Design design;
    private final double[] rawX;
    private final int[] blockDyad;
    private final GlsEngine.ClosedFormPlan plan;
    private final GlsEngine.Estimate full;
    private final boolean reml;
    private final boolean distinguishable;
    private final DfMethod dfMethod;
    private final boolean iterativeOnly;
    private final int nDyads;
    private final int[] checkedColumns;
    private final int[] checkedRole;
    private final boolean fullComplete;
    private final CrossProducts.Rows rows;
    // per dyad block of the design, for check: persons, persons per role, outcome range, and the range of
    // each checked column over the block's members of its role (+inf / -inf when none)
    private final int[] blockPersons;
    private final int[][] blockPerRole;
    private final double[] blockYmin;
    private final double[] blockYmax;
    private final double[][] blockMin;
    private final double[][] blockMax;
    private final int withinColumns;

    ApimResampler(Design design, double[] rawX, int[] blockDyad, int nDyads, GlsEngine.ClosedFormPlan plan,
            GlsEngine.Estimate full, boolean reml, boolean distinguishable, DfMethod dfMethod, boolean iterativeOnly) {
        this.design = design;
        this.rawX = rawX;
        this.blockDyad = blockDyad;
        this.nDyads = nDyads;
        this.plan = plan;
        this.full = full;
        this.reml = reml;
        this.distinguishable = distinguishable;
        this.dfMethod = dfMethod;
        this.iterativeOnly = iterativeOnly;
        boolean complete = true;
        for (int[] b : design.dyads) {
            complete &= b.length == 2;
        }
        this.fullComplete = complete;
        int[] cols = new int[design.p];
        int k = 0;
        for (int c = 0; c < design.p; c++) {
            if (!design.terms.get(design.columns.get(c).term()).factors().isEmpty()) {
                cols[k++] = c;
            }
        }
        this.checkedColumns = java.util.Arrays.copyOf(cols, k);
        this.checkedRole = new int[k];
        for (int i = 0; i < k; i++) {
            checkedRole[i] = design.columns.get(checkedColumns[i]).roleDummy();
        }
        this.rows = new CrossProducts.Rows(design);
        int nb = design.dyads.length;
        int p = design.p;
        blockPersons = new int[nb];
        blockPerRole = new int[nb][2];
        blockYmin = new double[nb];
        blockYmax = new double[nb];
        blockMin = new double[nb][k];
        blockMax = new double[nb][k];
        for (int g = 0; g < nb; g++) {
            double ymin = Double.POSITIVE_INFINITY;
            double ymax = Double.NEGATIVE_INFINITY;
            double[] min = blockMin[g];
            double[] max = blockMax[g];
            java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
            for (int i : design.dyads[g]) {
                blockPersons[g]++;
                blockPerRole[g][design.role[i]]++;
                ymin = Math.min(ymin, design.y[i]);
                ymax = Math.max(ymax, design.y[i]);
                for (int c = 0; c < k; c++) {
                    int rd = checkedRole[c];
                    if (rd >= 0 && design.role[i] != rd) {
                        continue;
                    }
                    double v = rawX[i * p + checkedColumns[c]];
                    min[c] = Math.min(min[c], v);
                    max[c] = Math.max(max[c], v);
                }
            }
            blockYmin[g] = ymin;
            blockYmax[g] = ymax;
        }
        int pw = 0;
        for (boolean b : design.within) {
            pw += b ? 1 : 0;
        }
        this.withinColumns = pw;
    }

    /** Number of fixed effects (the length of {@link #coefficients}). */
    public int parameters() {
        return design.p;
    }

    /** Number of dyads of the data the weights are indexed by. */
    public int dyads() {
        return nDyads;
    }

    /**
     * The coefficients with each dyad of the data weighted by how often it is drawn.
     *
     * @param dyadWeights one non-negative count per dyad of the data ({@code DyadArrays.dyadIndex} order)
     * @throws AnalysisException for a degenerate resample (the reasons of {@link Apim#fit()})
     */
    public double[] coefficients(int[] dyadWeights) {
        if (dyadWeights.length != nDyads) {
            throw new IllegalArgumentException(dyadWeights.length + " weights for " + nDyads + " dyads");
        }
        Design d = design;
        int[] w = new int[d.dyads.length];
        for (int g = 0; g < w.length; g++) {
            w[g] = dyadWeights[blockDyad[g]];
        }
        check(w);
        CrossProducts cp = CrossProducts.of(d, w, rows);
        checkRank(cp);
        GlsEngine.ClosedFormPlan pl = plan;
        if (!iterativeOnly && !fullComplete && cp.complete()) {
            // the data have singles, this resample drew none: Apim.fit would try the closed form on it
            pl = GlsEngine.plan(cp, distinguishable);
        }
        GlsEngine.Estimate e = GlsEngine.fit(cp, reml, distinguishable, iterativeOnly ? null : pl, full);
        if (dfMethod == DfMethod.SATTERTHWAITE) {
            Satterthwaite.df(cp, reml, e, distinguishable, d.transform);
        }
        return d.toOriginal(e.eval().beta);
    }

    /**
     * {@link Design#check} on the drawn persons (before standardising: {@link #rawX}), from the per-block
     * counts and ranges built once (a minimum of minima is the minimum: the same checks as over the persons).
     */
    private void check(int[] w) {
        Design d = design;
        int p = d.p;
        long blocks = 0;
        long persons = 0;
        long role0 = 0;
        long role1 = 0;
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        int nc = checkedColumns.length;
        double[] min = new double[nc];
        double[] max = new double[nc];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int g = 0; g < w.length; g++) {
            int wg = w[g];
            if (wg == 0) {
                continue;
            }
            blocks += wg;
            persons += (long) wg * blockPersons[g];
            role0 += (long) wg * blockPerRole[g][0];
            role1 += (long) wg * blockPerRole[g][1];
            ymin = Math.min(ymin, blockYmin[g]);
            ymax = Math.max(ymax, blockYmax[g]);
            double[] bmin = blockMin[g];
            double[] bmax = blockMax[g];
            for (int k = 0; k < nc; k++) {
                min[k] = Math.min(min[k], bmin[k]);
                max[k] = Math.max(max[k], bmax[k]);
            }
        }
        if (blocks < 2 || persons <= p) {
            throw new AnalysisException(Reason.TOO_FEW_DYADS, "the resample has too few dyads or persons for "
                    + p + " fixed effects");
        }
        if (ymin == ymax) {
            throw new AnalysisException(Reason.NO_VARIANCE, "the outcome has no variance in the resample");
        }
        if (distinguishable && (role0 < 2 || role1 < 2)) {
            throw new AnalysisException(Reason.TOO_FEW_DYADS, "a role has fewer than two persons in the resample");
        }
        for (int k = 0; k < nc; k++) {
            if (min[k] == max[k]) {
                throw new AnalysisException(Reason.NO_VARIANCE, "the term " + d.columns.get(checkedColumns[k]).name()
                        + " has no variance in the resample");
            }
        }
        if (dfMethod == DfMethod.BETWEEN_WITHIN) {
            int pw = withinColumns;
            if (persons - blocks - pw < 1 || blocks - (p - pw) < 1) {
                throw new AnalysisException(Reason.TOO_FEW_DYADS, "between/within degrees of freedom are below 1 "
                        + "in the resample");
            }
        }
    }

    /**
     * {@link Design#checkRank} without its eigendecomposition when it cannot fail: with A the cross products
     * X'X scaled to unit diagonal, every eigenvalue is at least 1 / trace(A^-1) and at most trace(A) = p, so
     * trace(A^-1) below 1e10 / p means all eigenvalues exceed 1e-10 times the largest (the rank rule of
     * {@link GlsEngine#rank}); otherwise (or when A has no Cholesky factor) the rank is computed as there.
     */
    private void checkRank(CrossProducts c) {
        int p = design.p;
        int q = c.q;
        double[] a = new double[p * p];
        double[] s = new double[p];
        for (int i = 0; i < p; i++) {
            int ii = i * q + i;
            double v = c.s11[ii] + c.s22[ii] + c.t0[ii] + c.t1[ii];
            s[i] = v > 0 ? 1 / Math.sqrt(v) : 0;
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                int ij = i * q + j;
                a[i * p + j] = (c.s11[ij] + c.s22[ij] + c.t0[ij] + c.t1[ij]) * s[i] * s[j];
            }
        }
        double[] l = GlsEngine.cholesky(a, p, p);
        if (l != null && traceOfInverse(l, p) < 1e10 / p) {
            return;
        }
        design.checkRank(c);
    }

    /** trace((L L')^-1) = the squared Frobenius norm of L^-1. */
    private static double traceOfInverse(double[] l, int p) {
        double sum = 0;
        double[] col = new double[p];
        for (int j = 0; j < p; j++) {
            java.util.Arrays.fill(col, 0);
            for (int i = j; i < p; i++) {
                double v = i == j ? 1 : 0;
                for (int k = j; k < i; k++) {
                    v -= l[i * p + k] * col[k];
                }
                col[i] = v / l[i * p + i];
                sum += col[i] * col[i];
            }
        }
        return sum;
    }
}
