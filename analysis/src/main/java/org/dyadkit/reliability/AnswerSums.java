package org.dyadkit.reliability;

/**
 * The pairwise sufficient statistics of whole-number item answers, streamed one respondent at a time in
 * constant memory (package-private).
 *
 * <p>Each answer enters as a code: 0 for missing, {@code x - min + 1} for an answer {@code x} in the item's
 * range. For items with small ranges (every Likert item: at most {@value #MAX_HISTOGRAM_WIDTH} codes), each
 * pair of items keeps the joint histogram of its codes, so a respondent costs one increment per pair; the
 * sums over the respondents who answered both items, with any item reversed ({@code min + max - x}), are
 * read off the histograms afterwards. Wider ranges keep the six sums per pair directly. Either way the sums
 * are exact integers (longs), so the moments do not depend on the order of the rows and the covariances
 * {@code (n sxy - sx sy) / (n (n - 1))} are computed from an exact numerator (no cancellation, unlike the
 * one-pass textbook formula in floating point).
 */
final class AnswerSums {
    /** The largest number of codes (missing plus the range) kept as a histogram. */
    static final int MAX_HISTOGRAM_WIDTH = 16;

    private final int k;
    private final int[] lo;
    private final int[] hi;
    private final int[] width;
    private final boolean histogram;
    /** Histogram mode: the start of pair (i, j)'s histogram, i < j, at pairStart[i * k + j]. */
    private final int[] pairStart;
    private final int[] h;
    /** Histogram mode: each item's own histogram, item i at itemStart[i]. */
    private final int[] itemStart;
    private final int[] dh;
    /** Sums mode: for pair (i, j), i <= j, at 6 * (i * k + j): n, sx, sy, sxx, syy, sxy. */
    private final long[] sums;
    private long rows;

    AnswerSums(int[] min, int[] max) {
        k = min.length;
        lo = min.clone();
        hi = max.clone();
        width = new int[k];
        boolean small = true;
        for (int i = 0; i < k; i++) {
            width[i] = max[i] - min[i] + 2;
            small &= width[i] <= MAX_HISTOGRAM_WIDTH;
        }
        histogram = small;
        if (histogram) {
            pairStart = new int[k * k];
            int size = 0;
            for (int i = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++) {
                    pairStart[i * k + j] = size;
                    size += width[i] * width[j];
                }
            }
            h = new int[size];
            itemStart = new int[k];
            int d = 0;
            for (int i = 0; i < k; i++) {
                itemStart[i] = d;
                d += width[i];
            }
            dh = new int[d];
            sums = null;
        } else {
            pairStart = null;
            h = null;
            itemStart = null;
            dh = null;
            sums = new long[6 * k * k];
        }
    }

    /** The number of items. */
    int items() {
        return k;
    }

    /** The code of an answer to item i (which must be in its range). */
    int code(int i, int value) {
        return value - lo[i] + 1;
    }

    /** Adds one respondent's codes (one per item, 0 for missing). */
    void add(int[] c) {
        if (++rows > Integer.MAX_VALUE) {
            throw new IllegalStateException("more than " + Integer.MAX_VALUE + " respondents");
        }
        if (histogram) {
            int[] hh = h;
            int[] ps = pairStart;
            int[] w = width;
            for (int i = 0; i < k; i++) {
                int ci = c[i];
                dh[itemStart[i] + ci]++;
                int row = i * k;
                for (int j = i + 1; j < k; j++) {
                    hh[ps[row + j] + ci * w[j] + c[j]]++;
                }
            }
            return;
        }
        for (int i = 0; i < k; i++) {
            if (c[i] == 0) {
                continue;
            }
            long xi = lo[i] + c[i] - 1L;
            for (int j = i; j < k; j++) {
                if (c[j] == 0) {
                    continue;
                }
                long xj = lo[j] + c[j] - 1L;
                int p = 6 * (i * k + j);
                sums[p]++;
                sums[p + 1] += xi;
                sums[p + 2] += xj;
                sums[p + 3] += xi * xi;
                sums[p + 4] += xj * xj;
                sums[p + 5] += xi * xj;
            }
        }
    }

    /**
     * The sums over the respondents who answered both items, each reversed ({@code min + max - x}) when its
     * flag is set: {n, sx, sy, sxx, syy, sxy}; {@code i == j} gives one item's n, sum and sum of squares.
     */
    long[] pair(int i, int j, boolean ri, boolean rj) {
        if (i > j) {
            long[] s = pair(j, i, rj, ri);
            return new long[] {s[0], s[2], s[1], s[4], s[3], s[5]};
        }
        long[] s = new long[6];
        if (histogram) {
            if (i == j) {
                for (int a = 1; a < width[i]; a++) {
                    long n = dh[itemStart[i] + a];
                    long x = keyed(i, a, ri);
                    s[0] += n;
                    s[1] += n * x;
                    s[3] += n * x * x;
                }
                s[2] = s[1];
                s[4] = s[3];
                s[5] = s[3];
                return s;
            }
            int start = pairStart[i * k + j];
            for (int a = 1; a < width[i]; a++) {
                long x = keyed(i, a, ri);
                for (int b = 1; b < width[j]; b++) {
                    long n = h[start + a * width[j] + b];
                    if (n == 0) {
                        continue;
                    }
                    long y = keyed(j, b, rj);
                    s[0] += n;
                    s[1] += n * x;
                    s[2] += n * y;
                    s[3] += n * x * x;
                    s[4] += n * y * y;
                    s[5] += n * x * y;
                }
            }
            return s;
        }
        int p = 6 * (i * k + j);
        long n = sums[p];
        long sx = sums[p + 1];
        long sy = sums[p + 2];
        long sxx = sums[p + 3];
        long syy = sums[p + 4];
        long sxy = sums[p + 5];
        long cx = lo[i] + (long) hi[i];
        long cy = lo[j] + (long) hi[j];
        if (ri) {
            sxy = cx * sy - sxy;
            sxx = n * cx * cx - 2 * cx * sx + sxx;
            sx = n * cx - sx;
            if (i == j) {
                sy = sx;
                syy = sxx;
                sxy = sxx;
            }
        }
        if (rj && i != j) {
            sxy = cy * sx - sxy;
            syy = n * cy * cy - 2 * cy * sy + syy;
            sy = n * cy - sy;
        }
        return new long[] {n, sx, sy, sxx, syy, sxy};
    }

    private long keyed(int i, int code, boolean reversed) {
        long x = lo[i] + code - 1L;
        return reversed ? lo[i] + (long) hi[i] - x : x;
    }
}
