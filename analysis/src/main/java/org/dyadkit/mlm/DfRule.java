package org.dyadkit.mlm;

/** The denominator degrees of freedom of the fixed-effect t tests. */
public enum DfRule {
    /**
     * nlme's between-within ("containment") rule ({@code nlme:::getFixDF}): a column that varies within
     * some dyad gets {@code N - M - p_within}, one constant within every dyad {@code M - p_between}, with N
     * rows, M dyads, and one more subtracted from the between stratum for an intercept (or one added to the
     * within stratum without one); the intercept gets the larger of the two (the default).
     */
    CONTAINMENT,
    /**
     * Satterthwaite's approximation {@code 2 V^2 / (g' A g)}, V the variance of the estimate as a function of
     * the variance parameters, g its gradient and A their asymptotic covariance (the inverse observed
     * information; Satterthwaite 1946; Kuznetsova, Brockhoff and Christensen 2017), by finite differences.
     */
    SATTERTHWAITE
}
