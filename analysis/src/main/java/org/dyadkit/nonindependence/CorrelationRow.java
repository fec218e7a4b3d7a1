package org.dyadkit.nonindependence;

/**
 * One correlation of a distinguishable-dyad table: one person's X with their own Y ({@code within_person}),
 * or with their partner's Y ({@code cross_partner}; with X = Y this is the partner correlation), with the
 * {@link PearsonTest} statistics over the dyads where both values are present.
 *
 * @param x the first variable
 * @param xRole the role whose X is used
 * @param y the second variable
 * @param yRole the role whose Y is used
 * @param type within a person or across partners
 * @param n the number of dyads used
 * @param r the Pearson correlation
 * @param ciLower lower end of the 95% Fisher-z interval
 * @param ciUpper upper end of the 95% Fisher-z interval
 * @param t the t statistic
 * @param df its degrees of freedom, n - 2
 * @param p the two-tailed p value
 */
public record CorrelationRow(String x, String xRole, String y, String yRole, CorrelationType type, int n, double r,
        double ciLower, double ciUpper, double t, double df, double p) {
}
