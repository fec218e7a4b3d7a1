package org.dyadkit.power;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The noncentral t distribution function by Lenth's algorithm AS 243 (Lenth 1989, Applied Statistics 38,
 * 185-189), the algorithm of R's {@code pt(q, df, ncp)}: a series in incomplete beta functions weighted by
 * Poisson terms of half the squared noncentrality, with R's normal approximation for very large df or
 * noncentrality. Absolute error below 1e-12 in the range used for power.
 */
final class NoncentralT {
    private static final NormalDistribution Z = NormalDistribution.of(0, 1);
    private static final double SQRT_2_OVER_PI = 0.797884560802865355879892119869;
    private static final double LN_SQRT_PI = 0.572364942924700087071713675677;

    private NoncentralT() {
    }

    /** P(T &lt;= t) for T noncentral t with {@code df} degrees of freedom and noncentrality {@code ncp}. */
    static double cdf(double t, double df, double ncp) {
        if (!(df > 0)) {
            throw new IllegalArgumentException("df must be positive: " + df);
        }
        if (ncp == 0) {
            return TDistribution.of(df).cumulativeProbability(t);
        }
        boolean negdel;
        double tt;
        double del;
        if (t >= 0) {
            negdel = false;
            tt = t;
            del = ncp;
        } else {
            negdel = true;
            tt = -t;
            del = -ncp;
        }
        if (df > 4e5 || del * del > 2 * Math.log(2) * 1021) {
            double s = 1.0 / (4.0 * df);
            double p = NormalDistribution.of(del, Math.sqrt(1 + tt * tt * 2 * s)).cumulativeProbability(tt * (1 - s));
            return negdel ? 1 - p : p;
        }
        double x = t * t;
        x = x / (x + df);
        double tnc;
        if (x > 0) {
            double lambda = del * del;
            double p = 0.5 * Math.exp(-0.5 * lambda);
            double q = SQRT_2_OVER_PI * p * del;
            double s = 0.5 - p;
            if (s < 1e-7) {
                s = -0.5 * Math.expm1(-0.5 * lambda);
            }
            double a = 0.5;
            double b = 0.5 * df;
            double rxb = Math.pow(1 - x, b);
            double albeta = LN_SQRT_PI + Gamma.logGamma(b) - Gamma.logGamma(0.5 + b);
            double xodd = Beta.regularizedBeta(x, a, b, 1e-15, 100000);
            double godd = 2 * rxb * Math.exp(a * Math.log(x) - albeta);
            double tncb = b * x;
            double xeven = tncb < Math.ulp(1.0) ? tncb : 1 - rxb;
            double geven = tncb * rxb;
            tnc = p * xodd + q * xeven;
            for (int it = 1; it <= 1000; it++) {
                a += 1;
                xodd -= godd;
                xeven -= geven;
                godd *= x * (a + b - 1) / a;
                geven *= x * (a + b - 0.5) / (a + 0.5);
                p *= lambda / (2 * it);
                q *= lambda / (2 * it + 1);
                tnc += p * xodd + q * xeven;
                s -= p;
                if (s < -1e-10 || (s <= 0 && it > 1)) {
                    break;
                }
                double errbd = 2 * s * (xodd - godd);
                if (Math.abs(errbd) < 1e-12) {
                    break;
                }
            }
        } else {
            tnc = 0;
        }
        tnc += Z.cumulativeProbability(-del);
        tnc = Math.min(tnc, 1.0);
        return negdel ? 1 - tnc : tnc;
    }

    /**
     * Power of the two-sided t test at level alpha: P(T &gt; t_c) + P(T &lt; -t_c), T noncentral t(df, ncp),
     * t_c the 1 - alpha/2 quantile of the central t(df).
     */
    static double twoSidedPower(double ncp, double df, double alpha) {
        double tc = TDistribution.of(df).inverseSurvivalProbability(alpha / 2);
        return (1 - cdf(tc, df, ncp)) + cdf(-tc, df, ncp);
    }

    /** Power of the two-sided z test at level alpha for a standardised effect (noncentrality) ncp. */
    static double twoSidedNormalPower(double ncp, double alpha) {
        double zc = Z.inverseSurvivalProbability(alpha / 2);
        return Z.survivalProbability(zc - ncp) + Z.cumulativeProbability(-zc - ncp);
    }
}
