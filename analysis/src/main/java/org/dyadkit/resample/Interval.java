package org.dyadkit.resample;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A confidence interval, and the one implementation of the bootstrap intervals as R's {@code boot.ci}
 * computes them.
 *
 * <p>Percentile: the order statistics at (R+1) alpha/2 and (R+1)(1 - alpha/2) of the R finite replicates,
 * interpolated on the normal quantile scale when (R+1) alpha is not an integer ({@code boot:::norm.inter}).
 * BCa ({@code boot:::bca.ci}): {@code w = Phi^-1(#{t* < t0}/R)}, limits at the quantiles
 * Phi(w + (w + z)/(1 - acc (w + z))); acceleration 0 gives the bias-corrected interval Phi(2w + z)
 * (Efron 1987; Davison and Hinkley 1997, 5.3.2). One failure rule: when every replicate lies on one side of
 * t0 the bias correction is infinite and the interval is absent (empty), never NaN.
 *
 * @param kind how the interval was computed
 * @param level confidence level, e.g. 0.95
 * @param lower lower limit
 * @param upper upper limit
 */
public record Interval(IntervalKind kind, double level, double lower, double upper) {
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    /** Checks the kind is given. */
    public Interval {
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether the interval contains v. */
    public boolean contains(double v) {
        return lower <= v && v <= upper;
    }

    /** Percentile interval. @throws IllegalArgumentException with fewer than 2 finite replicates */
    public static Interval percentile(double[] replicates, double level) {
        double[] t = sorted(replicates);
        double a = (1 - level) / 2;
        return new Interval(IntervalKind.PERCENTILE, level, normInter(t, a), normInter(t, 1 - a));
    }

    /**
     * Bias-corrected interval around the estimate {@code t0}; empty when every replicate lies on one side
     * of t0 (the bias correction is infinite).
     */
    public static Optional<Interval> biasCorrected(double[] replicates, double t0, double level) {
        return adjusted(replicates, t0, 0, level, IntervalKind.BIAS_CORRECTED);
    }

    /** BCa interval with the given acceleration; empty when every replicate lies on one side of t0. */
    public static Optional<Interval> bca(double[] replicates, double t0, double acceleration, double level) {
        return adjusted(replicates, t0, acceleration, level, IntervalKind.BCA);
    }

    private static Optional<Interval> adjusted(double[] replicates, double t0, double acceleration, double level,
            IntervalKind kind) {
        double[] t = sorted(replicates);
        int below = 0;
        for (double v : t) {
            if (v < t0) {
                below++;
            }
        }
        if (below == 0 || below == t.length) {
            return Optional.empty();
        }
        double w = NORMAL.inverseCumulativeProbability((double) below / t.length);
        double[] lim = new double[2];
        double[] alpha = {(1 - level) / 2, (1 + level) / 2};
        for (int i = 0; i < 2; i++) {
            double z = NORMAL.inverseCumulativeProbability(alpha[i]);
            double adj = NORMAL.cumulativeProbability(w + (w + z) / (1 - acceleration * (w + z)));
            lim[i] = normInter(t, adj);
        }
        return Optional.of(new Interval(kind, level, lim[0], lim[1]));
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
