package org.dyadkit.mediation;

/** The bootstrap interval reported for a single-level indirect effect. */
public enum BootstrapCi {
    /** Percentile interval ({@code boot.ci(type = "perc")}). */
    PERCENTILE,
    /** Bias-corrected and accelerated interval, jackknife acceleration ({@code boot.ci(type = "bca")}). */
    BCA
}
