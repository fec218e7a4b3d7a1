package org.dyadkit.apim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;
import org.dyadkit.InputException;

/**
 * Refits an APIM under linear restrictions on its effects and tests each by likelihood ratio (ML) and by
 * Wald: the dyadic patterns of Kenny and Ledermann (2010, J. Fam. Psych. 24, 359-366) — couple (k = 1),
 * actor-only (k = 0), contrast (k = -1), k fixed to a value, equal k across roles (chi^2(1)) — equal actor
 * or partner effects across roles (Kenny, Kashy and Cook 2006, ch. 7), and the user's own constraints.
 *
 * <pre>{@code
 * ConstraintTests t = ApimConstraints.of(Apim.distinguishable(data).withOutcome("y").withPredictor("x"))
 *     .withPattern(ConstraintKind.EQUAL_ACTORS).withEqualK().withConstraint("actor:wife = partner:wife").fit();
 * }</pre>
 *
 * <p>The refits are ML GLS fits of the same persons as the model (its missing-data rule), with the same
 * residual structure; linear restrictions reparameterise the design (see {@code ConstrainedGls}), equal k
 * maximises the profile likelihood over the common k. Immutable; each {@code withXxx} returns a new
 * instance.
 */
public final class ApimConstraints {
    private record Request(ConstraintKind kind, List<String> user, double k) {
    }

    private final Apim model;
    private final ApimFit given;
    private final List<Request> requests;
    private final ChiSquareConvention convention;

    private ApimConstraints(Apim model, ApimFit given, List<Request> requests,
            ChiSquareConvention convention) {
        this.model = model;
        this.given = given;
        this.requests = List.copyOf(requests);
        this.convention = convention;
    }

    /**
     * The scaling of the LR statistics (default {@link ChiSquareConvention#N}, the ML likelihood ratio as
     * nlme's {@code anova()} and lavaan); {@link ChiSquareConvention#N_MINUS_1} multiplies them by (N - 1)/N
     * with N the number of dyads, as Amos's chi^2 differences (Kenny's published equal-k test uses it).
     */
    public ApimConstraints withConvention(ChiSquareConvention c) {
        return new ApimConstraints(model, given, requests, Objects.requireNonNull(c));
    }

    /** Tests on this model (its outcome, predictors, roles and missing-data rule). */
    public static ApimConstraints of(Apim model) {
        return new ApimConstraints(Objects.requireNonNull(model), null, List.of(), ChiSquareConvention.N);
    }

    /**
     * Tests on this model, whose fit is already at hand (it gives the Wald tests; it must be this model's
     * fit, so that it is not refitted, with its bootstrap, a second time).
     */
    public static ApimConstraints of(Apim model, ApimFit fit) {
        return new ApimConstraints(Objects.requireNonNull(model), Objects.requireNonNull(fit), List.of(),
                ChiSquareConvention.N);
    }

    private ApimConstraints with(Request r) {
        List<Request> l = new ArrayList<>(requests);
        if (r.kind == ConstraintKind.USER) {
            for (int i = 0; i < l.size(); i++) {
                if (l.get(i).kind == ConstraintKind.USER) {
                    List<String> u = new ArrayList<>(l.get(i).user);
                    u.addAll(r.user);
                    l.set(i, new Request(ConstraintKind.USER, u, 0));
                    return new ApimConstraints(model, given, l, convention);
                }
            }
        }
        l.add(r);
        return new ApimConstraints(model, given, l, convention);
    }

    /**
     * Adds a user constraint such as {@code actor:wife = actor:husband} (terms as named in the output);
     * all user constraints are tested jointly, as one test labelled {@code user}.
     */
    public ApimConstraints withConstraint(String expression) {
        return with(new Request(ConstraintKind.USER, List.of(Objects.requireNonNull(expression)), 0));
    }

    /**
     * Reads a constraint against the model's terms and returns it normalised ({@code a - b = 0}).
     *
     * @throws InputException naming the first token that is not a term or a number
     */
    public static String check(String expression, List<String> terms) {
        return ConstraintParser.parse(expression, terms.toArray(new String[0])).text();
    }

