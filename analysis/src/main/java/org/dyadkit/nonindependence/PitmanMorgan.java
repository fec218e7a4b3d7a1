package org.dyadkit.nonindependence;

/**
 * The Pitman-Morgan test of equal variances for the two roles (Gonzalez &amp; Griffin 1999, Personal
 * Relationships 6, 449-469): t = (s1^2 - s2^2) sqrt(n - 2) / (2 s1 s2 sqrt(1 - r^2)) on n - 2 df, over the
 * dyads with both values, with r the partner correlation.
 *
 * @param n the number of dyads with both values
 * @param sd1 first role's SD over those dyads
 * @param sd2 second role's SD over those dyads
 * @param t the t statistic
 * @param df its degrees of freedom, n - 2
 * @param p the two-tailed p value
 */
public record PitmanMorgan(int n, double sd1, double sd2, double t, double df, double p) {
}
