package org.dyadkit.numerics;

/**
 * The one sample mean and sample variance of dyadkit's analyses (two-pass, n - 1 denominator), so that
 * every standard deviation in every result is computed the same way.
 */
public final class Moments {
    private Moments() {
    }

    /** The mean of the first {@code n} values. */
    public static double mean(double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i];
        }
        return s / n;
    }

    /**
     * The sample variance of the first {@code n} values: sum (v - mean)^2 / (n - 1), computed in two
     * passes. NaN for fewer than 2 values (callers check the count first).
     */
    public static double sampleVariance(double[] v, int n) {
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean(v, n);
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += (v[i] - mean) * (v[i] - mean);
        }
        return ss / (n - 1);
    }

    /** The sample variance of all values. */
    public static double sampleVariance(double[] v) {
        return sampleVariance(v, v.length);
    }

    /** The sample standard deviation of all values. */
    public static double sampleSd(double[] v) {
        return Math.sqrt(sampleVariance(v));
    }
}
