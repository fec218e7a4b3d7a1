package org.dyadkit.mediation;

import java.util.Optional;
import org.dyadkit.resample.Interval;

/**
 * The difference of two simple indirect effects of an APIMeM (MEDYAD's pairwise contrasts, Coutts, Hayes and
 * Jiang 2019; Ledermann, Macho and Kenny 2011, Table 7), with intervals from the same Monte Carlo draws and
 * bootstrap replicates as the effects themselves.
 *
 * @param first the first effect, {@code actor_actor:wife} ({@code actor_actor} when indistinguishable)
 * @param second the second effect
 * @param estimate first - second
 * @param monteCarlo Monte Carlo interval of the difference; empty without Monte Carlo draws
 * @param percentile percentile bootstrap interval; empty without a bootstrap
 * @param biasCorrected bias-corrected bootstrap interval; empty without a bootstrap or when every replicate
 *     lies on one side of the estimate
 */
public record IndirectContrast(String first, String second, double estimate, Optional<Interval> monteCarlo,
        Optional<Interval> percentile, Optional<Interval> biasCorrected) {
}
