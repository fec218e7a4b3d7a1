package org.dyadkit.power;

/**
 * The measure in which actor and partner effects are given (Ackerman's APIMPowerR offers the same three).
 * Each is converted to the standardised regression coefficient of the per-role regression of Y on the
 * person's own X and the partner's X before power is computed (see {@link ApimPower}).
 */
public enum EffectSize {
    /** The standardised regression coefficient beta (X and Y with unit variance within a role). */
    BETA,
    /** The partial correlation of Y with the predictor, the other predictor held constant. */
    PARTIAL_R,
    /**
     * Cohen's d for a dichotomous X: the difference in Y between the two categories of X, the other
     * predictor held constant, in units of the residual (error) SD; needs the proportion of persons in
     * category 1 of X per role.
     */
    D,
    /**
     * Raw (unstandardised) regression coefficients, in the units of the outcome per unit of the predictor: the
     * effects of the longitudinal APIM simulation ({@link LongitudinalApimPower}).
     */
    RAW
}
