package org.dyadkit.reliability;

import java.util.List;

/**
 * One scale's streamed statistics in one group of respondents (package-private): the counts of rows, of
 * rows with an answer and of complete rows, and the sums behind the scale score (each row's mean of its
 * answered, keyed items) and its correlation with each item. The score sums are kept per number of
 * answered items m as exact integer sums of S (the row's sum of keyed answers), S^2 and S x, so that the
 * score {@code S / m} enters only at the end. With listwise deletion only complete rows enter, and the
 * item pairs are summed here too; with pairwise deletion they come from the group's {@link AnswerSums}
 * over every item read, shared by all scales.
 */
final class ScaleSums {
    private final List<String> names;
    private final List<String> reversedNames;
    private final int[] member;
    private final boolean[] rev;
    private final int[][] keyed;
    private final boolean listwise;
    private final AnswerSums pairs;
    private final int[] own;
    private final int k;
    private int rows;
    private int answering;
    private int complete;
    // per item j and m answered, at j * (k + 1) + m
    private final long[] cnt;
    private final long[] t1;
    private final long[] t2;
    private final long[] t3;
    // per m
    private final long[] u0;
    private final long[] u1;
    private final long[] u2;

    /**
     * @param member each item's position among the codes of a row (the items read)
     * @param min each item's lowest answer; {@code max} its highest
     * @param shared the group's pairwise sums over every item read (pairwise deletion), or null (listwise)
     */
    ScaleSums(List<String> names, List<String> reversedNames, int[] member, boolean[] rev, int[] min, int[] max,
            AnswerSums shared) {
        this.names = List.copyOf(names);
        this.reversedNames = List.copyOf(reversedNames);
        this.member = member.clone();
        this.rev = rev.clone();
        k = member.length;
        keyed = new int[k][];
        for (int j = 0; j < k; j++) {
            int w = max[j] - min[j] + 2;
            keyed[j] = new int[w];
            for (int c = 1; c < w; c++) {
                int x = min[j] + c - 1;
                keyed[j][c] = rev[j] ? min[j] + max[j] - x : x;
            }
        }
        listwise = shared == null;
        pairs = listwise ? new AnswerSums(min, max) : shared;
        own = listwise ? new int[k] : null;
        cnt = new long[k * (k + 1)];
        t1 = new long[k * (k + 1)];
        t2 = new long[k * (k + 1)];
        t3 = new long[k * (k + 1)];
        u0 = new long[k + 1];
        u1 = new long[k + 1];
        u2 = new long[k + 1];
    }

    /** Adds one row: its codes over every item read (0 missing). */
    void add(int[] codes) {
        long s = 0;
        int m = 0;
        for (int j = 0; j < k; j++) {
            int c = codes[member[j]];
            if (c != 0) {
                s += keyed[j][c];
                m++;
            }
        }
        if (listwise) {
            if (m < k) {
                return;
            }
            for (int j = 0; j < k; j++) {
                own[j] = codes[member[j]];
            }
            pairs.add(own);
        }
        rows++;
        if (m == k) {
            complete++;
        }
        if (m == 0) {
            return;
        }
        answering++;
        long s2 = s * s;
        u0[m]++;
        u1[m] += s;
        u2[m] += s2;
        for (int j = 0; j < k; j++) {
            int c = codes[member[j]];
            if (c != 0) {
                int p = j * (k + 1) + m;
                cnt[p]++;
                t1[p] += s;
                t2[p] += s2;
                t3[p] += s * keyed[j][c];
            }
        }
    }

    /** The moments of this scale for alpha and omega. */
    ScaleData data() {
        return new Data();
    }

    /** (n a - b c) / d with an exact integer numerator where it fits in a long. */
    private static double centred(long n, long a, long b, long c) {
        try {
            return Math.subtractExact(Math.multiplyExact(n, a), Math.multiplyExact(b, c));
        } catch (ArithmeticException e) {
            return (double) n * a - (double) b * c;
        }
    }

    private final class Data implements ScaleData {
        private final long[][] cache = new long[k * k][];

        private long[] pair(int i, int j) {
            int p = i * k + j;
            if (cache[p] == null) {
                cache[p] = listwise ? pairs.pair(i, j, rev[i], rev[j])
                        : pairs.pair(member[i], member[j], rev[i], rev[j]);
            }
            return cache[p];
        }

        @Override
        public List<String> names() {
            return names;
        }

        @Override
        public boolean reversed(int item) {
            return rev[item];
        }

        @Override
        public List<String> reversedNames() {
            return reversedNames;
        }

        @Override
        public int rows() {
            return rows;
        }

        @Override
        public int completeRows() {
            return complete;
        }

        @Override
        public int answering() {
            return answering;
        }

        @Override
        public int count(int i, int j) {
            return (int) pair(i, j)[0];
        }

        @Override
        public double cov(int i, int j) {
            long[] s = pair(i, j);
            long n = s[0];
            if (n < 2) {
                return Double.NaN;
            }
            return centred(n, s[5], s[1], s[2]) / ((double) n * (n - 1));
        }

        @Override
        public double cor(int i, int j) {
            long[] s = pair(i, j);
            long n = s[0];
            if (n < 2) {
                return Double.NaN;
            }
            double num = centred(n, s[5], s[1], s[2]);
            double dx = centred(n, s[3], s[1], s[1]);
            double dy = centred(n, s[4], s[2], s[2]);
            return num / Math.sqrt(dx * dy);
        }

        @Override
        public double mean(int item) {
            long[] s = pair(item, item);
            return s[0] == 0 ? Double.NaN : (double) s[1] / s[0];
        }

        @Override
        public double sd(int item) {
            long[] s = pair(item, item);
            long n = s[0];
            if (n < 2) {
                return Double.NaN;
            }
            return Math.sqrt(centred(n, s[3], s[1], s[1]) / ((double) n * (n - 1)));
        }

        @Override
        public double rawR(int item) {
            long[] x = pair(item, item);
            long n = 0;
            double ss = 0;
            double ss2 = 0;
            double ssx = 0;
            for (int m = 1; m <= k; m++) {
                int p = item * (k + 1) + m;
                n += cnt[p];
                ss += (double) t1[p] / m;
                ss2 += (double) t2[p] / ((double) m * m);
                ssx += (double) t3[p] / m;
            }
            if (n < 2) {
                return Double.NaN;
            }
            double sx = x[1];
            double num = n * ssx - ss * sx;
            double dx = centred(n, x[3], x[1], x[1]);
            double ds = n * ss2 - ss * ss;
            return num / Math.sqrt(ds * dx);
        }

        @Override
        public double scoreMean() {
            long n = 0;
            double ss = 0;
            for (int m = 1; m <= k; m++) {
                n += u0[m];
                ss += (double) u1[m] / m;
            }
            return n == 0 ? Double.NaN : ss / n;
        }

        @Override
        public double scoreSd() {
            long n = 0;
            double ss = 0;
            double ss2 = 0;
            for (int m = 1; m <= k; m++) {
                n += u0[m];
                ss += (double) u1[m] / m;
                ss2 += (double) u2[m] / ((double) m * m);
            }
            if (n < 2) {
                return Double.NaN;
            }
            return Math.sqrt((ss2 - ss * ss / n) / (n - 1));
        }
    }
}
