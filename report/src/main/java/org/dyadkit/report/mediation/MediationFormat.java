package org.dyadkit.report.mediation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.report.Formats;
import org.dyadkit.report.SampleJson;
import org.dyadkit.report.apim.ApimRenderer;
import org.dyadkit.mediation.ApimemResult;
import org.dyadkit.mediation.IndirectEffect;
import org.dyadkit.resample.Interval;
import org.dyadkit.mediation.MediationResult;
import org.dyadkit.mediation.PathEstimate;
import org.dyadkit.mediation.TotalEffect;

/** Text (laid out like R's {@code summary()}), JSON and CSV renderings of mediation results. */
final class MediationFormat {
    private MediationFormat() {
    }

    /** Unwraps absent values (empty = null), enums (their label) for the JSON and CSV cells. */
    static Object u(Object o) {
        if (o instanceof java.util.Optional<?> opt) {
            return u(opt.orElse(null));
        }
        if (o instanceof java.util.OptionalDouble d) {
            return d.isPresent() ? d.getAsDouble() : null;
        }
        if (o instanceof java.util.OptionalLong l) {
            return l.isPresent() ? l.getAsLong() : null;
        }
        if (o instanceof Enum<?> e) {
            return e.toString();
        }
        return o;
    }

    /** An absent value as null. */
    static Double d(java.util.OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    private static Object orBlank(java.util.OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : "";
    }

    private static String sig(java.util.OptionalDouble v) {
        return v.isPresent() ? Formats.sig(v.getAsDouble()) : "NA";
    }

    private static String ci(java.util.Optional<Interval> i) {
        return ci(i.orElse(null));
    }

    private static Map<String, Object> interval(java.util.Optional<Interval> i) {
        return interval(i.orElse(null));
    }

    private static String sig(Double v) {
        return v == null ? "NA" : Formats.sig(v);
    }

    private static String ci(Interval i) {
        return i == null ? "-" : String.format(Locale.ROOT, "[%.4f, %.4f]", i.lower(), i.upper());
    }

    private static String pct(double level) {
        return Formats.sig(100 * level) + "%";
    }

    // ------------------------------------------------------------------ single level

    static String text(MediationResult r, String source, double level) {
        StringBuilder sb = new StringBuilder();
        sb.append("Single-level mediation by ordinary least squares\n");
        sb.append("  Data: ").append(source).append("; ").append(r.n()).append(" persons with complete values")
                .append(r.resampling() == org.dyadkit.mediation.ResamplingUnit.DYADS ? " in " + r.units() + " dyads" : "").append('\n');
        sb.append("  ").append(SampleJson.text(r.sample()).replace("\n  excluded", "\n    excluded"));
        sb.append("  X: ").append(r.x()).append("  M: ").append(r.m()).append("  Y: ").append(r.y());
        if (!r.covariates().isEmpty()) {
            sb.append("  covariates: ").append(String.join(", ", r.covariates()));
        }
        sb.append("\n\nPaths:\n");
        List<List<String>> rows = new ArrayList<>();
        String lo = Formats.sig(100 * (1 - level) / 2) + " %";
        String hi = Formats.sig(100 * (1 + level) / 2) + " %";
        rows.add(List.of("", "", "Estimate", "Std. Error", "df", "t value", "Pr(>|t|)", lo, hi));
        String[][] labels = {{"a", "X -> M"}, {"b", "M -> Y | X"}, {"c'", "X -> Y | M (direct)"},
            {"c", "X -> Y (total)"}};
        PathEstimate[] ps = {r.a(), r.b(), r.cPrime(), r.c()};
        for (int i = 0; i < 4; i++) {
            PathEstimate p = ps[i];
            rows.add(List.of(labels[i][0], labels[i][1], sig(p.estimate()), sig(p.se()), Formats.df(p.df()),
                    sig(p.t()), Formats.pValue(p.p()), sig(p.ciLower()), sig(p.ciUpper())));
        }
        sb.append(Formats.table(rows));
        IndirectEffect e = r.indirect();
        sb.append("\nIndirect effect a*b: ").append(sig(e.estimate())).append('\n');
        sb.append("  Sobel test: SE ").append(sig(e.sobelSe())).append(", z ").append(sig(e.sobelZ())).append(", p ")
                .append(Formats.pValue(e.sobelP().orElse(Double.NaN))).append('\n');
        if (e.bootstrapN() > 0) {
            sb.append("  Bootstrap: ").append(e.bootstrapN()).append(" resamples of ").append(r.resampling())
                    .append(", seed ").append(e.seed().getAsLong()).append(", ").append(e.failed()).append(" failed; SE ")
                    .append(sig(e.bootstrapSe())).append('\n');
            e.bootstrapNote().ifPresent(n -> sb.append("    Note: ").append(n).append('\n'));
            sb.append("    ").append(pct(level)).append(" percentile CI ").append(ci(e.percentile())).append('\n');
            if (e.biasCorrected().isPresent()) {
                sb.append("    ").append(pct(level)).append(" BCa CI        ").append(ci(e.biasCorrected()))
                        .append("  (acceleration ").append(sig(r.acceleration())).append(")\n");
            }
        } else {
            sb.append("  No bootstrap interval: add --bootstrap N --seed S.\n");
        }
        return sb.toString();
    }

    private static Map<String, Object> path(PathEstimate p) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (p.effect().isPresent()) {
            m.put("effect", u(p.effect()));
            m.put("role", u(p.role()));
        }
        m.put("estimate", u(p.estimate()));
        m.put("se", u(p.se()));
        m.put("df", u(p.df()));
        m.put("t", u(p.t()));
        m.put("p", u(p.p()));
        m.put("ci_lower", u(p.ciLower()));
        m.put("ci_upper", u(p.ciUpper()));
        return m;
    }

