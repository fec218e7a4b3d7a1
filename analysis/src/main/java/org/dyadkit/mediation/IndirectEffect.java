package org.dyadkit.mediation;

/**
 * An indirect (mediated) effect, or a sum of them, with its tests and intervals.
 *
 * @param effect {@code indirect} in single-level mediation; in the APIMeM {@code actor_actor},
 *     {@code partner_partner}, {@code actor_partner}, {@code partner_actor} (simple indirect effects) or
 *     {@code actor}, {@code partner} (total indirect effects of the actor and the partner effect)
 * @param role the member whose outcome Y the effect ends in ({@code all} for indistinguishable dyads; null in
 *     single-level mediation)
 * @param route the path traced, e.g. {@code X_wife -> M_husband -> Y_wife}
 * @param estimate the product a*b (or the sum of products)
 * @param sobelSe first-order Sobel standard error sqrt(a^2 se_b^2 + b^2 se_a^2); null for sums
 * @param sobelZ estimate / sobelSe; null for sums
 * @param sobelP two-sided normal p value of sobelZ; null for sums
 * @param ci the interval reported as {@code ci_lower}/{@code ci_upper} (see {@link Interval#method()}); null when
 *     no interval was requested
 * @param monteCarlo Monte Carlo interval (APIMeM), null when not computed
 * @param monteCarloP the Monte Carlo p value 1 - 2|0.5 - P(ab* > 0)| (as {@code dyadr::mmc}), null when not computed
 * @param percentile percentile bootstrap interval, null without a bootstrap
 * @param biasCorrected bias-corrected (APIMeM) or BCa (single-level) bootstrap interval, null without a bootstrap
 * @param bootstrapN bootstrap resamples drawn (0 = none)
 * @param failed resamples whose refit failed (left out of the intervals)
 * @param bootstrapSe standard deviation of the finite bootstrap replicates, null without a bootstrap
 * @param seed the seed of the bootstrap or Monte Carlo draws, null when nothing was drawn
 */
public record IndirectEffect(String effect, String role, String route, double estimate, Double sobelSe,
        Double sobelZ, Double sobelP, Interval ci, Interval monteCarlo, Double monteCarloP, Interval percentile,
        Interval biasCorrected, int bootstrapN, int failed, Double bootstrapSe, Long seed) {
}
