package org.dyadkit.mediation;

import java.util.Optional;
import java.util.OptionalDouble;
import org.dyadkit.resample.Interval;

/**
 * A total effect of the APIMeM split into its direct and indirect parts (Ledermann, Macho and Kenny 2011,
 * Table 1): total = c' + total indirect effect.
 *
 * @param effect {@link Effect#ACTOR} or {@link Effect#PARTNER}
 * @param role the member whose outcome Y the effect ends in ({@code all} for indistinguishable dyads)
 * @param route the path, e.g. {@code X_husband -> Y_wife}
 * @param direct the direct effect c'
 * @param indirect the total indirect effect (sum of the two simple indirect effects)
 * @param total direct + indirect
 * @param percentMediated 100 indirect / total; empty when the total is exactly 0
 * @param c the total effect c of the model without the mediator (equal to {@code total} on complete dyads;
 *     it can differ when the two models use different persons)
 * @param percentile percentile bootstrap interval of {@code total}; empty without a bootstrap
 * @param biasCorrected bias-corrected bootstrap interval of {@code total}; empty without a bootstrap (or when
 *     every replicate lies on one side of the estimate)
 */
public record TotalEffect(Effect effect, String role, String route, double direct, double indirect, double total,
        OptionalDouble percentMediated, PathEstimate c, Optional<Interval> percentile,
        Optional<Interval> biasCorrected) {
}
