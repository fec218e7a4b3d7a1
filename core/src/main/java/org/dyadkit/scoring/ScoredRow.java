package org.dyadkit.scoring;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalDouble;

/**
 * The scores of one response row, in {@link Scorer#scoreNames()} order.
 *
 * @param scores the scores with their provenance
 */
public record ScoredRow(List<Score> scores) {
    /** Copies the list. */
    public ScoredRow {
        scores = List.copyOf(scores);
    }

    /**
     * The score with this name.
     *
     * @throws NoSuchElementException when there is none
     */
    public Score get(String name) {
        for (Score s : scores) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new NoSuchElementException("no score named " + name + "; scores are "
                + scores.stream().map(Score::name).toList());
    }

    /** The value of the named score (empty when its missing-data rule was not met). */
    public OptionalDouble value(String name) {
        return get(name).value();
    }
}
