package org.dyadkit.nonindependence;

import org.dyadkit.AnalysisException;

/**
 * A Pearson correlation over the pairs where both values are present, with its t test and Fisher-z
 * confidence interval: t = r sqrt(n - 2) / sqrt(1 - r^2) on n - 2 df (two-tailed p), and
 * tanh(atanh r -/+ z_.975 / sqrt(n - 3)) as the 95% interval (as R's {@code cor.test}). With n = 3 the
 * interval is (-1, 1).
 *
 * @param n the number of complete pairs used
 * @param r the correlation
 * @param ciLower lower end of the 95% Fisher-z interval
 * @param ciUpper upper end of the 95% Fisher-z interval
 * @param t the t statistic
 * @param df its degrees of freedom, n - 2
 * @param p the two-tailed p value
 */
public record PearsonTest(int n, double r, double ciLower, double ciUpper, double t, double df, double p) {

    /**
     * The correlation of x and y over the positions where both are not NaN.
     *
     * @param what names the pair in messages, for example {@code satisfaction (husband) with satisfaction (wife)}
     * @throws AnalysisException TOO_FEW_DYADS for fewer than 3 complete pairs, NO_VARIANCE for a constant
     *     variable, BOUNDARY for r = +-1
     */
    public static PearsonTest of(double[] x, double[] y, String xName, String yName, String what) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                n++;
            }
        }
        if (n < 3) {
            throw Stats.tooFew(what, n);
        }
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0, k = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                a[k] = x[i];
                b[k++] = y[i];
            }
        }
        return of(a, b, xName, yName, what, n);
    }

    static PearsonTest of(double[] a, double[] b, String xName, String yName, String what, int n) {
        double r = Stats.pearson(a, b, xName, yName);
        if (Math.abs(r) >= 1) {
            throw Stats.perfect(what, r);
        }
        double df = n - 2;
        double t = r * Math.sqrt(df) / Math.sqrt(1 - r * r);
        double z = 0.5 * Math.log1p(2 * r / (1 - r));
        double half = n > 3 ? Stats.Z975 / Math.sqrt(n - 3.0) : Double.POSITIVE_INFINITY;
        return new PearsonTest(n, r, Math.tanh(z - half), Math.tanh(z + half), t, df, Stats.tTwoTailed(t, df));
    }
}
