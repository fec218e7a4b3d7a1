package org.dyadkit.apim;

/**
 * Weighted sums of outer products of the augmented rows {@code [x, y]} that the dyadic GLS likelihood
 * needs, so that each likelihood evaluation costs O(p^3) whatever the number of dyads.
 *
 * <p>For complete dyads the first member is the role-0 person (in indistinguishable models the order
 * is arbitrary): {@code s11 = sum w z1 z1'}, {@code s22 = sum w z2 z2'}, {@code s12 = sum w z1 z2'}
 * (not symmetrised). Singletons (1x1 blocks) are summed by role into {@code t0} and {@code t1}. The
 * weight of a dyad is how often it is drawn (1 for the data as observed).
 */
final class CrossProducts {
    final int p;
    final int q;
    final double[] s11;
    final double[] s22;
    final double[] s12;
    final double[] t0;
    final double[] t1;
    double nComplete;
    double nSingle0;
    double nSingle1;

    private CrossProducts(int p) {
        this.p = p;
        this.q = p + 1;
        s11 = new double[q * q];
        s22 = new double[q * q];
        s12 = new double[q * q];
        t0 = new double[q * q];
        t1 = new double[q * q];
    }

    /**
     * Sums over the design with each dyad weighted by {@code weight[d]} (null: all 1). Only the nonzero entries
     * of each row enter the outer products (the two-intercept design is half zeros); a skipped product is an
     * exact 0, so the sums are the same numbers as over every entry.
     */
    static CrossProducts of(Design d, int[] weight) {
        CrossProducts c = new CrossProducts(d.p);
        int q = c.q;
        double[] z1 = new double[q];
        double[] z2 = new double[q];
        int[] n1 = new int[q];
        int[] n2 = new int[q];
        for (int g = 0; g < d.dyads.length; g++) {
            int w = weight == null ? 1 : weight[g];
            if (w == 0) {
                continue;
            }
            int[] m = d.dyads[g];
            if (m.length == 2) {
                d.augmented(m[0], z1);
                d.augmented(m[1], z2);
                int k1 = nonzero(z1, n1);
                int k2 = nonzero(z2, n2);
                addOuter(c.s11, z1, n1, k1, z1, n1, k1, w, q);
                addOuter(c.s22, z2, n2, k2, z2, n2, k2, w, q);
                addOuter(c.s12, z1, n1, k1, z2, n2, k2, w, q);
                c.nComplete += w;
            } else {
                d.augmented(m[0], z1);
                int k1 = nonzero(z1, n1);
                if (d.role[m[0]] == 0) {
                    addOuter(c.t0, z1, n1, k1, z1, n1, k1, w, q);
                    c.nSingle0 += w;
                } else {
                    addOuter(c.t1, z1, n1, k1, z1, n1, k1, w, q);
                    c.nSingle1 += w;
                }
            }
        }
        return c;
    }

    /**
     * The augmented rows (x then y) of every person of a design with the indices of their nonzero entries,
     * built once for the refits of a resampling loop ({@link #of(Design, int[], Rows)}).
     */
    static final class Rows {
        private final double[][] z;
        private final int[][] nz;

        Rows(Design d) {
            int n = d.y.length;
            int q = d.p + 1;
            z = new double[n][];
            nz = new int[n][];
            double[] zi = new double[q];
            int[] ni = new int[q];
            for (int i = 0; i < n; i++) {
                d.augmented(i, zi);
                int k = nonzero(zi, ni);
                z[i] = zi.clone();
                nz[i] = java.util.Arrays.copyOf(ni, k);
            }
        }
    }

