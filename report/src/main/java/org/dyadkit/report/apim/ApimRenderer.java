package org.dyadkit.report.apim;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.dyadkit.apim.VarianceInterval;
import org.dyadkit.report.Formats;
import org.dyadkit.report.Renderer;
import org.dyadkit.report.SampleJson;
import org.dyadkit.report.TidyTable;
import org.dyadkit.resample.Interval;

/**
 * Text, JSON and CSV of an APIM fit ({@code dyadkit apim}). JSON: the model, {@code coefficients} (rows),
 * {@code residual} with {@code sd} as rows {@code {"role", "sd"}}, {@code pseudo_r2} as rows
 * {@code {"role", "pseudo_r2"}}, {@code k} as rows {@code {"role", ...}} (null unless requested) and the
 * {@code sample}. CSV: one tidy table with the tables {@code coefficients}, {@code residual}, {@code rho},
 * {@code pseudo_r2}, {@code k} and {@code sample}.
 */
public final class ApimRenderer implements Renderer<ApimFit> {
    private final String source;
    private final boolean showK;

    private ApimRenderer(String source, boolean showK) {
        this.source = source;
        this.showK = showK;
    }

    /**
     * A renderer naming the input in the text output and showing k when asked.
     *
     * @param source the input's name for the {@code Data:} line
     * @param showK whether k = p/a is part of the output
     */
    public static ApimRenderer of(String source, boolean showK) {
        return new ApimRenderer(source, showK);
    }

    private static String sig(double v) {
        return Formats.sig(v);
    }

    private static String sig(java.util.OptionalDouble v) {
        return Formats.sig(v);
    }

    private static String df(double d) {
        return Formats.df(d);
    }

