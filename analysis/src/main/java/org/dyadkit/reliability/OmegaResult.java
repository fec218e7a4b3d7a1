package org.dyadkit.reliability;

import java.util.List;
import java.util.OptionalDouble;

/**
 * McDonald's omega from a minres factor solution of the item correlations, as psych::omega.
 *
 * <p>With V the sum of the (keyed) item correlation matrix and u2 the uniquenesses {@code 1 - h2}:
 * {@code omega_total = (V - sum(u2)) / V}. For a one-factor solution ({@link #factors()} = 1) that is the
 * only omega reported. For a Schmid-Leiman solution ({@code factors >= 2}), with g the general loadings,
 * {@code omega_h = sum(g)^2 / V} (omega hierarchical), {@code omega_limit = sum(g)^2 / (V - sum(u2))} and the
 * explained common variance {@code ECV = sum(g^2) / (sum(g^2) + sum(s^2))} for group loadings s
 * (McDonald, 1999, Test Theory; Zinbarg, Revelle, Yovel and Li, 2005, Psychometrika 70, 123-133).
 *
 * @param items the analysed items, in order
 * @param missing how missing answers were handled (the correlations are pairwise-complete Pearson
 *     correlations, as {@code cor(x, use = "pairwise")}, or those of complete rows)
 * @param respondents rows in the analysis
 * @param factors number of factors: 1 for omega total only, at least 2 for a Schmid-Leiman solution
 * @param omegaTotal omega total
 * @param omegaHierarchical omega hierarchical (empty for one factor)
 * @param omegaLimit omega_h over omega_total's numerator (empty for one factor)
 * @param explainedCommonVariance ECV (empty for one factor)
 * @param generalLoadings each item's loading on the general factor (one factor: the factor loadings)
 * @param groupLoadings each item's loadings on the group factors, items x factors (empty for one factor)
 * @param communalities each item's communality h2
 * @param groups omega of each group factor's items (empty for one factor)
 * @param flipped items whose general loading was negative and that psych::omega reversed before summing
 * @param warnings conditions a reader should know about, for example a Heywood case (an item's communality
 *     at or above 1, where the minres solution sits on the uniqueness bound of 0.005 and omega is less
 *     trustworthy; psych warns of an "ultra-Heywood case" then)
 */
public record OmegaResult(List<String> items, MissingData missing, int respondents, int factors, double omegaTotal,
        OptionalDouble omegaHierarchical, OptionalDouble omegaLimit, OptionalDouble explainedCommonVariance,
        List<Double> generalLoadings, List<List<Double>> groupLoadings, List<Double> communalities,
        List<GroupOmega> groups, List<String> flipped, List<String> warnings) {

    /** Copies the lists. */
    public OmegaResult {
        items = List.copyOf(items);
        generalLoadings = List.copyOf(generalLoadings);
        groupLoadings = groupLoadings.stream().map(List::copyOf).toList();
        communalities = List.copyOf(communalities);
        groups = List.copyOf(groups);
        flipped = List.copyOf(flipped);
        warnings = List.copyOf(warnings);
    }

    /** Which omega this is, in words: "omega total (one factor)" or "omega hierarchical (Schmid-Leiman, k factors)". */
    public String kind() {
        return factors == 1 ? "omega total from a one-factor minres solution"
                : "omega hierarchical and total from a Schmid-Leiman solution with " + factors
                        + " oblimin-rotated minres group factors";
    }
}
