package org.dyadkit.resample;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A bootstrap confidence interval computed as R's {@code boot.ci} does.
 *
 * <p>Percentile: the order statistics at (R+1) alpha/2 and (R+1)(1 - alpha/2) of the R finite replicates,
 * interpolated on the normal quantile scale when (R+1) alpha is not an integer ({@code boot:::norm.inter}).
 * Bias-corrected (BC; BCa with acceleration 0): {@code z0 = Phi^-1(#{t* < t}/R)} and the percentile interval at
 * Phi(2 z0 + z_alpha) (Efron 1987; Davison and Hinkley 1997, 5.3.2).
 *
 * @param method {@code "percentile"} or {@code "bias-corrected"}
 * @param level confidence level, e.g. 0.95
 * @param lower lower limit
 * @param upper upper limit
 */
public record BootstrapInterval(String method, double level, double lower, double upper) {
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    /** Percentile interval. @throws IllegalArgumentException with fewer than 2 finite replicates */
    public static BootstrapInterval percentile(double[] replicates, double level) {
        double[] t = sorted(replicates);
        double a = (1 - level) / 2;
        return new BootstrapInterval("percentile", level, normInter(t, a), normInter(t, 1 - a));
    }

    /**
     * Bias-corrected interval around the estimate {@code t0}; null when every replicate lies on one side
     * of t0 (the bias correction is infinite).
     */
    public static BootstrapInterval biasCorrected(double[] replicates, double t0, double level) {
        double[] t = sorted(replicates);
        int below = 0;
        for (double v : t) {
            if (v < t0) {
                below++;
            }
        }
        if (below == 0 || below == t.length) {
            return null;
        }
        double z0 = NORMAL.inverseCumulativeProbability((double) below / t.length);
        double a = (1 - level) / 2;
        double lo = NORMAL.cumulativeProbability(2 * z0 + NORMAL.inverseCumulativeProbability(a));
        double hi = NORMAL.cumulativeProbability(2 * z0 + NORMAL.inverseCumulativeProbability(1 - a));
        return new BootstrapInterval("bias-corrected", level, normInter(t, lo), normInter(t, hi));
    }

    /** Whether the interval contains v. */
    public boolean contains(double v) {
        return lower <= v && v <= upper;
    }

    private static double[] sorted(double[] replicates) {
        double[] t = Arrays.stream(replicates).filter(Double::isFinite).sorted().toArray();
        if (t.length < 2) {
            throw new IllegalArgumentException("a bootstrap interval needs at least 2 finite replicates, got "
                    + t.length);
        }
        return t;
    }

    /**
     * The alpha quantile of sorted bootstrap replicates as {@code boot:::norm.inter}: the order statistic
     * at (R+1) alpha, interpolated on the normal quantile scale between neighbouring order statistics,
     * and the extreme replicate outside them.
     *
     * @param t the finite replicates, sorted ascending (at least one)
     */
    public static double normInter(double[] t, double alpha) {
        int r = t.length;
        double rk = (r + 1) * alpha;
        int k = (int) Math.floor(rk);
        if (k == rk && k >= 1 && k <= r) {
            return t[k - 1];
        }
        if (k <= 0) {
            return t[0];
        }
        if (k >= r) {
            return t[r - 1];
        }
        double z = NORMAL.inverseCumulativeProbability(alpha);
        double z1 = NORMAL.inverseCumulativeProbability((double) k / (r + 1));
        double z2 = NORMAL.inverseCumulativeProbability((double) (k + 1) / (r + 1));
        double tk = t[k - 1];
        double tk1 = t[k];
        return tk + (z - z1) / (z2 - z1) * (tk1 - tk);
    }
}
