package org.dyadkit.nonindependence;

import java.util.List;

/**
 * Nonindependence of one variable in distinguishable dyads: the Pearson r between the two roles' scores
 * over the dyads with both values (Kenny, Kashy &amp; Cook 2006, ch. 2), with its t test (n - 2 df) and
 * Fisher-z 95% interval; the Pitman-Morgan test of equal variances; each role's mean and SD; and the
 * within-dyad role difference (paired t, d).
 *
 * @param variable the variable
 * @param roles the two roles, in the order used for the difference (first minus second)
 * @param nDyads dyads with both values (used by r, Pitman-Morgan and the paired test)
 * @param pearsonR the partner correlation
 * @param fisherCiLower lower end of its 95% Fisher-z interval
 * @param fisherCiUpper upper end of its 95% Fisher-z interval
 * @param t t statistic of r
 * @param df its degrees of freedom, nDyads - 2
 * @param p two-tailed p of r
 * @param pitmanMorgan the test of equal role variances
 * @param roleSummaries each role's n, mean and SD over all members with a value
 * @param meanDifference the within-dyad role difference
 * @param sample the members of the dyads with both values, and why the others were not used
 */
public record DistinguishableNonindependence(String variable, List<String> roles, int nDyads, double pearsonR,
        double fisherCiLower, double fisherCiUpper, double t, double df, double p, PitmanMorgan pitmanMorgan,
        List<RoleSummary> roleSummaries, MeanDifference meanDifference, org.dyadkit.dyad.Sample sample) implements NonindependenceResult {
    /** A result; the lists are copied. */
    public DistinguishableNonindependence {
        roles = List.copyOf(roles);
        roleSummaries = List.copyOf(roleSummaries);
    }
}
