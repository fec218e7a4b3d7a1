package org.dyadkit.report.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.reliability.AlphaIfDropped;
import org.dyadkit.reliability.AlphaResult;
import org.dyadkit.reliability.CellProblem;
import org.dyadkit.reliability.GroupOmega;
import org.dyadkit.reliability.InstrumentReliability;
import org.dyadkit.reliability.ItemStatistics;
import org.dyadkit.reliability.MissingData;
import org.dyadkit.reliability.OmegaResult;
import org.dyadkit.reliability.ScaleReliability;
import org.dyadkit.report.Formats;
import org.dyadkit.report.Renderer;
import org.dyadkit.report.SampleJson;
import org.dyadkit.report.TidyTable;

/**
 * Text, JSON and CSV of an instrument's reliability ({@code dyadkit reliability}): every scale's alpha (as
 * {@code psych::alpha}), item statistics and omega, per group, the answers set to missing, and the sample of
 * respondents. CSV: the tables {@code scales}, {@code problems} and {@code sample}.
 */
public final class ReliabilityRenderer implements Renderer<InstrumentReliability> {
    private final String input;
    private final String[] ids;

    private ReliabilityRenderer(String input, String[] ids) {
        this.input = input;
        this.ids = ids == null ? null : ids.clone();
    }

    /**
     * A renderer naming the input; with respondent ids (one per row, or null), listed problems name the person.
     */
    public static ReliabilityRenderer of(String input, String[] ids) {
        return new ReliabilityRenderer(input, ids);
    }

