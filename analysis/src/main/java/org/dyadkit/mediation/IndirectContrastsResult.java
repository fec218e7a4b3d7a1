package org.dyadkit.mediation;

import java.util.List;

/**
 * The pairwise contrasts of an APIMeM's simple indirect effects, delta-method SEs of its total indirect and
 * total effects and the proportions mediated.
 *
 * @param apimem the APIMeM fit they come from
 * @param contrasts every pair of simple indirect effects (28 distinguishable, 6 indistinguishable)
 * @param delta total indirect and total effects with delta-method SEs
 * @param proportions the proportion mediated of each total effect
 */
public record IndirectContrastsResult(ApimemResult apimem, List<IndirectContrast> contrasts, List<DeltaEffect> delta,
        List<ProportionMediated> proportions) {
    /** Copies the lists. */
    public IndirectContrastsResult {
        contrasts = List.copyOf(contrasts);
        delta = List.copyOf(delta);
        proportions = List.copyOf(proportions);
    }
}
