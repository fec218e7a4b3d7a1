package org.dyadkit.apim;

/**
 * The three nested SEM tests of distinguishability of Olsen and Kenny (2006, Psych. Methods 11, 127-141)
 * for one predictor X and an outcome Y measured on both members.
 */
public enum SemTestKind {
    /**
     * Complete indistinguishability, chi^2(6): equal X means, X variances, Y intercepts, Y error variances,
     * actor effects and partner effects.
     */
    COMPLETE,
    /** Y indistinguishability, chi^2(4): equal Y intercepts, error variances, actor and partner effects. */
    Y,
    /** Effect indistinguishability, chi^2(2): equal actor and equal partner effects. */
    EFFECT
}
