package org.dyadkit.mediation;

import org.dyadkit.resample.Interval;

/**
 * A total indirect or total effect of an APIMeM with its first-order delta-method SE (Sobel 1982 for sums
 * of products): Var = g_a' V_a g_a + g_b' V_b g_b, the a paths (mediator model) and the b and c' paths
 * (outcome model) independent across models, as in the Sobel test and the Monte Carlo draws.
 *
 * @param kind {@code total_indirect} (sum of the two simple indirect effects) or {@code total} (c' + it)
 * @param effect {@code actor} or {@code partner}
 * @param role the member whose outcome the effect ends in ({@code all} when indistinguishable)
 * @param estimate the effect
 * @param se its delta-method SE
 * @param z estimate / se
 * @param p two-sided normal p
 * @param ci the normal interval estimate -+ z se
 */
public record DeltaEffect(String kind, String effect, String role, double estimate, double se, double z, double p,
        Interval ci) {
}
