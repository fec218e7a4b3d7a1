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
    // Histogram mode. The items are taken two by two into blocks (items 2t and 2t + 1; the last block of an
    // odd number of items has one), and a block's code is d = c(2t) * w(2t + 1) + c(2t + 1). Each block
    // keeps the histogram of its codes (its pair and both items' own counts), and each item i keeps, for
    // every later block t, the joint histogram of (c(i), d(t)): one increment covers two pairs.
    private final int blocks;
    private final int[] blockWidth;
    private final int[] blockStart;
    private final int[] bh;
    /** Item i's joint histogram with block t (t after i's block) at cross[i * blocks + t]. */
    private final int[] cross;
    private final int[] h;
    private final int[] d;
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
        blocks = (k + 1) / 2;
        if (histogram) {
            blockWidth = new int[blocks];
            blockStart = new int[blocks];
            int b = 0;
            for (int t = 0; t < blocks; t++) {
                blockWidth[t] = 2 * t + 1 < k ? width[2 * t] * width[2 * t + 1] : width[2 * t];
                blockStart[t] = b;
                b += blockWidth[t];
            }
            bh = new int[b];
            cross = new int[k * blocks];
            int size = 0;
            for (int i = 0; i < k; i++) {
                for (int t = i / 2 + 1; t < blocks; t++) {
                    cross[i * blocks + t] = size;
                    size += width[i] * blockWidth[t];
                }
            }
            h = new int[size];
            d = new int[blocks];
            sums = null;
        } else {
            blockWidth = null;
            blockStart = null;
            bh = null;
            cross = null;
            h = null;
            d = null;
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
            int[] dd = d;
            int nb = blocks;
            for (int t = 0; t < nb; t++) {
                int a = 2 * t;
                int code = a + 1 < k ? c[a] * width[a + 1] + c[a + 1] : c[a];
                dd[t] = code;
                bh[blockStart[t] + code]++;
            }
            int[] hh = h;
            int[] bw = blockWidth;
            int p = 0;
            for (int i = 0; i < k; i++) {
                int ci = c[i];
                for (int t = i / 2 + 1; t < nb; t++) {
                    int w = bw[t];
                    hh[p + ci * w + dd[t]]++;
                    p += width[i] * w;
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
            int ti = i / 2;
            int tj = j / 2;
            if (i == j) {
                int start = blockStart[ti];
                boolean first = i % 2 == 0;
                int wb = first && i + 1 < k ? width[i + 1] : 1;
                for (int code = 0; code < blockWidth[ti]; code++) {
                    int a = first ? code / wb : code % width[i];
                    long n = bh[start + code];
                    if (a == 0 || n == 0) {
                        continue;
                    }
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
            if (ti == tj) {
                // the block's own pair (i = 2t, j = 2t + 1)
                int start = blockStart[ti];
                for (int a = 1; a < width[i]; a++) {
                    for (int b = 1; b < width[j]; b++) {
                        add(s, bh[start + a * width[j] + b], keyed(i, a, ri), keyed(j, b, rj));
                    }
                }
                return s;
            }
            int start = cross[i * blocks + tj];
            int w = blockWidth[tj];
            boolean first = j % 2 == 0;
            int wb = first && j + 1 < k ? width[j + 1] : 1;
            for (int a = 1; a < width[i]; a++) {
                long x = keyed(i, a, ri);
                for (int code = 0; code < w; code++) {
                    int b = first ? code / wb : code % width[j];
                    if (b == 0) {
                        continue;
                    }
                    add(s, h[start + a * w + code], x, keyed(j, b, rj));
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

    private static void add(long[] s, long n, long x, long y) {
        if (n == 0) {
            return;
        }
        s[0] += n;
        s[1] += n * x;
        s[2] += n * y;
        s[3] += n * x * x;
        s[4] += n * y * y;
        s[5] += n * x * y;
    }

    private long keyed(int i, int code, boolean reversed) {
        long x = lo[i] + code - 1L;
        return reversed ? lo[i] + (long) hi[i] - x : x;
    }
}
