package org.dyadkit.scoring;

/**
 * A {@link Scorer}'s scores as a function of one tally per subscale, for scorers whose plan is the
 * instrument's subscales and a total formed from them ({@link TotalMethod#MEAN_OF_SUBSCALES} or
 * {@link TotalMethod#SUM_OF_SUBSCALES}, no composites). A subscale's tally holds its answered items, the sum
 * of their responses as the subscale counts them and their sum as the total counts them (a reverse-keyed
 * item adds {@code min + max - x} where that direction reverses it, {@code x} otherwise; see
 * {@code docs/scoring.md}). Batch scoring adds up the tallies while it validates a row's cells and finishes
 * the row with {@link #finish}, instead of filling a response array that {@link Scorer#scoreInto} reads
 * again; the scores are the same doubles, bit for bit, because they come from the same integer sums
 * through the same operations in the same order.
 *
 * <p>A tally is one {@code long}: answered items in bits 0-15, the subscale's sum in bits 16-39, the
 * total's sum in bits 40-63; tallies of single responses ({@link #tally(int, int)}) are added with
 * {@code +}. Offered by {@link Scorer#subscaleTallies()} only where that cannot overflow: every item in at
 * most one subscale, no response below 0, fewer than 65,536 items in a subscale and its largest sums below
 * 2<sup>24</sup>. Missing responses are not tallied: an unanswered item adds nothing. Immutable and
 * thread-safe.
 */
public final class SubscaleTallies {
    private static final long SUM_MASK = (1L << 24) - 1;

    private final int[] subscaleOf;
    private final int[] span;
    private final boolean[] flipSub;
    private final boolean[] flipTotal;
    private final int[] size;
    private final int[] required;
    private final boolean[] isSum;
    private final boolean meanOfSubscales;
    /**
     * Per subscale with few enough possible sums: its value for n answered items and sum x at
     * {@code [n * (top + 1) + x]}, computed once by the scorer's own aggregation (so the same bits), or null:
     * a row then costs lookups instead of a division per subscale and per total term.
     */
    private final double[][] table;
    private final int[] top;

    /** The most entries a subscale's value table may have (larger subscales divide per row). */
    private static final int TABLE_MAX = 4096;

    SubscaleTallies(int[] subscaleOf, int[] span, boolean[] flipSub, boolean[] flipTotal, int[] size, int[] required,
            boolean[] isSum, boolean meanOfSubscales) {
        this.subscaleOf = subscaleOf;
        this.span = span;
        this.flipSub = flipSub;
        this.flipTotal = flipTotal;
        this.size = size;
        this.required = required;
        this.isSum = isSum;
        this.meanOfSubscales = meanOfSubscales;
        int ns = size.length;
        table = new double[ns][];
        top = new int[ns];
        long[] most = new long[ns];
        for (int i = 0; i < subscaleOf.length; i++) {
            if (subscaleOf[i] >= 0) {
                most[subscaleOf[i]] += Math.max(0, span[i]); // a contribution is at most min + max (responses >= 0)
            }
        }
        for (int s = 0; s < ns; s++) {
            long entries = (size[s] + 1L) * (most[s] + 1);
            if (entries > TABLE_MAX) {
                continue;
            }
            int t = (int) most[s];
            double[] v = new double[(int) entries];
            for (int n = 0; n <= size[s]; n++) {
                for (int x = 0; x <= t; x++) {
                    v[n * (t + 1) + x] = Scorer.aggregate(x, n, size[s], isSum[s]);
                }
            }
            top[s] = t;
            table[s] = v;
        }
    }

    /** The number of subscales (tallies per row); the scores are these subscales, then the total. */
    public int subscales() {
        return size.length;
    }

    /** The subscale of item {@code i} (its position in the instrument), or -1 when it is in none. */
    public int subscale(int item) {
        return subscaleOf[item];
    }

    /**
     * The tally of one answered response {@code x} to item {@code i}, which must be within the item's range
     * (batch scoring has checked it); 0 for an item in no subscale.
     */
    public long tally(int item, int x) {
        if (subscaleOf[item] < 0) {
            return 0;
        }
        long sub = flipSub[item] ? span[item] - x : x;
        long tot = flipTotal[item] ? span[item] - x : x;
        return 1L | sub << 16 | tot << 40;
    }

    /**
     * Writes the row's scores from its tallies {@code tallies[from, from + subscales())}: {@code values[s]}
     * and {@code answered[s]} for each subscale, then the total at index {@link #subscales()}, exactly as
     * {@link Scorer#scoreInto} gives them for the same responses (NaN where the missing-data rule is not met).
     */
    public void finish(long[] tallies, int from, double[] values, int[] answered) {
        final int ns = size.length;
        boolean all = true;
        int answeredAll = 0;
        double acc = 0;
        for (int s = 0; s < ns; s++) {
            long t = tallies[from + s];
            int n = (int) (t & 0xFFFF);
            long sub = (t >>> 16) & SUM_MASK;
            long tot = t >>> 40;
            answered[s] = n;
            answeredAll += n;
            if (n < required[s]) {
                values[s] = Double.NaN;
                all = false;
            } else if (table[s] != null) {
                double[] v = table[s];
                int row = n * (top[s] + 1);
                values[s] = v[row + (int) sub];
                acc += v[row + (int) tot];
            } else {
                values[s] = Scorer.aggregate(sub, n, size[s], isSum[s]);
                acc += Scorer.aggregate(tot, n, size[s], isSum[s]);
            }
        }
        answered[ns] = answeredAll;
        values[ns] = !all ? Double.NaN : meanOfSubscales ? acc / ns : acc;
    }
}