    /**
     * {@link #of(Design, int[])} from rows built beforehand: the same products summed in the same order, so
     * the same numbers.
     */
    static CrossProducts of(Design d, int[] weight, Rows rows) {
        CrossProducts c = new CrossProducts(d.p);
        int q = c.q;
        for (int g = 0; g < d.dyads.length; g++) {
            int w = weight[g];
            if (w == 0) {
                continue;
            }
            int[] m = d.dyads[g];
            double[] z1 = rows.z[m[0]];
            int[] n1 = rows.nz[m[0]];
            if (m.length == 2) {
                double[] z2 = rows.z[m[1]];
                int[] n2 = rows.nz[m[1]];
                addOuter(c.s11, z1, n1, n1.length, z1, n1, n1.length, w, q);
                addOuter(c.s22, z2, n2, n2.length, z2, n2, n2.length, w, q);
                addOuter(c.s12, z1, n1, n1.length, z2, n2, n2.length, w, q);
                c.nComplete += w;
            } else if (d.role[m[0]] == 0) {
                addOuter(c.t0, z1, n1, n1.length, z1, n1, n1.length, w, q);
                c.nSingle0 += w;
            } else {
                addOuter(c.t1, z1, n1, n1.length, z1, n1, n1.length, w, q);
                c.nSingle1 += w;
            }
        }
        return c;
    }

    /** The indices of the nonzero entries of z, into idx; returns their number. */
    private static int nonzero(double[] z, int[] idx) {
        int k = 0;
        for (int i = 0; i < z.length; i++) {
            if (z[i] != 0) {
                idx[k++] = i;
            }
        }
        return k;
    }

    private static void addOuter(double[] s, double[] a, int[] ia, int ka, double[] b, int[] ib, int kb, int w,
            int q) {
        for (int u = 0; u < ka; u++) {
            int i = ia[u];
            double ai = a[i] * w;
            int off = i * q;
            for (int v = 0; v < kb; v++) {
                int j = ib[v];
                s[off + j] += ai * b[j];
            }
        }
    }

    /** Number of persons (observations) represented. */
    double nObs() {
        return 2 * nComplete + nSingle0 + nSingle1;
    }

    /** Number of dyads represented. */
    double nDyads() {
        return nComplete + nSingle0 + nSingle1;
    }

    boolean complete() {
        return nSingle0 == 0 && nSingle1 == 0;
    }

    /** The cross products of a subset of the columns (in the given order) and the outcome. */
    CrossProducts select(int[] cols) {
        CrossProducts c = new CrossProducts(cols.length);
        int[] idx = java.util.Arrays.copyOf(cols, cols.length + 1);
        idx[cols.length] = p;
        int nq = c.q;
        for (int i = 0; i < nq; i++) {
            for (int j = 0; j < nq; j++) {
                int from = idx[i] * q + idx[j];
                int to = i * nq + j;
                c.s11[to] = s11[from];
                c.s22[to] = s22[from];
                c.s12[to] = s12[from];
                c.t0[to] = t0[from];
                c.t1[to] = t1[from];
            }
        }
        c.nComplete = nComplete;
        c.nSingle0 = nSingle0;
        c.nSingle1 = nSingle1;
        return c;
    }

    /**
     * The cross products of the transformed augmented rows {@code z' = T z}, T of size
     * {@code (pNew + 1) x (p + 1)} row-major with last row mapping to the new outcome: {@code S' = T S T'}.
     * A linear constraint {@code C beta = d} is imposed by {@code beta = beta0 + Z gamma}, so that the rows
     * become {@code [Z'x, y - beta0'x]} (see {@link ConstrainedGls}).
     */
    CrossProducts transformed(double[] t, int pNew) {
        CrossProducts c = new CrossProducts(pNew);
        transform(s11, c.s11, t, pNew);
        transform(s22, c.s22, t, pNew);
        transform(s12, c.s12, t, pNew);
        transform(t0, c.t0, t, pNew);
        transform(t1, c.t1, t, pNew);
        c.nComplete = nComplete;
        c.nSingle0 = nSingle0;
        c.nSingle1 = nSingle1;
        return c;
    }

    private void transform(double[] from, double[] to, double[] t, int pNew) {
        int nq = pNew + 1;
        double[] tmp = new double[nq * q];
        for (int i = 0; i < nq; i++) {
            for (int k = 0; k < q; k++) {
                double ti = t[i * q + k];
                if (ti == 0) {
                    continue;
                }
                for (int j = 0; j < q; j++) {
                    tmp[i * q + j] += ti * from[k * q + j];
                }
            }
        }
        for (int i = 0; i < nq; i++) {
            for (int j = 0; j < nq; j++) {
                double v = 0;
                for (int k = 0; k < q; k++) {
                    v += tmp[i * q + k] * t[j * q + k];
                }
                to[i * nq + j] = v;
            }
        }
    }
}
