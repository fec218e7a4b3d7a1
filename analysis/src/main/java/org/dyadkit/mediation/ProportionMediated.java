package org.dyadkit.mediation;

import java.util.Optional;
import org.dyadkit.resample.Interval;

/**
 * The proportion of a total effect that is mediated, total indirect / total (Ledermann, Macho and Kenny 2011),
 * with a delta-method interval and, with a bootstrap, percentile and bias-corrected intervals of the ratio
 * over the replicates.
 *
 * @param effect {@code actor} or {@code partner}
 * @param role the member whose outcome the effect ends in ({@code all} when indistinguishable)
 * @param estimate indirect / total
 * @param se delta-method SE
 * @param delta the normal interval estimate -+ z se
 * @param percentile percentile bootstrap interval; empty without a bootstrap
 * @param biasCorrected bias-corrected bootstrap interval; empty without a bootstrap or when undefined
 */
public record ProportionMediated(String effect, String role, double estimate, double se, Interval delta,
        Optional<Interval> percentile, Optional<Interval> biasCorrected) {
}
