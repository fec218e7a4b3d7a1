package org.dyadkit.apim;

/**
 * Fixed-effect parameterisation of a distinguishable APIM (Kenny, Kashy and Cook 2006, ch. 7). Both give
 * the same fitted values and ML likelihood; their REML likelihoods differ by a constant.
 */
public enum Parameterisation {
    /**
     * Common terms plus each term times the role effect code (+1 for the first role, -1 for the second):
     * the coefficients are the average effect and half the role difference.
     */
    INTERACTION,
    /** Each term separately for each role, without a common intercept (an intercept, actor and partner effect per role). */
    TWO_INTERCEPT
}
