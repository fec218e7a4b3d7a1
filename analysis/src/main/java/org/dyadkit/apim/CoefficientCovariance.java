package org.dyadkit.apim;

import java.util.List;
import java.util.Locale;

/**
 * The covariance matrix of an APIM's fixed effects, sigma^2 (X'V^-1 X)^-1 as {@code vcov()} of an
 * {@code nlme::gls} fit, in coefficient order. Immutable: {@link #toArray()} returns a copy.
 */
public final class CoefficientCovariance {
    private final List<String> terms;
    private final double[][] values;

    CoefficientCovariance(String[] terms, double[][] values) {
        this.terms = List.of(terms);
        this.values = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            this.values[i] = values[i].clone();
        }
    }

    /** The terms, in the order of the rows and columns. */
    public List<String> terms() {
        return terms;
    }

    /** The number of coefficients. */
    public int size() {
        return values.length;
    }

    /** The covariance of coefficients i and j (from 0, in coefficient order). */
    public double get(int i, int j) {
        return values[i][j];
    }

    /** The covariance of two terms. @throws IllegalArgumentException for an unknown term */
    public double get(String a, String b) {
        return values[index(a)][index(b)];
    }

    private int index(String term) {
        int i = terms.indexOf(term);
        if (i < 0) {
            throw new IllegalArgumentException("no term \"" + term + "\"; terms: " + terms);
        }
        return i;
    }

    /** A copy of the matrix. */
    public double[][] toArray() {
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].clone();
        }
        return out;
    }

    /** The sub-matrix of the given coefficient indices. */
    public double[][] select(int[] idx) {
        double[][] out = new double[idx.length][idx.length];
        for (int i = 0; i < idx.length; i++) {
            for (int j = 0; j < idx.length; j++) {
                out[i][j] = values[idx[i]][idx[j]];
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CoefficientCovariance c && c.terms.equals(terms)
                && java.util.Arrays.deepEquals(c.values, values);
    }

    @Override
    public int hashCode() {
        return terms.hashCode() * 31 + java.util.Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CoefficientCovariance[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : "; ").append(terms.get(i)).append(':');
            for (double v : values[i]) {
                sb.append(' ').append(String.format(Locale.ROOT, "%.6g", v));
            }
        }
        return sb.append(']').toString();
    }
}
