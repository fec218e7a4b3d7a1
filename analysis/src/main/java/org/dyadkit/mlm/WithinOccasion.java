package org.dyadkit.mlm;

/** The correlation of the two partners' residuals at the same occasion. */
public enum WithinOccasion {
    /**
     * Compound symmetry within dyad and occasion: one correlation rho in (-1, 1), as
     * {@code corCompSymm(form = ~ 1 | dyad/occasion)} (the default; rho may be negative).
     */
    CS,
    /** Independent residuals (the partners' dependence only through the random effects). */
    NONE
}
