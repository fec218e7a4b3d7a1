package org.dyadkit.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;

/**
 * Coefficient alpha, lambda 6 and item statistics, computed as {@code psych::alpha} (psych 2.2.9) computes
 * them from raw data with reverse-keyed items already reversed.
 *
 * <p>Pairwise deletion: C is {@code cov(x, use = "pairwise")}, R is {@code cov2cor(C)} (so correlations use
 * each item's full-sample variance), item means/SDs/counts use every answer, the scale score is each
 * respondent's mean of answered items and {@code raw.r} correlates it with each item over the respondents who
 * answered the item; n for the standard error and the Feldt interval is the number of rows. Listwise
 * deletion removes incomplete rows first.
 */
public final class Alpha {
    private Alpha() {
    }

    /** Alpha with pairwise deletion (psych's default). */
    public static AlphaResult of(ItemSet items) {
        return of(items, MissingData.PAIRWISE);
    }

    /**
     * Alpha, lambda 6, the Feldt interval and item statistics.
     *
     * @throws AnalysisException UNDEFINED for fewer than two items or two items without common respondents,
     *     TOO_FEW_OBSERVATIONS for fewer than three respondents with answers, NO_VARIANCE for an item without
     *     variance, SINGULAR_DESIGN when the correlation matrix is not positive definite (lambda 6 and
     *     {@code r.cor} need its inverse)
     */
    public static AlphaResult of(ItemSet items, MissingData missing) {
        items.requireItems(2);
        return of(new RowData(items, missing), missing);
    }

    /** Alpha from a scale's moments (rows or streamed sums); the checks and formulas of {@link #of(ItemSet)}. */
    static AlphaResult of(ScaleData d, MissingData missing) {
        int completeRows = d.completeRows();
        int nsub = d.rows();
        int answering = d.answering();
        if (answering < 3) {
            throw new AnalysisException(Reason.TOO_FEW_OBSERVATIONS, "reliability needs at least 3 respondents with "
                    + (missing == MissingData.LISTWISE ? "complete answers" : "answers") + "; " + answering
                    + " found" + (missing == MissingData.LISTWISE ? "; try pairwise deletion" : ""));
        }
        List<String> names = d.names();
        int k = names.size();
        double[][] c = Moments.covariance(d);
        double[][] r = Moments.cov2cor(c);
        Moments.requirePositiveDefinite(r, names, "lambda 6 and r.cor", missing);
        Scale total = scale(c, r);

        double sumR = Moments.sum(r);
        double[] smc = Moments.smc(r);
        double[][] rc = new double[k][];
        for (int i = 0; i < k; i++) {
            rc[i] = r[i].clone();
            rc[i][i] = smc[i];
        }
        double sumRc = Moments.sum(rc);
        List<ItemStatistics> stats = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            int n = d.count(j, j);
            double colR = 0;
            double colRc = 0;
            double colC = 0;
            for (int i = 0; i < k; i++) {
                colR += r[i][j];
                colRc += rc[i][j];
                colC += c[i][j];
            }
            double vDrop = Moments.sum(Moments.drop(c, j));
            double rDrop = (colC - c[j][j]) / Math.sqrt(c[j][j] * vDrop);
            AlphaIfDropped dropped = dropped(c, r, j, nsub);
            stats.add(new ItemStatistics(names.get(j), d.reversed(j), n, d.mean(j), d.sd(j),
                    d.rawR(j), colR / Math.sqrt(sumR), colRc / Math.sqrt(sumRc), rDrop,
                    dropped));
        }
        double ase = Math.sqrt(total.q / nsub);
        return new AlphaResult(names, d.reversedNames(), missing, nsub, completeRows, total.raw, total.std,
                total.g6, total.avgR, total.medR, total.varR, total.sn, ase, d.scoreMean(), d.scoreSd(),
                FeldtInterval.of(total.raw, nsub, k, 0.95), stats);
    }

    private static AlphaIfDropped dropped(double[][] c, double[][] r, int j, int nsub) {
        int k = c.length;
        if (k == 2) {
            int other = 1 - j;
            double r12 = r[0][1];
            return new AlphaIfDropped(c[0][1] / c[other][other], r12, r12 * r12, r12, r12 / (1 - r12),
                    OptionalDouble.empty(), OptionalDouble.of(0), r12);
        }
        Scale s = scale(Moments.drop(c, j), Moments.drop(r, j));
        OptionalDouble se = nsub > k ? OptionalDouble.of(Math.sqrt(s.q / nsub)) : OptionalDouble.empty();
        return new AlphaIfDropped(s.raw, s.std, s.g6, s.avgR, s.sn, se, s.varR, s.medR);
    }

    /** psych's alpha.1: the scale-level statistics of a covariance matrix and its correlation matrix. */
    private static Scale scale(double[][] c, double[][] r) {
        int n = c.length;
        double sumC = Moments.sum(c);
        double trC = Moments.trace(c);
        double raw = (1 - trC / sumC) * (n / (n - 1.0));
        double sumR = Moments.sum(r);
        double std = (1 - n / sumR) * (n / (n - 1.0));
        double[] smc = Moments.smc(r);
        double sumSmc = 0;
        for (double v : smc) {
            sumSmc += v;
        }
        double g6 = 1 - (n - sumSmc) / sumR;
        double avgR = (sumR - n) / (n * (n - 1.0));
        double[] lower = Moments.lowerTriangle(r);
        OptionalDouble varR = lower.length >= 2 ? OptionalDouble.of(Moments.variance(lower)) : OptionalDouble.empty();
        double medR = Moments.median(lower);
        double sn = n * avgR / (1 - avgR);
        double[][] cc = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int m = 0; m < n; m++) {
                    s += c[i][m] * c[m][j];
                }
                cc[i][j] = s;
            }
        }
        double q = (2.0 * n * n / ((n - 1.0) * (n - 1.0) * sumC * sumC * sumC))
                * (sumC * (Moments.trace(cc) + trC * trC) - 2 * (trC * Moments.sum(cc)));
        return new Scale(raw, std, g6, avgR, sn, q, varR, medR);
    }

    private record Scale(double raw, double std, double g6, double avgR, double sn, double q, OptionalDouble varR,
            double medR) {
    }
}
