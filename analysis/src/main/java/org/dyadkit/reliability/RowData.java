package org.dyadkit.reliability;

import java.util.List;

/** {@link ScaleData} from the rows of an item set (two-pass moments over the keyed answers). */
final class RowData implements ScaleData {
    private final ItemSet items;
    private final ItemSet used;
    private final double[][] x;
    private double[][] cols;
    private double[] score;
    private int completeRows = -1;

    RowData(ItemSet items, MissingData missing) {
        this.items = items;
        this.used = missing == MissingData.LISTWISE ? items.complete() : items;
        this.x = used.keyed();
    }

    private double[] col(int j) {
        if (cols == null) {
            cols = new double[used.itemCount()][];
        }
        if (cols[j] == null) {
            cols[j] = Moments.column(x, j);
        }
        return cols[j];
    }

    private double[] score() {
        if (score == null) {
            int nsub = x.length;
            score = new double[nsub];
            for (int i = 0; i < nsub; i++) {
                double s = 0;
                int n = 0;
                for (double v : x[i]) {
                    if (!Double.isNaN(v)) {
                        s += v;
                        n++;
                    }
                }
                score[i] = n == 0 ? Double.NaN : s / n;
            }
        }
        return score;
    }

    @Override
    public List<String> names() {
        return used.names();
    }

    @Override
    public boolean reversed(int item) {
        return used.reverseKeyed()[item];
    }

    @Override
    public List<String> reversedNames() {
        return items.reverseKeyedNames();
    }

    @Override
    public int rows() {
        return x.length;
    }

    @Override
    public int completeRows() {
        if (completeRows < 0) {
            completeRows = items.complete().respondentCount();
        }
        return completeRows;
    }

    @Override
    public int answering() {
        return Moments.answering(x);
    }

    @Override
    public int count(int i, int j) {
        return Moments.pairCount(col(i), col(j));
    }

    @Override
    public double cov(int i, int j) {
        return Moments.pairwise(col(i), col(j), false);
    }

    @Override
    public double cor(int i, int j) {
        return Moments.pairwise(col(i), col(j), true);
    }

    @Override
    public double mean(int item) {
        return Moments.mean(col(item));
    }

    @Override
    public double sd(int item) {
        return Moments.sd(col(item));
    }

    @Override
    public double rawR(int item) {
        return Moments.pairwise(score(), col(item), true);
    }

    @Override
    public double scoreMean() {
        return Moments.mean(score());
    }

    @Override
    public double scoreSd() {
        return Moments.sd(score());
    }
}