    /**
     * Adds a named restriction: {@link ConstraintKind#EQUAL_ACTORS}, {@code EQUAL_PARTNERS},
     * {@code COUPLE}, {@code ACTOR_ONLY}, {@code CONTRAST} or {@code EQUAL_K} (use {@link #withFixedK} for
     * {@code FIXED_K} and {@link #withConstraint} for {@code USER}).
     */
    public ApimConstraints withPattern(ConstraintKind kind) {
        if (kind == ConstraintKind.USER || kind == ConstraintKind.FIXED_K) {
            throw new IllegalArgumentException(kind + " needs an argument; use withConstraint or withFixedK");
        }
        return with(new Request(kind, List.of(), 0));
    }

    /** Adds the refit with partner = k * actor in each role, k fixed to this value. */
    public ApimConstraints withFixedK(double k) {
        if (!Double.isFinite(k)) {
            throw new IllegalArgumentException("k must be finite: " + k);
        }
        return with(new Request(ConstraintKind.FIXED_K, List.of(), k));
    }

    /** Adds the equal-k test across roles (chi^2(1)) with the common-k refit. */
    public ApimConstraints withEqualK() {
        return withPattern(ConstraintKind.EQUAL_K);
    }

    /**
     * Fits the free model (its own method, for the Wald tests), the free and every constrained model by ML,
     * and tests each restriction.
     *
     * @throws InputException for a constraint that names no term, is not linear or repeats another, or a
     *     restriction across roles in an indistinguishable model
     * @throws AnalysisException when a fit fails (named reason)
     */
    public ConstraintTests fit() {
        ApimFit free = given != null ? given : model.fit();
        ModelFrame f = model.frame(false);
        if (free.coefficients().size() != f.design().p) {
            throw new IllegalArgumentException("the fit given is not a fit of this model");
        }
        String[] names = f.design().names();
        ConstrainedGls.Refit freeMl = ConstrainedGls.fit(f, new double[0][], new double[0]);
        double[] b = new double[names.length];
        for (int j = 0; j < names.length; j++) {
            b[j] = free.coefficients().get(j).estimate();
        }
        int nd = f.design().dyads.length;
        double scale = convention == ChiSquareConvention.N ? 1 : (nd - 1.0) / nd;
        List<ConstraintTest> out = new ArrayList<>();
        for (Request r : requests) {
            out.add(test(r, f, names, freeMl, b, free.covariance().toArray(), scale));
        }
        return new ConstraintTests(free, freeMl.logLik(), convention, out);
    }

