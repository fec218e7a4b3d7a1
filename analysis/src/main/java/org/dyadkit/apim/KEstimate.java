package org.dyadkit.apim;

import java.util.Optional;
import java.util.OptionalDouble;
import org.dyadkit.resample.Interval;

/**
 * k = p/a, the partner effect over the actor effect, for the members of one role (or {@code all} in
 * indistinguishable models) and one predictor (Kenny and Ledermann 2010). The partner effect is named
 * by the outcome member: k_wife = partner effect on the wife / actor effect of the wife.
 *
 * <p>The delta-method SE is sqrt(Var(p) - 2k Cov(a,p) + k^2 Var(a)) / |a| and its interval uses the
 * normal quantile. When the standardised actor effect (a times SD(X)/SD(Y) among that role's persons in
 * the model) is below .10 in absolute value, k is not computed: {@code k}, {@code se} and the intervals
 * are empty and {@code reason} says why; then a/p is examined for the partner-only pattern.
 *
 * @param role role label or {@code all}
 * @param predictor the predictor whose actor and partner effects are used
 * @param actor actor effect a
 * @param partner partner effect p
 * @param standardisedActor a * SD(X) / SD(Y)
 * @param k p / a, empty when refused
 * @param se delta-method SE of k, empty when refused
 * @param delta the delta-method interval, empty when refused
 * @param percentile bootstrap percentile interval (empty without bootstrap or when refused)
 * @param biasCorrected bootstrap bias-corrected interval (empty without bootstrap, when refused or undefined)
 * @param bootstrapReplicates replicates drawn (0 without bootstrap)
 * @param bootstrapFailed replicates whose refit failed (excluded from the intervals)
 * @param seed the bootstrap seed (0 without bootstrap)
 * @param pattern the pattern call
 * @param patternBasis which interval the pattern was read from, empty when no interval was read
 * @param reason why k was refused or the pattern is undetermined, and how many bootstrap replicates failed
 *     and why (with fewer than half fitted no bootstrap interval is given and the delta-method interval
 *     is used; see {@link org.dyadkit.resample.DyadBootstrap#enough(int, int)}), else empty
 */
public record KEstimate(String role, String predictor, double actor, double partner, double standardisedActor,
        OptionalDouble k, OptionalDouble se, Optional<Interval> delta, Optional<Interval> percentile,
        Optional<Interval> biasCorrected, int bootstrapReplicates, int bootstrapFailed, long seed,
        KPattern pattern, Optional<String> patternBasis, Optional<String> reason) {
}
