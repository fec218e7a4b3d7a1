package org.dyadkit.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.dyadkit.cli.ApimCommand;
import org.dyadkit.cli.ApimemCommand;
import org.dyadkit.cli.Main;
import org.dyadkit.cli.MediateCommand;
import org.dyadkit.report.Formats;
import org.dyadkit.report.html.StudyReport;
import org.dyadkit.report.svg.Svg;
import org.dyadkit.resample.BootstrapDistribution;
import org.dyadkit.scoring.MissingRule;
import org.dyadkit.table.DataTable;
import picocli.CommandLine;

/**
 * Runs a declared study into an output folder: scores the data with {@code dyadkit score}, runs each
 * analysis through its own command in this process ({@code --format json} for {@code results.json},
 * {@code --format csv} for {@code tables/<id>.csv}) on the scored file, and writes the report. Every
 * file is first written into a temporary folder beside the output folder, which is moved into place
 * only when everything succeeded: a failed run leaves the output folder as it was.
 */
public final class StudyRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCORES = "scores.csv";

    private final PrintWriter err;
    private final boolean progress;

    /**
     * A runner.
     *
     * @param err where notes and the run time go
     * @param progress whether to print a progress line per step (on a terminal)
     */
    public StudyRunner(PrintWriter err, boolean progress) {
        this.err = err;
        this.progress = progress;
    }

    /** The outcome of a run: the output folder and the number of analyses. */
    public record Outcome(Path out, int analyses, Path report) {
    }

    /** The result of one command run in this process, with the subcommand's object (its result, when it keeps one). */
    record CommandRun(int exit, String out, String err, Object command) {
    }

    /** Runs {@code dyadkit ARGS} in this process with captured output streams. */
    static CommandRun command(List<String> args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter e = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(e, true));
        int exit = cl.execute(args.toArray(String[]::new));
        CommandLine sub = cl.getSubcommands().get(args.get(0));
        return new CommandRun(exit, out.toString(), e.toString(), sub == null ? null : sub.getCommand());
    }

    /**
     * Checks the study, then runs it into {@code out}.
     *
     * @throws StudyException with the exit status and a message naming the place in the study file
     */
    public Outcome run(Path studyFile, Path out) {
        long start = System.nanoTime();
        Study study = Study.read(studyFile);
        Plan plan = Plan.of(study);
        Path target = out.toAbsolutePath().normalize();
        for (String note : recoverAndCleanStale(target)) {
            err.println("dyadkit: note: " + note);
        }
        checkTarget(target);
        Path parent = target.getParent();
        Path tmp;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        } catch (IOException e) {
            throw StudyException.input("--out", target + ": cannot create the output folder (" + e.getMessage() + ")");
        }
        // SIGTERM (or Ctrl-C) mid-run: the hook removes the temporary folder and, if the earlier outputs were
        // already moved aside, puts them back, so that an interrupted run leaves the folder as it was
        Path[] pending = {tmp, null};
        Thread hook = new Thread(() -> abandon(pending, target), "dyadkit-study-cleanup");
        boolean hooked = addHook(hook);
        try {
            int total = plan.steps.size() + 2;
            step(1, total, "scores");
            Path scores = tmp.resolve(SCORES);
            String scoreSummary = score(plan, scores, tmp.resolve("problems.csv"), tmp, target);
            Files.createDirectories(tmp.resolve("tables"));
            Files.createDirectories(tmp.resolve("figures"));
            ArrayNode analyses = JSON.createArrayNode();
            Map<String, Map<String, BootstrapDistribution>> distributions = new java.util.LinkedHashMap<>();
            Set<String> notes = new LinkedHashSet<>();
            if (!scoreSummary.isEmpty()) {
                notes.add("study: scores: " + scoreSummary.replaceFirst("^dyadkit: ", ""));
            }
            int i = 2;
            for (Plan.Step s : plan.steps) {
                step(i++, total, s.entry().id() + " (" + s.entry().type() + ")");
                Path in = input(s, scores, plan.diaryFile);
                String shown = shown(s, study);
                JsonNode result = analyse(s, in, shown, "json", notes, tmp, target, distributions);
                String csv = runText(s, in, shown, "csv", notes, tmp, target);
                Files.writeString(tmp.resolve("tables").resolve(s.entry().id() + ".csv"), csv, StandardCharsets.UTF_8);
                ObjectNode a = analyses.addObject();
                a.put("id", s.entry().id());
                a.put("type", s.entry().type());
                a.set("result", result);
            }
            if (progress) {
                err.print("\r" + " ".repeat(72) + "\r");
            }
            checkPublished(study, analyses);
            for (String n : notes) {
                err.println(n);
            }
            ObjectNode results = JSON.createObjectNode();
            results.set("study", studyNode(plan));
            results.set("inputs", inputs(plan));
            ObjectNode versions = results.putObject("versions");
            versions.put("dyadkit", org.dyadkit.Version.current());
            versions.put("java", Runtime.version().feature() + "");
            results.set("analyses", analyses);
            Files.writeString(tmp.resolve("results.json"), Formats.json(results), StandardCharsets.UTF_8);

            step(total, total, "report");
            DataTable table = DataTable.read(scores);
            java.util.Optional<DataTable> diary = plan.diaryFile == null ? java.util.Optional.empty()
                    : java.util.Optional.of(DataTable.read(plan.diaryFile));
            StudyReport.Output report = StudyReport.render(results, table, diary, distributions);
            Files.writeString(tmp.resolve("report.html"), report.html(), StandardCharsets.UTF_8);
            for (Svg f : report.figures()) {
                Files.writeString(tmp.resolve("figures").resolve(f.id() + ".svg"),
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + f, StandardCharsets.UTF_8);
            }
            if (progress) {
                err.print("\r" + " ".repeat(72) + "\r");
            }
            install(tmp, target, pending);
            tmp = null;
            double secs = (System.nanoTime() - start) / 1e9;
            err.println(String.format(java.util.Locale.ROOT, "dyadkit: study \"%s\": %d analyses in %.1f s into %s; "
                    + "report %s", study.title(), plan.steps.size(), secs, out, out.resolve("report.html")));
            err.flush();
            return new Outcome(target, plan.steps.size(), target.resolve("report.html"));
        } catch (IOException e) {
            throw StudyException.input("--out", "cannot write the outputs (" + e.getMessage() + ")");
        } finally {
            if (tmp != null) {
                delete(tmp);
            }
            if (hooked) {
                removeHook(hook);
            }
        }
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException | SecurityException e) {
            return false; // shutting down already: nothing to guard
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | SecurityException e) {
            // shutting down: the hook runs and finds nothing left to do
        }
    }

    /**
     * The shutdown hook's work: deletes the temporary folder {@code pending[0]} (retried, as the run may still
     * be writing into it) and, when the earlier outputs were moved aside to {@code pending[1]} but the new
     * ones not yet moved in, moves them back.
     */
    private static void abandon(Path[] pending, Path target) {
        Path tmp;
        Path old;
        synchronized (pending) {
            tmp = pending[0];
            old = pending[1];
            pending[0] = null;
            pending[1] = null;
        }
        if (old != null && !Files.exists(target)) {
            try {
                move(old, target);
            } catch (IOException e) {
                // named by the next run
            }
        }
        if (tmp != null) {
            for (int attempt = 0; attempt < 20 && Files.exists(tmp); attempt++) {
                delete(tmp);
            }
        }
    }

    /**
     * Before a run: an earlier run killed between moving the old outputs aside and moving the new ones in left
     * no output folder but a {@code .<out>.old-*} folder, which is moved back; temporary folders
     * ({@code .<out>.tmp-*}, {@code .<out>.old-*}) of killed runs older than a minute are removed, younger
     * ones named (they may belong to a run still writing).
     *
     * @return a note per folder restored, removed or left in place
     */
    static List<String> recoverAndCleanStale(Path target) {
        List<String> notes = new ArrayList<>();
        Path parent = target.getParent();
        if (parent == null || target.getFileName() == null || !Files.isDirectory(parent)) {
            return notes;
        }
        String tmpPrefix = "." + target.getFileName() + ".tmp-";
        String oldPrefix = "." + target.getFileName() + ".old-";
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(parent)) {
            s.filter(p -> {
                String n = p.getFileName().toString();
                return (n.startsWith(tmpPrefix) || n.startsWith(oldPrefix)) && Files.isDirectory(p);
            }).sorted().forEach(found::add);
        } catch (IOException | UncheckedIOException e) {
            return notes;
        }
        long cutoff = System.currentTimeMillis() - 60_000L;
        for (Path p : found) {
            try {
                boolean old = p.getFileName().toString().startsWith(oldPrefix);
                if (old && !Files.exists(target) && Files.isRegularFile(p.resolve("results.json"))) {
                    move(p, target);
                    notes.add("restored " + target + " from " + p + ", left by an earlier run that was killed "
                            + "while replacing it");
                } else if (Files.getLastModifiedTime(p).toMillis() < cutoff) {
                    delete(p);
                    notes.add("removed " + p + ", left by an earlier run that was killed");
                } else {
                    notes.add(p + " left in place: may belong to a run still writing");
                }
            } catch (IOException e) {
                // skipped: harmless, and named again by the next run
            }
        }
        return notes;
    }

    private void step(int i, int n, String what) {
        if (progress) {
            err.print(String.format(java.util.Locale.ROOT, "\rstudy [%d/%d] %-56s", i, n, what));
            err.flush();
        }
    }

    /** A target that exists must be a folder that is empty or holds an earlier study's outputs. */
    private static void checkTarget(Path target) {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw StudyException.usage("--out", target + " exists and is not a folder");
        }
        try (Stream<Path> s = Files.list(target)) {
            boolean empty = s.findAny().isEmpty();
            if (!empty && !Files.isRegularFile(target.resolve("results.json"))) {
                throw StudyException.usage("--out", target + " is a folder with other files in it; give a new or "
                        + "empty folder, or the folder of an earlier run of a study (it is replaced)");
            }
        } catch (IOException e) {
            throw StudyException.input("--out", target + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Replaces the target by the finished temporary folder (each step a rename in the same parent). */
    private static void install(Path tmp, Path target, Path[] pending) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            synchronized (pending) {
                move(target, old);
                pending[1] = old;
            }
        }
        synchronized (pending) {
            move(tmp, target);
            pending[0] = null;
            pending[1] = null;
        }
        if (old != null) {
            delete(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort: a left-over temporary folder is named .<out>.tmp-*
        }
    }

    private static String relative(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    /** Scores the data into the temporary folder; returns score's summary (printed when the whole run succeeds). */
    private String score(Plan plan, Path scores, Path problems, Path tmp, Path target) throws IOException {
        if (plan.scoreArgs.isEmpty()) {
            if (org.dyadkit.spss.SpssFile.isSpssFile(plan.dataFile)) {
                // the analyses read scores.csv: an SPSS file is written out as the CSV its cells give
                writeRoleLabels(plan, DataTable.read(plan.dataFile), scores);
            } else {
                Files.copy(plan.dataFile, scores);
            }
            Files.writeString(problems, "file,line,column,value,problem,action\n", StandardCharsets.UTF_8);
            return "";
        }
        List<String> args = new ArrayList<>(List.of("score", "--input", relative(plan.dataFile), "--output",
                scores.toString(), "--problems", problems.toString()));
        args.addAll(plan.scoreArgs);
        CommandRun r = command(args);
        String msg = r.err().replace(tmp.toString(), target.toString()).strip();
        if (r.exit() != 0) {
            throw new StudyException(r.exit(), "scores: " + firstLine(msg));
        }
        if (!plan.roleLabels.isEmpty()) {
            writeRoleLabels(plan, DataTable.read(scores), scores);
        }
        return msg;
    }

    /**
     * Writes {@code table} as the scored file, with the role column's codes replaced by the SPSS file's value
     * labels for them (when the study has such labels), so that every analysis names the roles as the command
     * line does on the SPSS file.
     */
    private static void writeRoleLabels(Plan plan, DataTable table, Path scores) {
        String role = plan.study.data().containsKey("role") ? plan.study.data().get("role").asText() : null;
        DataTable shown = role == null || plan.roleLabels.isEmpty() || !table.hasColumn(role) ? table
                : table.withValueLabels(Map.of(role, plan.roleLabels)).withLabelsShown(role);
        org.dyadkit.dyad.CsvOutput.writeAtomically(shown, scores);
    }

    private static String firstLine(String s) {
        String line = s.lines().filter(l -> !l.startsWith("dyadkit: note:")).findFirst().orElse(s);
        return line.replaceFirst("^dyadkit: ", "");
    }

    /** The file a step reads (null for none): the scored file, or the diary file. */
    private static Path input(Plan.Step s, Path scores, Path diary) {
        return switch (s.source()) {
            case SCORES -> scores;
            case DIARY -> diary;
            case NONE -> null;
        };
    }

    /** How a step's input is named in results.json and the commands: scores.csv, or the diary file as written. */
    private static String shown(Plan.Step s, Study study) {
        return switch (s.source()) {
            case SCORES -> SCORES;
            case DIARY -> study.diary().get("file").asText();
            case NONE -> null;
        };
    }

    private static List<String> args(Plan.Step s, Path input, String format) {
        List<String> a = new ArrayList<>(s.command());
        a.addAll(s.args());
        if (input != null) {
            a.addAll(List.of("--input", input.toString()));
        }
        a.addAll(List.of("--format", format));
        return a;
    }

    private static String runText(Plan.Step s, Path in, String shown, String format, Set<String> notes, Path tmp,
            Path target) {
        CommandRun r = command(args(s, in, format));
        String e = r.err().replace(tmp.toString(), target.toString());
        if (r.exit() != 0) {
            throw new StudyException(r.exit(), s.entry().path() + " (" + s.entry().id() + "): " + firstLine(e.strip()));
        }
        e.lines().filter(l -> !l.isBlank()).forEach(l -> notes.add("study: " + s.entry().id() + ": "
                + l.replaceFirst("^dyadkit: ", "")));
        return in == null ? r.out() : r.out().replace(in.toString(), shown);
    }

    private static JsonNode analyse(Plan.Step s, Path in, String shown, String format, Set<String> notes, Path tmp,
            Path target, Map<String, Map<String, BootstrapDistribution>> distributions) {
        CommandRun r = command(args(s, in, format));
        Map<String, BootstrapDistribution> d = distributions(r.command());
        if (!d.isEmpty()) {
            distributions.put(s.entry().id(), d);
        }
        String e = r.err().replace(tmp.toString(), target.toString());
        if (r.exit() != 0) {
            throw new StudyException(r.exit(), s.entry().path() + " (" + s.entry().id() + "): " + firstLine(e.strip()));
        }
        e.lines().filter(l -> !l.isBlank()).forEach(l -> notes.add("study: " + s.entry().id() + ": "
                + l.replaceFirst("^dyadkit: ", "")));
        try {
            JsonNode tree = JSON.readTree(r.out());
            return in == null ? tree : normalise(tree, in.toString(), shown);
        } catch (IOException ex) {
            throw new IllegalStateException("the " + s.entry().type() + " command did not print JSON", ex);
        }
    }

    /**
     * The bootstrap distributions the command's result keeps (the same replicates its intervals were read
     * from): k per role ({@code apim}), each simple and total indirect effect ({@code apimem}, keyed
     * {@code effect|role} and {@code total:effect|role}), the indirect effect ({@code mediate}).
     */
    static Map<String, BootstrapDistribution> distributions(Object command) {
        Map<String, BootstrapDistribution> out = new java.util.LinkedHashMap<>();
        if (command instanceof ApimCommand c) {
            c.result().ifPresent(f -> f.k().forEach(k -> k.bootstrapDistribution().ifPresent(b -> out.put(k.role(), b))));
        } else if (command instanceof ApimemCommand c) {
            c.result().ifPresent(f -> {
                f.indirect().forEach(e -> e.bootstrapDistribution().ifPresent(b -> out.put(e.effect().label() + "|"
                        + e.role().orElse(""), b)));
                f.totalIndirect().forEach(e -> e.bootstrapDistribution().ifPresent(b -> out.put("total:"
                        + e.effect().label() + "|" + e.role().orElse(""), b)));
            });
        } else if (command instanceof MediateCommand c) {
            c.result().ifPresent(f -> f.indirect().bootstrapDistribution().ifPresent(b -> out.put("indirect", b)));
        }
        return out;
    }

    /**
     * The command's JSON with the scored file's path written as {@code scores.csv}, as the command prints
     * it when run in the output folder ({@code dyadkit apim --input scores.csv ...}).
     */
    static JsonNode normalise(JsonNode node, String path) {
        return normalise(node, path, SCORES);
    }

    /** The JSON with the string {@code path} written as {@code shown}. */
    static JsonNode normalise(JsonNode node, String path, String shown) {
        if (node.isTextual() && node.asText().equals(path)) {
            return TextNode.valueOf(shown);
        }
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                o.set(k, normalise(o.get(k), path, shown));
            }
        } else if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, normalise(a.get(i), path, shown));
            }
        }
        return node;
    }

    /** Every published value's pointer names a number in its analysis's result. */
    private static void checkPublished(Study study, ArrayNode analyses) {
        JsonNode published = study.tree().get("published");
        if (published == null || !published.isArray()) {
            return;
        }
        for (int i = 0; i < published.size(); i++) {
            JsonNode e = published.get(i);
            String id = e.get("analysis").asText();
            for (JsonNode a : analyses) {
                if (a.get("id").asText().equals(id)) {
                    JsonNode v = a.get("result").at(e.get("value").asText());
                    if (!v.isNumber()) {
                        throw StudyException.usage("published[" + i + "].value", "the result of " + id + " has no number at "
                                + e.get("value").asText() + (v.isMissingNode() ? "" : " (it holds " + v + ")"));
                    }
                }
            }
        }
    }

    private static ObjectNode studyNode(Plan plan) {
        Study study = plan.study;
        ObjectNode n = JSON.createObjectNode();
        n.put("title", study.title());
        n.put("file", study.file().getFileName().toString());
        ObjectNode data = n.putObject("data");
        for (Map.Entry<String, JsonNode> e : study.data().entrySet()) {
            data.set(e.getKey(), e.getValue());
        }
        if (!study.diary().isEmpty()) {
            ObjectNode diary = n.putObject("diary");
            study.diary().forEach(diary::set);
        }
        n.put("scored_rows_file", SCORES);
        ArrayNode scores = n.putArray("scores");
        for (Plan.InstrumentUse u : plan.instruments) {
            ObjectNode s = scores.addObject();
            s.put("instrument", u.declared());
            s.put("id", u.instrument().id());
            s.put("name", u.instrument().name());
            s.put("version", u.instrument().version());
            if (u.instrument().citation() != null) {
                s.put("citation", u.instrument().citation().text());
                if (u.instrument().citation().doi() != null) {
                    s.put("doi", u.instrument().citation().doi());
                } else {
                    s.putNull("doi");
                }
            }
            s.put("prefix", u.prefix());
            s.put("items", u.items());
            MissingRule rule = u.minAnswered() == null ? u.instrument().defaultMissing()
                    : new BigDecimal(u.minAnswered()).compareTo(BigDecimal.ONE) == 0 ? MissingRule.allRequired()
                    : MissingRule.minAnsweredFraction(new BigDecimal(u.minAnswered()));
            s.put("missing_rule", rule.describe());
            String total = u.total() != null ? u.total() : u.instrument().defaultTotal().map(Object::toString).orElse(null);
            if (total == null) {
                s.putNull("total");
            } else {
                s.put("total", total);
            }
            ArrayNode cols = s.putArray("columns");
            u.columns().forEach(cols::add);
        }
        ArrayNode vars = n.putArray("variables");
        Set<String> seen = new LinkedHashSet<>();
        Set<String> scoreCols = new LinkedHashSet<>();
        plan.instruments.forEach(u -> scoreCols.addAll(u.columns()));
        ArrayNode analyses = n.putArray("analyses");
        for (Plan.Step s : plan.steps) {
            ObjectNode a = analyses.addObject();
            a.put("id", s.entry().id());
            a.put("type", s.entry().type());
            ObjectNode opts = a.putObject("options");
            s.entry().options().forEach(opts::set);
            StringBuilder cmd = new StringBuilder("dyadkit ").append(String.join(" ", s.command()));
            for (String arg : s.args()) {
                String shown = arg.startsWith(study.dir().toString() + "/") ? study.dir().relativize(Path.of(arg))
                        .toString() : arg;
                cmd.append(' ').append(shown.matches("[A-Za-z0-9_.,:/{}=+-]+") ? shown : "'" + shown + "'");
                if (scoreCols.contains(arg) || (arg.contains(",") && !arg.startsWith("-"))) {
                    for (String c : arg.split(",")) {
                        if (scoreCols.contains(c)) {
                            seen.add(c);
                        }
                    }
                }
            }
            String shownInput = shown(s, study);
            if (shownInput != null) {
                cmd.append(" --input ").append(shownInput.matches("[A-Za-z0-9_.,:/{}=+-]+") ? shownInput
                        : "'" + shownInput + "'");
            }
            cmd.append(" --format json");
            a.put("command", cmd.toString());
        }
        seen.forEach(vars::add);
        if (study.tree().has("published")) {
            n.set("published", study.tree().get("published"));
        }
        ObjectNode labels = n.putObject("labels");
        ObjectNode roles = labels.putObject("roles");
        study.roleLabels().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> roles.put(e.getKey(), e.getValue()));
        ObjectNode variables = labels.putObject("variables");
        // the SPSS file's variable labels, where the study file does not label the variable itself
        Map<String, String> named = new java.util.TreeMap<>(plan.variableLabels);
        named.putAll(study.variableLabels());
        named.forEach(variables::put);
        return n;
    }

    private static ArrayNode inputs(Plan plan) {
        ArrayNode a = JSON.createArrayNode();
        Study study = plan.study;
        List<Path> files = new ArrayList<>();
        files.add(study.file().toAbsolutePath().normalize());
        files.add(plan.dataFile);
        if (plan.diaryFile != null) {
            files.add(plan.diaryFile);
        }
        files.addAll(plan.instrumentFiles);
        for (Path f : files) {
            ObjectNode o = a.addObject();
            Path abs = f.toAbsolutePath().normalize();
            o.put("file", abs.startsWith(study.dir()) ? study.dir().relativize(abs).toString() : abs.toString());
            o.put("sha256", sha256(abs));
        }
        return a;
    }

    static String sha256(Path p) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(Files.readAllBytes(p)));
        } catch (IOException e) {
            throw StudyException.input("", p + ": cannot be read (" + e.getMessage() + ")");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
