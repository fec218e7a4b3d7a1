package org.dyadkit.cli;

import org.dyadkit.report.reliability.ReliabilityRenderer;

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
        OptionChecks.path(spec.commandLine(), "--input", input, "survey.csv");
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
        ReliabilityRenderer renderer = ReliabilityRenderer.of(input.toString(), ids);
        out.print(switch (fmt) {
            case "json" -> org.dyadkit.report.Formats.json(renderer.json(result));
            case "csv" -> renderer.tables(result).csv();
            default -> renderer.text(result);
        });
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
}
