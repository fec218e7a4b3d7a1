package org.dyadkit.nonindependence;

/**
 * Griffin &amp; Gonzalez (1995, Psychological Bulletin 118, 430-439) correlations of two variables X and Y
 * in indistinguishable dyads, over the N dyads with all four values, from the double-entry (pairwise)
 * matrix.
 *
 * <ul>
 *   <li>overall r_xy: each person's X with their own Y; z = r_xy sqrt(N*), N* = 2N / (1 + r_xx' r_yy' +
 *       r_xy'^2);
 *   <li>cross-intraclass r_xy': each person's X with the partner's Y; z = r_xy' sqrt(N*'), N*' = 2N / (1 +
 *       r_xx' r_yy' + r_xy^2);
 *   <li>individual-level r = (r_xy - r_xy') / sqrt((1 - r_xx')(1 - r_yy')), t = r sqrt(N - 1) / sqrt(1 - r^2)
 *       on N - 1 df ({@code null} t and p when |r| &gt;= 1);
 *   <li>dyad-level r = r_xy' / sqrt(r_xx' r_yy'), z = r sqrt(N*' r_xx' r_yy') ({@code null} unless both
 *       intraclass correlations are positive; it can exceed 1 in magnitude when they are small).
 * </ul>
 * All p values are two-tailed. The formulas follow the {@code ggexch} routine of the WABA R package.
 *
 * @param x first variable
 * @param y second variable
 * @param n N, the dyads used
 * @param rXx pairwise intraclass correlation of X over these dyads
 * @param rYy pairwise intraclass correlation of Y over these dyads
 * @param overallR r_xy
 * @param overallZ its z
 * @param overallP its p
 * @param crossR r_xy'
 * @param crossZ its z
 * @param crossP its p
 * @param individualR individual-level correlation
 * @param individualT its t, or empty
 * @param individualDf N - 1
 * @param individualP its p, or empty
 * @param dyadR dyad-level correlation, or empty
 * @param dyadZ its z, or empty
 * @param dyadP its p, or empty
 */
public record ExchangeableRow(String x, String y, int n, double rXx, double rYy, double overallR, double overallZ,
        double overallP, double crossR, double crossZ, double crossP, double individualR, java.util.OptionalDouble individualT,
        double individualDf, java.util.OptionalDouble individualP, java.util.OptionalDouble dyadR,
        java.util.OptionalDouble dyadZ, java.util.OptionalDouble dyadP) {
}
