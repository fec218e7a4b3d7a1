package org.dyadkit.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;

/**
 * McDonald's omega total and, for multi-factor instruments, omega hierarchical by the Schmid-Leiman
 * transformation, computed as {@code psych::omega} (psych 2.2.9, fm = "minres", rotate = "oblimin") on the
 * keyed answers.
 *
 * <p>Steps for k factors: minres loadings of the correlation matrix, varimax, oblimin (quartimin); a
 * one-factor minres solution of the factor correlations gives each group factor's loading on the general
 * factor (with two group factors psych's "equal" option: both {@code sqrt|phi12|}); general loadings are
 * pattern x those; group loadings are {@code pattern * sqrt(1 - gload^2)} (Schmid and Leiman, 1957,
 * Psychometrika 22, 53-61). The communalities and hence omega total do not depend on the rotation.
 */
public final class Omega {
    private Omega() {
    }

    /**
     * Omega total from a one-factor minres solution ({@code psych::omega(x, nfactors = 1)$omega.tot}).
     *
     * @throws AnalysisException UNDEFINED for fewer than three items, TOO_FEW_OBSERVATIONS for fewer than three
     *     respondents, NO_VARIANCE, SINGULAR_DESIGN for a correlation matrix that is not positive definite,
     *     NO_CONVERGENCE when the fit fails
     */
    public static OmegaResult total(ItemSet items, MissingData missing) {
        return fit(items, 1, missing);
    }

    /**
     * Omega hierarchical and omega total from a Schmid-Leiman solution with the given number of group
     * factors (an instrument's number of subscales).
     *
     * @throws AnalysisException as {@link #total}, and UNDEFINED for fewer than two factors or at least as
     *     many factors as items
     */
    public static OmegaResult hierarchical(ItemSet items, int factors, MissingData missing) {
        if (factors < 2) {
            throw new AnalysisException(Reason.UNDEFINED, "omega hierarchical needs at least 2 group factors; "
                    + factors + " given; use omega total for a unidimensional scale");
        }
        return fit(items, factors, missing);
    }

    private static OmegaResult fit(ItemSet items, int nf, MissingData missing) {
        items.requireItems(3);
        if (nf >= items.itemCount()) {
            throw new AnalysisException(Reason.UNDEFINED, nf + " factors for " + items.itemCount()
                    + " items are too many; use fewer factors than items");
        }
        return fit(new RowData(items, missing), nf, missing);
    }

