package org.dyadkit.reliability;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Coefficient alpha and its companions for one item set, with psych::alpha's definitions.
 *
 * <p>With C the item covariance matrix, R = cov2cor(C) and k items: raw alpha
 * {@code (1 - tr(C) / sum(C)) k / (k - 1)} (Cronbach, 1951); standardised alpha
 * {@code (1 - k / sum(R)) k / (k - 1)}; Guttman's (1945) lambda 6 {@code 1 - (k - sum(smc(R))) / sum(R)};
 * average r {@code (sum(R) - k) / (k (k - 1))}; signal/noise {@code k r / (1 - r)}; the asymptotic standard
 * error of raw alpha of Duhachek and Iacobucci (2004), {@code sqrt(Q / n)}.
 *
 * @param items the analysed items' names, in order
 * @param reversed the names of the items that were reverse-keyed
 * @param missing how missing answers were handled
 * @param respondents rows in the analysis (after listwise deletion when listwise)
 * @param completeRespondents rows that answered every item
 * @param rawAlpha raw alpha
 * @param stdAlpha standardised alpha (alpha of the correlation matrix)
 * @param g6Smc Guttman's lambda 6 from squared multiple correlations
 * @param averageR average inter-item correlation
 * @param medianR median inter-item correlation
 * @param varR variance of the inter-item correlations (empty with two items)
 * @param signalNoise signal/noise ratio
 * @param alphaSe asymptotic standard error of raw alpha ({@code ase})
 * @param scaleMean mean of the scale score (each respondent's mean of answered items)
 * @param scaleSd SD of that scale score
 * @param feldt Feldt's 95% interval for raw alpha
 * @param itemStatistics per-item statistics, in item order
 */
public record AlphaResult(List<String> items, List<String> reversed, MissingData missing, int respondents,
        int completeRespondents, double rawAlpha, double stdAlpha, double g6Smc, double averageR, double medianR,
        OptionalDouble varR, double signalNoise, double alphaSe, double scaleMean, double scaleSd,
        FeldtInterval feldt, List<ItemStatistics> itemStatistics) {

    /** Copies the lists. */
    public AlphaResult {
        items = List.copyOf(items);
        reversed = List.copyOf(reversed);
        itemStatistics = List.copyOf(itemStatistics);
    }

    /** The statistics of the named item. */
    public ItemStatistics item(String name) {
        return itemStatistics.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no item named " + name));
    }
}
