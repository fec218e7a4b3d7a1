package org.dyadkit.apim;

/** Estimation method of the variance parameters: restricted (REML, the default) or full maximum likelihood. */
public enum Method {
    /** Restricted maximum likelihood, as {@code nlme::gls(method = "REML")}. */
    REML,
    /** Maximum likelihood, as {@code nlme::gls(method = "ML")}; needed to compare models with different fixed effects. */
    ML
}
