package org.dyadkit.apim;

/**
 * The slope of a focal term at one value of a moderator, for one role ({@code all} when indistinguishable):
 * b_focal + at * b_(focal:moderator), with other moderators of the focal term at 0 (Aiken and West 1991;
 * Preacher, Curran and Bauer 2006).
 *
 * @param focal the focal term ({@code actor}, {@code partner}, a covariate)
 * @param moderator the moderator factor as named in the interaction term ({@code tension}, {@code partner.tension})
 * @param at the moderator value
 * @param atLabel {@code -1 SD}, {@code mean}, {@code +1 SD} for the defaults, else {@code given}
 * @param role the role or {@code all}
 * @param estimate the simple slope L b
 * @param se sqrt(L V L') from the coefficient covariance
 * @param df the focal coefficient's degrees of freedom
 * @param t estimate / se
 * @param p two-sided p from t(df)
 * @param ciLower lower limit, estimate - t(df) se
 * @param ciUpper upper limit
 */
public record SimpleSlope(String focal, String moderator, double at, String atLabel, String role, double estimate,
        double se, double df, double t, double p, double ciLower, double ciUpper) {
}
