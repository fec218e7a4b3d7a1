package org.dyadkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.dyadkit.AnalysisException;
import org.dyadkit.InputException;
import org.dyadkit.InputException.Location;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Instruments;
import org.dyadkit.instrument.Item;
import org.dyadkit.reliability.AlphaIfDropped;
import org.dyadkit.reliability.AlphaResult;
import org.dyadkit.reliability.CellProblem;
import org.dyadkit.reliability.InstrumentReliability;
import org.dyadkit.reliability.GroupOmega;
import org.dyadkit.reliability.ItemSet;
import org.dyadkit.reliability.ItemStatistics;
import org.dyadkit.reliability.MissingData;
import org.dyadkit.reliability.OmegaResult;
import org.dyadkit.reliability.Reliability;
import org.dyadkit.reliability.ScaleDefinition;
import org.dyadkit.reliability.ScaleReliability;
import org.dyadkit.survey.BatchScoring;
import org.dyadkit.survey.ItemColumns;
import org.dyadkit.table.DataTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dyadkit reliability}: alpha, lambda 6, item statistics, Feldt interval and omega for an instrument's
 * subscales and total (or one subscale, or a chosen item set), overall or per group, with the numbers of
 * psych::alpha and psych::omega. A thin shell over {@link Reliability}.
 */
@Command(name = "reliability",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Reliability of an instrument's scales as psych::alpha and psych::omega",
            "compute it: raw and standardised alpha, Guttman's lambda 6, average r,",
            "the Feldt 95%% interval, item statistics (n, mean, sd, raw.r, std.r,",
            "r.cor, r.drop, alpha if dropped), omega total (one-factor minres) and,",
            "for the total of an instrument with subscales, omega hierarchical",
            "(Schmid-Leiman). Reverse-keyed items are reversed (min + max - x) as in",
            "scoring. Every subscale and the total, unless --subscale or --item-set."},
        footer = {"", "Examples:",
            "  dyadkit reliability --instrument scs --input survey.csv --items 'scs{n}'",
            "  dyadkit reliability --instrument scs --input couples.csv \\",
            "      --items 'scs{n}' --subscale self_kindness,total --by role",
            "  dyadkit reliability --instrument ecr-s --input survey.csv \\",
            "      --item-map map.csv --use listwise --format json",
            "  dyadkit reliability --instrument scs --input survey.csv \\",
            "      --items 'scs{n}' --item-set 5,12,19,23,26",
            "",
            "Answers that are not whole numbers in the item's range are set to",
            "missing and listed (--strict: exit 3 instead).",
            "",
            "Exit status: 0 done; 2 bad usage; 3 unusable input (a missing file or",
            "column); 4 the data do not allow",
            "the analysis (an item without variance, fewer than 2 items or 3",
            "respondents, a correlation matrix that is not positive definite)."})
