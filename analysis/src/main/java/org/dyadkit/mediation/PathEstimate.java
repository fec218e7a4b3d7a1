package org.dyadkit.mediation;

import java.util.Optional;

/**
 * One path of a mediation model with its Wald t test.
 *
 * @param path {@code a} (X to M), {@code b} (M to Y, controlling X), {@code c_prime} (X to Y, controlling M,
 *     the direct effect) or {@code c} (X to Y without M, the total effect)
 * @param effect {@link Effect#ACTOR} or {@link Effect#PARTNER} in the APIMeM; empty in single-level mediation
 * @param role the role of the member whose M (paths a) or Y (paths b, c', c) is explained, {@code all} for
 *     indistinguishable dyads; empty in single-level mediation
 * @param estimate the coefficient
 * @param se its standard error
 * @param df residual degrees of freedom of its t test
 * @param t estimate / se
 * @param p two-sided p value from the t distribution with df
 * @param ciLower lower confidence limit (t quantile with df, or normal where the model says so)
 * @param ciUpper upper confidence limit
 */
public record PathEstimate(Path path, Optional<Effect> effect, Optional<String> role, double estimate, double se,
        double df, double t, double p, double ciLower, double ciUpper) {
}
