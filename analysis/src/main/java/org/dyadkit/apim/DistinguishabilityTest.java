package org.dyadkit.apim;

/**
 * Likelihood-ratio test of distinguishability: the distinguishable and the indistinguishable APIM, both
 * fitted by ML to the same persons, chi^2 = 2 (logLik_dist - logLik_indist) on df = the difference of
 * their parameter counts (fixed effects + variance parameters + sigma), as nlme's {@code anova()}
 * (Kenny, Kashy and Cook 2006; Garcia workshop, "Test for Distinguishability").
 *
 * @param distinguishable the distinguishable ML fit
 * @param indistinguishable the indistinguishable ML fit
 * @param chiSquare the likelihood-ratio statistic
 * @param df its degrees of freedom
 * @param p upper-tail chi-square probability
 * @param sample the persons both fits use (those of the distinguishable model)
 */
public record DistinguishabilityTest(ApimFit distinguishable, ApimFit indistinguishable, double chiSquare, int df,
        double p, org.dyadkit.dyad.Sample sample) {
}
