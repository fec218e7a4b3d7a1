package org.dyadkit.mediation;

/**
 * A confidence interval of an indirect effect.
 *
 * @param method {@code "percentile"}, {@code "bca"} (bias-corrected and accelerated bootstrap),
 *     {@code "bias-corrected"} (bootstrap, no acceleration) or {@code "monte-carlo"} (Selig and Preacher 2008)
 * @param level confidence level, e.g. 0.95
 * @param lower lower limit
 * @param upper upper limit
 */
public record Interval(String method, double level, double lower, double upper) {
    /** Whether the interval contains v. */
    public boolean contains(double v) {
        return lower <= v && v <= upper;
    }
}
