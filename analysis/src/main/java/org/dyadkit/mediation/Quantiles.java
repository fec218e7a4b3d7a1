package org.dyadkit.mediation;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;
import org.dyadkit.resample.BootstrapInterval;

/** Interval arithmetic shared by the bootstrap and Monte Carlo intervals (R's conventions). */
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

    /** {@code boot:::norm.inter}: the alpha quantile of sorted replicates, interpolated on the normal scale. */
    static double normInter(double[] t, double alpha) {
        return BootstrapInterval.normInter(t, alpha);
    }

    /** Percentile bootstrap interval as {@code boot.ci(type = "perc")}. */
    static Interval percentile(double[] sorted, double level) {
        double a = (1 - level) / 2;
        return new Interval("percentile", level, normInter(sorted, a), normInter(sorted, 1 - a));
    }

    /**
     * BCa interval as {@code boot:::bca.ci}: w = Phi^-1(#{t* < t0}/R), limits at
     * Phi(w + (w + z)/(1 - acc (w + z))); acceleration 0 gives the bias-corrected interval.
     *
     * @throws AnalysisException (UNDEFINED) when every replicate lies on one side of t0
     */
    static Interval bca(double[] sorted, double t0, double acceleration, double level, String method) {
        int below = 0;
        for (double v : sorted) {
            if (v < t0) {
                below++;
            }
        }
        if (below == 0 || below == sorted.length) {
            throw new AnalysisException(Reason.UNDEFINED, "every bootstrap replicate of the indirect effect lies on "
                    + "one side of the estimate " + t0 + ", so the bias correction is infinite; use the percentile "
                    + "interval");
        }
        double w = NORMAL.inverseCumulativeProbability((double) below / sorted.length);
        double[] lim = new double[2];
        double[] alpha = {(1 - level) / 2, (1 + level) / 2};
        for (int i = 0; i < 2; i++) {
            double z = NORMAL.inverseCumulativeProbability(alpha[i]);
            double adj = NORMAL.cumulativeProbability(w + (w + z) / (1 - acceleration * (w + z)));
            lim[i] = normInter(sorted, adj);
        }
        return new Interval(method, level, lim[0], lim[1]);
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
