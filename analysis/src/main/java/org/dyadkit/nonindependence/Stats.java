package org.dyadkit.nonindependence;

import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;

/** Small numerical helpers shared by the nonindependence statistics (package-private). */
final class Stats {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    /** The 0.975 quantile of the standard normal distribution. */
    static final double Z975 = STANDARD_NORMAL.inverseCumulativeProbability(0.975);

    private Stats() {
    }

    /** Two-tailed p of a t statistic on df degrees of freedom. */
    static double tTwoTailed(double t, double df) {
        return Math.min(1.0, 2 * TDistribution.of(df).survivalProbability(Math.abs(t)));
    }

    /** Two-tailed p of a standard normal statistic. */
    static double zTwoTailed(double z) {
        return Math.min(1.0, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
    }

    /** Two-tailed p of an F statistic >= 1: twice the upper tail, at most 1. */
    static double fTwoTailed(double f, double df1, double df2) {
        return Math.min(1.0, 2 * FDistribution.of(df1, df2).survivalProbability(f));
    }

    /**
     * The binary exponent e of the largest finite absolute value among the arrays (0 when all are 0 or
     * NaN), so that {@code scalb(v, -e)} lies below 2 in absolute value. Multiplying by a power of two is
     * exact (short of underflow), so statistics of the scaled values are exactly the scaled statistics of
     * the original ones: squares no longer overflow for values beyond 1e154 (Higham 2002, section 2.1),
     * and on ordinary data every result is bit for bit what it was unscaled.
     *
     * @throws AnalysisException OVERFLOW when a value is infinite
     */
    static int exponent(double[]... xs) {
        double max = 0;
        for (double[] x : xs) {
            for (double v : x) {
                if (Double.isInfinite(v)) {
                    throw new AnalysisException(Reason.OVERFLOW, "a value is infinite; check the data for a "
                            + "wrong cell");
                }
                if (!Double.isNaN(v)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        return max > 0 ? Math.getExponent(max) : 0;
    }

    /** A copy of x multiplied by 2^-e (exact short of underflow; NaN stays NaN). */
    static double[] scaled(double[] x, int e) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.scalb(x[i], -e);
        }
        return out;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        double m = s / x.length;
        double c = 0;
        for (double v : x) {
            c += v - m;
        }
        return m + c / x.length;
    }

    /** Sum of squared deviations from a centre. */
    static double ss(double[] x, double centre) {
        double s = 0;
        for (double v : x) {
            s += (v - centre) * (v - centre);
        }
        return s;
    }

    /** Sample variance (n - 1 denominator). */
    static double variance(double[] x) {
        return org.dyadkit.numerics.Moments.sampleVariance(x);
    }

    /**
     * Pearson r of two equally long arrays without missing values.
     *
     * @throws AnalysisException NO_VARIANCE when either is constant
     */
    static double pearson(double[] xRaw, double[] yRaw, String xName, String yName) {
        // r is scale-free: each variable is scaled by a power of two first, so no square overflows
        double[] x = scaled(xRaw, exponent(xRaw));
        double[] y = scaled(yRaw, exponent(yRaw));
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (!(sxx > 0)) {
            throw noVariance(xName, x.length);
        }
        if (!(syy > 0)) {
            throw noVariance(yName, y.length);
        }
        return Math.max(-1.0, Math.min(1.0, sxy / Math.sqrt(sxx * syy)));
    }

    static AnalysisException noVariance(String what, int n) {
        return new AnalysisException(Reason.NO_VARIANCE, what + " has no variance over the " + n
                + " dyads used; a correlation needs scores that differ");
    }

    static AnalysisException tooFew(String what, int n) {
        return new AnalysisException(Reason.TOO_FEW_DYADS, what + ": " + n + " dyad" + (n == 1 ? "" : "s")
                + " with the values needed; at least 3 are required");
    }

    static AnalysisException perfect(String what, double r) {
        return new AnalysisException(Reason.BOUNDARY, what + ": the correlation is " + (r > 0 ? "+1" : "-1")
                + ", so its test statistic is infinite; check for a duplicated or derived variable");
    }
}
