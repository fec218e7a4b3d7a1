package org.dyadkit.mlm;

/** The correlation of one person's residuals across occasions. */
public enum Autocorrelation {
    /**
     * First-order autoregressive on the occasion number: phi^|t - s| within person, as
     * {@code corAR1(form = ~ occasion | dyad/person)} (gaps in the occasions are allowed, as nlme's
     * {@code corARMA} does with a covariate). With {@link WithinOccasion#CS} the partners' residuals correlate
     * rho phi^|t - s| (the Kronecker product, SAS {@code type=un@ar(1)}), which nlme cannot fit.
     */
    AR1,
    /** No autocorrelation (the default). */
    NONE
}
