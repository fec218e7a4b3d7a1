package org.dyadkit.apim;

/**
 * One fixed effect of an APIM with its Wald t test and confidence interval.
 *
 * @param term the term: {@code intercept}, {@code actor}, {@code partner} (or {@code actor.X} and
 *     {@code partner.X} with several predictors), a covariate name, {@code a:b} for an interaction;
 *     two-intercept terms end in {@code :role} ({@code actor:wife}); interaction-parameterisation role
 *     terms are {@code role} and {@code actor:role}
 * @param role the role the coefficient belongs to (two-intercept parameterisation), else null
 * @param estimate the GLS estimate
 * @param se its standard error, sqrt of the diagonal of sigma^2 (X'V0^-1 X)^-1
 * @param df the denominator degrees of freedom (see {@link DfMethod})
 * @param t estimate / se
 * @param p two-sided p value from the t distribution with df
 * @param ciLower lower confidence limit, estimate - t(df) se
 * @param ciUpper upper confidence limit
 */
public record Coefficient(String term, String role, double estimate, double se, double df, double t, double p,
        double ciLower, double ciUpper) {
}
