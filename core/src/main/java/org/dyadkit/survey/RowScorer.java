package org.dyadkit.survey;

import java.util.List;

/**
 * What batch scoring needs from an instrument's scorer: the items (by number, with their response
 * ranges) and the scores computed from one row of validated responses. {@link BatchScoring} validates
 * every cell against {@link #itemMin(int)} and {@link #itemMax(int)} and passes {@link #MISSING} for
 * blank and invalid cells.
 */
public interface RowScorer {
    /** Marks a missing response. */
    int MISSING = Integer.MIN_VALUE;

    /** The number of items. */
    int itemCount();

    /** The published number of item {@code i} (position {@code i} in the responses array). */
    int itemNumber(int i);

    /** The lowest valid response of item {@code i}. */
    int itemMin(int i);

    /** The highest valid response of item {@code i}. */
    int itemMax(int i);

    /** The score names, in output order (for example {@code self_kindness}, ..., {@code total}). */
    List<String> scoreNames();

    /**
     * Scores one row without allocating: {@code values[j]} is score j, or NaN when its missing-data rule
     * is not met; {@code answered[j]} is the number of its items answered.
     */
    void scoreInto(int[] responses, double[] values, int[] answered);

    /** One line saying how the scores are computed (total method, missing-data rule), for summaries. */
    String describe();
}
