package org.dyadkit.reliability;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A bound-constrained limited-memory BFGS minimiser with the iteration of L-BFGS-B version 2.3 as R's
 * {@code optim(method = "L-BFGS-B")} runs it (package-private): the generalized Cauchy point along the
 * projected gradient path, a direct subspace minimisation over the free variables truncated to the box,
 * and the More-Thuente line search (dcsrch/dcstep of MINPACK-2, ftol 1e-3, gtol 0.9, xtol 0.1) with at
 * most 20 evaluations; the memory is refreshed after a bad direction; the run stops when
 * {@code (f_k - f_k+1) / max(|f_k|, |f_k+1|, 1) <= factr * epsilon}, when the projected gradient's largest
 * component is at most pgtol, or after maxit iterations.
 *
 * <p>References: Byrd, Lu, Nocedal and Zhu (1995), A limited memory algorithm for bound constrained
 * optimization, SIAM J. Sci. Comput. 16, 1190-1208; Zhu, Byrd, Lu and Nocedal (1997), Algorithm 778:
 * L-BFGS-B, ACM TOMS 23, 550-560; More and Thuente (1994), Line search algorithms with guaranteed
 * sufficient decrease, ACM TOMS 20, 286-307; Byrd, Nocedal and Schnabel (1994), Representations of
 * quasi-Newton matrices, Math. Programming 63, 129-156. The limited-memory matrix is formed densely from
 * the stored pairs by the BFGS recursion from {@code theta I} (equal to the compact representation of the
 * papers, theorem 2.3 of Byrd, Nocedal and Schnabel), which is cheap for the few dozen variables of a
 * factor analysis; so the iterates equal L-BFGS-B's up to rounding.
 */
final class Lbfgsb {
    private static final double EPS = Math.ulp(1.0);

    /** Function value and gradient at a point. */
    record ValueGradient(double value, double[] gradient) {
    }

    /** The function to minimise: value and gradient together. */
    interface Objective {
        ValueGradient at(double[] x);
    }

    /** How the run ended. */
    enum Status {
        /** relative reduction of f at most factr * epsilon (R: convergence 0). */
        CONVERGED,
        /** the projected gradient's largest component at most pgtol (R: convergence 0). */
        PROJECTED_GRADIENT,
        /** maxit iterations used (R: convergence 1). */
        MAX_ITERATIONS,
        /** the line search found no acceptable point along a steepest-descent step (R: convergence 52). */
        ABNORMAL_LINE_SEARCH
    }

    /** Result: the last point, its value and gradient, the iterations and evaluations used. */
    record Result(double[] x, double value, double[] gradient, int iterations, int evaluations, Status status) {
        boolean converged() {
            return status == Status.CONVERGED || status == Status.PROJECTED_GRADIENT;
        }
    }

    private final Objective objective;
    private final double[] lower;
    private final double[] upper;
    private final int memory;
    private final double tol;
    private final double pgtol;
    private final int maxit;
    private final int n;
    private int evaluations;

    private Lbfgsb(Objective objective, double[] lower, double[] upper, int memory, double factr, double pgtol,
            int maxit) {
        this.objective = objective;
        this.lower = lower;
        this.upper = upper;
        this.memory = memory;
        this.tol = factr * EPS;
        this.pgtol = pgtol;
        this.maxit = maxit;
        this.n = lower.length;
    }

    /**
     * Minimises within {@code lower <= x <= upper} (every variable bounded on both sides) from {@code start}
     * (projected onto the box first), keeping {@code memory} correction pairs (R's lmm, default 5).
     */
    static Result minimize(Objective objective, double[] start, double[] lower, double[] upper, int memory,
            double factr, double pgtol, int maxit) {
        return new Lbfgsb(objective, lower, upper, memory, factr, pgtol, maxit).run(start);
    }

    private ValueGradient eval(double[] x) {
        evaluations++;
        return objective.at(x.clone());
    }