    @Override
    public ObjectNode json(InstrumentReliability r) {
        Instrument inst = r.instrument();
        MissingData missing = r.missing();
        List<ScaleReliability> results = r.scales();
        Map<String, List<Integer>> numbers = r.itemNumbers();
        List<CellProblem> problems = r.problems();
        String by = r.groupColumn().orElse(null);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("analysis", "reliability");
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("id", inst.id());
        in.put("name", inst.name());
        in.put("version", inst.version());
        root.put("instrument", in);
        root.put("input", input);
        root.put("item_columns", r.itemColumns());
        root.put("missing", missing.cliName());
        root.put("by", by);
        root.put("reversal", "min + max - x");
        List<Object> scales = new ArrayList<>();
        for (ScaleReliability s : results) {
            scales.add(scaleJson(s, numbers.get(s.scale())));
        }
        root.put("scales", scales);
        List<Object> probs = new ArrayList<>();
        for (CellProblem p : problems) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("file", input);
            pm.put("line", p.line());
            if (ids != null) {
                pm.put("id", ids[(int) p.line() - 1]);
            }
            pm.put("column", p.column());
            pm.put("value", p.value());
            pm.put("problem", p.problem());
            pm.put("action", "cell set to missing");
            probs.add(pm);
        }
        root.put("problems", probs);
        ObjectNode o = Formats.object(root);
        o.set("sample", SampleJson.json(r.sample()));
        return o;
    }

    static Map<String, Object> scaleJson(ScaleReliability s, List<Integer> numbers) {
        AlphaResult a = s.alpha();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scale", s.scale());
        m.put("group", s.group());
        m.put("items", a.items());
        m.put("item_numbers", numbers);
        m.put("reversed", a.reversed());
        m.put("missing", a.missing().cliName());
        m.put("n_respondents", a.respondents());
        m.put("n_complete", a.completeRespondents());
        Map<String, Object> al = new LinkedHashMap<>();
        al.put("raw_alpha", a.rawAlpha());
        al.put("std_alpha", a.stdAlpha());
        al.put("g6_smc", a.g6Smc());
        al.put("average_r", a.averageR());
        al.put("median_r", a.medianR());
        al.put("var_r", opt(a.varR()));
        al.put("signal_noise", a.signalNoise());
        al.put("alpha_se", a.alphaSe());
        al.put("scale_mean", a.scaleMean());
        al.put("scale_sd", a.scaleSd());
        Map<String, Object> feldt = new LinkedHashMap<>();
        feldt.put("level", a.feldt().level());
        feldt.put("lower", a.feldt().lower());
        feldt.put("upper", a.feldt().upper());
        feldt.put("n", a.feldt().n());
        al.put("feldt", feldt);
        m.put("alpha", al);
        List<Object> items = new ArrayList<>();
        for (int j = 0; j < a.itemStatistics().size(); j++) {
            ItemStatistics it = a.itemStatistics().get(j);
            Map<String, Object> im = new LinkedHashMap<>();
            im.put("item", it.name());
            im.put("number", numbers == null ? null : numbers.get(j));
            im.put("reverse_keyed", it.reverseKeyed());
            im.put("n", it.n());
            im.put("mean", it.mean());
            im.put("sd", it.sd());
            im.put("raw_r", it.rawR());
            im.put("std_r", it.stdR());
            Formats.putOr(im, "r_cor", Double.isFinite(it.rCor()) ? it.rCor() : null, R_COR_REASON);
            im.put("r_drop", it.rDrop());
            AlphaIfDropped d = it.ifDropped();
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("raw_alpha", d.rawAlpha());
            dm.put("std_alpha", d.stdAlpha());
            dm.put("g6_smc", d.g6Smc());
            dm.put("average_r", d.averageR());
            dm.put("signal_noise", d.signalNoise());
            dm.put("alpha_se", opt(d.alphaSe()));
            dm.put("var_r", opt(d.varR()));
            dm.put("median_r", d.medianR());
            im.put("if_dropped", dm);
            items.add(im);
        }
        m.put("item_statistics", items);
        m.put("omega_total", s.omegaTotal().map(ReliabilityRenderer::omegaJson).orElse(null));
        m.put("omega_hierarchical", s.omegaHierarchical().map(ReliabilityRenderer::omegaJson).orElse(null));
        m.put("notes", s.notes());
        return m;
    }

    private static Map<String, Object> omegaJson(OmegaResult o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", o.kind());
        m.put("n_factors", o.factors());
        m.put("n_respondents", o.respondents());
        m.put("omega_total", o.omegaTotal());
        if (o.factors() > 1) {
            m.put("omega_h", opt(o.omegaHierarchical()));
            m.put("omega_limit", opt(o.omegaLimit()));
            m.put("ecv", opt(o.explainedCommonVariance()));
        }
        m.put(o.factors() == 1 ? "loadings" : "general_loadings", o.generalLoadings());
        if (o.factors() > 1) {
            m.put("group_loadings", o.groupLoadings());
            List<Object> groups = new ArrayList<>();
            for (GroupOmega g : o.groups()) {
                Map<String, Object> gm = new LinkedHashMap<>();
                gm.put("factor", g.factor());
                gm.put("items", g.items());
                gm.put("omega_total", g.total());
                gm.put("omega_general", g.general());
                gm.put("omega_group", g.group());
                groups.add(gm);
            }
            m.put("groups", groups);
        }
        m.put("communalities", o.communalities());
        m.put("flipped_items", o.flipped());
        m.put("warnings", o.warnings());
        return m;
    }

    /** Why {@code r.cor} can be NaN: as in psych::alpha, it divides by the square root of a negative sum. */
    static final String R_COR_REASON = "r.cor is not defined for these items: with the squared multiple "
            + "correlations on the diagonal their correlation matrix sums to a negative number (the items correlate "
            + "negatively; check the reverse-keyed items)";

    private static String f(double v, int width, int decimals) {
        return Formats.fixed(v, width, decimals);
    }

    private static Double opt(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }

    private static final List<String> COLUMNS = List.of("instrument", "scale", "group", "missing", "n_items",
            "n_respondents", "n_complete", "raw_alpha", "std_alpha", "g6_smc", "average_r", "median_r", "signal_noise",
            "alpha_se", "feldt_lower", "feldt_upper", "scale_mean", "scale_sd", "omega_total", "omega_h",
            "omega_h_factors", "omega_h_total", "omega_limit", "ecv");

    @Override
    public TidyTable tables(InstrumentReliability r) {
        Instrument inst = r.instrument();
        TidyTable.Builder b = TidyTable.builder();
        for (ScaleReliability s : r.scales()) {
            AlphaResult a = s.alpha();
            List<Object> cells = new ArrayList<>(List.of(inst.id(), s.scale(), s.group(), a.missing().cliName(),
                    a.items().size(), a.respondents(), a.completeRespondents()));
            for (double v : new double[] {a.rawAlpha(), a.stdAlpha(), a.g6Smc(), a.averageR(), a.medianR(),
                a.signalNoise(), a.alphaSe(), a.feldt().lower(), a.feldt().upper(), a.scaleMean(), a.scaleSd()}) {
                cells.add(v);
            }
            cells.add(s.omegaTotal().map(o -> (Object) o.omegaTotal()).orElse(null));
            Optional<OmegaResult> h = s.omegaHierarchical();
            cells.add(h.map(o -> (Object) o.omegaHierarchical().orElse(Double.NaN)).orElse(null));
            cells.add(h.map(o -> (Object) o.factors()).orElse(null));
            cells.add(h.map(o -> (Object) o.omegaTotal()).orElse(null));
            cells.add(h.map(o -> (Object) o.omegaLimit().orElse(Double.NaN)).orElse(null));
            cells.add(h.map(o -> (Object) o.explainedCommonVariance().orElse(Double.NaN)).orElse(null));
            TidyTable.Row row = b.row("scales");
            for (int c = 0; c < COLUMNS.size(); c++) {
                row.put(COLUMNS.get(c), cells.get(c));
            }
        }
        for (CellProblem p : r.problems()) {
            b.row("problems").put("line", p.line()).put("column", p.column()).put("value", p.value())
                    .put("problem", p.problem());
        }
        SampleJson.rows(b, r.sample());
        return b.build();
    }

    @Override
    public String text(InstrumentReliability r) {
        java.io.StringWriter sw = new java.io.StringWriter();
        PrintWriter out = new PrintWriter(sw);
        Instrument inst = r.instrument();
        MissingData missing = r.missing();
        List<ScaleReliability> results = r.scales();
        List<CellProblem> problems = r.problems();
        String by = r.groupColumn().orElse(null);
        out.printf(Locale.ROOT, "Reliability: %s (%s)%n", inst.id(), inst.name());
        out.printf(Locale.ROOT, "Input: %s; missing answers: %s%s%n", input, missing.cliName(),
                missing == MissingData.PAIRWISE ? " (pairwise-complete covariances, as psych::alpha)"
                        : " (respondents with any missing answer removed)");
        if (!problems.isEmpty()) {
            out.printf(Locale.ROOT, "%d cell(s) set to missing (use --strict to stop instead):%n", problems.size());
            for (CellProblem p : problems.subList(0, Math.min(10, problems.size()))) {
                out.printf(Locale.ROOT, "  line %d, column %s, value '%s': %s%n", p.line(), p.column(), p.value(),
                        p.problem());
            }
            if (problems.size() > 10) {
                out.printf(Locale.ROOT, "  ... and %d more (all of them with --format json)%n", problems.size() - 10);
            }
        }
        for (ScaleReliability s : results) {
            AlphaResult a = s.alpha();
            out.println();
            out.printf(Locale.ROOT, "Scale %s%s: %d items%s%n", s.scale(), by == null ? "" : ", " + by + " = " + s.group(),
                    a.items().size(), a.reversed().isEmpty() ? "" : ", reversed: " + String.join(" ", a.reversed()));
            out.printf(Locale.ROOT, "  n = %d respondents (%d answered every item)%n", a.respondents(),
                    a.completeRespondents());
            out.printf(Locale.ROOT, "  %9s %9s %7s %9s %9s %6s %6s %6s %6s%n", "raw_alpha", "std_alpha", "G6(smc)",
                    "average_r", "median_r", "S/N", "ase", "mean", "sd");
            out.println("  " + String.join(" ", f(a.rawAlpha(), 9, 3), f(a.stdAlpha(), 9, 3), f(a.g6Smc(), 7, 3),
                    f(a.averageR(), 9, 3), f(a.medianR(), 9, 3), f(a.signalNoise(), 6, 2), f(a.alphaSe(), 6, 3),
                    f(a.scaleMean(), 6, 2), f(a.scaleSd(), 6, 2)));
            out.println("  Feldt 95% CI for raw alpha: " + f(a.feldt().lower(), 0, 3) + " to "
                    + f(a.feldt().upper(), 0, 3));
            List<String> na = new ArrayList<>();
            String[] names = {"raw_alpha", "std_alpha", "G6(smc)", "average_r", "median_r", "S/N", "ase", "mean", "sd",
                "Feldt lower", "Feldt upper"};
            double[] values = {a.rawAlpha(), a.stdAlpha(), a.g6Smc(), a.averageR(), a.medianR(), a.signalNoise(),
                a.alphaSe(), a.scaleMean(), a.scaleSd(), a.feldt().lower(), a.feldt().upper()};
            for (int k = 0; k < names.length; k++) {
                if (!Double.isFinite(values[k])) {
                    na.add(names[k]);
                }
            }
            if (!na.isEmpty()) {
                out.println("  note: NA: " + String.join(", ", na) + " " + Formats.reason(Double.NaN)
                        + " (an item without variance, or too few respondents)");
            }
            s.omegaTotal().ifPresent(o -> out.println("  omega total (one-factor minres): " + f(o.omegaTotal(), 0, 3)));
            s.omegaHierarchical().ifPresent(o -> out.printf(Locale.ROOT,
                    "  omega hierarchical (Schmid-Leiman, %d group factors): %s; omega total of that solution %s;"
                            + " omega limit %s; ECV %s%n", o.factors(), f(o.omegaHierarchical().orElse(Double.NaN), 0, 3),
                    f(o.omegaTotal(), 0, 3), f(o.omegaLimit().orElse(Double.NaN), 0, 3),
                    f(o.explainedCommonVariance().orElse(Double.NaN), 0, 3)));
            for (String note : s.notes()) {
                out.println("  note: " + note);
            }
            int w = Math.max(4, a.items().stream().mapToInt(String::length).max().orElse(4));
            out.printf(Locale.ROOT, "  %-" + w + "s %3s %5s %5s %5s %6s %6s %6s %6s %9s%n", "item", "rev", "n", "mean",
                    "sd", "raw.r", "std.r", "r.cor", "r.drop", "alpha.drop");
            boolean rCorNa = false;
            boolean otherNa = false;
            for (ItemStatistics it : a.itemStatistics()) {
                out.printf(Locale.ROOT, "  %-" + w + "s %3s %5d %s %s %s %s %s %s %s%n",
                        it.name(), it.reverseKeyed() ? "-" : "", it.n(), f(it.mean(), 5, 2), f(it.sd(), 5, 2),
                        f(it.rawR(), 6, 3), f(it.stdR(), 6, 3), f(it.rCor(), 6, 3), f(it.rDrop(), 6, 3),
                        f(it.ifDropped().rawAlpha(), 9, 3));
                rCorNa |= !Double.isFinite(it.rCor());
                otherNa |= !Double.isFinite(it.mean()) || !Double.isFinite(it.sd()) || !Double.isFinite(it.rawR())
                        || !Double.isFinite(it.stdR()) || !Double.isFinite(it.rDrop())
                        || !Double.isFinite(it.ifDropped().rawAlpha());
            }
            if (rCorNa) {
                out.println("  note: r.cor NA: " + R_COR_REASON);
            }
            if (otherNa) {
                out.println("  note: NA in the item table: " + Formats.reason(Double.NaN)
                        + " (an item without variance, or too few respondents)");
            }
        }
        out.print(SampleJson.text(r.sample()).replace("persons", "respondents").replace(" in 0 of 0 dyads", ""));
        out.flush();
        return sw.toString();
    }
}
