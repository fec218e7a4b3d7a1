package org.dyadkit.examples.acitelli;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A published number next to the value dyadkit computes for it.
 *
 * @param reference the published number and how it is checked
 * @param dyadkit dyadkit's value (NaN when dyadkit has no statistic for it)
 */
public record Comparison(PublishedValue reference, double dyadkit) {

    /** The verdict of one comparison. */
    public enum Agreement {
        /** Within half a unit of the last printed decimal, or within the stated tolerance. */
        YES,
        /** Outside. */
        NO,
        /** dyadkit has no statistic for this number. */
        NOT_AVAILABLE
    }

    /** Whether dyadkit's value agrees with the published one (see {@link PublishedValue#allowedDifference()}). */
    public Agreement agreement() {
        if (reference.check() == PublishedValue.Check.UNAVAILABLE) {
            return Agreement.NOT_AVAILABLE;
        }
        if (!Double.isFinite(dyadkit)) {
            return Agreement.NO;
        }
        return Math.abs(dyadkit - reference.value()) <= reference.allowedDifference() ? Agreement.YES : Agreement.NO;
    }

    /** dyadkit's value rounded to the printed decimals (for tolerance rows, one decimal more), or "-". */
    public String dyadkitPrinted() {
        if (!Double.isFinite(dyadkit)) {
            return "-";
        }
        int d = reference.decimals() + (reference.check() == PublishedValue.Check.TOLERANCE ? 1 : 0);
        return BigDecimal.valueOf(dyadkit).setScale(d, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** The agreement in words: {@code yes}, {@code no}, {@code yes (within 0.03)}, {@code n/a}. */
    public String agreementText() {
        return switch (agreement()) {
            case YES -> reference.check() == PublishedValue.Check.TOLERANCE
                    ? "yes (within " + BigDecimal.valueOf(reference.tolerance()).stripTrailingZeros().toPlainString() + ")" : "yes";
            case NO -> reference.check() == PublishedValue.Check.TOLERANCE
                    ? "NO (beyond " + BigDecimal.valueOf(reference.tolerance()).stripTrailingZeros().toPlainString() + ")" : "NO";
            case NOT_AVAILABLE -> "n/a";
        };
    }
}
