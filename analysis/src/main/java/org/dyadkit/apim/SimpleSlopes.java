package org.dyadkit.apim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.TDistribution;
import org.dyadkit.InputException;

/**
 * Probes the interactions of a fitted APIM: simple slopes of a focal term at moderator values (mean - 1 SD,
 * mean, mean + 1 SD of the moderator among the persons of the role in the model, or given values), per
 * role for distinguishable dyads, with SEs sqrt(L V L') from the coefficient covariance and t tests on the
 * focal coefficient's df (Aiken and West 1991, ch. 2; Preacher, Curran and Bauer 2006, J. Educ. Behav.
 * Stat. 31, 437-448); the Johnson-Neyman region of significance; and interaction-plot data. Other
 * moderators of the focal term are held at 0 (their mean when centred, see {@link Centring}).
 *
 * <pre>{@code
 * SimpleSlopesResult s = SimpleSlopes.of(model, fit).withFocal("actor").withModerator("tension").fit();
 * }</pre>
 *
 * <p>Without a focal term, every two-factor interaction {@code A:B} is probed with A focal and B the
 * moderator. Immutable.
 */
public final class SimpleSlopes {
    private final Apim model;
    private final ApimFit fit;
    private final String focal;
    private final String moderator;
    private final double[] at;

    private SimpleSlopes(Apim model, ApimFit fit, String focal, String moderator, double[] at) {
        this.model = model;
        this.fit = fit;
        this.focal = focal;
        this.moderator = moderator;
        this.at = at;
    }

    /** Probing of this model's fit (the fit must come from this model). */
    public static SimpleSlopes of(Apim model, ApimFit fit) {
        return new SimpleSlopes(Objects.requireNonNull(model), Objects.requireNonNull(fit), null, null, null);
    }

    /** The focal term (default: the first factor of each two-factor interaction). */
    public SimpleSlopes withFocal(String term) {
        return new SimpleSlopes(model, fit, Objects.requireNonNull(term), moderator, at);
    }

    /** The moderator (default: the other factor of each interaction of the focal term). */
    public SimpleSlopes withModerator(String name) {
        return new SimpleSlopes(model, fit, focal, Objects.requireNonNull(name), at);
    }

    /** The moderator values (default mean - 1 SD, mean, mean + 1 SD). */
    public SimpleSlopes withAt(double... values) {
        return new SimpleSlopes(model, fit, focal, moderator, values.length == 0 ? null : values.clone());
    }

    private record Pair(String focal, String moderator, List<Integer> interactionTerms, Design.Factor focalFactor,
            Design.Factor moderatorFactor) {
    }

    /**
     * Computes the slopes, regions and plot data.
     *
     * @throws InputException when the model has no interaction of the focal term and the moderator
     */
    public SimpleSlopesResult fit() {
        ModelFrame f = model.frame(false);
        Design d = f.design();
        List<Pair> pairs = pairs(d);
        double[] b = new double[d.p];
        for (int j = 0; j < d.p; j++) {
            b[j] = fit.coefficients().get(j).estimate();
        }
        double[][] v = fit.covariance().toArray();
        List<SimpleSlope> slopes = new ArrayList<>();
        List<JohnsonNeyman> regions = new ArrayList<>();
        List<PlotPoint> plot = new ArrayList<>();
        double level = fit.level();
        for (Pair pr : pairs) {
            int tf = d.termIndex(pr.focal);
            for (int r = 0; r < f.nRoles(); r++) {
                String role = f.roleLabel(r);
                double[] l1 = d.contrast(tf, r);
                double[] l3 = new double[d.p];
                for (int t : pr.interactionTerms) {
                    double[] c = d.contrast(t, r);
                    for (int j = 0; j < d.p; j++) {
                        l3[j] += c[j];
                    }
                }
                double df = Double.NaN;
                for (int j = 0; j < d.p; j++) {
                    if (l1[j] != 0) {
                        df = fit.coefficients().get(j).df();
                        break;
                    }
                }
                TDistribution td = TDistribution.of(df);
                double tcrit = td.inverseSurvivalProbability((1 - level) / 2);
                double[] mv = factorValues(f, pr.moderatorFactor, r);
                double[] fv = factorValues(f, pr.focalFactor, r);
                double mMean = mean(mv);
                double mSd = sd(mv, mMean);
                double[] values = at != null ? at : new double[] {mMean - mSd, mMean, mMean + mSd};
                String[] labels = at != null ? null : new String[] {"-1 SD", "mean", "+1 SD"};
                double b1 = Apim.dot(l1, b);
                double b3 = Apim.dot(l3, b);
                double v11 = Apim.quad(l1, v, l1);
                double v13 = Apim.quad(l1, v, l3);
                double v33 = Apim.quad(l3, v, l3);
                for (int i = 0; i < values.length; i++) {
                    double m = values[i];
                    double est = b1 + m * b3;
                    double se = Math.sqrt(Math.max(0, v11 + 2 * m * v13 + m * m * v33));
                    double t = est / se;
                    double p = 2 * td.survivalProbability(Math.abs(t));
                    slopes.add(new SimpleSlope(pr.focal, pr.moderator, m, labels == null ? "given" : labels[i], role,
                            est, se, df, t, p, est - tcrit * se, est + tcrit * se));
                }
                regions.add(jn(pr, role, level, tcrit, b1, b3, v11, v13, v33, mv));
                double fMean = mean(fv);
                double fSd = sd(fv, fMean);
                for (double m : values) {
                    for (double x : new double[] {fMean - fSd, fMean + fSd}) {
                        plot.add(new PlotPoint(pr.focal, pr.moderator, role, m, x, predict(f, d, b, r, pr, x, m)));
                    }
                }
            }
        }
        return new SimpleSlopesResult(slopes, regions, plot);
    }

