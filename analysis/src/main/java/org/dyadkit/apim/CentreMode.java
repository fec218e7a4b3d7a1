package org.dyadkit.apim;

/** How a variable is centred before an APIM is fitted (Kenny, Kashy and Cook 2006, ch. 7 on centring). */
public enum CentreMode {
    /** Minus the grand mean over every person with a value. */
    GRAND,
    /** Minus the mean of the person's role (distinguishable data). */
    ROLE,
    /**
     * Minus the dyad mean (the within-dyad deviation); the dyad mean itself is added as the variable
     * {@code NAME_dyad_mean} (missing when either member's value is missing).
     */
    DYAD
}
