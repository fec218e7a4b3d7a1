package org.dyadkit.mlm;

import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;

/**
 * Satterthwaite degrees of freedom of each fixed effect (Satterthwaite 1946; Giesbrecht and Burns 1985;
 * as lmerTest, Kuznetsova, Brockhoff and Christensen 2017): {@code df_j = 2 V_j^2 / (g_j' A g_j)}, with
 * {@code V_j = sigma^2 [(X' Sigma^-1 X)^-1]_jj} as a function of the variance parameters and
 * {@code log sigma^2}, g_j its gradient and A the inverse of the negative Hessian of the REML (or ML)
 * log-likelihood in the same parameters, all by central differences at the optimum. The value does not
 * depend on the parameterisation.
 */
final class Satterthwaite {
    private Satterthwaite() {
    }

    static double[] df(Engine engine, double[] theta, Engine.Eval at) {
        int k = theta.length + 1;
        double s0 = Math.log(at.sigma2);
        double[] psi = new double[k];
        System.arraycopy(theta, 0, psi, 0, theta.length);
        psi[k - 1] = s0;
        double h = 1e-4;
        double[] hs = new double[k * k];
        double f0 = -engine.logLikAt(theta, s0);
        double[] t = psi.clone();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double v;
                if (i == j) {
                    t[i] = psi[i] + h;
                    double fp = f(engine, t);
                    t[i] = psi[i] - h;
                    double fm = f(engine, t);
                    t[i] = psi[i];
                    v = (fp - 2 * f0 + fm) / (h * h);
                } else {
                    t[i] = psi[i] + h;
                    t[j] = psi[j] + h;
                    double fpp = f(engine, t);
                    t[j] = psi[j] - h;
                    double fpm = f(engine, t);
                    t[i] = psi[i] - h;
                    double fmm = f(engine, t);
                    t[j] = psi[j] + h;
                    double fmp = f(engine, t);
                    t[i] = psi[i];
                    t[j] = psi[j];
                    v = (fpp - fpm - fmp + fmm) / (4 * h * h);
                }
                hs[i * k + j] = v;
                hs[j * k + i] = v;
            }
        }
        double[] l = hs.clone();
        if (!Engine.cholesky(l, k)) {
            throw new AnalysisException(Reason.UNDEFINED, "the information matrix of the variance parameters is not "
                    + "positive definite, so Satterthwaite df are undefined; use the containment df");
        }
        int p = engine.p;
        double[][] grad = new double[p][k];
        for (int i = 0; i < theta.length; i++) {
            double[] tp = theta.clone();
            tp[i] += h;
            Engine.Eval ep = engine.evaluate(tp, true);
            double[] tm = theta.clone();
            tm[i] -= h;
            Engine.Eval em = engine.evaluate(tm, true);
            for (int j = 0; j < p; j++) {
                grad[j][i] = at.sigma2 * (ep.aInv[j * p + j] - em.aInv[j * p + j]) / (2 * h);
            }
        }
        double[] out = new double[p];
        for (int j = 0; j < p; j++) {
            double v = at.sigma2 * at.aInv[j * p + j];
            grad[j][k - 1] = v;
            double[] w = grad[j].clone();
            Engine.forward(l, k, w, 0, 1);
            Engine.backward(l, k, w);
            double gag = Engine.dot(grad[j], w);
            out[j] = 2 * v * v / gag;
        }
        return out;
    }

    private static double f(Engine engine, double[] psi) {
        double[] theta = java.util.Arrays.copyOf(psi, psi.length - 1);
        return -engine.logLikAt(theta, psi[psi.length - 1]);
    }
}
