package org.dyadkit.apim;

import org.dyadkit.resample.BootstrapInterval;

/**
 * k = p/a, the partner effect over the actor effect, for the members of one role (or {@code all} in
 * indistinguishable models) and one predictor (Kenny and Ledermann 2010). The partner effect is named
 * by the outcome member: k_wife = partner effect on the wife / actor effect of the wife.
 *
 * <p>The delta-method SE is sqrt(Var(p) - 2k Cov(a,p) + k^2 Var(a)) / |a| and its interval uses the
 * normal quantile. When the standardised actor effect (a times SD(X)/SD(Y) among that role's persons in
 * the model) is below .10 in absolute value, k is not computed: {@code k}, {@code se} and the intervals
 * are {@code NaN}/null and {@code reason} says why; then a/p is examined for the partner-only pattern.
 *
 * @param role role label or {@code all}
 * @param predictor the predictor whose actor and partner effects are used
 * @param actor actor effect a
 * @param partner partner effect p
 * @param standardisedActor a * SD(X) / SD(Y)
 * @param k p / a, NaN when refused
 * @param se delta-method SE of k, NaN when refused
 * @param ciLower delta-method lower limit
 * @param ciUpper delta-method upper limit
 * @param percentile bootstrap percentile interval (null without bootstrap)
 * @param biasCorrected bootstrap bias-corrected interval (null without bootstrap or when undefined)
 * @param bootstrapReplicates replicates drawn (0 without bootstrap)
 * @param bootstrapFailed replicates whose refit failed (excluded from the intervals)
 * @param seed the bootstrap seed (0 without bootstrap)
 * @param pattern the pattern call
 * @param patternBasis which interval the pattern was read from
 * @param reason why k was refused or the pattern is undetermined, else null
 */
public record KEstimate(String role, String predictor, double actor, double partner, double standardisedActor,
        double k, double se, double ciLower, double ciUpper, BootstrapInterval percentile,
        BootstrapInterval biasCorrected, int bootstrapReplicates, int bootstrapFailed, long seed,
        KPattern pattern, String patternBasis, String reason) {
}
