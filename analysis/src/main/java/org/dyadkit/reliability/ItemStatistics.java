package org.dyadkit.reliability;

/**
 * One item's statistics in a reliability analysis, on the keyed answers (reverse-keyed items reversed),
 * with psych::alpha's definitions (Revelle, psych package, {@code alpha}).
 *
 * @param name the item's name
 * @param reverseKeyed whether the item was reversed ({@code min + max - x}) before analysis
 * @param n respondents who answered the item
 * @param mean mean answer (after reversal)
 * @param sd standard deviation of the answers (n - 1)
 * @param rawR correlation of the item with the scale score (the mean of each respondent's answered items),
 *     over respondents who answered the item ({@code raw.r})
 * @param stdR correlation with the standardised total, {@code colSums(R) / sqrt(sum(R))} ({@code std.r})
 * @param rCor {@code std.r} corrected for item overlap and reliability: the same with the diagonal of R
 *     replaced by the squared multiple correlations ({@code r.cor})
 * @param rDrop corrected item-total correlation: the item against the sum of the other items, from the
 *     covariance matrix ({@code r.drop})
 * @param ifDropped the scale statistics without this item ({@code alpha.drop})
 */
public record ItemStatistics(String name, boolean reverseKeyed, int n, double mean, double sd, double rawR,
        double stdR, double rCor, double rDrop, AlphaIfDropped ifDropped) {
}
