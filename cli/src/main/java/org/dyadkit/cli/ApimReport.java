package org.dyadkit.cli;

import org.dyadkit.apim.Method;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.Coefficient;
import org.dyadkit.apim.DfMethod;
import org.dyadkit.apim.DistinguishabilityTest;
import org.dyadkit.apim.KEstimate;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.resample.Interval;
import org.dyadkit.apim.VarianceInterval;

/** Text (laid out like R's {@code summary()}) and JSON renderings of APIM results. */
final class ApimReport {
    private ApimReport() {
    }

    /** A number to 7 significant digits; {@code NA} when absent. */
    static String sig(java.util.OptionalDouble v) {
        return v.isPresent() ? sig(v.getAsDouble()) : "NA";
    }

    /** A number to 7 significant digits, as R prints by default. */
    static String sig(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        if (v == 0) {
            return "0";
        }
        String s = new BigDecimal(v).round(new MathContext(7)).stripTrailingZeros().toPlainString();
        return s;
    }

    static String pval(double p) {
        if (Double.isNaN(p)) {
            return "NA";
        }
        return p < 0.00005 ? "<.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    static String df(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    static String dfLabel(DfMethod m) {
        return switch (m) {
            case RESIDUAL -> "residual, N - p (nlme)";
            case BETWEEN_WITHIN -> "between/within dyads";
            case SATTERTHWAITE -> "Satterthwaite";
        };
    }

