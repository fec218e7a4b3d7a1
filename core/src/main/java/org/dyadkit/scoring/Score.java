package org.dyadkit.scoring;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One score of one row with its provenance.
 *
 * @param name the score name ({@code self_kindness}, {@code total}, {@code compromise_count})
 * @param value the score; empty when the missing-data rule was not met
 * @param answered items answered among the score's items
 * @param of the number of the score's items
 * @param rule the missing-data rule as applied to this score, for example
 *     {@code min-answered-fraction 0.8: 4 of 5}
 * @param method how the value was formed: {@code mean}, {@code sum}, {@code count}, {@code proportion},
 *     or the total method ({@code mean-of-subscales}, ...)
 * @param reversedItems numbers of the items reversed ({@code min + max - x}) in this score
 * @param instrument the instrument id and definition version, for example {@code scs 1}
 */
public record Score(String name, OptionalDouble value, int answered, int of, String rule, String method,
        List<Integer> reversedItems, String instrument) {
    /** Checks for nulls and copies the list. */
    public Score {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        reversedItems = List.copyOf(reversedItems);
    }

    /** Whether the score was computed (its rule was met). */
    public boolean present() {
        return value.isPresent();
    }
}
