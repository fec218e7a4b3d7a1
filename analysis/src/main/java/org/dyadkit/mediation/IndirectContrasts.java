package org.dyadkit.mediation;

import java.util.Optional;
import org.dyadkit.resample.Interval;
import org.dyadkit.resample.IntervalKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares every simple indirect effect of an APIMeM with every other (first - second), with Monte Carlo
 * and bootstrap intervals from the draws of the APIMeM itself (as MEDYAD, Coutts, Hayes and Jiang 2019), and
 * gives delta-method SEs of the total indirect and total effects and the proportion mediated with its
 * intervals (Ledermann, Macho and Kenny 2011). Intervals are present when the APIMeM was asked for Monte
 * Carlo draws and/or a bootstrap.
 *
 * <pre>{@code
 * IndirectContrastsResult c = IndirectContrasts.of(Apimem.distinguishable(data).withPredictor("other_pos")
 *     .withMediator("tension").withOutcome("satisfaction").withMonteCarlo(40000, 12345)).fit();
 * }</pre>
 */
public final class IndirectContrasts {
    private final Apimem model;

    private IndirectContrasts(Apimem model) {
        this.model = model;
    }

    /** Contrasts of this APIMeM. */
    public static IndirectContrasts of(Apimem model) {
        return new IndirectContrasts(Objects.requireNonNull(model));
    }

    /** Fits the APIMeM (with its draws) and computes the contrasts, delta-method SEs and proportions. */
    public IndirectContrastsResult fit() {
        Apimem.Fitted f = model.fitted();
        ApimemResult r = f.result();
        boolean dist = r.distinguishable();
        int nr = dist ? 2 : 1;
        double level = r.mediatorModel().level();
        double zq = Quantiles.NORMAL.inverseSurvivalProbability((1 - level) / 2);
        double[] est = Apimem.withTotals(Apimem.effects(f.a(), f.b(), dist), f.b(), dist);
        List<String> roles = dist ? r.roles() : List.of("all");
        // simple effects: label and statistic index
        List<String> labels = new ArrayList<>();
        List<Integer> stats = new ArrayList<>();
        for (int k = 0; k < nr; k++) {
            for (int s = 0; s < 4; s++) {
                labels.add(Apimem.SIMPLE.get(s).label() + (dist ? ":" + roles.get(k) : ""));
                stats.add(6 * k + s);
            }
        }
        List<IndirectContrast> contrasts = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                int si = stats.get(i);
                int sj = stats.get(j);
                double d = est[si] - est[sj];
                Optional<Interval> mc = Optional.empty();
                if (f.mc() != null) {
                    double[] s = Quantiles.sortedFinite(difference(f.mc()[si], f.mc()[sj]));
                    mc = Optional.of(Quantiles.monteCarlo(s, level));
                }
                List<Optional<Interval>> boot = boot(f.boot() == null ? null
                        : difference(f.boot()[si], f.boot()[sj]), d, level);
                contrasts.add(new IndirectContrast(labels.get(i), labels.get(j), d, mc, boot.get(0), boot.get(1)));
            }
        }
        List<DeltaEffect> delta = new ArrayList<>();
        List<ProportionMediated> props = new ArrayList<>();
        for (int k = 0; k < nr; k++) {
            for (int e = 0; e < 2; e++) {
                String effect = e == 0 ? "actor" : "partner";
                int ind = 6 * k + 4 + e;
                int tot = 6 * nr + 2 * k + e;
                double[] vInd = variance(f, dist, ind, -1);
                double[] vTot = variance(f, dist, tot, -1);
                delta.add(delta("total_indirect", effect, roles.get(k), est[ind], vInd[0], zq, level));
                delta.add(delta("total", effect, roles.get(k), est[tot], vTot[0], zq, level));
                if (est[tot] == 0) {
                    continue; // no proportion of a zero total effect
                }
                double pr = est[ind] / est[tot];
                double vp = variance(f, dist, ind, tot)[0];
                double se = Math.sqrt(vp);
                Interval di = new Interval(IntervalKind.DELTA, level, pr - zq * se, pr + zq * se);
                List<Optional<Interval>> bi = boot(f.boot() == null ? null : ratio(f.boot()[ind], f.boot()[tot]), pr,
                        level);
                props.add(new ProportionMediated(effect, roles.get(k), pr, se, di, bi.get(0), bi.get(1)));
            }
        }
        return new IndirectContrastsResult(r, contrasts, delta, props);
    }

    private static DeltaEffect delta(String kind, String effect, String role, double est, double var, double zq,
            double level) {
        double se = Math.sqrt(var);
        double z = est / se;
        return new DeltaEffect(kind, effect, role, est, se, z, 2 * Quantiles.NORMAL.survivalProbability(Math.abs(z)),
                new Interval(IntervalKind.DELTA, level, est - zq * se, est + zq * se));
    }

    /**
     * The delta-method variance of statistic {@code num} (or of num / den when den >= 0), by central
     * differences of the bilinear effect functions (exact up to rounding).
     */
    private static double[] variance(Apimem.Fitted f, boolean dist, int num, int den) {
        double[] a = f.a().clone();
        double[] b = f.b().clone();
        double[] ga = new double[a.length];
        double[] gb = new double[b.length];
        for (int i = 0; i < a.length; i++) {
            double h = 1e-5 * Math.max(1, Math.abs(a[i]));
            double keep = a[i];
            a[i] = keep + h;
            double up = value(a, b, dist, num, den);
            a[i] = keep - h;
            double dn = value(a, b, dist, num, den);
            a[i] = keep;
            ga[i] = (up - dn) / (2 * h);
        }
        for (int i = 0; i < b.length; i++) {
            double h = 1e-5 * Math.max(1, Math.abs(b[i]));
            double keep = b[i];
            b[i] = keep + h;
            double up = value(a, b, dist, num, den);
            b[i] = keep - h;
            double dn = value(a, b, dist, num, den);
            b[i] = keep;
            gb[i] = (up - dn) / (2 * h);
        }
        return new double[] {quad(ga, f.covA()) + quad(gb, f.covB())};
    }

    private static double value(double[] a, double[] b, boolean dist, int num, int den) {
        double[] e = Apimem.withTotals(Apimem.effects(a, b, dist), b, dist);
        return den < 0 ? e[num] : e[num] / e[den];
    }

    private static double quad(double[] g, double[][] v) {
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g.length; j++) {
                s += g[i] * v[i][j] * g[j];
            }
        }
        return s;
    }

    private static double[] difference(double[] x, double[] y) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] - y[i];
        }
        return d;
    }

    private static double[] ratio(double[] x, double[] y) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] / y[i];
        }
        return d;
    }

    /** Percentile and bias-corrected intervals of replicates (empty without them). */
    private static List<Optional<Interval>> boot(double[] reps, double estimate, double level) {
        if (reps == null) {
            return List.of(Optional.empty(), Optional.empty());
        }
        double[] s = Quantiles.sortedFinite(reps);
        if (s.length < 2) {
            return List.of(Optional.empty(), Optional.empty());
        }
        // the bias-corrected interval is empty when every replicate lies on one side of the estimate
        return List.of(Optional.of(Interval.percentile(s, level)), Interval.biasCorrected(s, estimate, level));
    }
}
