package org.dyadkit.power;

import java.util.Locale;

/**
 * The population of an APIM power design in standardised and in raw units, shared by the analytic
 * computation and the simulation.
 *
 * <p>Per role r (o the other role): Y_r = a_r X_r + p_r X_o + e_r, with Var(X_r) = Var(Y_r) = 1 in the
 * standardised metric, Corr(X_1, X_2) = r_x and Corr(e_1, e_2) = r_e. The standardised error variance is
 * s_r^2 = 1 - a_r^2 - p_r^2 - 2 a_r p_r r_x, which must be positive (else the effects imply an impossible
 * correlation matrix). Effect sizes are converted to beta as follows, with A = a / s and P = p / s (the
 * effects in error-SD units): a partial correlation pr gives A^2 (1 - r_x^2) = pr^2 / (1 - pr^2); Cohen's d
 * for a dichotomous X with proportion q in category 1 gives A = d sd(X), with sd(X)^2 the sample variance
 * N q (1 - q) / (N - 1) of N persons with exactly N q in category 1 (as APIMPowerR, whose printed betas,
 * r and partial r for d change with N accordingly); and then
 * s^2 = 1 / (1 + A^2 + P^2 + 2 A P r_x) closes the system (Ackerman's APIMPowerR converts d and partial r
 * to beta in the same model).
 *
 * <p>Raw units (for differences and averages of effects, which depend on the roles' variances): the first
 * role's predictor and outcome have SD 1, the second role's predictor has variance {@code ratioX} times the
 * first's (for d: q(1 - q) per role), and its error variance is {@code ratioE} times the first role's.
 */
final class Population {
    final boolean distinguishable;
    final double rx;
    final double re;
    /** Standardised actor and partner effects and error SDs per role. */
    final double[] a = new double[2];
    final double[] p = new double[2];
    final double[] s = new double[2];
    /** Raw SDs of X and Y, raw coefficients and raw error SDs per role. */
    final double[] sdX = new double[2];
    final double[] sdY = new double[2];
    final double[] aRaw = new double[2];
    final double[] pRaw = new double[2];
    final double[] sRaw = new double[2];
    final boolean dichotomous;
    final double[] proportion = new double[2];

    Population(boolean distinguishable, EffectSize es, double[] actor, double[] partner, double[] prop, double rx,
            double re, double ratioX, double ratioE, String[] roleNames, double dichotomyFactor) {
        this.distinguishable = distinguishable;
        this.rx = rx;
        this.re = re;
        this.dichotomous = es == EffectSize.D;
        for (int r = 0; r < 2; r++) {
            int o = 1 - r;
            String who = distinguishable ? " for " + roleNames[r] : "";
            switch (es) {
                case BETA -> {
                    a[r] = actor[r];
                    p[r] = partner[r];
                    double v = 1 - a[r] * a[r] - p[r] * p[r] - 2 * a[r] * p[r] * rx;
                    if (!(v > 0)) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT, "the actor effect %s and the "
                                + "partner effect %s (beta)%s with r(X, X') = %s imply an impossible correlation "
                                + "matrix: they explain %s of the outcome's variance (must be below 1)",
                                num(actor[r]), num(partner[r]), who, num(rx), num(1 - v)));
                    }
                    s[r] = Math.sqrt(v);
                }
                case PARTIAL_R, D -> {
                    double aa;
                    double pp;
                    if (es == EffectSize.PARTIAL_R) {
                        aa = fromPartial(actor[r], rx, "actor", who);
                        pp = fromPartial(partner[r], rx, "partner", who);
                    } else {
                        aa = actor[r] * Math.sqrt(prop[r] * (1 - prop[r]) * dichotomyFactor);
                        pp = partner[r] * Math.sqrt(prop[o] * (1 - prop[o]) * dichotomyFactor);
                    }
                    double v = 1 / (1 + aa * aa + pp * pp + 2 * aa * pp * rx);
                    if (!(v > 0) || 1 + aa * aa + pp * pp + 2 * aa * pp * rx <= 0) {
                        throw new IllegalArgumentException("the actor and partner effects" + who
                                + " imply an impossible correlation matrix");
                    }
                    s[r] = Math.sqrt(v);
                    a[r] = aa * s[r];
                    p[r] = pp * s[r];
                }
                default -> throw new IllegalStateException();
            }
            proportion[r] = prop[r];
        }
        if (dichotomous) {
            sdX[0] = Math.sqrt(prop[0] * (1 - prop[0]) * dichotomyFactor);
            sdX[1] = Math.sqrt(prop[1] * (1 - prop[1]) * dichotomyFactor);
        } else {
            sdX[0] = 1;
            sdX[1] = Math.sqrt(ratioX);
        }
        sdY[0] = 1;
        sdY[1] = Math.sqrt(ratioE) * s[0] / s[1];
        for (int r = 0; r < 2; r++) {
            int o = 1 - r;
            aRaw[r] = a[r] * sdY[r] / sdX[r];
            pRaw[r] = p[r] * sdY[r] / sdX[o];
            sRaw[r] = s[r] * sdY[r];
        }
    }

    private static double fromPartial(double pr, double rx, String kind, String who) {
        if (!(Math.abs(pr) < 1)) {
            throw new IllegalArgumentException("the " + kind + " effect" + who + " as a partial r must be strictly "
                    + "between -1 and 1; got " + num(pr));
        }
        double u = pr * pr / (1 - pr * pr);
        return Math.signum(pr) * Math.sqrt(u / (1 - rx * rx));
    }

    /** The zero-order correlation of Y_r with its own (actor) or the partner's X implied by the model. */
    double zeroOrder(int r, boolean actor) {
        return actor ? a[r] + p[r] * rx : p[r] + a[r] * rx;
    }

    /** The partial correlation of Y_r with its own or the partner's X, the other X held constant. */
    double partial(int r, boolean actor) {
        double b = actor ? a[r] : p[r];
        double u = b * b * (1 - rx * rx) / (s[r] * s[r]);
        return Math.signum(b) * Math.sqrt(u / (1 + u));
    }

    /** The covariance matrix of (X_1, X_2) in raw units. */
    double[][] covX() {
        return new double[][] {{sdX[0] * sdX[0], rx * sdX[0] * sdX[1]}, {rx * sdX[0] * sdX[1], sdX[1] * sdX[1]}};
    }

    /** The covariance matrix of (e_1, e_2) in raw units. */
    double[][] covErrors() {
        return new double[][] {{sRaw[0] * sRaw[0], re * sRaw[0] * sRaw[1]}, {re * sRaw[0] * sRaw[1], sRaw[1] * sRaw[1]}};
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%s", (float) v);
    }
}
