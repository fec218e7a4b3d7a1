package org.dyadkit.apim;

import java.util.Map;
import java.util.Optional;

/**
 * Intervals of the residual covariance parameters, as {@code nlme::intervals(fit, which = "var-cov")}
 * computes them for a {@code gls} fit with {@code corCompSymm} (and {@code varIdent}) (Pinheiro &amp;
 * Bates 2000, sec. 2.4.3): a normal-quantile interval on the unconstrained scale
 * (log((1 + rho)/(1 - rho)), the log SD ratio, log sigma), transformed back, with the covariance of
 * the unconstrained parameters the inverse of the negative Hessian of the REML or ML log-likelihood
 * (beta at its GLS value, sigma explicit). A role's SD interval is that of log sigma plus, for the
 * second role, the log SD ratio (the same linear function of the covariance that nlme's intervals use).
 *
 * <p>When the Hessian is not negative definite (a flat or boundary likelihood) there is no interval:
 * {@code rho} and {@code sd} are empty and {@code note} says why (never NaN).
 *
 * @param rho interval of the residual correlation, or empty
 * @param sd interval of each role's residual SD ({@code all} when indistinguishable), in role order; empty
 *     when unavailable
 * @param note why the intervals are missing, or empty when they are present
 */
public record ResidualIntervals(Optional<VarianceInterval> rho, Map<String, VarianceInterval> sd, Optional<String> note) {
    /** Copies the map. */
    public ResidualIntervals {
        sd = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sd));
    }

    /** Whether the intervals could be computed. */
    public boolean available() {
        return rho.isPresent();
    }
}