    private static Map<String, Object> interval(Interval i) {
        if (i == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lower", u(i.lower()));
        m.put("upper", u(i.upper()));
        m.put("level", u(i.level()));
        return m;
    }

    private static Map<String, Object> indirect(IndirectEffect e, double level) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (e.role().isPresent()) {
            m.put("effect", u(e.effect()));
            m.put("role", u(e.role()));
        }
        m.put("route", u(e.route()));
        m.put("estimate", u(e.estimate()));
        m.put("sobel_se", u(e.sobelSe()));
        m.put("sobel_z", u(e.sobelZ()));
        m.put("sobel_p", u(e.sobelP()));
        m.put("ci_lower", u(e.ci().map(Interval::lower).map(Object.class::cast).orElse(null)));
        m.put("ci_upper", u(e.ci().map(Interval::upper).map(Object.class::cast).orElse(null)));
        m.put("ci_method", u(e.ci().map(i -> (Object) i.kind().label()).orElse(null)));
        m.put("level", u(level));
        m.put("bootstrap_n", u(e.bootstrapN()));
        m.put("seed", u(e.seed()));
        m.put("failed", u(e.failed()));
        m.put("bootstrap_note", u(e.bootstrapNote()));
        m.put("bootstrap_se", u(e.bootstrapSe()));
        m.put("percentile", u(interval(e.percentile())));
        return m;
    }

