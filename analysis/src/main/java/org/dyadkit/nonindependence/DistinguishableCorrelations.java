package org.dyadkit.nonindependence;

import java.util.List;

/**
 * The correlation table of distinguishable dyads. For each variable X: the partner correlation (X of the
 * first role with X of the second). For each pair X, Y (in the order given): X with Y within each role,
 * and the two cross-partner correlations, first role's X with second role's Y and second role's X with
 * first role's Y. Each correlation uses the dyads where its two values are present.
 *
 * @param variables the variables
 * @param roles the two roles
 * @param rows the correlations, in the order described
 * @param sample persons in complete dyads with at least one of the variables, and why the others were not used
 */
public record DistinguishableCorrelations(List<String> variables, List<String> roles, List<CorrelationRow> rows,
        org.dyadkit.dyad.Sample sample)
        implements CrossPartnerCorrelations {
    /** A table; the lists are copied. */
    public DistinguishableCorrelations {
        variables = List.copyOf(variables);
        roles = List.copyOf(roles);
        rows = List.copyOf(rows);
    }
}