    private ConstraintTest test(Request r, ModelFrame f, String[] names, ConstrainedGls.Refit freeMl, double[] b,
            double[][] v, double scale) {
        if (r.kind == ConstraintKind.EQUAL_K) {
            return equalK(f, names, freeMl, b, v, scale);
        }
        List<ConstraintParser.Row> rows = rows(r, f, names);
        int m = rows.size();
        double[][] c = new double[m][];
        double[] d = new double[m];
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            c[i] = rows.get(i).coef();
            d[i] = rows.get(i).rhs();
            texts.add(rows.get(i).text());
        }
        ConstrainedGls.Refit fit = ConstrainedGls.fit(f, c, d, freeMl);
        double wald = wald(c, d, b, v);
        String label = switch (r.kind) {
            case USER -> "user";
            case FIXED_K -> "k=" + ConstraintParser.num(r.k);
            default -> r.kind.name().toLowerCase(Locale.ROOT);
        };
        OptionalDouble k = switch (r.kind) {
            case FIXED_K -> OptionalDouble.of(r.k);
            case COUPLE -> OptionalDouble.of(1);
            case ACTOR_ONLY -> OptionalDouble.of(0);
            case CONTRAST -> OptionalDouble.of(-1);
            default -> OptionalDouble.empty();
        };
        return result(label, r.kind, texts, m, freeMl, fit, wald, f, names, k, scale);
    }

    private static ConstraintTest result(String label, ConstraintKind kind, List<String> texts, int df,
            ConstrainedGls.Refit freeMl, ConstrainedGls.Refit fit, double wald, ModelFrame f, String[] names,
            OptionalDouble k, double scale) {
        double lr = scale * Math.max(0, 2 * (freeMl.logLik() - fit.logLik()));
        ChiSquaredDistribution chi = ChiSquaredDistribution.of(df);
        List<ConstrainedCoefficient> coefs = new ArrayList<>();
        for (int j = 0; j < names.length; j++) {
            double se = Math.sqrt(Math.max(0, fit.cov()[j][j]));
            if (se < 1e-12 * Math.max(1, Math.abs(fit.beta()[j]))) {
                se = 0;
            }
            coefs.add(new ConstrainedCoefficient(names[j], f.design().columnRole(j), fit.beta()[j], se));
        }
        Map<String, Double> sds = new LinkedHashMap<>();
        double s0 = Math.sqrt(fit.sigma2());
        if (f.distinguishable()) {
            sds.put(f.roles().get(0), s0);
            sds.put(f.roles().get(1), s0 * fit.lambda());
        } else {
            sds.put("all", s0);
        }
        return new ConstraintTest(label, kind, texts, df, lr, chi.survivalProbability(lr), wald,
                chi.survivalProbability(wald), freeMl.logLik(), fit.logLik(), coefs, fit.rho(), sds, k);
    }

    private static double wald(double[][] c, double[] d, double[] b, double[][] v) {
        int m = c.length;
        int p = b.length;
        double[] g = new double[m];
        double[][] cvc = new double[m][m];
        for (int i = 0; i < m; i++) {
            g[i] = Apim.dot(c[i], b) - d[i];
            for (int j = 0; j < m; j++) {
                cvc[i][j] = Apim.quad(c[i], v, c[j]);
            }
        }
        RealMatrix inv = new LUDecomposition(new Array2DRowRealMatrix(cvc, false)).getSolver().getInverse();
        double w = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                w += g[i] * inv.getEntry(i, j) * g[j];
            }
        }
        return Math.max(0, w);
    }

    private List<ConstraintParser.Row> rows(Request r, ModelFrame f, String[] names) {
        List<ConstraintParser.Row> rows = new ArrayList<>();
        if (r.kind == ConstraintKind.USER) {
            for (String e : r.user) {
                rows.add(ConstraintParser.parse(e, names));
            }
            return rows;
        }
        if (f.kPredictor() == null) {
            throw new InputException("the " + r.kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " restriction needs a predictor (--x)");
        }
        String at = f.effectTerm("actor");
        String pt = f.effectTerm("partner");
        int p = names.length;
        switch (r.kind) {
            case EQUAL_ACTORS, EQUAL_PARTNERS -> {
                requireRoles(f, r.kind);
                String t = r.kind == ConstraintKind.EQUAL_ACTORS ? at : pt;
                double[] l = sub(f.contrast(t, 0), f.contrast(t, 1));
                rows.add(new ConstraintParser.Row(l, 0, ConstraintParser.text(l, 0, names)));
            }
            case COUPLE, ACTOR_ONLY, CONTRAST, FIXED_K -> {
                double k = switch (r.kind) {
                    case COUPLE -> 1;
                    case ACTOR_ONLY -> 0;
                    case CONTRAST -> -1;
                    default -> r.k;
                };
                for (int role = 0; role < f.nRoles(); role++) {
                    double[] la = f.contrast(at, role);
                    double[] lp = f.contrast(pt, role);
                    double[] l = new double[p];
                    for (int j = 0; j < p; j++) {
                        l[j] = lp[j] - k * la[j];
                    }
                    rows.add(new ConstraintParser.Row(l, 0, ConstraintParser.text(l, 0, names)));
                }
            }
            default -> throw new IllegalStateException(r.kind.name());
        }
        return rows;
    }

    private static void requireRoles(ModelFrame f, ConstraintKind kind) {
        if (!f.distinguishable()) {
            throw new InputException("the " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " restriction compares the two roles; it needs distinguishable dyads (--role)");
        }
    }

    private static double[] sub(double[] a, double[] b) {
        double[] o = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = a[i] - b[i];
        }
        return o;
    }

    /**
     * Equal k across roles: partner_r = k * actor_r for both roles with k common, the profile ML likelihood
     * maximised over k (Brent's method after a grid around the two free k's); Wald by the delta method on
     * g = p1/a1 - p2/a2.
     */
    private ConstraintTest equalK(ModelFrame f, String[] names, ConstrainedGls.Refit freeMl, double[] b,
            double[][] v, double scale) {
        requireRoles(f, ConstraintKind.EQUAL_K);
        if (f.kPredictor() == null) {
            throw new InputException("the equal-k test needs a predictor (--x)");
        }
        int p = names.length;
        double[][] la = {f.contrast(f.effectTerm("actor"), 0), f.contrast(f.effectTerm("actor"), 1)};
        double[][] lp = {f.contrast(f.effectTerm("partner"), 0), f.contrast(f.effectTerm("partner"), 1)};
        double[] ks = new double[2];
        for (int r = 0; r < 2; r++) {
            double a = Apim.dot(la[r], freeMl.beta());
            if (Math.abs(a) < 1e-12) {
                throw new AnalysisException(Reason.UNDEFINED, "the actor effect of role " + f.roleLabel(r)
                        + " is zero, so k = p/a and the equal-k test are undefined");
            }
            ks[r] = Apim.dot(lp[r], freeMl.beta()) / a;
        }
        java.util.function.DoubleFunction<double[][]> rowsAt = k -> {
            double[][] c = new double[2][p];
            for (int r = 0; r < 2; r++) {
                for (int j = 0; j < p; j++) {
                    c[r][j] = lp[r][j] - k * la[r][j];
                }
            }
            return c;
        };
        double[] zero = new double[2];
        java.util.function.DoubleUnaryOperator prof = k -> {
            try {
                return ConstrainedGls.fit(f, rowsAt.apply(k), zero, freeMl).logLik();
            } catch (AnalysisException e) {
                return Double.NEGATIVE_INFINITY;
            }
        };
        double lo = Math.min(ks[0], ks[1]);
        double hi = Math.max(ks[0], ks[1]);
        double span = Math.max(hi - lo, 0.1);
        double kHat = Double.NaN;
        for (int attempt = 0; attempt < 3 && Double.isNaN(kHat); attempt++) {
            int steps = 40;
            double g0 = lo - span;
            double g1 = hi + span;
            double[] grid = new double[steps + 1];
            double[] val = new double[steps + 1];
            int best = 0;
            for (int i = 0; i <= steps; i++) {
                grid[i] = g0 + (g1 - g0) * i / steps;
                val[i] = prof.applyAsDouble(grid[i]);
                if (val[i] > val[best]) {
                    best = i;
                }
            }
            if (best == 0 || best == steps || !Double.isFinite(val[best])) {
                span *= 4;
                continue;
            }
            UnivariatePointValuePair opt = new BrentOptimizer(1e-12, 1e-14).optimize(new MaxEval(500),
                    new UnivariateObjectiveFunction(prof::applyAsDouble), GoalType.MAXIMIZE,
                    new SearchInterval(grid[best - 1], grid[best + 1], grid[best]));
            kHat = opt.getValue() >= val[best] ? opt.getPoint() : grid[best];
        }
        if (Double.isNaN(kHat)) {
            throw new AnalysisException(Reason.NO_CONVERGENCE, "the profile likelihood of a common k has no "
                    + "interior maximum; the actor effects are too close to zero for k");
        }
        ConstrainedGls.Refit fit = ConstrainedGls.fit(f, rowsAt.apply(kHat), zero, freeMl);
        // Wald by the delta method on g = p1/a1 - p2/a2 from the free fit
        double[] grad = new double[p];
        double g = 0;
        for (int r = 0; r < 2; r++) {
            double a = Apim.dot(la[r], b);
            double pp = Apim.dot(lp[r], b);
            double sign = r == 0 ? 1 : -1;
            g += sign * pp / a;
            for (int j = 0; j < p; j++) {
                grad[j] += sign * (lp[r][j] / a - pp * la[r][j] / (a * a));
            }
        }
        double var = Apim.quad(grad, v, grad);
        double wald = var > 0 ? g * g / var : 0;
        String text = String.format(Locale.ROOT, "%s / %s = %s / %s", f.effectTerm("partner") + "[" + f.roleLabel(0)
                + "]", f.effectTerm("actor") + "[" + f.roleLabel(0) + "]", f.effectTerm("partner") + "["
                + f.roleLabel(1) + "]", f.effectTerm("actor") + "[" + f.roleLabel(1) + "]");
        return result("equal_k", ConstraintKind.EQUAL_K, List.of(text), 1, freeMl, fit, wald, f, names,
                OptionalDouble.of(kHat), scale);
    }
}
