package org.dyadkit.reliability;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;

/** Pairwise-complete moments and the matrix helpers behind alpha and omega (package-private). */
final class Moments {
    /** psych::Pinv's rank tolerance, sqrt(machine epsilon), relative to the largest singular value. */
    static final double RANK_TOLERANCE = Math.sqrt(Math.ulp(1.0));

    private Moments() {
    }

    /** Mean of the non-missing values. */
    static double mean(double[] x) {
        double s = 0;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Sample SD (n - 1) of the non-missing values. */
    static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                s += (v - m) * (v - m);
                n++;
            }
        }
        return n < 2 ? Double.NaN : Math.sqrt(s / (n - 1));
    }

    /** The number of rows (respondents) with at least one value that is not NaN. */
    static int answering(double[][] x) {
        int answering = 0;
        for (double[] row : x) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    answering++;
                    break;
                }
            }
        }
        return answering;
    }

    static double[] column(double[][] x, int j) {
        double[] out = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            out[r] = x[r][j];
        }
        return out;
    }

    /** Number of rows where both values are present. */
    static int pairCount(double[] a, double[] b) {
        int n = 0;
        for (int r = 0; r < a.length; r++) {
            if (!Double.isNaN(a[r]) && !Double.isNaN(b[r])) {
                n++;
            }
        }
        return n;
    }

    /**
     * Pairwise-complete covariance or correlation of two columns, as R's {@code cov/cor(use = "pairwise")}:
     * means (and for a correlation the SDs) are taken over the rows where both are present.
     */
    static double pairwise(double[] a, double[] b, boolean correlation) {
        double ma = 0;
        double mb = 0;
        int n = 0;
        for (int r = 0; r < a.length; r++) {
            if (!Double.isNaN(a[r]) && !Double.isNaN(b[r])) {
                ma += a[r];
                mb += b[r];
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int r = 0; r < a.length; r++) {
            if (!Double.isNaN(a[r]) && !Double.isNaN(b[r])) {
                double da = a[r] - ma;
                double db = b[r] - mb;
                sab += da * db;
                saa += da * da;
                sbb += db * db;
            }
        }
        return correlation ? sab / Math.sqrt(saa * sbb) : sab / (n - 1);
    }

    /**
     * The pairwise covariance matrix of a scale's items, checking the conditions every analysis needs.
     *
     * @throws AnalysisException NO_VARIANCE for an item without variance, UNDEFINED for two items with fewer
     *     than two respondents in common
     */
    static double[][] covariance(ScaleData d) {
        return matrix(d, false);
    }

    /** The pairwise Pearson correlation matrix (pairwise means and SDs, as R's {@code cor}). */
    static double[][] correlation(ScaleData d) {
        return matrix(d, true);
    }

    private static double[][] matrix(ScaleData d, boolean correlation) {
        List<String> names = d.names();
        int k = names.size();
        for (int j = 0; j < k; j++) {
            double v = d.cov(j, j);
            if (Double.isNaN(v)) {
                throw new AnalysisException(Reason.TOO_FEW_OBSERVATIONS, "item " + names.get(j) + " has fewer than 2 answers;"
                        + " it cannot enter a reliability analysis; drop it from the item set");
            }
            if (!(v > 0)) {
                throw new AnalysisException(Reason.NO_VARIANCE, "item " + names.get(j) + " has no variance (every "
                        + "respondent gave the same answer); drop it from the item set");
            }
        }
        double[][] m = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double v = i == j && correlation ? 1.0 : correlation ? d.cor(i, j) : d.cov(i, j);
                if (Double.isNaN(v)) {
                    int both = d.count(i, j);
                    throw new AnalysisException(both < 2 ? Reason.UNDEFINED : Reason.NO_VARIANCE,
                            "items " + names.get(i) + " and " + names.get(j) + " have " + both
                            + " respondents in common, or no variance among them; their covariance is undefined;"
                            + " use more data or drop one of them");
                }
                m[i][j] = v;
                m[j][i] = v;
            }
        }
        return m;
    }

    /** R's {@code cov2cor}. */
    static double[][] cov2cor(double[][] c) {
        int k = c.length;
        double[][] r = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                r[i][j] = i == j ? 1.0 : c[i][j] / Math.sqrt(c[i][i] * c[j][j]);
            }
        }
        return r;
    }

    static double sum(double[][] m) {
        double s = 0;
        for (double[] row : m) {
            for (double v : row) {
                s += v;
            }
        }
        return s;
    }

    static double trace(double[][] m) {
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            s += m[i][i];
        }
        return s;
    }

    static double[][] drop(double[][] m, int item) {
        int k = m.length;
        double[][] out = new double[k - 1][k - 1];
        for (int i = 0, a = 0; i < k; i++) {
            if (i == item) {
                continue;
            }
            for (int j = 0, b = 0; j < k; j++) {
                if (j == item) {
                    continue;
                }
                out[a][b++] = m[i][j];
            }
            a++;
        }
        return out;
    }

    /** Eigenvalues in decreasing order and the matching unit eigenvectors as columns. */
    static double[][][] eigen(double[][] m) {
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(m, false));
        int k = m.length;
        double[] values = e.getRealEigenvalues();
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        double[][] vals = new double[1][k];
        double[][] vecs = new double[k][k];
        for (int c = 0; c < k; c++) {
            vals[0][c] = values[order[c]];
            double[] v = e.getEigenvector(order[c]).toArray();
            for (int r = 0; r < k; r++) {
                vecs[r][c] = v[r];
            }
        }
        return new double[][][] {vals, vecs};
    }

    /**
     * Checks that a correlation matrix is positive definite in psych's sense (every eigenvalue above
     * sqrt(machine epsilon) times the largest), which is what its inverse (the SMCs) needs.
     *
     * @throws AnalysisException SINGULAR_DESIGN naming what was found and what to do
     */
    static void requirePositiveDefinite(double[][] r, List<String> names, String what, MissingData use) {
        double[] values = eigen(r)[0][0];
        double max = values[0];
        double min = values[values.length - 1];
        if (!(min > RANK_TOLERANCE * max)) {
            throw new AnalysisException(Reason.SINGULAR_DESIGN, "the " + use.cliName() + " correlation matrix of "
                    + String.join(", ", names) + " is not positive definite (smallest eigenvalue " + min + ");"
                    + " " + what + " need its inverse. Look for duplicated or perfectly related items and drop one"
                    + (use == MissingData.PAIRWISE ? ", or use listwise deletion" : ""));
        }
    }

    /**
     * Squared multiple correlations of each variable on the others, {@code 1 - 1 / diag(R^-1)}, clamped to
     * [0, 1] as {@code psych::smc}. The caller has checked that R is positive definite.
     */
    static double[] smc(double[][] r) {
        RealMatrix inv = new LUDecomposition(new Array2DRowRealMatrix(r, false)).getSolver().getInverse();
        double[] out = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            double v = 1 - 1 / inv.getEntry(i, i);
            out[i] = Math.min(1, Math.max(0, v));
        }
        return out;
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static double variance(double[] x) {
        return org.dyadkit.numerics.Moments.sampleVariance(x);
    }

    /** The strictly lower triangle of a square matrix, column by column (R's {@code R[lower.tri(R)]}). */
    static double[] lowerTriangle(double[][] m) {
        int k = m.length;
        double[] out = new double[k * (k - 1) / 2];
        int p = 0;
        for (int j = 0; j < k; j++) {
            for (int i = j + 1; i < k; i++) {
                out[p++] = m[i][j];
            }
        }
        return out;
    }
}
