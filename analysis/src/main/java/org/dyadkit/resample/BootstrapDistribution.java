package org.dyadkit.resample;

import java.util.Arrays;
import java.util.Locale;

/**
 * The bootstrap distribution of one statistic: the values of the replicates that could be fitted,
 * sorted, with the number of replicates drawn and of those that failed (a refit that threw or gave a
 * value that is not finite). It is what the percentile and bias-corrected intervals are read from
 * (Efron and Tibshirani 1993, ch. 13-14), kept so that the distribution can be drawn or summarised.
 * Immutable: {@link #values()} returns a copy.
 *
 * @param replicates resamples drawn
 * @param failed resamples whose statistic is missing (left out of {@code values})
 * @param values the finite replicate values in ascending order (length {@code replicates - failed})
 */
public record BootstrapDistribution(int replicates, int failed, double[] values) {
    /** Checks the counts and keeps a sorted copy of the values. */
    public BootstrapDistribution {
        values = values.clone();
        Arrays.sort(values);
        if (replicates < 0 || failed < 0 || values.length != replicates - failed) {
            throw new IllegalArgumentException("replicates - failed must equal the number of values: " + replicates
                    + " - " + failed + " != " + values.length);
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("bootstrap values must be finite: " + v);
            }
        }
    }

    /**
     * The distribution of one statistic's replicate values ({@code NaN} or infinite entries count as
     * failed replicates).
     */
    public static BootstrapDistribution of(double[] replicateValues) {
        double[] finite = Arrays.stream(replicateValues).filter(Double::isFinite).toArray();
        return new BootstrapDistribution(replicateValues.length, replicateValues.length - finite.length, finite);
    }

    /** The finite replicate values in ascending order (a copy). */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The number of replicates fitted: {@code replicates - failed}. */
    public int fitted() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BootstrapDistribution b && b.replicates == replicates && b.failed == failed
                && Arrays.equals(b.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * replicates + failed) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return values.length == 0 ? String.format(Locale.ROOT, "BootstrapDistribution[%d replicates, %d failed]",
                replicates, failed) : String.format(Locale.ROOT,
                "BootstrapDistribution[%d replicates, %d failed, min %.4g, median %.4g, max %.4g]", replicates, failed,
                values[0], values[values.length / 2], values[values.length - 1]);
    }
}
