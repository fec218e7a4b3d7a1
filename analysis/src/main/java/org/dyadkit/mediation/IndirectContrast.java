package org.dyadkit.mediation;

/**
 * The difference of two simple indirect effects of an APIMeM (MEDYAD's pairwise contrasts, Coutts, Hayes and
 * Jiang 2019; Ledermann, Macho and Kenny 2011, Table 7), with intervals from the same Monte Carlo draws and
 * bootstrap replicates as the effects themselves.
 *
 * @param first the first effect, {@code actor_actor:wife} ({@code actor_actor} when indistinguishable)
 * @param second the second effect
 * @param estimate first - second
 * @param monteCarlo Monte Carlo interval of the difference; null without Monte Carlo draws
 * @param percentile percentile bootstrap interval; null without a bootstrap
 * @param biasCorrected bias-corrected bootstrap interval; null without a bootstrap or when every replicate
 *     lies on one side of the estimate
 */
public record IndirectContrast(String first, String second, double estimate, Interval monteCarlo, Interval percentile,
        Interval biasCorrected) {
}
