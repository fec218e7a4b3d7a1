package org.dyadkit.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * When a score may be computed from a row with unanswered items. No instrument bundled with dyadkit
 * publishes an official rule; each instrument file names a default and the caller may override it.
 *
 * <p>A score over k items is computed when at least {@link #required(int)} of them are answered:
 * <ul>
 *   <li>{@link #allRequired()}: k;</li>
 *   <li>{@link #minAnsweredFraction(double)}: ceil(f * k), computed in exact decimal arithmetic on the
 *       decimal written for f, so 0.8 of 5 is 4 and 0.8 of 26 is 21 (never 20.800000000000001 rounded
 *       up to 22);</li>
 *   <li>{@link #minAnswered(int)}: min(n, k) (a score with fewer than n items needs all of them);</li>
 *   <li>{@link #prorated(double)}: ceil(f * k), like the fraction rule, named for readers who think of
 *       sums.</li>
 * </ul>
 * A mean score is the mean of the answered items. A sum score with unanswered items is always the
 * prorated sum, mean of the answered items times k, under every rule that allows missing items; this
 * keeps every sum on the scale's own range (k * min to k * max). Totals formed from subscales need
 * every subscale present; item-based totals apply the rule to all the instrument's items.
 *
 * @param kind which rule
 * @param fraction f for the fraction and prorated rules (exact decimal), else null
 * @param count n for the count rule, else 0
 */
public record MissingRule(Kind kind, BigDecimal fraction, int count) {
    /** The kinds of rule. */
    public enum Kind {
        /** Every item answered. */
        ALL_REQUIRED("all-required"),
        /** At least ceil(f * k) of k items answered. */
        MIN_ANSWERED_FRACTION("min-answered-fraction"),
        /** At least min(n, k) items answered. */
        MIN_ANSWERED("min-answered"),
        /** At least ceil(f * k) of k items answered; sums prorated. */
        PRORATED("prorated");

        private final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }

        /** The name used in instrument files ({@code "rule"}). */
        public String fileName() {
            return fileName;
        }
    }

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when f is not in (0, 1], n is below 1, or a component does not
     *     belong to the kind
     */
    public MissingRule {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case ALL_REQUIRED -> {
                if (fraction != null || count != 0) {
                    throw new IllegalArgumentException("all-required takes no fraction or count");
                }
            }
            case MIN_ANSWERED_FRACTION, PRORATED -> {
                if (fraction == null || fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
                    throw new IllegalArgumentException("the answered fraction must be above 0 and at most 1, got "
                            + (fraction == null ? "none" : fraction.toPlainString()));
                }
                if (count != 0) {
                    throw new IllegalArgumentException(kind.fileName() + " takes no count");
                }
                fraction = fraction.stripTrailingZeros();
            }
            case MIN_ANSWERED -> {
                if (count < 1) {
                    throw new IllegalArgumentException("the minimum answered count must be at least 1, got " + count);
                }
                if (fraction != null) {
                    throw new IllegalArgumentException("min-answered takes no fraction");
                }
            }
            default -> throw new AssertionError(kind);
        }
    }

    /** Every item of a score must be answered. */
    public static MissingRule allRequired() {
        return new MissingRule(Kind.ALL_REQUIRED, null, 0);
    }

    /**
     * A score needs at least ceil(f * k) of its k items. The fraction is taken as the shortest decimal
     * that prints as the double (0.8 is exactly 8/10).
     *
     * @throws IllegalArgumentException when f is not in (0, 1] or not finite
     */
    public static MissingRule minAnsweredFraction(double f) {
        return new MissingRule(Kind.MIN_ANSWERED_FRACTION, decimal(f), 0);
    }

    /** As {@link #minAnsweredFraction(double)}, with the fraction given as an exact decimal. */
    public static MissingRule minAnsweredFraction(BigDecimal f) {
        return new MissingRule(Kind.MIN_ANSWERED_FRACTION, f, 0);
    }

    /**
     * A score needs at least min(n, k) of its k items answered.
     *
     * @throws IllegalArgumentException when n is below 1
     */
    public static MissingRule minAnswered(int n) {
        return new MissingRule(Kind.MIN_ANSWERED, null, n);
    }

    /**
     * A score needs at least ceil(f * k) of its k items; a sum with unanswered items is prorated (mean
     * of the answered items times k). Gives the same numbers as {@link #minAnsweredFraction(double)},
     * whose sums are prorated too; the name records the intent in the output.
     *
     * @throws IllegalArgumentException when f is not in (0, 1]
     */
    public static MissingRule prorated(double f) {
        return new MissingRule(Kind.PRORATED, decimal(f), 0);
    }

    private static BigDecimal decimal(double f) {
        if (!Double.isFinite(f)) {
            throw new IllegalArgumentException("the answered fraction must be a finite number, got " + f);
        }
        return BigDecimal.valueOf(f);
    }

    /**
     * The number of answered items a score over k items needs.
     *
     * @throws IllegalArgumentException when k is below 1
     */
    public int required(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("a score needs at least one item, got k = " + k);
        }
        return switch (kind) {
            case ALL_REQUIRED -> k;
            case MIN_ANSWERED -> Math.min(count, k);
            case MIN_ANSWERED_FRACTION, PRORATED ->
                Math.max(1, fraction.multiply(BigDecimal.valueOf(k)).setScale(0, RoundingMode.CEILING).intValueExact());
        };
    }

    /** A one-line description, for example {@code at least ceil(0.8 * k) of k items answered}. */
    public String describe() {
        return switch (kind) {
            case ALL_REQUIRED -> "all items answered";
            case MIN_ANSWERED_FRACTION -> "at least ceil(" + fraction.toPlainString() + " * k) of k items answered";
            case MIN_ANSWERED -> "at least " + count + " items answered (all when a score has fewer)";
            case PRORATED -> "at least ceil(" + fraction.toPlainString()
                    + " * k) of k items answered, sums prorated";
        };
    }

    /** The description for a score of k items, for example {@code min-answered-fraction 0.8: 21 of 26}. */
    public String describe(int k) {
        String head = switch (kind) {
            case ALL_REQUIRED -> "all-required";
            case MIN_ANSWERED_FRACTION, PRORATED -> kind.fileName() + " " + fraction.toPlainString();
            case MIN_ANSWERED -> "min-answered " + count;
        };
        return head + ": " + required(k) + " of " + k;
    }

    @Override
    public String toString() {
        return describe();
    }
}
