package org.dyadkit.nonindependence;

/**
 * Nonindependence of one variable in indistinguishable dyads, over the N dyads with both values.
 *
 * <p>ANOVA intraclass correlation (Kenny, Kashy &amp; Cook 2006, pp. 34-35): with dyad means m_i,
 * differences d_i and grand mean M, MS_B = 2 sum (m_i - M)^2 / (N - 1), MS_W = sum d_i^2 / (2N) and r_I =
 * (MS_B - MS_W) / (MS_B + MS_W). Its test is F = MS_B / MS_W on (N - 1, N) df, or, when r_I is negative,
 * F = MS_W / MS_B on (N, N - 1) df; p is two-tailed (twice the upper tail, at most 1). This equals the
 * Shrout-Fleiss ICC(1) with k = 2. Negative values are returned as such.
 *
 * <p>Pairwise (double-entry) intraclass correlation (Griffin &amp; Gonzalez 1995, Psychological Bulletin
 * 118, 430-439): the Pearson r of the 2N double-entered pairs, r_p = sum (x - M)(x' - M) / sum (x - M)^2,
 * tested by z = r_p sqrt(N) (two-tailed normal p).
 *
 * @param variable the variable
 * @param nDyads N, the dyads with both values
 * @param anovaIcc r_I
 * @param msBetween MS_B
 * @param msWithin MS_W
 * @param f the F statistic (the reciprocal when r_I is negative)
 * @param df1 its numerator df
 * @param df2 its denominator df
 * @param p two-tailed p of F
 * @param pairwiseR r_p
 * @param z z = r_p sqrt(N)
 * @param pairwiseP two-tailed p of z
 * @param sample the members of the dyads with both values, and why the others were not used
 */
public record IndistinguishableNonindependence(String variable, int nDyads, double anovaIcc, double msBetween,
        double msWithin, double f, double df1, double df2, double p, double pairwiseR, double z, double pairwiseP,
        org.dyadkit.dyad.Sample sample)
        implements NonindependenceResult {
}
