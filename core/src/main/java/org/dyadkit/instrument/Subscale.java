package org.dyadkit.instrument;

import java.util.List;
import java.util.Objects;

/**
 * A score formed from a set of items: a subscale, or an optional composite.
 *
 * @param name snake_case score name, for example {@code self_kindness}
 * @param label the published name, for example {@code Self-Kindness}
 * @param items the item numbers
 * @param aggregation mean or sum of the items
 * @param direction {@link Direction#POSITIVE} when the score runs in the instrument's direction
 *     (reverse-keyed items reversed inside it); {@link Direction#NEGATIVE} when it is reported in the
 *     direction of its own items (the SCS self-judgment subscale: higher means more self-judgment, its
 *     items enter as answered and are reversed only inside totals)
 * @param note a free note (may be empty)
 */
public record Subscale(String name, String label, List<Integer> items, Aggregation aggregation, Direction direction,
        String note) {
    /** How a score combines its items. */
    public enum Aggregation {
        /** Mean of the answered items. */
        MEAN,
        /** Sum of the items; prorated (mean of the answered items times k) when items are missing. */
        SUM;

        /** The lower-case name used in files. */
        public String fileName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Which way a score runs relative to the instrument's direction. */
    public enum Direction {
        /** Higher means more of what the instrument measures; reverse-keyed items are reversed. */
        POSITIVE,
        /** Reported un-reversed (in the direction of its reverse-keyed items); reversed only in totals. */
        NEGATIVE;

        /** The lower-case name used in files. */
        public String fileName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Copies the item list. */
    public Subscale {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(direction, "direction");
        items = List.copyOf(items);
        label = label == null ? name : label;
        note = note == null ? "" : note;
    }

    /** Number of items. */
    public int size() {
        return items.size();
    }
}
