package org.dyadkit.nonindependence;

/**
 * The pairwise (double-entry) intraclass correlation of one variable with its z test, z = r sqrt(N)
 * (Griffin &amp; Gonzalez 1995).
 *
 * @param variable the variable
 * @param n N, the dyads with both values
 * @param r the pairwise intraclass correlation
 * @param z its z statistic
 * @param p the two-tailed p value
 */
public record IntraclassRow(String variable, int n, double r, double z, double p) {
}
