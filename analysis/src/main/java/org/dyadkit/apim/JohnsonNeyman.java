package org.dyadkit.apim;

import java.util.OptionalDouble;

/**
 * The Johnson-Neyman region of significance of a simple slope (Johnson and Neyman 1936; Bauer and Curran
 * 2005): the moderator values m at which |b1 + m b3| / sqrt(v11 + 2 m v13 + m^2 v33) exceeds the critical t
 * of the focal coefficient's df, the roots of (b3^2 - t^2 v33) m^2 + 2 (b1 b3 - t^2 v13) m + b1^2 - t^2 v11.
 *
 * @param focal the focal term
 * @param moderator the moderator
 * @param role the role or {@code all}
 * @param level the confidence level whose critical t is used (alpha = 1 - level)
 * @param lower the lower bound (empty when the region is everywhere or nowhere)
 * @param upper the upper bound (empty likewise)
 * @param region where the slope is significant relative to the bounds
 * @param observedMin the smallest moderator value among the persons in the model (of that role)
 * @param observedMax the largest
 */
public record JohnsonNeyman(String focal, String moderator, String role, double level, OptionalDouble lower,
        OptionalDouble upper, Region region, double observedMin, double observedMax) {

    /** Where the simple slope is significant. */
    public enum Region {
        /** Below the lower and above the upper bound. */
        OUTSIDE,
        /** Between the bounds. */
        INSIDE,
        /** At every moderator value. */
        EVERYWHERE,
        /** At no moderator value. */
        NOWHERE
    }
}
