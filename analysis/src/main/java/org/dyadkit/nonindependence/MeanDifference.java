package org.dyadkit.nonindependence;

/**
 * The difference between the two roles' scores within dyads (first role minus second), over the dyads with
 * both values: the paired t test (t = mean / (sd / sqrt(n)) on n - 1 df, two-tailed p, as R's
 * {@code t.test(paired = TRUE)}), Cohen's d_z = mean / sd of the differences, and d_av = mean / sqrt((s1^2 +
 * s2^2) / 2) with the two roles' SDs over the same dyads (Lakens 2013, Frontiers in Psychology 4:863).
 *
 * @param n the number of dyads with both values
 * @param mean1 first role's mean over those dyads
 * @param mean2 second role's mean over those dyads
 * @param sd1 first role's SD over those dyads
 * @param sd2 second role's SD over those dyads
 * @param meanDifference mean of first-role minus second-role scores
 * @param sdDifference standard deviation of the differences
 * @param t the paired t statistic
 * @param df its degrees of freedom, n - 1
 * @param p the two-tailed p value
 * @param d Cohen's d_z
 * @param dAv Cohen's d_av
 */
public record MeanDifference(int n, double mean1, double mean2, double sd1, double sd2, double meanDifference, double sdDifference, double t, double df, double p,
        double d, double dAv) {
}
