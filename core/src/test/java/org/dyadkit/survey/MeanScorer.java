package org.dyadkit.survey;

import java.util.List;

/** A stand-in scorer for I/O tests: one score, the mean of the answered items when at least {@code need} are answered. */
final class MeanScorer implements RowScorer {
    private final int items;
    private final int min;
    private final int max;
    private final int need;

    MeanScorer(int items, int min, int max, int need) {
        this.items = items;
        this.min = min;
        this.max = max;
        this.need = need;
    }

    @Override
    public int itemCount() {
        return items;
    }

    @Override
    public int scoreItems(int j) {
        return items;
    }

    @Override
    public int itemNumber(int i) {
        return i + 1;
    }

    @Override
    public int itemMin(int i) {
        return min;
    }

    @Override
    public int itemMax(int i) {
        return max;
    }

    @Override
    public List<String> scoreNames() {
        return List.of("total");
    }

    @Override
    public void scoreInto(int[] responses, double[] values, int[] answered) {
        int n = 0;
        long sum = 0;
        for (int r : responses) {
            if (r != MISSING) {
                n++;
                sum += r;
            }
        }
        values[0] = n >= need && n > 0 ? (double) sum / n : Double.NaN;
        answered[0] = n;
    }

    @Override
    public String describe() {
        return "mean of items, at least " + need + " answered";
    }
}
