package org.dyadkit.reliability;

/**
 * Omega for the items that load most on one group factor of a Schmid-Leiman solution
 * (psych::omega's {@code omega.group}). With V the sum of those items' correlations, g their summed
 * general loadings and s their summed group loadings: {@code total = (g^2 + s^2) / V},
 * {@code general = g^2 / V}, {@code group = s^2 / V}.
 *
 * @param factor the group factor's number (1-based, in the order of the rotated solution)
 * @param items the items assigned to it (largest absolute group loading)
 * @param total omega total of those items
 * @param general the share due to the general factor
 * @param group the share due to the group factor
 */
public record GroupOmega(int factor, java.util.List<String> items, double total, double general, double group) {
    /** Copies the item list. */
    public GroupOmega {
        items = java.util.List.copyOf(items);
    }
}
