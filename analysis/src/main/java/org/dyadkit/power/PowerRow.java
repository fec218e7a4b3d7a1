package org.dyadkit.power;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The power for one effect at one number of dyads.
 *
 * @param effect the effect: {@code actor_<role>}, {@code partner_<role>}, {@code actor_difference},
 *     {@code partner_difference}, {@code actor_average}, {@code partner_average} (distinguishable dyads),
 *     {@code actor}, {@code partner} (indistinguishable dyads), a covariate or interaction term (with
 *     {@code _<role>} for distinguishable dyads), or an APIMeM indirect effect ({@code actor_actor_<role>}, ...)
 * @param role the role whose outcome the effect is on; empty for indistinguishable dyads and for
 *     differences and averages
 * @param nDyads complete dyads; empty when a target power cannot be reached (a zero effect)
 * @param power the power (analytic), the share of successful replicates that reject (simulation), or, when
 *     solving for N, the power at the N found (empty when no N reaches the target)
 * @param mcSe Monte Carlo standard error of the simulated power, sqrt(power (1 - power) / replicates fitted);
 *     empty for analytic power
 * @param ncp noncentrality parameter, the effect over its standard error (analytic only)
 * @param df degrees of freedom of the t test; empty for tests against the normal distribution
 * @param size the effect in the measure it was given in ({@link EffectSize}); for simulation the population value
 * @param beta the standardised regression coefficient (for differences and averages, the difference and the
 *     average of the betas; empty for covariate, interaction and indirect effects)
 * @param r the zero-order correlation of Y with the predictor implied by the model (single effects only)
 * @param partialR the partial correlation of Y with the predictor (single effects only)
 * @param trueValue the population value of the tested coefficient on the scale the engine estimates it
 *     (simulation only)
 * @param meanEstimate the mean of the estimates over successful replicates (simulation only)
 * @param bias meanEstimate - trueValue (simulation only)
 * @param coverage share of successful replicates whose 1 - alpha interval contains trueValue (simulation only)
 * @param replicates replicates fitted successfully (simulation only)
 * @param failedShare share of replicates that could not be fitted (simulation only)
 * @param summary one sentence: "There is .80 power to detect ..."
 */
public record PowerRow(String effect, Optional<String> role, OptionalInt nDyads, OptionalDouble power, OptionalDouble mcSe,
        OptionalDouble ncp, OptionalDouble df, double size, OptionalDouble beta, OptionalDouble r,
        OptionalDouble partialR, OptionalDouble trueValue, OptionalDouble meanEstimate, OptionalDouble bias,
        OptionalDouble coverage, OptionalInt replicates, OptionalDouble failedShare, String summary) {
}
