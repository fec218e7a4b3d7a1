package org.dyadkit.mediation;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;
import org.dyadkit.resample.Interval;
import org.dyadkit.resample.IntervalKind;

/** The Monte Carlo quantiles and the jackknife acceleration of the mediation intervals (R's conventions). */
final class Quantiles {
    static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    private Quantiles() {
    }

    /** The finite values, sorted. */
    static double[] sortedFinite(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
    }

    /** R's {@code quantile(x, p)} (type 7) on sorted values. */
    static double type7(double[] sorted, double p) {
        int n = sorted.length;
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /** The Monte Carlo interval: type-7 quantiles of the draws, as {@code dyadr::mmc}. */
    static Interval monteCarlo(double[] sorted, double level) {
        return new Interval(IntervalKind.MONTE_CARLO, level, type7(sorted, (1 - level) / 2),
                type7(sorted, (1 + level) / 2));
    }

    /**
     * Jackknife acceleration as {@code boot} computes it from {@code empinf(type = "jack")}:
     * L_i = (n - 1)(t0 - t_(-i)), a = sum L^3 / (6 (sum L^2)^1.5).
     *
     * @throws AnalysisException (UNDEFINED) when all leave-one-out estimates equal t0
     */
    static double acceleration(double t0, double[] leaveOneOut) {
        int n = leaveOneOut.length;
        double s2 = 0;
        double s3 = 0;
        for (double tj : leaveOneOut) {
            double l = (n - 1) * (t0 - tj);
            s2 += l * l;
            s3 += l * l * l;
        }
        double a = s3 / (6 * Math.pow(s2, 1.5));
        if (!Double.isFinite(a)) {
            throw new AnalysisException(Reason.UNDEFINED, "the jackknife acceleration of the BCa interval is undefined "
                    + "(no leave-one-out estimate differs from the estimate); use the percentile interval");
        }
        return a;
    }
}