    /** Omega from a scale's moments (rows or streamed sums); the checks and steps of {@link #total}. */
    static OmegaResult fit(ScaleData d, int nf, MissingData missing) {
        ItemSet.requireItems(d.names(), 3);
        if (nf >= d.names().size()) {
            throw new AnalysisException(Reason.UNDEFINED, nf + " factors for " + d.names().size()
                    + " items are too many; use fewer factors than items");
        }
        int answering = d.answering();
        if (answering < 3) {
            throw new AnalysisException(Reason.TOO_FEW_OBSERVATIONS, "omega needs at least 3 respondents with answers; "
                    + answering + " found");
        }
        List<String> names = d.names();
        int p = names.size();
        int rows = d.rows();
        double[][] r = Moments.correlation(d);
        Moments.requirePositiveDefinite(r, names, "the factor analysis behind omega (its SMC start values)",
                missing);
        List<String> warnings = new ArrayList<>();
        Factoring.Minres fitted = Factoring.minres(r, nf);
        if (fitted.lineSearchFailed()) {
            warnings.add(lineSearchWarning("the minres fit with " + nf + " factor(s)"));
        }
        double[][] orth = fitted.loadings();
        double[][] fload;
        double[] gload;
        boolean obliminConverged = true;
        if (nf == 1) {
            fload = orth;
            gload = new double[] {1};
        } else {
            for (double[] row : orth) {
                for (int f = 0; f < nf; f++) {
                    if (row[f] == 0) {
                        row[f] = 1e-15;
                    }
                }
            }
            orth = Factoring.varimax(orth);
            signAndOrder(orth);
            Factoring.Oblique ob = Factoring.oblimin(orth);
            obliminConverged = ob.converged();
            fload = ob.loadings();
            double[][] phi = ob.phi();
            gload = new double[nf];
            if (nf == 2) {
                gload[0] = Math.sqrt(Math.abs(phi[0][1]));
                gload[1] = Math.signum(phi[0][1]) * Math.sqrt(Math.abs(phi[0][1]));
            } else {
                Moments.requirePositiveDefinite(phi, factorNames(nf), "the general factor of the factor correlations",
                        MissingData.LISTWISE);
                Factoring.Minres general = Factoring.minres(phi, 1);
                if (general.lineSearchFailed()) {
                    warnings.add(lineSearchWarning("the one-factor minres fit of the group factors' correlations"));
                }
                double[][] g = general.loadings();
                for (int f = 0; f < nf; f++) {
                    gload[f] = g[f][0];
                }
            }
        }
        double[] general = new double[p];
        double[] h2 = new double[p];
        double[][] group = new double[p][nf == 1 ? 0 : nf];
        for (int i = 0; i < p; i++) {
            for (int f = 0; f < nf; f++) {
                general[i] += fload[i][f] * gload[f];
                h2[i] += orth[i][f] * orth[i][f];
                if (nf > 1) {
                    double uniq2 = fload[i][f] * fload[i][f] - Math.pow(fload[i][f] * gload[f], 2);
                    group[i][f] = Math.signum(fload[i][f]) * Math.sqrt(Math.max(0, uniq2));
                }
            }
        }
        // psych::omega flips items with a negative general loading (flip = TRUE)
        double[] key = new double[p];
        List<String> flipped = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            key[i] = general[i] < 0 ? -1 : 1;
            if (key[i] < 0) {
                flipped.add(names.get(i));
                general[i] = -general[i];
                for (int f = 0; f < group[i].length; f++) {
                    group[i][f] = -group[i][f];
                }
            }
        }
        double[][] m = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                m[i][j] = key[i] * key[j] * r[i][j];
            }
        }
        double vt = Moments.sum(m);
        double uniq = 0;
        double sumG = 0;
        double evG = 0;
        for (int i = 0; i < p; i++) {
            uniq += 1 - h2[i];
            sumG += general[i];
            evG += general[i] * general[i];
        }
        double omegaTotal = (vt - uniq) / vt;
        if (nf == 2) {
            warnings.add("with two group factors the general factor is not identified; as psych's option \"equal\","
                    + " both group factors load sqrt(|phi12|) on it; three or more group factors are needed for a"
                    + " well-defined omega hierarchical");
        }
        if (!obliminConverged) {
            warnings.add("the oblimin rotation did not converge in 1000 iterations (GPArotation warns likewise and"
                    + " psych::omega uses the last rotation, as here); " + nf + " group factors may be too many for"
                    + " these items");
        }
        for (int i = 0; i < p; i++) {
            if (h2[i] > 1 - Factoring.MIN_UNIQUENESS - 1e-9) {
                warnings.add(String.format(java.util.Locale.ROOT, "Heywood case: item %s has communality %.4f"
                        + " (uniqueness at or below the bound of 0.005); omega is a boundary solution, less"
                        + " trustworthy, and may differ from psych's in the third decimal", names.get(i), h2[i]));
            }
        }
        List<Double> gl = new ArrayList<>();
        List<Double> comm = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            gl.add(general[i]);
            comm.add(h2[i]);
        }
        if (nf == 1) {
            return new OmegaResult(names, missing, rows, 1, omegaTotal, OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty(), gl, List.of(), comm, List.of(), flipped, warnings);
        }
        double gsq = sumG * sumG;
        double evS = 0;
        List<List<Double>> groupList = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            List<Double> row = new ArrayList<>();
            for (int f = 0; f < nf; f++) {
                evS += group[i][f] * group[i][f];
                row.add(group[i][f]);
            }
            groupList.add(row);
        }
        List<GroupOmega> groups = new ArrayList<>();
        int[] sub = new int[p];
        for (int i = 0; i < p; i++) {
            int best = 0;
            for (int f = 1; f < nf; f++) {
                if (Math.abs(group[i][f]) > Math.abs(group[i][best])) {
                    best = f;
                }
            }
            sub[i] = best;
        }
        for (int f = 0; f < nf; f++) {
            List<String> members = new ArrayList<>();
            double gr = 0;
            double gg = 0;
            double vgr = 0;
            for (int i = 0; i < p; i++) {
                if (sub[i] != f) {
                    continue;
                }
                members.add(names.get(i));
                gr += group[i][f];
                gg += general[i];
                for (int j = 0; j < p; j++) {
                    if (sub[j] == f) {
                        vgr += m[i][j];
                    }
                }
            }
            if (!members.isEmpty()) {
                groups.add(new GroupOmega(f + 1, members, (gr * gr + gg * gg) / vgr, gg * gg / vgr, gr * gr / vgr));
            } else {
                warnings.add("group factor " + (f + 1) + " has no items (each item loads more on another group"
                        + " factor), so it has no group omega (psych::omega reports NA for it); " + nf
                        + " group factors may be too many for these items");
            }
        }
        return new OmegaResult(names, missing, rows, nf, omegaTotal, OptionalDouble.of(gsq / vt),
                OptionalDouble.of(gsq / (vt - uniq)), OptionalDouble.of(evG / (evG + evS)), gl, groupList, comm,
                groups, flipped, warnings);
    }

    /** psych::fa after rotation: each factor's sign makes its column sum positive; order by sum of squares. */
    private static void signAndOrder(double[][] l) {
        int p = l.length;
        int nf = l[0].length;
        for (int f = 0; f < nf; f++) {
            double s = 0;
            for (double[] row : l) {
                s += row[f];
            }
            if (s < 0) {
                for (double[] row : l) {
                    row[f] = -row[f];
                }
            }
        }
        double[] ss = new double[nf];
        Integer[] order = new Integer[nf];
        for (int f = 0; f < nf; f++) {
            order[f] = f;
            for (double[] row : l) {
                ss[f] += row[f] * row[f];
            }
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(ss[b], ss[a]));
        for (int i = 0; i < p; i++) {
            double[] row = l[i].clone();
            for (int f = 0; f < nf; f++) {
                l[i][f] = row[order[f]];
            }
        }
    }

    private static String lineSearchWarning(String fit) {
        return fit + " ended in a line search that found no lower point (L-BFGS-B's abnormal termination);"
                + " as psych::fa, its last point is used, which may be a boundary or not quite a minimum";
    }

    private static List<String> factorNames(int nf) {
        List<String> out = new ArrayList<>();
        for (int f = 1; f <= nf; f++) {
            out.add("F" + f);
        }
        return out;
    }
}