    private Result run(double[] start) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.min(upper[i], Math.max(lower[i], start[i]));
        }
        ValueGradient vg = eval(x);
        double f = vg.value();
        double[] g = vg.gradient().clone();
        if (projectedGradientNorm(x, g) <= pgtol) {
            return new Result(x, f, g, 0, evaluations, Status.PROJECTED_GRADIENT);
        }
        Deque<double[][]> pairs = new ArrayDeque<>();
        double theta = 1;
        int iter = 0;
        int[] where = new int[n];
        while (true) {
            double[][] b = pairs.isEmpty() ? null : matrix(pairs, theta);
            if (b == null && !pairs.isEmpty()) {
                pairs.clear();
                theta = 1;
                continue;
            }
            double[] z = cauchy(x, g, b, theta, where);
            if (b != null) {
                z = subspace(x, g, z, b, where);
                if (z == null) {
                    pairs.clear();
                    theta = 1;
                    continue;
                }
            }
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = z[i] - x[i];
            }
            // line search (lnsrlb)
            double dtd = dot(d, d);
            double stpmx = 1;
            if (iter > 0) {
                stpmx = 1e10;
                for (int i = 0; i < n; i++) {
                    double a1 = d[i];
                    if (a1 < 0) {
                        double a2 = lower[i] - x[i];
                        if (a2 >= 0) {
                            stpmx = 0;
                        } else if (a1 * stpmx < a2) {
                            stpmx = a2 / a1;
                        }
                    } else if (a1 > 0) {
                        double a2 = upper[i] - x[i];
                        if (a2 <= 0) {
                            stpmx = 0;
                        } else if (a1 * stpmx > a2) {
                            stpmx = a2 / a1;
                        }
                    }
                }
            }
            double stp = Math.min(1, stpmx); // every variable is bounded on both sides: the box case
            double[] t = x.clone();
            double[] r = g.clone();
            double fold = f;
            double gd = dot(g, d);
            double gdold = gd;
            boolean bad = gd >= 0;
            if (!bad) {
                LineSearch ls = new LineSearch(f, gd, stp, stpmx);
                int ifun = 0;
                while (true) {
                    ifun++;
                    if (ifun - 1 >= 20) {
                        bad = true;
                        break;
                    }
                    stp = ls.stp;
                    for (int i = 0; i < n; i++) {
                        x[i] = stp == 1 ? z[i] : stp * d[i] + t[i];
                    }
                    vg = eval(x);
                    f = vg.value();
                    g = vg.gradient().clone();
                    gd = dot(g, d);
                    if (ls.next(f, gd)) {
                        stp = ls.stp;
                        break;
                    }
                }
            }
            if (bad) {
                x = t;
                g = r;
                f = fold;
                if (pairs.isEmpty()) {
                    return new Result(x, f, g, iter + 1, evaluations, Status.ABNORMAL_LINE_SEARCH);
                }
                pairs.clear();
                theta = 1;
                continue;
            }
            iter++;
            if (iter > maxit) {
                return new Result(x, f, g, iter, evaluations, Status.MAX_ITERATIONS);
            }
            if (projectedGradientNorm(x, g) <= pgtol) {
                return new Result(x, f, g, iter, evaluations, Status.PROJECTED_GRADIENT);
            }
            if (fold - f <= tol * Math.max(Math.max(Math.abs(fold), Math.abs(f)), 1)) {
                return new Result(x, f, g, iter, evaluations, Status.CONVERGED);
            }
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = g[i] - r[i];
            }
            double rr = dot(y, y);
            double dr;
            double ddum;
            if (stp == 1) {
                dr = gd - gdold;
                ddum = -gdold;
            } else {
                dr = (gd - gdold) * stp;
                for (int i = 0; i < n; i++) {
                    d[i] *= stp;
                }
                ddum = -gdold * stp;
            }
            if (dr <= EPS * ddum) {
                continue; // skip the update
            }
            if (pairs.size() == memory) {
                pairs.removeFirst();
            }
            pairs.addLast(new double[][] {d, y});
            theta = rr / dr;
        }
    }

    /** The L-BFGS matrix: BFGS updates of theta I by the stored pairs, oldest first; null if not positive. */
    private double[][] matrix(Deque<double[][]> pairs, double theta) {
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            b[i][i] = theta;
        }
        for (double[][] pair : pairs) {
            double[] s = pair[0];
            double[] y = pair[1];
            double[] bs = multiply(b, s);
            double sbs = dot(s, bs);
            double ys = dot(y, s);
            if (!(sbs > 0) || !(ys > 0)) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    b[i][j] += y[i] * y[j] / ys - bs[i] * bs[j] / sbs;
                }
            }
        }
        return b;
    }

    /**
     * The generalized Cauchy point: the first local minimiser of the quadratic model along the projected
     * steepest-descent path (subroutine cauchy); marks in {@code where} the variables fixed at a bound.
     */
    private double[] cauchy(double[] x, double[] g, double[][] b, double theta, int[] where) {
        double[] xcp = x.clone();
        double[] d = new double[n];
        double[] tb = new double[n];
        Integer[] order = new Integer[n];
        int nbreak = 0;
        boolean moving = false;
        double f1 = 0;
        for (int i = 0; i < n; i++) {
            double neggi = -g[i];
            double tl = x[i] - lower[i];
            double tu = upper[i] - x[i];
            where[i] = 0;
            if (tl <= 0) {
                if (neggi <= 0) {
                    where[i] = 1;
                }
            } else if (tu <= 0) {
                if (neggi >= 0) {
                    where[i] = 2;
                }
            } else if (Math.abs(neggi) <= 0) {
                where[i] = -3;
            }
            if (where[i] != 0) {
                d[i] = 0;
            } else {
                d[i] = neggi;
                f1 -= neggi * neggi;
                moving = true;
                if (neggi < 0) {
                    tb[i] = tl / -neggi;
                    order[nbreak++] = i;
                } else if (neggi > 0) {
                    tb[i] = tu / neggi;
                    order[nbreak++] = i;
                }
            }
        }
        if (!moving) {
            return xcp;
        }
        double f2 = -theta * f1;
        double f2org = f2;
        if (b != null) {
            f2 = dot(d, multiply(b, d));
        }
        double dtm = -f1 / f2;
        double tsum = 0;
        Integer[] sorted = Arrays.copyOf(order, nbreak);
        Arrays.sort(sorted, (p, q) -> Double.compare(tb[p], tb[q]));
        double tj = 0;
        int nleft = nbreak;
        boolean allFixed = false;
        for (int k = 0; k < nbreak; k++) {
            double tj0 = tj;
            int ibp = sorted[k];
            tj = tb[ibp];
            double dt = tj - tj0;
            if (dtm < dt) {
                break;
            }
            tsum += dt;
            nleft--;
            double dibp = d[ibp];
            d[ibp] = 0;
            if (dibp > 0) {
                xcp[ibp] = upper[ibp];
                where[ibp] = 2;
            } else {
                xcp[ibp] = lower[ibp];
                where[ibp] = 1;
            }
            if (nleft == 0 && nbreak == n) {
                allFixed = true;
                break;
            }
            // derivatives of the model along the remaining direction at xcp = x + c
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                c[i] = where[i] == 1 || where[i] == 2 ? xcp[i] - x[i] : tsum * d[i];
            }
            if (b == null) {
                f1 = dot(g, d) + theta * dot(c, d);
                f2 = theta * dot(d, d);
            } else {
                double[] bd = multiply(b, d);
                f1 = dot(g, d) + dot(c, bd);
                f2 = dot(d, bd);
            }
            f2 = Math.max(f2, EPS * f2org);
            // every moving variable is bounded along d, so past the last breakpoint the model is flat
            dtm = nleft > 0 ? -f1 / f2 : 0;
        }
        if (!allFixed) {
            dtm = Math.max(dtm, 0);
            tsum += dtm;
            for (int i = 0; i < n; i++) {
                xcp[i] += tsum * d[i];
            }
        }
        return xcp;
    }

    /**
     * Subspace minimisation (subroutines cmprlb and subsm): the Newton step of the model over the variables
     * free at the Cauchy point, truncated to stay in the box; null when the reduced matrix is not positive
     * definite.
     */
    private double[] subspace(double[] x, double[] g, double[] xcp, double[][] b, int[] where) {
        int[] free = new int[n];
        int nf = 0;
        for (int i = 0; i < n; i++) {
            if (where[i] <= 0) {
                free[nf++] = i;
            }
        }
        if (nf == 0) {
            return xcp;
        }
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = xcp[i] - x[i];
        }
        double[] bc = multiply(b, c);
        double[][] a = new double[nf][nf];
        double[] rhs = new double[nf];
        for (int p = 0; p < nf; p++) {
            rhs[p] = -(g[free[p]] + bc[free[p]]);
            for (int q = 0; q < nf; q++) {
                a[p][q] = b[free[p]][free[q]];
            }
        }
        double[] du = solvePositiveDefinite(a, rhs);
        if (du == null) {
            return null;
        }
        double[] z = xcp.clone();
        double alpha = 1;
        double temp1 = alpha;
        int ibd = -1;
        for (int p = 0; p < nf; p++) {
            int k = free[p];
            double dk = du[p];
            if (dk < 0) {
                double temp2 = lower[k] - z[k];
                if (temp2 >= 0) {
                    temp1 = 0;
                } else if (dk * alpha < temp2) {
                    temp1 = temp2 / dk;
                }
            } else if (dk > 0) {
                double temp2 = upper[k] - z[k];
                if (temp2 <= 0) {
                    temp1 = 0;
                } else if (dk * alpha > temp2) {
                    temp1 = temp2 / dk;
                }
            }
            if (temp1 < alpha) {
                alpha = temp1;
                ibd = p;
            }
        }
        if (alpha < 1) {
            int k = free[ibd];
            if (du[ibd] > 0) {
                z[k] = upper[k];
                du[ibd] = 0;
            } else if (du[ibd] < 0) {
                z[k] = lower[k];
                du[ibd] = 0;
            }
        }
        for (int p = 0; p < nf; p++) {
            z[free[p]] += alpha * du[p];
        }
        return z;
    }

    /** Cholesky solve; null when the matrix is not positive definite. */
    private static double[] solvePositiveDefinite(double[][] a, double[] rhs) {
        int m = rhs.length;
        double[][] l = new double[m][m];
        for (int j = 0; j < m; j++) {
            double s = a[j][j];
            for (int k = 0; k < j; k++) {
                s -= l[j][k] * l[j][k];
            }
            if (!(s > 0)) {
                return null;
            }
            l[j][j] = Math.sqrt(s);
            for (int i = j + 1; i < m; i++) {
                double v = a[i][j];
                for (int k = 0; k < j; k++) {
                    v -= l[i][k] * l[j][k];
                }
                l[i][j] = v / l[j][j];
            }
        }
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double v = rhs[i];
            for (int k = 0; k < i; k++) {
                v -= l[i][k] * y[k];
            }
            y[i] = v / l[i][i];
        }
        double[] out = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double v = y[i];
            for (int k = i + 1; k < m; k++) {
                v -= l[k][i] * out[k];
            }
            out[i] = v / l[i][i];
        }
        return out;
    }

    private double projectedGradientNorm(double[] x, double[] g) {
        double norm = 0;
        for (int i = 0; i < n; i++) {
            double gi = g[i];
            if (gi < 0) {
                gi = Math.max(gi, x[i] - upper[i]);
            } else {
                gi = Math.min(gi, x[i] - lower[i]);
            }
            norm = Math.max(norm, Math.abs(gi));
        }
        return norm;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = dot(m[i], v);
        }
        return out;
    }

    /**
     * The More-Thuente line search (MINPACK-2 dcsrch with dcstep): a step with sufficient decrease
     * {@code f(stp) <= f(0) + ftol stp f'(0)} and curvature {@code |f'(stp)| <= gtol |f'(0)|}.
     */
    static final class LineSearch {
        private static final double FTOL = 1e-3;
        private static final double GTOL = 0.9;
        private static final double XTOL = 0.1;
        private static final double STPMIN = 0;
        private final double stpmax;
        private final double finit;
        private final double ginit;
        private final double gtest;
        double stp;
        private boolean brackt;
        private int stage = 1;
        private double width;
        private double width1;
        private double stx;
        private double fx;
        private double gx;
        private double sty;
        private double fy;
        private double gy;
        private double stmin;
        private double stmax;

        LineSearch(double f, double g, double stp, double stpmax) {
            this.stpmax = stpmax;
            this.stp = stp;
            finit = f;
            ginit = g;
            gtest = FTOL * ginit;
            width = stpmax - STPMIN;
            width1 = width / 0.5;
            stx = 0;
            fx = finit;
            gx = ginit;
            sty = 0;
            fy = finit;
            gy = ginit;
            stmin = 0;
            stmax = stp + 4 * stp;
        }

        /** Takes f and f' at {@link #stp}; true when the search has ended (converged or warned) at stp. */
        boolean next(double f, double g) {
            double ftest = finit + stp * gtest;
            if (stage == 1 && f <= ftest && g >= 0) {
                stage = 2;
            }
            boolean warn = brackt && (stp <= stmin || stp >= stmax);
            warn |= brackt && stmax - stmin <= XTOL * stmax;
            warn |= stp == stpmax && f <= ftest && g <= gtest;
            warn |= stp == STPMIN && (f > ftest || g >= gtest);
            boolean conv = f <= ftest && Math.abs(g) <= GTOL * -ginit;
            if (warn || conv) {
                return true;
            }
            if (stage == 1 && f <= fx && f > ftest) {
                double fm = f - stp * gtest;
                double[] s = {stx, fx - stx * gtest, gx - gtest, sty, fy - sty * gtest, gy - gtest};
                step(s, fm, g - gtest);
                fx = s[1] + stx * gtest;
                fy = s[4] + sty * gtest;
                gx = s[2] + gtest;
                gy = s[5] + gtest;
            } else {
                double[] s = {stx, fx, gx, sty, fy, gy};
                step(s, f, g);
                fx = s[1];
                gx = s[2];
                fy = s[4];
                gy = s[5];
            }
            if (brackt) {
                if (Math.abs(sty - stx) >= 0.66 * width1) {
                    stp = stx + 0.5 * (sty - stx);
                }
                width1 = width;
                width = Math.abs(sty - stx);
            }
            if (brackt) {
                stmin = Math.min(stx, sty);
                stmax = Math.max(stx, sty);
            } else {
                stmin = stp + 1.1 * (stp - stx);
                stmax = stp + 4 * (stp - stx);
            }
            stp = Math.max(stp, STPMIN);
            stp = Math.min(stp, stpmax);
            if (brackt && (stp <= stmin || stp >= stmax) || brackt && stmax - stmin <= XTOL * stmax) {
                stp = stx;
            }
            return false;
        }

        /**
         * dcstep: a safeguarded cubic or quadratic step; updates the interval (s = stx, fx, dx, sty, fy, dy;
         * stx and sty are copied back to the fields) and sets the new {@link #stp}.
         */
        private void step(double[] s, double fp, double dp) {
            double sx = s[0];
            double fxv = s[1];
            double dx = s[2];
            double sy = s[3];
            double fyv = s[4];
            double dy = s[5];
            double sp = stp;
            double sgnd = dp * (dx / Math.abs(dx));
            double stpf;
            if (fp > fxv) {
                double theta = 3 * (fxv - fp) / (sp - sx) + dx + dp;
                double sc = Math.max(Math.max(Math.abs(theta), Math.abs(dx)), Math.abs(dp));
                double gamma = sc * Math.sqrt((theta / sc) * (theta / sc) - (dx / sc) * (dp / sc));
                if (sp < sx) {
                    gamma = -gamma;
                }
                double p = gamma - dx + theta;
                double q = gamma - dx + gamma + dp;
                double r = p / q;
                double stpc = sx + r * (sp - sx);
                double stpq = sx + dx / ((fxv - fp) / (sp - sx) + dx) / 2 * (sp - sx);
                stpf = Math.abs(stpc - sx) < Math.abs(stpq - sx) ? stpc : stpc + (stpq - stpc) / 2;
                brackt = true;
            } else if (sgnd < 0) {
                double theta = 3 * (fxv - fp) / (sp - sx) + dx + dp;
                double sc = Math.max(Math.max(Math.abs(theta), Math.abs(dx)), Math.abs(dp));
                double gamma = sc * Math.sqrt((theta / sc) * (theta / sc) - (dx / sc) * (dp / sc));
                if (sp > sx) {
                    gamma = -gamma;
                }
                double p = gamma - dp + theta;
                double q = gamma - dp + gamma + dx;
                double r = p / q;
                double stpc = sp + r * (sx - sp);
                double stpq = sp + dp / (dp - dx) * (sx - sp);
                stpf = Math.abs(stpc - sp) > Math.abs(stpq - sp) ? stpc : stpq;
                brackt = true;
            } else if (Math.abs(dp) < Math.abs(dx)) {
                double theta = 3 * (fxv - fp) / (sp - sx) + dx + dp;
                double sc = Math.max(Math.max(Math.abs(theta), Math.abs(dx)), Math.abs(dp));
                double disc = (theta / sc) * (theta / sc) - (dx / sc) * (dp / sc);
                double gamma = disc < 0 ? 0 : sc * Math.sqrt(disc);
                if (sp > sx) {
                    gamma = -gamma;
                }
                double p = gamma - dp + theta;
                double q = gamma + (dx - dp) + gamma;
                double r = p / q;
                double stpc;
                if (r < 0 && gamma != 0) {
                    stpc = sp + r * (sx - sp);
                } else if (sp > sx) {
                    stpc = stmax;
                } else {
                    stpc = stmin;
                }
                double stpq = sp + dp / (dp - dx) * (sx - sp);
                if (brackt) {
                    stpf = Math.abs(stpc - sp) < Math.abs(stpq - sp) ? stpc : stpq;
                    double bound = sp + 0.66 * (sy - sp);
                    stpf = sp > sx ? Math.min(bound, stpf) : Math.max(bound, stpf);
                } else {
                    stpf = Math.abs(stpc - sp) > Math.abs(stpq - sp) ? stpc : stpq;
                    stpf = Math.min(stmax, stpf);
                    stpf = Math.max(stmin, stpf);
                }
            } else {
                if (brackt) {
                    double theta = 3 * (fp - fyv) / (sy - sp) + dy + dp;
                    double sc = Math.max(Math.max(Math.abs(theta), Math.abs(dy)), Math.abs(dp));
                    double gamma = sc * Math.sqrt((theta / sc) * (theta / sc) - (dy / sc) * (dp / sc));
                    if (sp > sy) {
                        gamma = -gamma;
                    }
                    double p = gamma - dp + theta;
                    double q = gamma - dp + gamma + dy;
                    double r = p / q;
                    stpf = sp + r * (sy - sp);
                } else if (sp > sx) {
                    stpf = stmax;
                } else {
                    stpf = stmin;
                }
            }
            if (fp > fxv) {
                sy = sp;
                fyv = fp;
                dy = dp;
            } else {
                if (sgnd < 0) {
                    sy = sx;
                    fyv = fxv;
                    dy = dx;
                }
                sx = sp;
                fxv = fp;
                dx = dp;
            }
            stx = sx;
            sty = sy;
            s[0] = sx;
            s[1] = fxv;
            s[2] = dx;
            s[3] = sy;
            s[4] = fyv;
            s[5] = dy;
            stp = stpf;
        }
    }
}
