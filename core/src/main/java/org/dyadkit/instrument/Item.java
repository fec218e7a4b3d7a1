package org.dyadkit.instrument;

import java.util.Map;
import java.util.Objects;

/**
 * One item of an instrument, identified by its number in the published instrument (never by the
 * position of a column in a data file).
 *
 * @param number the item's number in the published instrument (1-based)
 * @param label a short label (at most a few words; dyadkit does not store item wordings)
 * @param min the lowest valid response (per item: the CSI has items scored 0-6 and 0-5)
 * @param max the highest valid response
 * @param reverseKeyed whether the item is keyed against the instrument's direction; it is reversed
 *     ({@code min + max - x}) in totals and in positive subscales, and enters negative subscales as
 *     answered
 * @param anchors labels of response values (may be empty); for a categorical item, the category names
 * @param categorical whether the values are category codes (no arithmetic; only counted)
 * @param note a free note, for example the long-form number of a short-form item (may be empty)
 */
public record Item(int number, String label, int min, int max, boolean reverseKeyed, Map<Integer, String> anchors,
        boolean categorical, String note) {
    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException when min is not below max or the number is below 1
     */
    public Item {
        Objects.requireNonNull(label, "label");
        if (number < 1) {
            throw new IllegalArgumentException("item number must be at least 1, got " + number);
        }
        if (min >= max) {
            throw new IllegalArgumentException("item " + number + ": min (" + min + ") must be below max (" + max + ")");
        }
        anchors = Map.copyOf(anchors);
        note = note == null ? "" : note;
    }

    /** Whether a response lies in this item's range. */
    public boolean accepts(int value) {
        return value >= min && value <= max;
    }

    /** The reversed value {@code min + max - x}. */
    public int reverse(int x) {
        return min + max - x;
    }
}
