package org.dyadkit.mediation;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.dyadkit.resample.Interval;

/**
 * An indirect (mediated) effect, or a sum of them, with its tests and intervals.
 *
 * @param effect {@link Effect#INDIRECT} in single-level mediation; in the APIMeM a simple indirect effect
 *     ({@code actor_actor}, {@code partner_partner}, {@code actor_partner}, {@code partner_actor}) or the
 *     total indirect effect of the actor or the partner effect ({@code actor}, {@code partner})
 * @param role the member whose outcome Y the effect ends in ({@code all} for indistinguishable dyads; empty in
 *     single-level mediation)
 * @param route the path traced, e.g. {@code X_wife -> M_husband -> Y_wife}
 * @param estimate the product a*b (or the sum of products)
 * @param sobelSe first-order Sobel standard error sqrt(a^2 se_b^2 + b^2 se_a^2); empty for sums
 * @param sobelZ estimate / sobelSe; empty for sums
 * @param sobelP two-sided normal p value of sobelZ; empty for sums
 * @param ci the interval reported as {@code ci_lower}/{@code ci_upper} (see {@link Interval#kind()}); empty when
 *     no interval was requested
 * @param monteCarlo Monte Carlo interval (APIMeM), empty when not computed
 * @param monteCarloP the Monte Carlo p value 1 - 2|0.5 - P(ab* > 0)| (as {@code dyadr::mmc}), empty when not
 *     computed
 * @param percentile percentile bootstrap interval, empty without a bootstrap
 * @param biasCorrected bias-corrected (APIMeM) or BCa (single-level) bootstrap interval, empty without a
 *     bootstrap or when undefined
 * @param bootstrapN bootstrap resamples drawn (0 = none)
 * @param failed resamples whose refit failed (left out of the intervals)
 * @param bootstrapSe standard deviation of the finite bootstrap replicates, empty without a bootstrap
 * @param seed the seed of the bootstrap or Monte Carlo draws, empty when nothing was drawn
 * @param bootstrapNote how many resamples failed and why, empty when none failed; when fewer than half of
 *     them (or fewer than 2) fitted, no bootstrap interval or SE is given
 *     ({@link org.dyadkit.resample.DyadBootstrap#enough(int, int)})
 */
public record IndirectEffect(Effect effect, Optional<String> role, String route, double estimate,
        OptionalDouble sobelSe, OptionalDouble sobelZ, OptionalDouble sobelP, Optional<Interval> ci,
        Optional<Interval> monteCarlo, OptionalDouble monteCarloP, Optional<Interval> percentile,
        Optional<Interval> biasCorrected, int bootstrapN, int failed, OptionalDouble bootstrapSe, OptionalLong seed,
        Optional<String> bootstrapNote) {
}
