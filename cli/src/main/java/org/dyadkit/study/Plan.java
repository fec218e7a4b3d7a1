package org.dyadkit.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dyadkit.InputException;
import org.dyadkit.Names;
import org.dyadkit.cli.Main;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Instruments;
import org.dyadkit.scoring.Scorer;
import org.dyadkit.scoring.TotalMethod;
import org.dyadkit.survey.BatchScoring;
import org.dyadkit.survey.ItemColumns;
import org.dyadkit.survey.SurveyFormat;
import org.dyadkit.survey.SurveyReader;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A study turned into command lines before anything runs: the {@code dyadkit score} arguments and, per
 * analysis, the arguments of its own command (without {@code --input} and {@code --format}, which the
 * run adds). Every option is checked against the command's own option list (so a study accepts exactly
 * what the command accepts, {@code -} or {@code _} alike) and every column against the header the
 * scored file will have (the data file's columns followed by the instruments' score columns, which are
 * known from the instrument definitions).
 */
final class Plan {
    /** Options a study sets itself. */
    private static final Set<String> RESERVED = Set.of("--input", "--format", "--output", "--problems", "--help",
            "--version");
    /** Options whose values name columns (checked against the scored header). */
    private static final Set<String> COLUMN_OPTIONS = Set.of("--x", "--y", "--m", "--var", "--vars", "--covariate",
            "--k-predictor", "--by", "--interaction");
    /** Data keys that describe the dyads, passed to each analysis command that takes them. */
    private static final List<String> DYAD_KEYS = List.of("layout", "dyad", "role", "roles", "indistinguishable",
            "suffixes", "names");
    /** Data keys that describe how the file is read. */
    private static final List<String> READ_KEYS = List.of("na", "delimiter", "decimal", "qualtrics", "encoding");
    private static final Set<String> SCORE_KEYS = new LinkedHashSet<>(List.of("items", "item_map", "min_answered",
            "total", "prefix"));

    /** One instrument scored by the study, as the report describes it. */
    record InstrumentUse(int index, String declared, Instrument instrument, String prefix, List<String> columns,
            String items, String minAnswered, String total) {
    }

    /** One analysis: its entry and its command's arguments. */
    record Step(Study.AnalysisEntry entry, List<String> args) {
    }

    final Study study;
    final Path dataFile;
    final List<String> scoreArgs;
    final List<InstrumentUse> instruments;
    final List<String> scoredHeader;
    final List<Step> steps;
    final List<Path> instrumentFiles = new ArrayList<>();

    private Plan(Study study, Path dataFile, List<String> scoreArgs, List<InstrumentUse> instruments,
            List<String> scoredHeader, List<Step> steps) {
        this.study = study;
        this.dataFile = dataFile;
        this.scoreArgs = scoreArgs;
        this.instruments = instruments;
        this.scoredHeader = scoredHeader;
        this.steps = steps;
    }

