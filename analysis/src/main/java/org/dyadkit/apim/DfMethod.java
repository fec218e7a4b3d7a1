package org.dyadkit.apim;

/**
 * Denominator degrees of freedom of the coefficient t tests.
 *
 * <ul>
 *   <li>{@link #RESIDUAL}: N_obs - p for every coefficient, as {@code nlme::gls} (the default).</li>
 *   <li>{@link #BETWEEN_WITHIN}: a coefficient whose column is constant within every dyad gets
 *       N_dyads - p_between; one that varies within some dyad gets N_obs - N_dyads - p_within (the
 *       containment rule of {@code nlme::lme} and SAS {@code ddfm=bw}).</li>
 *   <li>{@link #SATTERTHWAITE}: 2 (l'Cl)^2 / (g' A g), with C = Var(beta) as a function of the variance
 *       parameters, g its gradient and A the inverse observed information of the variance parameters
 *       (SAS {@code ddfm=satterth}).</li>
 * </ul>
 */
public enum DfMethod {
    /** N_obs - p (nlme). */
    RESIDUAL,
    /** Between-dyad / within-dyad containment df. */
    BETWEEN_WITHIN,
    /** Satterthwaite approximation. */
    SATTERTHWAITE
}
