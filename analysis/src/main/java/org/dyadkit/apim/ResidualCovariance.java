package org.dyadkit.apim;

import java.util.Map;

/**
 * The residual covariance of a dyad: each role's residual SD (both roles, never only a reference
 * stratum; key {@code all} for indistinguishable dyads), the partners' residual correlation rho (the
 * partial ICC; may be negative) and the covariance rho * sd1 * sd2.
 *
 * @param sd residual SD by role, in role order
 * @param rho residual correlation of the two members
 * @param cov residual covariance of the two members
 */
public record ResidualCovariance(Map<String, Double> sd, double rho, double cov) {
    /** The residual SD of a role ({@code all} in indistinguishable models). */
    public double sd(String role) {
        Double v = sd.get(role);
        if (v == null) {
            throw new IllegalArgumentException("no role \"" + role + "\"; roles: " + sd.keySet());
        }
        return v;
    }
}
