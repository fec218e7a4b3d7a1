package org.dyadkit.mlm;

/** How the variance parameters are estimated. */
public enum Method {
    /** Restricted maximum likelihood, as {@code nlme::lme(method = "REML")} (the default). */
    REML,
    /** Maximum likelihood, as {@code nlme::lme(method = "ML")}; needed to compare fixed effects by likelihood ratio. */
    ML
}
