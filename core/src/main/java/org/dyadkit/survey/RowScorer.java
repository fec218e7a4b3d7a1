package org.dyadkit.survey;

import java.util.List;
import java.util.Optional;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Item;
import org.dyadkit.scoring.Scorer;
import org.dyadkit.scoring.SubscaleTallies;

/**
 * What batch scoring needs from an instrument's scorer: the items (by number, with their response
 * ranges) and the scores computed from one row of validated responses. {@link BatchScoring} validates
 * every cell against {@link #itemMin(int)} and {@link #itemMax(int)} and passes {@link #MISSING} for
 * blank and invalid cells. Implementations must be thread-safe: batch scoring calls {@link #scoreInto}
 * from several worker threads at once.
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

    /**
     * The number of items score {@code j} is computed from (the k of "answered of k" in a
     * {@code below_min_answered} problem); -1 when not known.
     */
    default int scoreItems(int j) {
        return -1;
    }

    /**
     * The scores as per-subscale tallies, when they can be formed that way (see {@link SubscaleTallies}):
     * batch scoring then adds up each row's tallies while it validates the cells and finishes the row with
     * {@link SubscaleTallies#finish} instead of calling {@link #scoreInto}. The scores must equal those of
     * {@link #scoreInto}; empty (the default): batch scoring calls {@link #scoreInto}.
     */
    default Optional<SubscaleTallies> subscaleTallies() {
        return Optional.empty();
    }

    /** One line saying how the scores are computed (total method, missing-data rule), for summaries. */
    String describe();

    /**
     * The batch view of an instrument's {@link Scorer}: items in instrument order with their own
     * ranges, the scorer's score names, and a description naming the total method and missing rule.
     */
    static RowScorer of(Scorer scorer) {
        Instrument ins = scorer.instrument();
        List<Item> items = ins.items();
        int[] numbers = items.stream().mapToInt(Item::number).toArray();
        int[] lo = items.stream().mapToInt(Item::min).toArray();
        int[] hi = items.stream().mapToInt(Item::max).toArray();
        String text = ins.id() + ": " + scorer.missing().describe()
                + scorer.total().map(t -> "; total = " + t.cliName()).orElse("");
        return new RowScorer() {
            @Override
            public int itemCount() {
                return numbers.length;
            }

            @Override
            public int itemNumber(int i) {
                return numbers[i];
            }

            @Override
            public int itemMin(int i) {
                return lo[i];
            }

            @Override
            public int itemMax(int i) {
                return hi[i];
            }

            @Override
            public List<String> scoreNames() {
                return scorer.scoreNames();
            }

            @Override
            public void scoreInto(int[] responses, double[] values, int[] answered) {
                scorer.scoreInto(responses, values, answered);
            }

            @Override
            public int scoreItems(int j) {
                return scorer.scoreItemCount(j);
            }

            @Override
            public Optional<SubscaleTallies> subscaleTallies() {
                return scorer.subscaleTallies();
            }

            @Override
            public String describe() {
                return text;
            }
        };
    }
}