    @Override
    public ObjectNode json(ApimFit f) {
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
        m.put("residual", residual(f));
        m.put("partial_icc", f.partialIcc());
        List<Map<String, Object>> r2 = new ArrayList<>();
        f.pseudoR2().forEach((role, v) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("role", role);
            row.put("pseudo_r2", v);
            r2.add(row);
        });
        m.put("pseudo_r2", r2);
        m.put("log_lik", f.logLik());
        m.put("aic", f.aic());
        m.put("bic", f.bic());
        m.put("n_parameters", f.nParameters());
        m.put("k", showK ? f.k().stream().map(ApimRenderer::k).toList() : null);
        m.put("options", model(f));
        ObjectNode o = Formats.object(m);
        o.set("sample", SampleJson.json(f.sample()));
        return o;
    }

    static Map<String, Object> residual(ApimFit f) {
        Map<String, Object> res = new LinkedHashMap<>();
        List<Map<String, Object>> sds = new ArrayList<>();
        f.residual().sd().forEach((role, sd) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("role", role);
            row.put("sd", sd);
            VarianceInterval iv = f.residualIntervals().sd().get(role);
            row.put("ci_lower", iv == null ? null : iv.lower());
            row.put("ci_upper", iv == null ? null : iv.upper());
            sds.add(row);
        });
        res.put("sd", sds);
        res.put("rho", f.residual().rho());
        res.put("cov", f.residual().cov());
        res.put("rho_ci_lower", f.rhoInterval().map(VarianceInterval::lower).orElse(null));
        res.put("rho_ci_upper", f.rhoInterval().map(VarianceInterval::upper).orElse(null));
        res.put("ci_note", f.residualIntervals().note().orElse(null));
        return res;
    }

    /** The model's options that the fit itself knows (the command adds the input's). */
    static Map<String, Object> model(ApimFit f) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("x", f.predictors());
        o.put("covariates", f.covariates());
        o.put("interactions", f.interactions());
        o.put("parameterisation", f.parameterisation().map(p -> p.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .orElse(null));
        o.put("level", f.level());
        o.put("ci", f.normalIntervals() ? "normal" : "t");
        return o;
    }

    @Override
    public TidyTable tables(ApimFit f) {
        TidyTable.Builder b = TidyTable.builder();
        rows(b, f, null, showK);
        return b.build();
    }

    /** The rows of a fit, each tagged with a {@code model} cell when {@code model} is given. */
    static void rows(TidyTable.Builder b, ApimFit f, String model, boolean withK) {
        for (Coefficient c : f.coefficients()) {
            TidyTable.Row r = b.row("coefficients");
            if (model != null) {
                r.put("model", model);
            }
            r.put("term", c.term()).put("role", c.role()).put("estimate", c.estimate()).put("se", c.se())
                    .put("df", c.df()).put("statistic", c.t()).put("p", c.p()).put("ci_lower", c.ciLower())
                    .put("ci_upper", c.ciUpper());
        }
        f.residual().sd().forEach((role, sd) -> {
            TidyTable.Row r = b.row("residual");
            if (model != null) {
                r.put("model", model);
            }
            VarianceInterval iv = f.residualIntervals().sd().get(role);
            r.put("term", "sd").put("role", role).put("estimate", sd).put("ci_lower", iv == null ? null : iv.lower())
                    .put("ci_upper", iv == null ? null : iv.upper());
        });
        TidyTable.Row rho = b.row("rho");
        if (model != null) {
            rho.put("model", model);
        }
        rho.put("term", "rho").put("estimate", f.rho())
                .put("ci_lower", f.rhoInterval().map(VarianceInterval::lower).orElse(null))
                .put("ci_upper", f.rhoInterval().map(VarianceInterval::upper).orElse(null));
        f.pseudoR2().forEach((role, v) -> {
            TidyTable.Row r = b.row("pseudo_r2");
            if (model != null) {
                r.put("model", model);
            }
            r.put("term", "pseudo_r2").put("role", role).put("estimate", v);
        });
        for (KEstimate k : withK ? f.k() : List.<KEstimate>of()) {
            TidyTable.Row r = b.row("k");
            if (model != null) {
                r.put("model", model);
            }
            Interval ci = k.biasCorrected().or(k::percentile).or(k::delta).orElse(null);
            r.put("term", "k").put("role", k.role()).put("estimate", k.k().isPresent() ? k.k().getAsDouble() : null)
                    .put("se", k.se().isPresent() ? k.se().getAsDouble() : null)
                    .put("ci_lower", ci == null ? null : ci.lower()).put("ci_upper", ci == null ? null : ci.upper())
                    .put("ci_method", ci == null ? null : ci.kind().label())
                    .put("pattern", k.pattern().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        if (model == null) {
            SampleJson.rows(b, f.sample());
        }
    }

    /** The words for a df convention in text output. */
    public static String dfLabel(DfMethod m) {
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

    /** The text of a fit, as R's {@code summary()} of a {@code gls} fit, with the sample. */
    @Override
    public String text(ApimFit f) {
        StringBuilder sb = new StringBuilder();
        sb.append("Actor-partner interdependence model, ")
                .append(f.distinguishable() ? "distinguishable dyads (roles " + String.join(", ", f.roles()) + ")"
                        : "indistinguishable dyads")
                .append('\n');
        sb.append("Generalized least squares fit by ").append(f.method() == org.dyadkit.apim.Method.REML ? "REML" : "maximum likelihood")
                .append(f.closedForm() ? " (closed form)" : "").append('\n');
        sb.append("  Data: ").append(source).append("; ").append(f.nDyads()).append(" dyads, ").append(f.nObs())
                .append(" persons in the model, ").append(f.nSingletons()).append(" dyads with one person\n");
        sb.append("  ").append(SampleJson.text(f.sample()).replace("\n  excluded", "\n    excluded"));
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
            rows.add(new String[] {c.term(), sig(c.estimate()), sig(c.se()), df(c.df()), sig(c.t()), Formats.pValue(c.p()),
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

    static String distinguishabilityText(DistinguishabilityTest t) {
        StringBuilder sb = new StringBuilder();
        ApimFit d = t.distinguishable();
        ApimFit i = t.indistinguishable();
        sb.append("Test of distinguishability (ML likelihood ratio), roles ").append(String.join(", ", d.roles()))
                .append('\n');
        sb.append("  Outcome: ").append(d.outcome()).append("; ").append(d.nDyads()).append(" dyads, ")
                .append(d.nObs()).append(" persons in both models\n");
        sb.append("  ").append(SampleJson.text(t.sample()).replace("\n  excluded", "\n    excluded")).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Model", "df", "AIC", "BIC", "logLik", "Test", "L.Ratio", "p-value"});
        rows.add(new String[] {"indistinguishable", Integer.toString(i.nParameters()), sig(i.aic()), sig(i.bic()),
            sig(i.logLik()), "", "", ""});
        rows.add(new String[] {"distinguishable", Integer.toString(d.nParameters()), sig(d.aic()), sig(d.bic()),
            sig(d.logLik()), "1 vs 2", sig(t.chiSquare()), Formats.pValue(t.p())});
        sb.append(table(rows, new boolean[] {true, false, false, false, false, false, false, false}));
        sb.append("\nchi-square(").append(t.df()).append(") = ").append(sig(t.chiSquare())).append(", p = ")
                .append(sig(t.p())).append('\n');
        sb.append(t.p() < 0.05 ? "The roles differ (reject indistinguishability at .05).\n"
                : "No evidence at .05 that the roles differ: the dyads may be treated as indistinguishable.\n");
        return sb.toString();
    }

    /** The name of a df convention in JSON ({@code residual}, {@code between-within}, {@code satterthwaite}). */
    public static String dfName(DfMethod d) {
        return switch (d) {
            case RESIDUAL -> "residual";
            case BETWEEN_WITHIN -> "between-within";
            case SATTERTHWAITE -> "satterthwaite";
        };
    }

    static List<Map<String, Object>> coefficients(ApimFit f) {
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

    static Map<String, Object> k(KEstimate k) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("role", k.role());
        row.putAll(kFields(k));
        return row;
    }

    private static Map<String, Object> kFields(KEstimate k) {
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
}
