package org.dyadkit.apim;

/**
 * A fixed effect of an APIM refitted by ML under constraints.
 *
 * @param term the term, named as in {@link Coefficient#term()}
 * @param role its role (two-intercept parameterisation), else null
 * @param estimate the constrained ML estimate
 * @param se its standard error, sqrt of the diagonal of Z (Z'X'V^-1XZ)^-1 Z' times RSS/(N - free
 *     coefficients), as {@code nlme::gls} on the reparameterised design; 0 for a coefficient the
 *     constraints fix; for the equal-k refit the SEs are conditional on the estimated common k (they do not
 *     carry its uncertainty)
 */
public record ConstrainedCoefficient(String term, String role, double estimate, double se) {
}
