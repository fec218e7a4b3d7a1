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
            "--k-predictor", "--by", "--interaction", "--time", "--variance-by");
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

    /** Which file an analysis reads: the scored file, the diary file, or none (power). */
    enum Source { SCORES, DIARY, NONE }

    /**
     * One analysis: its entry, its command ({@code [apim]}, {@code [power, simulate]}), the command's
     * arguments (without {@code --input} and {@code --format}) and the file it reads.
     */
    record Step(Study.AnalysisEntry entry, List<String> command, List<String> args, Source source) {
    }

    final Study study;
    final Path dataFile;
    final List<String> scoreArgs;
    final List<InstrumentUse> instruments;
    final List<String> scoredHeader;
    final List<Step> steps;
    final List<Path> instrumentFiles = new ArrayList<>();
    /** The diary (person-period) file, or null when the study has none. */
    final Path diaryFile;
    /**
     * For an SPSS data file with a role column whose values are labelled (and no {@code role_codes: true}): the
     * role codes' labels, which name the roles in the scored file as on the command line; empty otherwise.
     */
    Map<String, String> roleLabels = Map.of();
    /** For an SPSS data file: its variable labels (column to label), which the report uses; empty otherwise. */
    Map<String, String> variableLabels = Map.of();

    private Plan(Study study, Path dataFile, List<String> scoreArgs, List<InstrumentUse> instruments,
            List<String> scoredHeader, List<Step> steps, Path diaryFile) {
        this.diaryFile = diaryFile;
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
        Set<String> known = new LinkedHashSet<>(List.of("file", "person", "role_codes"));
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
        if (data.containsKey("role_codes") && !data.get("role_codes").isBoolean()) {
            throw StudyException.usage("data.role_codes", "true or false, not " + data.get("role_codes"));
        }
        List<String> header;
        // an SPSS file (read once, for its header and dictionary): its variable labels go to the report; the value
        // labels of the role column name the roles (as every command names them when it reads the file itself)
        // unless data.role_codes is true
        Map<String, String> variableLabels = new LinkedHashMap<>();
        Map<String, String> roleLabels = Map.of();
        if (org.dyadkit.spss.SpssFile.isSpssFile(dataFile)) {
            org.dyadkit.spss.SpssFile sav;
            try {
                sav = org.dyadkit.spss.SpssFile.read(dataFile);
            } catch (InputException e) {
                throw StudyException.input("data.file", e.getMessage());
            }
            header = List.copyOf(sav.table().columns());
            for (org.dyadkit.spss.SpssVariable v : sav.variables()) {
                v.label().filter(l -> !l.isBlank()).ifPresent(l -> variableLabels.put(v.name(), l));
            }
            boolean codes = data.containsKey("role_codes") && data.get("role_codes").asBoolean();
            if (!codes && layout.equals("individual") && data.containsKey("role")) {
                roleLabels = sav.variable(data.get("role").asText()).map(org.dyadkit.spss.SpssVariable::valueLabels)
                        .orElse(Map.of());
            }
        } else {
            try (SurveyReader r = SurveyReader.open(dataFile, format)) {
                header = List.copyOf(r.header());
            } catch (InputException e) {
                throw StudyException.input("data.file", e.getMessage());
            } catch (java.io.UncheckedIOException e) {
                throw StudyException.input("data.file", dataFile + ": cannot be read (" + e.getMessage() + ")");
            }
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

        // the person-period (diary) file of the over-time analyses
        Path diaryFile = null;
        List<String> diaryHeader = List.of();
        Map<String, JsonNode> diary = study.diary();
        if (!diary.isEmpty()) {
            Set<String> dknown = new LinkedHashSet<>(List.of("file", "dyad", "role", "person", "occasion"));
            dknown.addAll(READ_KEYS);
            for (String k : diary.keySet()) {
                if (!dknown.contains(k)) {
                    throw StudyException.usage("diary." + k, "unknown key" + suggest(k, dknown) + "; diary takes "
                            + String.join(", ", dknown));
                }
            }
            diaryFile = study.resolve(diary.get("file").asText());
            if (!Files.isRegularFile(diaryFile) || !Files.isReadable(diaryFile)) {
                throw StudyException.input("diary.file", "cannot read \"" + diary.get("file").asText() + "\" ("
                        + diaryFile + (Files.exists(diaryFile) ? " is not a readable file" : " does not exist")
                        + "); paths are relative to the study file");
            }
            char dd = ',';
            if (diary.containsKey("delimiter")) {
                String d = diary.get("delimiter").asText();
                dd = d.equalsIgnoreCase("tab") || d.equals("\\t") ? '\t' : d.length() == 1 ? d.charAt(0) : 0;
                if (dd == 0) {
                    throw StudyException.usage("diary.delimiter", "\"" + d + "\" is not one character; give , ; or tab");
                }
            }
            try (SurveyReader r = SurveyReader.open(diaryFile, SurveyFormat.csv().withDelimiter(dd))) {
                diaryHeader = List.copyOf(r.header());
            } catch (InputException e) {
                throw StudyException.input("diary.file", e.getMessage());
            } catch (java.io.UncheckedIOException e) {
                throw StudyException.input("diary.file", diaryFile + ": cannot be read (" + e.getMessage() + ")");
            }
            for (String k : List.of("dyad", "occasion")) {
                if (!diary.containsKey(k)) {
                    throw StudyException.usage("diary." + k, "missing; the over-time analyses need the "
                            + (k.equals("dyad") ? "dyad (couple) id" : "occasion (day, wave)") + " column");
                }
            }
            for (String k : List.of("dyad", "role", "person", "occasion")) {
                if (diary.containsKey(k)) {
                    checkColumn("diary." + k, diary.get(k).asText(), diaryHeader);
                }
            }
        }

        // analyses
        List<Step> steps = new ArrayList<>();
        for (Study.AnalysisEntry a : study.analyses()) {
            if (a.type().equals("power")) {
                steps.add(powerStep(root, a));
                continue;
            }
            boolean overTime = Study.OVER_TIME.contains(a.type());
            if (overTime && diaryFile == null) {
                throw StudyException.usage(a.path(), "reads a person-period file, and the study declares none; add "
                        + "diary: {file: ..., dyad: ..., occasion: ...} (docs/study.md)");
            }
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
            options(study, spec, a.type(), a.path(), opts, args, given, columnRefs);
            if (overTime) {
                for (String k : List.of("dyad", "role", "person", "occasion")) {
                    String opt = "--" + k;
                    if (diary.containsKey(k) && spec.findOption(opt) != null && !given.contains(opt)) {
                        addOption(spec, "diary." + k, opt, diary.get(k), args, a.type());
                    }
                }
                for (String k : READ_KEYS) {
                    if (diary.containsKey(k)) {
                        addOption(spec, "diary." + k, "--" + k, diary.get(k), args, a.type());
                    }
                }
                for (String[] ref : columnRefs) {
                    checkColumn(ref[0], ref[1], diaryHeader);
                }
                steps.add(new Step(a, List.of(a.type()), List.copyOf(args), Source.DIARY));
                continue;
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
            steps.add(new Step(a, List.of(a.type()), List.copyOf(rolesByLabel(args, roleLabels)), Source.SCORES));
        }
        Plan plan = new Plan(study, dataFile, List.copyOf(scoreArgs), List.copyOf(uses), List.copyOf(scored),
                List.copyOf(steps), diaryFile);
        plan.instrumentFiles.addAll(instrumentFiles);
        plan.roleLabels = Map.copyOf(roleLabels);
        plan.variableLabels = java.util.Collections.unmodifiableMap(variableLabels);
        return plan;
    }

    /**
     * The arguments with the codes in {@code --roles} replaced by their labels, for a scored file whose role
     * column shows an SPSS file's value labels (codes and labels are both accepted, as on the command line).
     */
    private static List<String> rolesByLabel(List<String> args, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return args;
        }
        List<String> out = new ArrayList<>(args);
        for (int i = 0; i + 1 < out.size(); i++) {
            if (out.get(i).equals("--roles")) {
                List<String> parts = new ArrayList<>();
                for (String r : out.get(i + 1).split(",", -1)) {
                    parts.add(labels.getOrDefault(r.strip(), r.strip()));
                }
                out.set(i + 1, String.join(",", parts));
            }
        }
        return out;
    }

    /** The analysis's own options: checked against the command's option list and added to {@code args}. */
    private static void options(Study study, CommandSpec spec, String type, String analysisPath,
            Map<String, JsonNode> opts, List<String> args, Set<String> given, List<String[]> columnRefs) {
        for (Map.Entry<String, JsonNode> o : opts.entrySet()) {
            String path = analysisPath + "." + o.getKey();
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
                throw StudyException.usage(path, "unknown option of " + type + suggest(o.getKey(),
                        optionNames(spec)) + "; see 'dyadkit " + type + " --help'");
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
            addOption(spec, path, longName, o.getValue(), args, type);
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
    }

    /**
     * A power analysis: {@code power: {apim: {...}}} (analytic) or {@code power: {simulate: {...}}}, the
     * options of {@code dyadkit power apim} or {@code dyadkit power simulate}; it reads no data.
     */
    private static Step powerStep(CommandLine root, Study.AnalysisEntry a) {
        CommandLine power = root.getSubcommands().get("power");
        Set<String> subs = power.getSubcommands().keySet();
        if (a.options().size() != 1) {
            throw StudyException.usage(a.path(), "give one of " + String.join(", ", subs) + " with its options, for "
                    + "example power: {apim: {dyads: \"50:300:25\", actor: 0.3, partner: 0.2}} (dyadkit power apim) "
                    + "or power: {simulate: {...}} (dyadkit power simulate)");
        }
        Map.Entry<String, JsonNode> e = a.options().entrySet().iterator().next();
        String sub = e.getKey();
        if (!subs.contains(sub)) {
            throw StudyException.usage(a.path() + "." + sub, "unknown kind of power analysis" + suggest(sub, subs)
                    + "; give apim (analytic) or simulate");
        }
        if (e.getValue() != null && !e.getValue().isNull() && !e.getValue().isObject()) {
            throw StudyException.usage(a.path() + "." + sub, "the options are a mapping, for example {dyads: 150}");
        }
        Map<String, JsonNode> opts = new LinkedHashMap<>();
        if (e.getValue() != null && e.getValue().isObject()) {
            e.getValue().fields().forEachRemaining(f -> opts.put(f.getKey(), f.getValue()));
        }
        CommandSpec spec = power.getSubcommands().get(sub).getCommandSpec();
        List<String> args = new ArrayList<>();
        options(null, spec, "power " + sub, a.path() + "." + sub, opts, args, new LinkedHashSet<>(), new ArrayList<>());
        return new Step(a, List.of("power", sub), List.copyOf(args), Source.NONE);
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