    private static JohnsonNeyman jn(Pair pr, String role, double level, double tc, double b1, double b3, double v11,
            double v13, double v33, double[] mv) {
        double t2 = tc * tc;
        double a = b3 * b3 - t2 * v33;
        double bb = 2 * (b1 * b3 - t2 * v13);
        double c = b1 * b1 - t2 * v11;
        double disc = bb * bb - 4 * a * c;
        double min = Arrays.stream(mv).min().orElse(Double.NaN);
        double max = Arrays.stream(mv).max().orElse(Double.NaN);
        OptionalDouble none = OptionalDouble.empty();
        if (a == 0) {
            // linear: one bound
            double root = -c / bb;
            boolean aboveSig = bb > 0;
            return new JohnsonNeyman(pr.focal, pr.moderator, role, level, aboveSig ? none : OptionalDouble.of(root),
                    aboveSig ? OptionalDouble.of(root) : none, JohnsonNeyman.Region.OUTSIDE, min, max);
        }
        if (disc <= 0) {
            return new JohnsonNeyman(pr.focal, pr.moderator, role, level, none, none,
                    a > 0 ? JohnsonNeyman.Region.EVERYWHERE : JohnsonNeyman.Region.NOWHERE, min, max);
        }
        double sq = Math.sqrt(disc);
        // numerically stable roots
        double q = -0.5 * (bb + Math.copySign(sq, bb));
        double r1 = q / a;
        double r2 = c / q;
        double lo = Math.min(r1, r2);
        double hi = Math.max(r1, r2);
        return new JohnsonNeyman(pr.focal, pr.moderator, role, level, OptionalDouble.of(lo), OptionalDouble.of(hi),
                a > 0 ? JohnsonNeyman.Region.OUTSIDE : JohnsonNeyman.Region.INSIDE, min, max);
    }

    /** Predicted outcome: each term's factors at their role means, the focal at x and the moderator at m. */
    private double predict(ModelFrame f, Design d, double[] b, int r, Pair pr, double x, double m) {
        double y = 0;
        for (int t = 0; t < d.terms.size(); t++) {
            double val = 1;
            for (Design.Factor fac : d.terms.get(t).factors()) {
                if (fac.equals(pr.focalFactor)) {
                    val *= x;
                } else if (fac.equals(pr.moderatorFactor)) {
                    val *= m;
                } else {
                    val *= mean(factorValues(f, fac, r));
                }
            }
            y += val * Apim.dot(d.contrast(t, r), b);
        }
        return y;
    }

    /** A factor's values over the persons of role r in the model (all persons when indistinguishable). */
    private static double[] factorValues(ModelFrame f, Design.Factor fac, int r) {
        Design d = f.design();
        double[] vals = f.data().values(fac.variable());
        double[] out = new double[d.n];
        int k = 0;
        for (int i = 0; i < d.n; i++) {
            if (f.distinguishable() && d.role[i] != r) {
                continue;
            }
            int person = d.person[i];
            out[k++] = vals[fac.partner() ? f.data().partner(person) : person];
        }
        return Arrays.copyOf(out, k);
    }

    private List<Pair> pairs(Design d) {
        List<Pair> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int t = 0; t < d.terms.size(); t++) {
            Design.Term term = d.terms.get(t);
            if (term.factors().size() < 2) {
                continue;
            }
            String[] names = term.name().split(":");
            if (term.factors().size() != 2 || names.length != 2) {
                if (focal == null) {
                    continue;
                }
                if (Arrays.asList(names).contains(focal) && (moderator == null || Arrays.asList(names).contains(moderator))) {
                    throw new InputException("simple slopes are computed for two-factor interactions; " + term.name()
                            + " has more factors");
                }
                continue;
            }
            for (int side = 0; side < 2; side++) {
                String fo = names[side];
                String mo = names[1 - side];
                boolean wanted = focal == null ? side == 0 && (moderator == null || moderator.equals(mo))
                        : focal.equals(fo) && (moderator == null || moderator.equals(mo));
                if (!wanted || seen.contains(fo + "|" + mo)) {
                    continue;
                }
                if (d.termIndex(fo) < 0) {
                    throw new InputException("the focal term " + fo + " has no main effect in the model; add it");
                }
                seen.add(fo + "|" + mo);
                List<Integer> inter = new ArrayList<>();
                for (int u = 0; u < d.terms.size(); u++) {
                    String[] nm = d.terms.get(u).name().split(":");
                    if (nm.length == 2 && d.terms.get(u).factors().size() == 2
                            && ((nm[0].equals(fo) && nm[1].equals(mo)) || (nm[0].equals(mo) && nm[1].equals(fo)))) {
                        inter.add(u);
                    }
                }
                out.add(new Pair(fo, mo, inter, term.factors().get(side), term.factors().get(1 - side)));
            }
        }
        if (out.isEmpty()) {
            List<String> ints = new ArrayList<>();
            for (Design.Term term : d.terms) {
                if (term.factors().size() >= 2) {
                    ints.add(term.name());
                }
            }
            throw new InputException("no interaction " + (focal == null ? "" : "of " + focal + " ")
                    + (moderator == null ? "" : "with " + moderator + " ") + "in the model to probe; interactions: "
                    + (ints.isEmpty() ? "none (add --interaction A:B)" : String.join(", ", ints)));
        }
        return out;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v, double m) {
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
