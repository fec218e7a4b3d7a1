package org.dyadkit.reliability;

import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Feldt's confidence interval for coefficient alpha (Feldt, Woodruff &amp; Salih, 1987, Applied Psychological
 * Measurement 11, 93-103), as {@code psych::alpha.ci}: with n respondents and k items,
 * {@code lower = 1 - (1 - alpha) F(1 - p/2; n - 1, (n - 1)(k - 1))} and
 * {@code upper = 1 - (1 - alpha) F(p/2; n - 1, (n - 1)(k - 1))}, where p = 1 - level.
 *
 * @param level the confidence level, for example 0.95
 * @param lower lower limit
 * @param upper upper limit
 * @param n the number of respondents used (psych uses the number of rows, also with pairwise deletion)
 */
public record FeldtInterval(double level, double lower, double upper, int n) {

    /**
     * The interval for a given alpha.
     *
     * @throws IllegalArgumentException when n &lt; 2, k &lt; 2 or the level is not in (0, 1)
     */
    public static FeldtInterval of(double alpha, int n, int k, double level) {
        if (n < 2 || k < 2 || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("Feldt interval needs n >= 2, k >= 2 and 0 < level < 1");
        }
        double p = 1 - level;
        FDistribution f = FDistribution.of(n - 1.0, (n - 1.0) * (k - 1.0));
        double lower = 1 - (1 - alpha) * f.inverseCumulativeProbability(1 - p / 2);
        double upper = 1 - (1 - alpha) * f.inverseCumulativeProbability(p / 2);
        return new FeldtInterval(level, lower, upper, n);
    }
}
