package org.dyadkit.apim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The intervals of {@link ResidualIntervals} from the numerical Hessian of the (RE)ML log-likelihood in
 * nlme's unconstrained parameters theta = (log((1 + rho)/(1 - rho)) [, log lambda], log sigma), lambda =
 * SD of the second role over that of the first. Central differences with step {@link #STEP}; nlme's
 * {@code fdHess} fits a quadratic on steps of about 6e-6 |theta| instead, so the two agree to about 1e-5.
 */
final class VarianceIntervals {
    /** Step of the central differences on the unconstrained scale. */
    static final double STEP = 1e-4;

    private VarianceIntervals() {
    }

    /**
     * The intervals at the estimate {@code est} of a fit on {@code c}.
     *
     * @param sds the fit's residual SDs by role (role 0 first), in original units
     */
    static ResidualIntervals of(CrossProducts c, boolean reml, GlsEngine.Estimate est, boolean roleSpecific,
            List<String> roleKeys, Map<String, Double> sds, double level) {
        double[] theta = roleSpecific
                ? new double[] {2 * atanh(est.rho()), Math.log(est.lambda()), 0.5 * Math.log(est.eval().sigma2)}
                : new double[] {2 * atanh(est.rho()), 0.5 * Math.log(est.eval().sigma2)};
        double[][] v = covariance(c, reml, theta, roleSpecific);
        if (v == null) {
            return new ResidualIntervals(java.util.Optional.empty(), Map.of(), java.util.Optional.of("no interval for rho and the residual SDs: the Hessian of "
                    + "the log-likelihood in the variance parameters is not negative definite at the estimate "
                    + "(nlme: \"Non-positive definite approximate variance-covariance\"); the likelihood is flat or "
                    + "the estimate is near a boundary"));
        }
        double z = zQuantile((1 + level) / 2);
        int m = theta.length;
        double hx = z * Math.sqrt(v[0][0]);
        VarianceInterval rho = new VarianceInterval(Math.tanh((theta[0] - hx) / 2), est.rho(),
                Math.tanh((theta[0] + hx) / 2), level);
        Map<String, VarianceInterval> sd = new LinkedHashMap<>();
        double seS = Math.sqrt(v[m - 1][m - 1]);
        String k0 = roleKeys.get(0);
        sd.put(k0, sdInterval(sds.get(k0), seS, z, level));
        if (roleSpecific) {
            String k1 = roleKeys.get(1);
            double se1 = Math.sqrt(v[1][1] + v[2][2] + 2 * v[1][2]);
            sd.put(k1, sdInterval(sds.get(k1), se1, z, level));
        }
        return new ResidualIntervals(java.util.Optional.of(rho), sd, java.util.Optional.empty());
    }

    private static VarianceInterval sdInterval(double est, double seLog, double z, double level) {
        return new VarianceInterval(est * Math.exp(-z * seLog), est, est * Math.exp(z * seLog), level);
    }

    /**
     * The inverse of the negative Hessian of the full (sigma explicit) log-likelihood at theta; null when
     * the Hessian is not negative definite or cannot be evaluated.
     */
    static double[][] covariance(CrossProducts c, boolean reml, double[] theta, boolean roleSpecific) {
        int m = theta.length;
        double[][] h = new double[m][m];
        double f0 = full(c, reml, theta, roleSpecific);
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double val;
                if (i == j) {
                    val = (full(c, reml, shift(theta, i, STEP, -1, 0), roleSpecific) - 2 * f0
                            + full(c, reml, shift(theta, i, -STEP, -1, 0), roleSpecific)) / (STEP * STEP);
                } else {
                    val = (full(c, reml, shift(theta, i, STEP, j, STEP), roleSpecific)
                            - full(c, reml, shift(theta, i, STEP, j, -STEP), roleSpecific)
                            - full(c, reml, shift(theta, i, -STEP, j, STEP), roleSpecific)
                            + full(c, reml, shift(theta, i, -STEP, j, -STEP), roleSpecific)) / (4 * STEP * STEP);
                }
                h[i][j] = -val;
                h[j][i] = -val;
            }
        }
        return inverseIfPositiveDefinite(h);
    }

    /** The inverse of a symmetric matrix whose eigenvalues are all positive and finite; else null. */
    static double[][] inverseIfPositiveDefinite(double[][] a) {
        for (double[] row : a) {
            for (double x : row) {
                if (!Double.isFinite(x)) {
                    return null;
                }
            }
        }
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(a, true));
        for (double ev : e.getRealEigenvalues()) {
            if (!(ev > 0)) {
                return null;
            }
        }
        return e.getSolver().getInverse().getData();
    }

    private static double full(CrossProducts c, boolean reml, double[] t, boolean roleSpecific) {
        double lambda = roleSpecific ? Math.exp(t[1]) : 1.0;
        return GlsEngine.logLik(c, reml, Math.exp(2 * t[t.length - 1]), Math.tanh(t[0] / 2), lambda);
    }

    private static double[] shift(double[] t, int i, double hi, int j, double hj) {
        double[] s = t.clone();
        s[i] += hi;
        if (j >= 0) {
            s[j] += hj;
        }
        return s;
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }

    private static double zQuantile(double p) {
        return org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1).inverseCumulativeProbability(p);
    }
}
