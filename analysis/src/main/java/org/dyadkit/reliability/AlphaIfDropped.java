package org.dyadkit.reliability;

import java.util.OptionalDouble;

/**
 * The scale statistics with one item left out (psych::alpha's {@code alpha.drop}).
 *
 * <p>With only two items psych reports, for the one item that remains, {@code C12 / C22} (for the first)
 * or {@code C12 / C11} (for the second) as "raw alpha", {@code r12} as standardised alpha and average r and
 * {@code r12^2} as G6; dyadkit reproduces those values. Alpha's standard error and the variance of the
 * correlations are then empty.
 *
 * @param rawAlpha raw alpha of the remaining items
 * @param stdAlpha standardised alpha of the remaining items
 * @param g6Smc Guttman's lambda 6 of the remaining items
 * @param averageR average inter-item correlation of the remaining items
 * @param signalNoise signal/noise ratio {@code k r / (1 - r)}
 * @param alphaSe Duhachek and Iacobucci's asymptotic standard error of raw alpha, when the number of
 *     respondents exceeds the number of items
 * @param varR variance of the remaining inter-item correlations (needs at least three of them)
 * @param medianR median of the remaining inter-item correlations
 */
public record AlphaIfDropped(double rawAlpha, double stdAlpha, double g6Smc, double averageR, double signalNoise,
        OptionalDouble alphaSe, OptionalDouble varR, double medianR) {
}
