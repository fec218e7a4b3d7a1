package org.dyadkit.numerics;

/**
 * The one Cholesky factorisation of dyadkit's analyses: A = L L' for a symmetric positive definite A,
 * with one failure rule: a pivot that is not positive, or below {@code 1e-13} times its diagonal entry
 * (numerically singular), means A is not positive definite and the factor is absent ({@code null}).
 */
public final class Cholesky {
    /** The relative pivot tolerance. */
    public static final double TOLERANCE = 1e-13;

    private Cholesky() {
    }

    /**
     * The lower factor of the leading p x p block of a row-major matrix with row stride q, row-major p x p;
     * null when the block is not positive definite.
     */
    public static double[] lower(double[] a, int q, int p) {
        double[] l = new double[p * p];
        for (int j = 0; j < p; j++) {
            double d = a[j * q + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * p + k] * l[j * p + k];
            }
            if (!(d > TOLERANCE * Math.abs(a[j * q + j])) || !(d > 0)) {
                return null;
            }
            double ljj = Math.sqrt(d);
            l[j * p + j] = ljj;
            for (int i = j + 1; i < p; i++) {
                double s = a[i * q + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * p + k] * l[j * p + k];
                }
                l[i * p + j] = s / ljj;
            }
        }
        return l;
    }

    /** The lower factor of a square matrix; null when it is not positive definite. */
    public static double[][] lower(double[][] a) {
        int p = a.length;
        double[] flat = new double[p * p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(a[i], 0, flat, i * p, p);
        }
        double[] l = lower(flat, p, p);
        if (l == null) {
            return null;
        }
        double[][] out = new double[p][p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(l, i * p, out[i], 0, p);
        }
        return out;
    }
}
