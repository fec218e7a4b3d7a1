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
    static double pearson(double[] x, double[] y, String xName, String yName) {
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