    /**
     * Checks a study and builds its command lines.
     *
     * @throws StudyException naming the place in the study file (exit 2 for a mistake in it, 3 for a data
     *     file that cannot be read)
     */
    static Plan of(Study study) {
        CommandLine root = Main.commandLine();
        Map<String, JsonNode> data = study.data();
        Path dataFile = study.resolve(data.get("file").asText());
        if (!Files.isRegularFile(dataFile) || !Files.isReadable(dataFile)) {
            throw StudyException.input("data.file", "cannot read " + org.dyadkit.input.Messages.quote(
                    data.get("file").asText()) + " (" + (dataFile.getParent() == null ? ""
                    : dataFile.getParent() + java.io.File.separator) + org.dyadkit.input.Messages.cut(String.valueOf(
                    dataFile.getFileName()))
                    + (Files.exists(dataFile) ? " is not a readable file" : " does not exist")
                    + "); paths are relative to the study file");
        }
        CommandSpec score = root.getSubcommands().get("score").getCommandSpec();
        // data.person is the scorer's --id (blank and duplicate ids are reported, rows kept); an analysis
        // that should refuse duplicate persons takes person: itself
        Set<String> known = new LinkedHashSet<>(List.of("file", "person"));
        known.addAll(DYAD_KEYS);
        known.addAll(READ_KEYS);
        for (String k : data.keySet()) {
            if (!known.contains(k)) {
                throw StudyException.usage("data." + k, "unknown key" + suggest(k, known) + "; data takes "
                        + String.join(", ", known));
            }
        }
        String layout = data.containsKey("layout") ? data.get("layout").asText().strip().toLowerCase(Locale.ROOT)
                : "individual";

        // the data file's header, read as score reads it
        char delimiter = ',';
        if (data.containsKey("delimiter")) {
            String d = data.get("delimiter").asText();
            delimiter = d.equalsIgnoreCase("tab") || d.equals("\\t") ? '\t' : d.length() == 1 ? d.charAt(0) : 0;
            if (delimiter == 0) {
                throw StudyException.usage("data.delimiter", "\"" + d + "\" is not one character; give , ; or tab");
            }
        }
        boolean qualtrics = data.containsKey("qualtrics") && data.get("qualtrics").asBoolean();
        SurveyFormat format = SurveyFormat.csv().withDelimiter(delimiter).withQualtrics(qualtrics);
        List<String> header;
        try (SurveyReader r = SurveyReader.open(dataFile, format)) {
            header = List.copyOf(r.header());
        } catch (InputException e) {
            throw StudyException.input("data.file", e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            throw StudyException.input("data.file", dataFile + ": cannot be read (" + e.getMessage() + ")");
        }

        // scoring
        List<String> scoreArgs = new ArrayList<>();
        List<InstrumentUse> uses = new ArrayList<>();
        List<String> scored = new ArrayList<>(header);
        List<Path> instrumentFiles = new ArrayList<>();
        if (!study.scores().isEmpty()) {
            BatchScoring batch = BatchScoring.of(format);
            String minAnswered = null;
            String minPath = null;
            String itemMap = null;
            boolean anyTotal = study.scores().stream().anyMatch(e -> e.options().containsKey("total"));
            List<String> instrumentArgs = new ArrayList<>();
            List<String> itemArgs = new ArrayList<>();
            List<String> prefixArgs = new ArrayList<>();
            List<String> totalArgs = new ArrayList<>();
            for (Study.ScoreEntry e : study.scores()) {
                for (String k : e.options().keySet()) {
                    if (!SCORE_KEYS.contains(k)) {
                        throw StudyException.usage(e.path() + "." + k, "unknown option" + suggest(k, SCORE_KEYS)
                                + "; an instrument entry takes instrument, " + String.join(", ", SCORE_KEYS));
                    }
                }
                String ref = e.instrument();
                Path asFile = study.resolve(ref);
                String arg = Files.isRegularFile(asFile) && !Instruments.isBundled(ref) ? asFile.toString() : ref;
                Instrument ins;
                try {
                    ins = Instruments.resolve(arg);
                } catch (InputException ex) {
                    if (arg.equals(ref)) {
                        throw StudyException.usage(e.path() + ".instrument", ex.getMessage());
                    }
                    throw StudyException.input(e.path() + ".instrument", ex.getMessage());
                }
                if (!arg.equals(ref)) {
                    instrumentFiles.add(asFile);
                }
                String prefix = scalar(e, "prefix");
                if (prefix == null) {
                    prefix = BatchScoring.defaultPrefix(ins);
                }
                String items = scalar(e, "items");
                String map = scalar(e, "item_map");
                if (items != null && map != null) {
                    throw StudyException.usage(e.path() + ".item_map", "give items or item_map, not both");
                }
                if (map != null) {
                    if (itemMap != null && !itemMap.equals(map)) {
                        throw StudyException.usage(e.path() + ".item_map", "the score command reads one item map for "
                                + "every instrument (columns instrument,item,column); give the same file in each entry");
                    }
                    itemMap = map;
                }
                if (items == null && map == null) {
                    items = BatchScoring.defaultPrefix(ins) + "{n}";
                }
                String min = scalar(e, "min_answered");
                if (min != null) {
                    if (minAnswered != null && !minAnswered.equals(min)) {
                        throw StudyException.usage(e.path() + ".min_answered", "the score command applies one rule to "
                                + "every instrument; " + minPath + " gives " + minAnswered + ", this entry " + min);
                    }
                    minAnswered = min;
                    minPath = e.path() + ".min_answered";
                }
                String total = scalar(e, "total");
                Scorer scorer = Scorer.of(ins);
                if (total != null) {
                    try {
                        scorer = scorer.withTotal(TotalMethod.parse(total));
                    } catch (IllegalArgumentException ex) {
                        throw StudyException.usage(e.path() + ".total", ex.getMessage());
                    }
                }
                ItemColumns columns;
                try {
                    columns = items == null ? ItemColumns.pattern(prefix + "{n}") : ItemColumns.pattern(items);
                } catch (IllegalArgumentException ex) {
                    throw StudyException.usage(e.path() + ".items", ex.getMessage());
                }
                BatchScoring one = BatchScoring.of(format).withInstrument(prefix, scorer, columns);
                batch = batch.withInstrument(prefix, scorer, columns);
                uses.add(new InstrumentUse(e.index(), ref, ins, prefix, one.addedColumns(), items == null ? map : items,
                        min, total));
                instrumentArgs.add(arg);
                itemArgs.add(items);
                prefixArgs.add(prefix);
                totalArgs.add(total == null ? "default" : total);
            }
            for (int i = 0; i < instrumentArgs.size(); i++) {
                scoreArgs.add("--instrument");
                scoreArgs.add(instrumentArgs.get(i));
            }
            if (itemMap != null) {
                if (itemArgs.stream().anyMatch(java.util.Objects::nonNull)) {
                    throw StudyException.usage("scores", "give every instrument an item_map, or none");
                }
                scoreArgs.add("--item-map");
                scoreArgs.add(study.resolve(itemMap).toString());
            } else {
                for (String it : itemArgs) {
                    scoreArgs.add("--items");
                    scoreArgs.add(it);
                }
            }
            for (String p : prefixArgs) {
                scoreArgs.add("--prefix");
                scoreArgs.add(p);
            }
            if (anyTotal) {
                for (String t : totalArgs) {
                    scoreArgs.add("--total");
                    scoreArgs.add(t);
                }
            }
            if (minAnswered != null) {
                scoreArgs.add("--min-answered");
                scoreArgs.add(minAnswered);
            }
            if (data.containsKey("person")) {
                scoreArgs.add("--id");
                scoreArgs.add(data.get("person").asText());
            }
            for (String k : READ_KEYS) {
                if (data.containsKey(k)) {
                    addOption(score, "data." + k, "--" + k, data.get(k), scoreArgs, "score");
                }
            }
            if (data.containsKey("delimiter")) {
                // scores.csv is comma-separated whatever the input, so the analyses read it as CSV
                scoreArgs.add("--output-delimiter");
                scoreArgs.add(",");
            }
            List<String> added = batch.addedColumns();
            for (String c : added) {
                if (header.contains(c)) {
                    throw StudyException.usage("scores", "the score column \"" + c + "\" is already a column of "
                            + data.get("file").asText() + "; give the instrument another prefix");
                }
            }
            scored.addAll(added);
        }
        Set<String> scoreColumns = new LinkedHashSet<>(scored.subList(header.size(), scored.size()));

        if (layout.equals("individual")) {
            for (String k : List.of("dyad", "role", "person")) {
                if (data.containsKey(k)) {
                    checkColumn("data." + k, data.get(k).asText(), header);
                }
            }
        }

        // analyses
        List<Step> steps = new ArrayList<>();
        for (Study.AnalysisEntry a : study.analyses()) {
            CommandSpec spec = root.getSubcommands().get(a.type()).getCommandSpec();
            List<String> args = new ArrayList<>();
            Set<String> given = new LinkedHashSet<>();
            List<String[]> columnRefs = new ArrayList<>();
            Map<String, JsonNode> opts = new LinkedHashMap<>(a.options());
            if (a.type().equals("reliability") && opts.containsKey("instrument") && !opts.containsKey("items")
                    && !opts.containsKey("item_map") && !opts.containsKey("item-map")) {
                String ref = opts.get("instrument").asText();
                for (InstrumentUse u : uses) {
                    if (u.declared().equals(ref) || u.instrument().id().equals(ref)) {
                        Study.ScoreEntry se = study.scores().get(u.index());
                        String items = scalar(se, "items");
                        String map = scalar(se, "item_map");
                        if (items != null) {
                            opts.put("items", com.fasterxml.jackson.databind.node.TextNode.valueOf(items));
                        } else if (map != null) {
                            opts.put("item_map", com.fasterxml.jackson.databind.node.TextNode.valueOf(
                                    study.resolve(map).toString()));
                        }
                        break;
                    }
                }
            }
            for (Map.Entry<String, JsonNode> o : opts.entrySet()) {
                String path = a.path() + "." + o.getKey();
                String name = "--" + o.getKey().replace('_', '-');
                OptionSpec opt = spec.findOption(name);
                if (opt == null && name.endsWith("s")) {
                    opt = spec.findOption(name.substring(0, name.length() - 1));
                }
                if (opt == null || RESERVED.contains(opt.longestName())) {
                    if (opt != null) {
                        throw StudyException.usage(path, "set by the study itself (each analysis reads scores.csv "
                                + "and is written as JSON and CSV); remove it");
                    }
                    throw StudyException.usage(path, "unknown option of " + a.type() + suggest(o.getKey(),
                            optionNames(spec)) + "; see 'dyadkit " + a.type() + " --help'");
                }
                String longName = opt.longestName();
                given.add(longName);
                if (longName.equals("--instrument")) {
                    String ref = o.getValue().asText();
                    Path asFile = study.resolve(ref);
                    if (Files.isRegularFile(asFile) && !Instruments.isBundled(ref)) {
                        args.add(longName);
                        args.add(asFile.toString());
                        continue;
                    }
                }
                addOption(spec, path, longName, o.getValue(), args, a.type());
                if (COLUMN_OPTIONS.contains(longName)) {
                    for (JsonNode v : o.getValue().isArray() ? iterable(o.getValue()) : List.of(o.getValue())) {
                        for (String c : v.asText().split(longName.equals("--interaction") ? ":" : ",")) {
                            String col = c.strip();
                            if (col.startsWith("partner.")) {
                                col = col.substring("partner.".length());
                            }
                            if (!col.isEmpty()) {
                                columnRefs.add(new String[] {path, col});
                            }
                        }
                    }
                }
            }
            for (String k : DYAD_KEYS) {
                String opt = "--" + k;
                if (data.containsKey(k) && spec.findOption(opt) != null && !given.contains(opt)) {
                    addOption(spec, "data." + k, opt, data.get(k), args, a.type());
                }
            }
            for (String k : READ_KEYS) {
                // score writes scores.csv as plain comma-separated UTF-8 with one header row and a point as the
                // decimal separator, but keeps missing-value codes as written: the analyses then need only na
                if (!data.containsKey(k) || (!study.scores().isEmpty() && !k.equals("na"))) {
                    continue;
                }
                String opt = "--" + k;
                if (spec.findOption(opt) != null) {
                    addOption(spec, "data." + k, opt, data.get(k), args, a.type());
                } else if (k.equals("na")) {
                    for (String[] ref : columnRefs) {
                        if (!scoreColumns.contains(ref[1])) {
                            throw StudyException.usage(ref[0], "\"" + ref[1] + "\" is a column of the data file, but "
                                    + "the " + a.type() + " command of this dyadkit has no --na to read data.na; use a "
                                    + "score column or recode the missing values in the file");
                        }
                    }
                } else {
                    throw StudyException.usage("data." + k, "the " + a.type() + " command of this dyadkit has no "
                            + opt + ", so " + a.path() + " cannot read the data this way");
                }
            }
            if (layout.equals("individual")) {
                for (String[] ref : columnRefs) {
                    checkColumn(ref[0], ref[1], scored);
                }
            }
            steps.add(new Step(a, List.copyOf(args)));
        }
        Plan plan = new Plan(study, dataFile, List.copyOf(scoreArgs), List.copyOf(uses), List.copyOf(scored),
                List.copyOf(steps));
        plan.instrumentFiles.addAll(instrumentFiles);
        return plan;
    }

    private static void addOption(CommandSpec spec, String path, String name, JsonNode value, List<String> args,
            String command) {
        OptionSpec opt = spec.findOption(name);
        if (opt == null) {
            throw StudyException.usage(path, "the " + command + " command of this dyadkit has no " + name);
        }
        boolean flag = opt.arity().max() == 0;
        if (flag) {
            if (!value.isBoolean()) {
                throw StudyException.usage(path, "true or false, not " + value);
            }
            if (value.asBoolean()) {
                args.add(name);
            }
            return;
        }
        if (value.isObject()) {
            throw StudyException.usage(path, "a value or a list of values, not a mapping");
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                throw StudyException.usage(path, "an empty list; give at least one value or remove the option");
            }
            boolean multi = opt.isMultiValue();
            if (!multi && value.size() > 1) {
                throw StudyException.usage(path, name + " takes one value, not a list of " + value.size());
            }
            for (JsonNode v : value) {
                if (!v.isValueNode()) {
                    throw StudyException.usage(path, "list items are single values");
                }
                args.add(name);
                args.add(v.asText());
            }
            return;
        }
        if (value.isNull()) {
            throw StudyException.usage(path, "no value; give one or remove the option");
        }
        args.add(name);
        args.add(value.asText());
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        List<JsonNode> l = new ArrayList<>();
        array.forEach(l::add);
        return l;
    }