    private static String table(List<String[]> rows, boolean[] left) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < cols; c++) {
                w[c] = Math.max(w[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            for (int c = 0; c < cols; c++) {
                if (c > 0) {
                    sb.append("  ");
                }
                String f = "%" + (left[c] ? "-" : "") + w[c] + "s";
                sb.append(String.format(Locale.ROOT, f, r[c]));
            }
            sb.append(System.lineSeparator().equals("\n") ? "\n" : "\n");
        }
        return sb.toString();
    }

    static String text(ApimFit f, boolean showK, String source) {
        StringBuilder sb = new StringBuilder();
        sb.append("Actor-partner interdependence model, ")
                .append(f.distinguishable() ? "distinguishable dyads (roles " + String.join(", ", f.roles()) + ")"
                        : "indistinguishable dyads")
                .append('\n');
        sb.append("Generalized least squares fit by ").append(f.method() == org.dyadkit.apim.Method.REML ? "REML" : "maximum likelihood")
                .append(f.closedForm() ? " (closed form)" : "").append('\n');
        sb.append("  Data: ").append(source).append("; ").append(f.nDyads()).append(" dyads, ").append(f.nObs())
                .append(" persons in the model, ").append(f.nSingletons()).append(" dyads with one person\n");
        sb.append("  Outcome: ").append(f.outcome());
        if (!f.predictors().isEmpty()) {
            sb.append("; actor and partner predictors: ").append(String.join(", ", f.predictors()));
        }
        if (!f.covariates().isEmpty()) {
            sb.append("; covariates: ").append(String.join(", ", f.covariates()));
        }
        if (!f.interactions().isEmpty()) {
            sb.append("; interactions: ").append(String.join(", ", f.interactions()));
        }
        sb.append('\n');
        if (f.distinguishable()) {
            sb.append("  Parameterisation: ").append(f.parameterisation().orElse(null) == org.dyadkit.apim.Parameterisation.TWO_INTERCEPT
                    ? "two-intercept" : "interaction (role coded +1 " + f.roles().get(0) + ", -1 " + f.roles().get(1) + ")")
                    .append('\n');
        }
        sb.append('\n');
        sb.append(table(List.of(new String[] {"AIC", "BIC", "logLik"},
                new String[] {sig(f.aic()), sig(f.bic()), sig(f.logLik())}), new boolean[] {false, false, false}));
        sb.append('\n');
        sb.append("Residual covariance: ").append(f.distinguishable() ? "role-specific SDs, one correlation"
                : "compound symmetry").append('\n');
        for (Map.Entry<String, Double> e : f.residual().sd().entrySet()) {
            sb.append("  residual SD").append(f.distinguishable() ? " " + e.getKey() : "").append(": ")
                    .append(sig(e.getValue())).append('\n');
        }
        sb.append("  rho (partial ICC): ").append(sig(f.rho())).append("; covariance: ").append(sig(f.residual().cov()))
                .append('\n');
        if (f.rhoInterval().isPresent()) {
            sb.append("  ").append(sig(100 * f.level())).append("% CI of rho (nlme var-cov): ")
                    .append(sig(f.rhoInterval().get().lower())).append(" to ").append(sig(f.rhoInterval().get().upper())).append('\n');
        } else {
            sb.append("  CI of rho: not available (").append(f.residualIntervals().note().orElse("")).append(")\n");
        }
        if (!f.pseudoR2().isEmpty()) {
            sb.append("  pseudo R-squared vs the empty model:");
            f.pseudoR2().forEach((r, v) -> sb.append(' ').append(f.distinguishable() ? r + " " : "").append(sig(v)));
            sb.append('\n');
        }
        sb.append('\n');
        String lvl = sig(100 * (1 - f.level()) / 2);
        String hi = sig(100 * (1 - (1 - f.level()) / 2));
        sb.append("Coefficients (df: ").append(dfLabel(f.dfMethod())).append("; intervals: ")
                .append(f.normalIntervals() ? "normal" : "t").append("):\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "Value", "Std.Error", "df", "t-value", "p-value", lvl + " %", hi + " %"});
        for (Coefficient c : f.coefficients()) {
            rows.add(new String[] {c.term(), sig(c.estimate()), sig(c.se()), df(c.df()), sig(c.t()), pval(c.p()),
                sig(c.ciLower()), sig(c.ciUpper())});
        }
        sb.append(table(rows, new boolean[] {true, false, false, false, false, false, false, false}));
        if (showK && !f.k().isEmpty()) {
            sb.append('\n').append("k = partner effect / actor effect (").append(f.k().get(0).predictor()).append("):\n");
            List<String[]> kr = new ArrayList<>();
            kr.add(new String[] {"", "actor", "partner", "std.actor", "k", "SE(delta)", "delta CI", "percentile CI",
                "bias-corrected CI", "pattern"});
            for (KEstimate k : f.k()) {
                kr.add(new String[] {k.role(), sig(k.actor()), sig(k.partner()), sig(k.standardisedActor()), sig(k.k()),
                    sig(k.se()), interval(k.delta()), interval(k.percentile()),
                    interval(k.biasCorrected()), k.pattern().name().toLowerCase(Locale.ROOT).replace('_', '-')});
            }
            sb.append(table(kr, new boolean[] {true, false, false, false, false, false, false, false, false, false}));
            KEstimate first = f.k().get(0);
            if (first.bootstrapReplicates() > 0) {
                sb.append("  bootstrap: ").append(first.bootstrapReplicates()).append(" resamples of whole dyads, seed ")
                        .append(first.seed());
                f.k().forEach(k -> sb.append(", ").append(k.bootstrapFailed()).append(" failed (").append(k.role())
                        .append(')'));
                sb.append('\n');
            }
            for (KEstimate k : f.k()) {
                sb.append("  ").append(k.role()).append(": pattern from the ")
                        .append(k.patternBasis().orElse("-"));
                if (k.reason().isPresent()) {
                    sb.append("; ").append(k.reason().get());
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String interval(double lo, double hi) {
        if (Double.isNaN(lo)) {
            return "-";
        }
        return "[" + sig4(lo) + ", " + sig4(hi) + "]";
    }

    private static String interval(java.util.Optional<Interval> b) {
        return interval(b.orElse(null));
    }

    private static String interval(Interval b) {
        return b == null ? "-" : interval(b.lower(), b.upper());
    }

    private static String sig4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String text(DistinguishabilityTest t) {
        StringBuilder sb = new StringBuilder();
        ApimFit d = t.distinguishable();
        ApimFit i = t.indistinguishable();
        sb.append("Test of distinguishability (ML likelihood ratio), roles ").append(String.join(", ", d.roles()))
                .append('\n');
        sb.append("  Outcome: ").append(d.outcome()).append("; ").append(d.nDyads()).append(" dyads, ")
                .append(d.nObs()).append(" persons in both models\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Model", "df", "AIC", "BIC", "logLik", "Test", "L.Ratio", "p-value"});
        rows.add(new String[] {"indistinguishable", Integer.toString(i.nParameters()), sig(i.aic()), sig(i.bic()),
            sig(i.logLik()), "", "", ""});
        rows.add(new String[] {"distinguishable", Integer.toString(d.nParameters()), sig(d.aic()), sig(d.bic()),
            sig(d.logLik()), "1 vs 2", sig(t.chiSquare()), pval(t.p())});
        sb.append(table(rows, new boolean[] {true, false, false, false, false, false, false, false}));
        sb.append("\nchi-square(").append(t.df()).append(") = ").append(sig(t.chiSquare())).append(", p = ")
                .append(sig(t.p())).append('\n');
        sb.append(t.p() < 0.05 ? "The roles differ (reject indistinguishability at .05).\n"
                : "No evidence at .05 that the roles differ: the dyads may be treated as indistinguishable.\n");
        return sb.toString();
    }

    static Map<String, Object> json(ApimFit f, boolean showK, DyadicInputOptions in, DyadicData data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("analysis", "apim");
        m.put("method", f.method().name());
        m.put("dyads", f.distinguishable() ? "distinguishable" : "indistinguishable");
        m.put("roles", f.roles());
        m.put("outcome", f.outcome());
        m.put("n_dyads", f.nDyads());
        m.put("n_obs", f.nObs());
        m.put("n_singletons", f.nSingletons());
        m.put("estimation", f.closedForm() ? "closed form" : "iterative");
        m.put("df_method", dfName(f.dfMethod()));
        m.put("coefficients", coefficients(f));
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("sd", f.residual().sd());
        res.put("rho", f.residual().rho());
        res.put("cov", f.residual().cov());
        res.put("rho_ci_lower", f.rhoInterval().map(VarianceInterval::lower).orElse(null));
        res.put("rho_ci_upper", f.rhoInterval().map(VarianceInterval::upper).orElse(null));
        res.put("ci_note", f.residualIntervals().note().orElse(null));
        m.put("residual", res);
        m.put("partial_icc", f.partialIcc());
        m.put("pseudo_r2", f.pseudoR2());
        m.put("log_lik", f.logLik());
        m.put("aic", f.aic());
        m.put("bic", f.bic());
        m.put("n_parameters", f.nParameters());
        if (showK) {
            Map<String, Object> ks = new LinkedHashMap<>();
            for (KEstimate k : f.k()) {
                ks.put(k.role(), k(k));
            }
            m.put("k", ks);
        } else {
            m.put("k", null);
        }
        m.put("options", options(f, in, data));
        return m;
    }

    static String dfName(DfMethod d) {
        return switch (d) {
            case RESIDUAL -> "residual";
            case BETWEEN_WITHIN -> "between-within";
            case SATTERTHWAITE -> "satterthwaite";
        };
    }

    private static List<Map<String, Object>> coefficients(ApimFit f) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Coefficient c : f.coefficients()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("term", c.term());
            e.put("role", c.role());
            e.put("estimate", c.estimate());
            e.put("se", c.se());
            e.put("df", c.df());
            e.put("t", c.t());
            e.put("p", c.p());
            e.put("ci_lower", c.ciLower());
            e.put("ci_upper", c.ciUpper());
            out.add(e);
        }
        return out;
    }

    private static Map<String, Object> k(KEstimate k) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("predictor", k.predictor());
        e.put("actor", k.actor());
        e.put("partner", k.partner());
        e.put("standardised_actor", k.standardisedActor());
        e.put("k", k.k().isPresent() ? k.k().getAsDouble() : null);
        e.put("se", k.se().isPresent() ? k.se().getAsDouble() : null);
        e.put("ci_lower", k.delta().map(Interval::lower).orElse(null));
        e.put("ci_upper", k.delta().map(Interval::upper).orElse(null));
        e.put("ci_method", "delta");
        if (k.bootstrapReplicates() > 0) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("replicates", k.bootstrapReplicates());
            b.put("seed", k.seed());
            b.put("failed", k.bootstrapFailed());
            b.put("percentile", bi(k.percentile()));
            b.put("bias_corrected", bi(k.biasCorrected()));
            e.put("bootstrap", b);
        } else {
            e.put("bootstrap", null);
        }
        e.put("pattern", k.pattern().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        e.put("pattern_basis", k.patternBasis().orElse(null));
        e.put("reason", k.reason().orElse(null));
        return e;
    }

    private static Map<String, Object> bi(java.util.Optional<Interval> b) {
        return bi(b.orElse(null));
    }

    private static Map<String, Object> bi(Interval b) {
        if (b == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lower", b.lower());
        m.put("upper", b.upper());
        m.put("level", b.level());
        return m;
    }

    private static Map<String, Object> options(ApimFit f, DyadicInputOptions in, DyadicData data) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("input", in.input().toString());
        o.put("layout", in.layout().label());
        o.put("dyad", data.dyadColumn());
        o.put("role", data.roleColumn());
        o.put("x", f.predictors());
        o.put("covariates", f.covariates());
        o.put("interactions", f.interactions());
        o.put("parameterisation", f.parameterisation().isEmpty() ? null
                : f.parameterisation().get().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        o.put("level", f.level());
        o.put("ci", f.normalIntervals() ? "normal" : "t");
        return o;
    }

    static Map<String, Object> json(DistinguishabilityTest t, DyadicInputOptions in, DyadicData data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("analysis", "distinguishability");
        m.put("method", "ML");
        m.put("roles", t.distinguishable().roles());
        m.put("outcome", t.distinguishable().outcome());
        m.put("n_dyads", t.distinguishable().nDyads());
        m.put("n_obs", t.distinguishable().nObs());
        m.put("chi_square", t.chiSquare());
        m.put("df", t.df());
        m.put("p", t.p());
        for (ApimFit f : List.of(t.distinguishable(), t.indistinguishable())) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("log_lik", f.logLik());
            e.put("n_parameters", f.nParameters());
            e.put("aic", f.aic());
            e.put("bic", f.bic());
            e.put("coefficients", coefficients(f));
            Map<String, Object> res = new LinkedHashMap<>();
            res.put("sd", f.residual().sd());
            res.put("rho", f.residual().rho());
            res.put("cov", f.residual().cov());
            e.put("residual", res);
            m.put(f.distinguishable() ? "distinguishable" : "indistinguishable", e);
        }
        m.put("options", options(t.distinguishable(), in, data));
        return m;
    }
}
