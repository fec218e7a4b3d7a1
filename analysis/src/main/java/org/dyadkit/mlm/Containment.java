package org.dyadkit.mlm;

import java.util.List;

/**
 * nlme's between-within ("containment") degrees of freedom for one grouping level ({@code nlme:::getFixDF},
 * Pinheiro and Bates 2000, sec. 2.4.2): a column of X that varies within at least one dyad is estimated in
 * the residual stratum, one constant within every dyad in the dyad stratum. The strata start with
 * {@code M} (dyads) and {@code N - M} (rows) df; each column takes one from its stratum; an intercept takes
 * one from the dyad stratum and gets the larger of the two, and without an intercept the residual stratum
 * gets one back. A column counts as the intercept when it is a constant multiple of a column of ones.
 */
final class Containment {
    private Containment() {
    }

    static double[] df(Engine.Block[] blocks, int p, List<String> names) {
        int n = 0;
        for (Engine.Block b : blocks) {
            n += b.m;
        }
        int m = blocks.length;
        boolean[] intercept = new boolean[p];
        boolean[] inner = new boolean[p];
        boolean anyIntercept = false;
        for (int j = 0; j < p; j++) {
            double first = blocks[0].x[j];
            boolean constant = true;
            for (Engine.Block b : blocks) {
                for (int i = 0; i < b.m && constant; i++) {
                    double x = b.x[i * p + j];
                    double dev = first == 0 ? Math.abs(x) : Math.abs(x / first - 1);
                    if (!(dev < Math.sqrt(Math.ulp(1.0)))) {
                        constant = false;
                    }
                }
                double g0 = b.x[j];
                for (int i = 1; i < b.m; i++) {
                    if (b.x[i * p + j] != g0) {
                        inner[j] = true;
                        break;
                    }
                }
            }
            intercept[j] = constant;
            anyIntercept |= constant;
        }
        double dfDyad = m;
        double dfRes = n - m;
        for (int j = 0; j < p; j++) {
            if (!intercept[j]) {
                if (inner[j]) {
                    dfRes--;
                } else {
                    dfDyad--;
                }
            }
        }
        if (anyIntercept) {
            dfDyad--;
        } else {
            dfRes++;
        }
        double[] out = new double[p];
        for (int j = 0; j < p; j++) {
            out[j] = intercept[j] ? Math.max(dfDyad, dfRes) : (inner[j] ? dfRes : dfDyad);
        }
        return out;
    }
}