public final class ReliabilityCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--instrument", required = true, paramLabel = "ID|FILE",
            description = "A bundled instrument id (see 'dyadkit instruments') or an instrument file.")
    String instrument;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Survey CSV, one row per person.")
    Path input;

    @CommandLine.ArgGroup(exclusive = true)
    Columns columns;

    /** The two ways of naming item columns. */
    static final class Columns {
        @Option(names = "--items", paramLabel = "PATTERN",
                description = "Item column names with {n} for the item number (e.g. 'scs{n}', 'Q5_{n:02}'). "
                        + "Default: the instrument id with - as _, then {n}.")
        String pattern;

        @Option(names = "--item-map", paramLabel = "FILE",
                description = "CSV with columns item,column (optionally instrument,item,column).")
        Path map;
    }

    @Option(names = "--subscale", paramLabel = "NAME", split = ",",
            description = "Only these scales: subscale or composite names, or 'total'. Default: every subscale, then the total.")
    List<String> subscales = new ArrayList<>();

    @Option(names = "--item-set", paramLabel = "LIST",
            description = "A chosen set of the instrument's items by number, e.g. 1,3,5-9 (reverse-keyed items reversed).")
    String itemSet;

    @Option(names = "--factors", paramLabel = "N",
            description = "Group factors for omega hierarchical (default: the number of subscales for the total; "
                    + "none for a subscale or an item set).")
    Integer factors;

    @Option(names = "--use", paramLabel = "pairwise|listwise", defaultValue = "pairwise",
            description = "Missing answers: pairwise-complete covariances (psych's default) or complete rows only. "
                    + "Default: ${DEFAULT-VALUE}.")
    String use;

    @Option(names = "--id", paramLabel = "COL",
            description = "The person id column; listed invalid answers then name the person.")
    String id;

    @Option(names = "--by", paramLabel = "COL",
            description = "Report each group separately: the column holding each person's role in the couple "
                    + "(e.g. --by role) or a sample or site.")
    String by;

    @CommandLine.Mixin
    ReadingOptions reading;

    @Option(names = "--strict",
            description = "Stop (exit 3) at the first answer that is not a whole number in its item's range, "
                    + "instead of setting it to missing and listing it.")
    boolean strict;

    @Option(names = "--format", paramLabel = "text|json|csv", defaultValue = "text",
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        MissingData missing;
        try {
            missing = MissingData.parse(use);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--use: " + e.getMessage());
        }
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!List.of("text", "json", "csv").contains(fmt)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format must be text, json or csv; got "
                    + format);
        }
        if (factors != null && factors < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--factors must be at least 2; got " + factors);
        }
        Instrument inst = Instruments.resolve(instrument);
        List<ScaleDefinition> scales = scales(inst);
        DataTable table = readTable();
        ItemColumns cols = itemColumns(inst);
        String[] ids = id == null ? null : table.text(id);
        Reliability analysis = Reliability.of(inst, table).withItems(cols).withScales(scales).withMissing(missing)
                .withStrict(strict);
        if (by != null) {
            analysis = analysis.withGroups(by);
        }
        if (factors != null) {
            analysis = analysis.withFactors(factors);
        }
        InstrumentReliability result = analysis.fit();
        List<ScaleReliability> results = result.scales();
        Map<String, List<Integer>> numbersByScale = result.itemNumbers();
        ColumnNamer namer = new ColumnNamer() {
            @Override
            public String column(int number) {
                return cols.column(number);
            }

            @Override
            public String describe() {
                return result.itemColumns();
            }
        };
        record Answers(List<CellProblem> problems) {
        }
        Answers answers = new Answers(result.problems());
        switch (fmt) {
            case "json" -> out.println(json(inst, missing, results, numbersByScale, namer, answers.problems(), ids));
            case "csv" -> csv(out, inst, results);
            default -> text(out, inst, missing, results, answers.problems());
        }
        out.flush();
        return 0;
    }

    private List<ScaleDefinition> scales(Instrument inst) {
        List<ScaleDefinition> out = new ArrayList<>();
        if (itemSet != null) {
            List<Integer> numbers = parseNumbers(itemSet);
            for (int n : numbers) {
                if (!inst.hasItem(n)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--item-set: " + inst.id()
                            + " has no item " + n + "; its items are numbered 1 to " + inst.items().size());
                }
                if (inst.item(n).categorical()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--item-set: item " + n + " of "
                            + inst.id() + " is categorical and has no place in a reliability analysis");
                }
            }
            out.add(ScaleDefinition.items(inst, numbers, 0));
        }
        for (String name : subscales) {
            Optional<ScaleDefinition> d = ScaleDefinition.named(inst, name.strip());
            if (d.isEmpty()) {
                List<String> known = new ArrayList<>();
                inst.subscales().forEach(s -> known.add(s.name()));
                inst.composites().forEach(s -> known.add(s.name()));
                known.add("total");
                throw new CommandLine.ParameterException(spec.commandLine(), "--subscale: " + inst.id()
                        + " has no scale named " + name + DataTable.suggest(name, known) + "; its scales are "
                        + String.join(", ", known));
            }
            out.add(d.get());
        }
        if (out.isEmpty()) {
            out.addAll(ScaleDefinition.defaults(inst));
        }
        out.removeIf(d -> d.items().isEmpty());
        if (out.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), inst.id()
                    + " has no scale of scored items to analyse (its items are categorical)");
        }
        return out;
    }

    private List<Integer> parseNumbers(String text) {
        List<Integer> out = new ArrayList<>();
        try {
            for (String part : text.split(",")) {
                String p = part.strip();
                int dash = p.indexOf('-');
                if (dash > 0) {
                    int a = Integer.parseInt(p.substring(0, dash).strip());
                    int b = Integer.parseInt(p.substring(dash + 1).strip());
                    for (int i = a; i <= b; i++) {
                        out.add(i);
                    }
                } else {
                    out.add(Integer.parseInt(p));
                }
            }
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--item-set: '" + text
                    + "' is not a list of item numbers such as 1,3,5-9");
        }
        if (out.stream().distinct().count() != out.size()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--item-set lists an item twice: " + text);
        }
        return out;
    }

    /** Item number to column name, from --items or --item-map (the scorer's conventions). */
    private interface ColumnNamer {
        String column(int number);

        String describe();
    }

    private ItemColumns itemColumns(Instrument inst) {
        if (columns != null && columns.map != null) {
            return ItemColumns.read(columns.map, inst.id());
        }
        String pattern = columns != null && columns.pattern != null ? columns.pattern
                : BatchScoring.defaultPrefix(inst) + "{n}";
        try {
            return ItemColumns.pattern(pattern);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--items: " + e.getMessage());
        }
    }

    /** Reads the input in the dialect of the reading options (Qualtrics rows skipped, codes blank). */
    private DataTable readTable() {
        OptionChecks.name(spec.commandLine(), "--id", id, "person_id");
        OptionChecks.name(spec.commandLine(), "--by", by, "role");
        return reading.readTable(input.toString());
    }

    // ---------------------------------------------------------------- output

    private String json(Instrument inst, MissingData missing, List<ScaleReliability> results,
            Map<String, List<Integer>> numbers, ColumnNamer namer, List<CellProblem> problems, String[] ids) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("analysis", "reliability");
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("id", inst.id());
        in.put("name", inst.name());
        in.put("version", inst.version());
        root.put("instrument", in);
        root.put("input", input.toString());
        root.put("item_columns", namer.describe());
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
            pm.put("file", input.toString());
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
        try {
            return new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
            im.put("r_cor", it.rCor());
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
        m.put("omega_total", s.omegaTotal().map(ReliabilityCommand::omegaJson).orElse(null));
        m.put("omega_hierarchical", s.omegaHierarchical().map(ReliabilityCommand::omegaJson).orElse(null));
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

    private static Double opt(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }

    private void csv(PrintWriter out, Instrument inst, List<ScaleReliability> results) {
        out.println("instrument,scale,group,missing,n_items,n_respondents,n_complete,raw_alpha,std_alpha,g6_smc,"
                + "average_r,median_r,signal_noise,alpha_se,feldt_lower,feldt_upper,scale_mean,scale_sd,"
                + "omega_total,omega_h,omega_h_factors,omega_h_total,omega_limit,ecv");
        for (ScaleReliability s : results) {
            AlphaResult a = s.alpha();
            List<String> cells = new ArrayList<>(List.of(inst.id(), s.scale(), csvText(s.group()), a.missing().cliName(),
                    Integer.toString(a.items().size()), Integer.toString(a.respondents()),
                    Integer.toString(a.completeRespondents())));
            for (double v : new double[] {a.rawAlpha(), a.stdAlpha(), a.g6Smc(), a.averageR(), a.medianR(),
                a.signalNoise(), a.alphaSe(), a.feldt().lower(), a.feldt().upper(), a.scaleMean(), a.scaleSd()}) {
                cells.add(Double.toString(v));
            }
            cells.add(s.omegaTotal().map(o -> Double.toString(o.omegaTotal())).orElse(""));
            Optional<OmegaResult> h = s.omegaHierarchical();
            cells.add(h.map(o -> Double.toString(o.omegaHierarchical().orElseThrow())).orElse(""));
            cells.add(h.map(o -> Integer.toString(o.factors())).orElse(""));
            cells.add(h.map(o -> Double.toString(o.omegaTotal())).orElse(""));
            cells.add(h.map(o -> Double.toString(o.omegaLimit().orElseThrow())).orElse(""));
            cells.add(h.map(o -> Double.toString(o.explainedCommonVariance().orElseThrow())).orElse(""));
            out.println(String.join(",", cells));
        }
    }

    private static String csvText(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private void text(PrintWriter out, Instrument inst, MissingData missing, List<ScaleReliability> results,
            List<CellProblem> problems) {
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
            out.printf(Locale.ROOT, "  %9.3f %9.3f %7.3f %9.3f %9.3f %6.2f %6.3f %6.2f %6.2f%n", a.rawAlpha(),
                    a.stdAlpha(), a.g6Smc(), a.averageR(), a.medianR(), a.signalNoise(), a.alphaSe(), a.scaleMean(),
                    a.scaleSd());
            out.printf(Locale.ROOT, "  Feldt 95%% CI for raw alpha: %.3f to %.3f%n", a.feldt().lower(),
                    a.feldt().upper());
            s.omegaTotal().ifPresent(o -> out.printf(Locale.ROOT, "  omega total (one-factor minres): %.3f%n",
                    o.omegaTotal()));
            s.omegaHierarchical().ifPresent(o -> out.printf(Locale.ROOT,
                    "  omega hierarchical (Schmid-Leiman, %d group factors): %.3f; omega total of that solution %.3f;"
                            + " omega limit %.3f; ECV %.3f%n", o.factors(), o.omegaHierarchical().orElseThrow(),
                    o.omegaTotal(), o.omegaLimit().orElseThrow(), o.explainedCommonVariance().orElseThrow()));
            for (String note : s.notes()) {
                out.println("  note: " + note);
            }
            int w = Math.max(4, a.items().stream().mapToInt(String::length).max().orElse(4));
            out.printf(Locale.ROOT, "  %-" + w + "s %3s %5s %5s %5s %6s %6s %6s %6s %9s%n", "item", "rev", "n", "mean",
                    "sd", "raw.r", "std.r", "r.cor", "r.drop", "alpha.drop");
            for (ItemStatistics it : a.itemStatistics()) {
                out.printf(Locale.ROOT, "  %-" + w + "s %3s %5d %5.2f %5.2f %6.3f %6.3f %6.3f %6.3f %9.3f%n",
                        it.name(), it.reverseKeyed() ? "-" : "", it.n(), it.mean(), it.sd(), it.rawR(), it.stdR(),
                        it.rCor(), it.rDrop(), it.ifDropped().rawAlpha());
            }
        }
    }
}
