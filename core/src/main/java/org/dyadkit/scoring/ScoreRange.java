package org.dyadkit.scoring;

/**
 * The closed interval a score can take, for example 1 to 5 for an SCS subscale mean, 6 to 30 for the
 * sum of the six subscale means, 0 to 81 for the CSI-16.
 *
 * @param min the lowest possible value
 * @param max the highest possible value
 */
public record ScoreRange(double min, double max) {
    /** Whether a value lies in the interval. */
    public boolean contains(double v) {
        return v >= min && v <= max;
    }
}