    private static String scalar(Study.ScoreEntry e, String key) {
        JsonNode v = e.options().get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw StudyException.usage(e.path() + "." + key, "a single value, not a list or mapping");
        }
        return v.asText();
    }

    private static List<String> optionNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!RESERVED.contains(o.longestName())) {
                names.add(o.longestName().substring(2));
            }
        }
        return names;
    }

    private static void checkColumn(String path, String column, List<String> header) {
        if (!header.contains(column)) {
            throw StudyException.usage(path, "no column \"" + column + "\"" + suggestColumn(column, header));
        }
    }

    private static String suggestColumn(String name, List<String> header) {
        Optional<String> near = nearest(name, header);
        return near.map(n -> "; did you mean " + n + "?").orElse("");
    }

    /** A "did you mean" hint among {@code candidates} ({@code -} and {@code _} alike), or empty. */
    static String suggest(String name, Collection<String> candidates) {
        List<String> normal = candidates.stream().map(c -> c.replace('-', '_')).toList();
        return nearest(name.replace('-', '_'), normal).map(n -> " (did you mean " + n + "?)").orElse("");
    }

    private static Optional<String> nearest(String name, Collection<String> candidates) {
        String lower = name.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(c -> Names.distance(lower, c.toLowerCase(Locale.ROOT)) <= Math.max(1, name.length() / 3)
                        || (lower.length() >= 3 && c.toLowerCase(Locale.ROOT).startsWith(lower)))
                .min(Comparator.comparingInt((String c) -> Names.distance(lower, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(c -> c));
    }
}