    static Map<String, Object> json(MediationResult r, double level) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("analysis", u("mediate"));
        m.put("x", u(r.x()));
        m.put("m", u(r.m()));
        m.put("y", u(r.y()));
        m.put("covariates", u(r.covariates()));
        m.put("n", u(r.n()));
        m.put("resampling", u(r.resampling()));
        m.put("n_units", u(r.units()));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("a", u(path(r.a())));
        paths.put("b", u(path(r.b())));
        paths.put("c_prime", u(path(r.cPrime())));
        paths.put("c", u(path(r.c())));
        m.put("paths", u(paths));
        Map<String, Object> ind = indirect(r.indirect(), level);
        Map<String, Object> bca = interval(r.indirect().biasCorrected());
        if (bca != null) {
            bca.put("acceleration", u(r.acceleration()));
        }
        ind.put("bca", u(bca));
        m.put("indirect", u(ind));
        return m;
    }

    static List<List<Object>> csv(MediationResult r) {
        List<List<Object>> rows = new ArrayList<>();
        for (PathEstimate p : List.of(r.a(), r.b(), r.cPrime(), r.c())) {
            rows.add(List.of(p.path().label(), p.estimate(), p.se(), p.df(), p.t(), p.p(), p.ciLower(), p.ciUpper(), ""));
        }
        IndirectEffect e = r.indirect();
        List<Object> row = new ArrayList<>(List.of("indirect", e.estimate(), orBlank(e.sobelSe()), "", orBlank(e.sobelZ()),
                orBlank(e.sobelP())));
        row.add(u(e.ci().map(Interval::lower).map(Object.class::cast).orElse("")));
        row.add(u(e.ci().map(Interval::upper).map(Object.class::cast).orElse("")));
        row.add(u(e.ci().map(i -> (Object) i.kind().label()).orElse("sobel")));
        rows.add(row);
        return rows;
    }

    static final List<String> CSV_HEADER = List.of("quantity", "estimate", "se", "df", "statistic", "p", "ci_lower",
            "ci_upper", "ci_method");

    // ------------------------------------------------------------------ APIMeM

    static String text(ApimemResult r, String source, double level) {
        StringBuilder sb = new StringBuilder();
        sb.append("Actor-partner interdependence mediation model (APIMeM), ")
                .append(r.distinguishable() ? "distinguishable dyads (roles " + String.join(", ", r.roles()) + ")"
                        : "indistinguishable dyads").append('\n');
        ApimFit a = r.mediatorModel();
        sb.append("Three APIMs by generalized least squares, ").append(a.method().name())
                .append(": M on X (a), Y on X and M (b, c'), Y on X (c)\n");
        sb.append("  Data: ").append(source).append("; X: ").append(r.x()).append(", M: ").append(r.m()).append(", Y: ")
                .append(r.y());
        if (!r.covariates().isEmpty()) {
            sb.append("; covariates: ").append(String.join(", ", r.covariates()));
        }
        sb.append('\n');
        sb.append("  Persons (dyads) in the models: a ").append(a.nObs()).append(" (").append(a.nDyads())
                .append("), b ").append(r.outcomeModel().nObs()).append(" (").append(r.outcomeModel().nDyads())
                .append("), c ").append(r.totalModel().nObs()).append(" (").append(r.totalModel().nDyads())
                .append(")\n");
        sb.append("  ").append(SampleJson.text(r.sample()).replace("\n  excluded", "\n    excluded")).append('\n');
        sb.append("Paths (actor and partner effects named by the member whose M or Y is explained; df: ")
                .append(ApimRenderer.dfLabel(a.dfMethod())).append("):\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("path", "effect", "role", "Value", "Std.Error", "df", "t-value", "p-value"));
        for (PathEstimate p : r.paths()) {
            rows.add(List.of(p.path() == org.dyadkit.mediation.Path.C_PRIME ? "c'" : p.path().label(), p.effect().get().label(),
                    p.role().get(), sig(p.estimate()),
                    sig(p.se()), Formats.df(p.df()), sig(p.t()), Formats.pValue(p.p())));
        }
        sb.append(Formats.table(rows));
        sb.append("\nSimple indirect effects (a*b; Sobel z with normal p):\n");
        sb.append(effects(r.indirect(), true, level));
        sb.append("\nTotal indirect effects:\n");
        sb.append(effects(r.totalIndirect(), false, level));
        sb.append("\nTotal effects = direct (c') + total indirect (Ledermann, Macho & Kenny 2011):\n");
        List<List<String>> tr = new ArrayList<>();
        tr.add(List.of("effect", "role", "route", "direct", "indirect", "total", "% mediated", "c (no M)",
                "percentile CI", "bias-corrected CI"));
        for (TotalEffect t : r.total()) {
            tr.add(List.of(t.effect().label(), t.role(), t.route(), sig(t.direct()), sig(t.indirect()), sig(t.total()),
                    t.percentMediated().isEmpty() ? "NA" : String.format(Locale.ROOT, "%.1f", t.percentMediated().getAsDouble()),
                    sig(t.c().estimate()), ci(t.percentile()), ci(t.biasCorrected())));
        }
        sb.append(Formats.table(tr));
        if (r.monteCarloDraws() > 0) {
            sb.append("\nMonte Carlo: ").append(r.monteCarloDraws()).append(" draws of a and b from normals with their"
                    + " GLS covariances, cov(a, b) = 0, seed ").append(r.monteCarloSeed().getAsLong()).append('\n');
        }
        if (r.bootstrapN() > 0) {
            sb.append("Bootstrap: ").append(r.bootstrapN()).append(" resamples of ").append(r.resampledDyads())
                    .append(" dyads, both mediation models refitted, seed ").append(r.bootstrapSeed().getAsLong());
            int failed = r.indirect().get(0).failed();
            sb.append(", ").append(failed).append(" failed\n");
            r.indirect().stream().map(IndirectEffect::bootstrapNote).flatMap(java.util.Optional::stream).distinct()
                    .forEach(n -> sb.append("  Note: ").append(n).append('\n'));
        }
        return sb.toString();
    }

    private static String effects(List<IndirectEffect> list, boolean sobel, double level) {
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("effect", "role", "route", "Estimate"));
        if (sobel) {
            head.addAll(List.of("Sobel z", "p-value"));
        }
        head.addAll(List.of("MC " + pct(level) + " CI", "percentile CI", "bias-corrected CI"));
        rows.add(head);
        for (IndirectEffect e : list) {
            List<String> row = new ArrayList<>(List.of(e.effect().label().replace('_', '-'), e.role().orElse(""), e.route(),
                    sig(e.estimate())));
            if (sobel) {
                row.addAll(List.of(sig(e.sobelZ()), Formats.pValue(e.sobelP().orElse(Double.NaN))));
            }
            row.addAll(List.of(ci(e.monteCarlo()), ci(e.percentile()), ci(e.biasCorrected())));
            rows.add(row);
        }
        return Formats.table(rows);
    }

    private static Map<String, Object> effect(IndirectEffect e, double level) {
        Map<String, Object> m = indirect(e, level);
        Map<String, Object> mc = interval(e.monteCarlo());
        if (mc != null) {
            mc.put("p", u(e.monteCarloP()));
        }
        m.put("monte_carlo", u(mc));
        m.put("bias_corrected", u(interval(e.biasCorrected())));
        return m;
    }

    static Map<String, Object> json(ApimemResult r, double level) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("analysis", u("apimem"));
        m.put("method", u(r.method().name()));
        m.put("dyads", u(r.distinguishable() ? "distinguishable" : "indistinguishable"));
        m.put("roles", u(r.roles()));
        m.put("x", u(r.x()));
        m.put("m", u(r.m()));
        m.put("y", u(r.y()));
        m.put("covariates", u(r.covariates()));
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("a", u(r.mediatorModel().nObs()));
        n.put("b", u(r.outcomeModel().nObs()));
        n.put("c", u(r.totalModel().nObs()));
        m.put("n_obs", u(n));
        Map<String, Object> nd = new LinkedHashMap<>();
        nd.put("a", u(r.mediatorModel().nDyads()));
        nd.put("b", u(r.outcomeModel().nDyads()));
        nd.put("c", u(r.totalModel().nDyads()));
        m.put("n_dyads", u(nd));
        m.put("df_method", u(ApimRenderer.dfName(r.mediatorModel().dfMethod())));
        Map<String, Object> paths = new LinkedHashMap<>();
        for (String p : List.of("a", "b", "c_prime", "c")) {
            List<Map<String, Object>> l = new ArrayList<>();
            for (PathEstimate e : r.paths()) {
                if (e.path().label().equals(p)) {
                    l.add(path(e));
                }
            }
            paths.put(p, l);
        }
        m.put("paths", u(paths));
        m.put("indirect", u(r.indirect().stream().map(e -> effect(e, level)).toList()));
        m.put("total_indirect", u(r.totalIndirect().stream().map(e -> effect(e, level)).toList()));
        List<Map<String, Object>> totals = new ArrayList<>();
        for (TotalEffect t : r.total()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("effect", u(t.effect()));
            e.put("role", u(t.role()));
            e.put("route", u(t.route()));
            e.put("direct", u(t.direct()));
            e.put("indirect", u(t.indirect()));
            e.put("total", u(t.total()));
            e.put("percent_mediated", u(t.percentMediated()));
            e.put("c", u(t.c().estimate()));
            e.put("c_se", u(t.c().se()));
            e.put("percentile", u(interval(t.percentile())));
            e.put("bias_corrected", u(interval(t.biasCorrected())));
            totals.add(e);
        }
        m.put("total", u(totals));
        Map<String, Object> mc = new LinkedHashMap<>();
        mc.put("draws", u(r.monteCarloDraws()));
        mc.put("seed", u(r.monteCarloSeed()));
        m.put("monte_carlo", u(mc));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("n", u(r.bootstrapN()));
        b.put("seed", u(r.bootstrapSeed()));
        b.put("resampled_dyads", u(r.resampledDyads()));
        m.put("bootstrap", u(b));
        return m;
    }

    static final List<String> APIMEM_CSV_HEADER = List.of("kind", "name", "effect", "role", "estimate", "se",
            "statistic", "p", "ci_lower", "ci_upper", "ci_method");

    static List<List<Object>> csv(ApimemResult r) {
        List<List<Object>> rows = new ArrayList<>();
        for (PathEstimate p : r.paths()) {
            rows.add(List.of("path", p.path().label(), p.effect().get().label(), p.role().get(), p.estimate(), p.se(), p.t(), p.p(), p.ciLower(),
                    p.ciUpper(), r.mediatorModel().normalIntervals() ? "normal" : "t"));
        }
        for (List<IndirectEffect> l : List.of(r.indirect(), r.totalIndirect())) {
            for (IndirectEffect e : l) {
                List<Object> row = new ArrayList<>();
                row.add(u(l == r.indirect() ? "indirect" : "total_indirect"));
                row.add(u(e.effect()));
                row.add(u(""));
                row.add(u(e.role()));
                row.add(u(e.estimate()));
                row.add(u(orBlank(e.sobelSe())));
                row.add(u(orBlank(e.sobelZ())));
                row.add(u(orBlank(e.sobelP())));
                row.add(u(e.ci().map(Interval::lower).map(Object.class::cast).orElse("")));
                row.add(u(e.ci().map(Interval::upper).map(Object.class::cast).orElse("")));
                row.add(u(e.ci().map(i -> (Object) i.kind().label()).orElse("")));
                rows.add(row);
            }
        }
        return rows;
    }
}
