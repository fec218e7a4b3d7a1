package org.dyadkit.apim;

/**
 * A confidence interval of a variance parameter (the residual correlation rho or a residual SD).
 *
 * @param lower lower limit
 * @param estimate the estimate
 * @param upper upper limit
 * @param level confidence level, e.g. 0.95
 */
public record VarianceInterval(double lower, double estimate, double upper, double level) {
}
