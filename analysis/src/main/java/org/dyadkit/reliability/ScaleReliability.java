package org.dyadkit.reliability;

import java.util.List;
import java.util.Optional;

/**
 * Everything dyadkit reports about one scale's reliability in one group: alpha with item statistics, omega
 * total from a one-factor solution and, for a multi-factor instrument's total, omega hierarchical.
 *
 * @param scale the scale's name (a subscale name, {@code total}, or {@code items} for a chosen item set)
 * @param group the group (a role or a value of the {@code --by} column), or {@code all}
 * @param alpha alpha and item statistics
 * @param omegaTotal omega total from a one-factor minres solution, when it could be computed
 * @param omegaHierarchical omega hierarchical from a Schmid-Leiman solution, for multi-factor scales
 * @param notes why an omega is absent, in words
 */
public record ScaleReliability(String scale, String group, AlphaResult alpha, Optional<OmegaResult> omegaTotal,
        Optional<OmegaResult> omegaHierarchical, List<String> notes) {

    /** Copies the notes. */
    public ScaleReliability {
        notes = List.copyOf(notes);
    }
}
