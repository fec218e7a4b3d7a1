package org.dyadkit.mlm;

/**
 * One fixed effect with its Wald t test, as a row of {@code summary(lme)$tTable}.
 *
 * @param term the column name: the term as written ({@code man:time}), {@code (Intercept)}, or for a factor
 *     the variable followed by the level, as R names it ({@code rolewoman})
 * @param estimate the GLS estimate at the REML/ML variance parameters
 * @param se the standard error, the square root of the diagonal of {@code sigma^2 (sum X_i' Sigma_i^-1 X_i)^-1}
 * @param df the denominator degrees of freedom (see {@link DfRule})
 * @param t estimate / se
 * @param p the two-sided p value from the t distribution with df
 */
public record FixedEffect(String term, double estimate, double se, double df, double t, double p) {
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s %.7g (SE %.7g, df %.4g, t %.4f, p %.4g)", term, estimate, se,
                df, t, p);
    }
}
