package org.dyadkit.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Instruments;
import org.dyadkit.scoring.MissingRule;
import org.dyadkit.scoring.Scorer;
import org.dyadkit.scoring.TotalMethod;
import org.dyadkit.survey.BatchScoring;
import org.dyadkit.survey.AtomicFile;
import org.dyadkit.survey.BatchSummary;
import org.dyadkit.survey.ItemColumns;
import org.dyadkit.survey.SurveyFormat;
import org.dyadkit.survey.SurveyReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dyadkit score}: scores a survey CSV with one or more instruments in one streaming pass (see
 * {@link BatchScoring} for the rules). A one-paragraph summary goes to stderr; a progress line too, when
 * stderr is a terminal.
 */
@Command(name = "score",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Scores a survey CSV (one row per person, one column per item) in one streaming pass.",
            "Every input row and column comes out unchanged, followed by <prefix>_<score> columns and a",
            "<prefix>_problems column. Bad cells are set to missing and reported, never fatal."},
        footer = {"", "Example:",
            "  dyadkit score --instrument scs --input survey.csv --output scored.csv --id id \\",
            "      --items 'scs{n}' --min-answered 0.8 --problems problems.csv",
            "  dyadkit score --instrument scs --instrument ras --items 'SC_{n}' --items 'RAS{n}' \\",
            "      --input qualtrics.csv --qualtrics --na 99,-9 --output scored.csv",
            "",
            "Exit status: 0 done (rows with problems are flagged); 2 bad usage; 3 unusable input."})
public final class ScoreCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--instrument", required = true, paramLabel = "ID|FILE",
            description = "A bundled instrument id (see 'dyadkit instruments') or an instrument file. Repeat to score several in one pass.")
    List<String> instruments = new ArrayList<>();

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The survey CSV ('-' reads standard input).")
    String input;

    @Option(names = "--output", required = true, paramLabel = "FILE",
            description = "The scored CSV, written atomically ('-' writes to standard output).")
    String output;

    @Option(names = "--id", paramLabel = "COL", description = "The identifier column: blank and duplicate ids are reported.")
    String id;

    @Option(names = "--items", paramLabel = "PATTERN",
            description = "Item column names with {n} for the item number, e.g. scs{n} or Q5_{n}; the first for the first --instrument, and so on. Default: <prefix>{n}.")
    List<String> items = new ArrayList<>();

    @Option(names = "--item-map", paramLabel = "FILE",
            description = "A CSV with columns item,column (or instrument,item,column) instead of --items.")
    String itemMap;

    @Option(names = "--min-answered", paramLabel = "FRACTION",
            description = "A score needs ceil(F * k) of its k items answered (1 = all). Default: the instrument's rule.")
    String minAnswered;

    @Option(names = "--total", paramLabel = "METHOD",
            description = "Total score method: mean-of-subscales, item-mean, sum-of-subscales, item-sum, or default (the instrument's own). Given once, it applies to every instrument that has a total score; or give it once per instrument, in order. Default: the instrument's.")
    List<String> totals = new ArrayList<>();

    @Option(names = "--problems", paramLabel = "FILE",
            description = "Writes one line per problem: file,line,column,value,problem,action.")
    String problems;

    @Option(names = "--prefix", paramLabel = "PREFIX",
            description = "Output column prefix; the first for the first --instrument, and so on. Default: the instrument id with - as _.")
    List<String> prefixes = new ArrayList<>();

    @Option(names = "--counts", description = "Adds <prefix>_<score>_answered columns.")
    boolean counts;

    @CommandLine.Mixin
    ReadingOptions reading;

    @Option(names = "--output-delimiter", paramLabel = "CHAR",
            description = "The output's field separator: , (default, whatever the input's), ; tab or |.")
    String outputDelimiter;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads for validating and scoring: 0 (the default) uses one per processor beyond the one that reads (at most four; on one or two processors the whole pass runs in one thread); 1 keeps the whole pass in one thread. The output is the same for any number.")
    int threads = 0;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        SurveyFormat format = SurveyFormat.of(reading.options());
        int k = instruments.size();
        OptionChecks.name(cl, "--id", id, "person_id");
        for (String p : prefixes) {
            if (p.isBlank()) {
                throw new CommandLine.ParameterException(cl, "--prefix: an empty prefix; the score columns are named "
                        + "<prefix>_<score>, so give one such as --prefix scs");
            }
            if (!p.equals(p.strip()) || p.chars().anyMatch(c -> c < 32 || c == ',' || c == '"')) {
                throw new CommandLine.ParameterException(cl, "--prefix: " + org.dyadkit.input.Messages.quote(p)
                        + " holds a space, a comma, a quote or a control character; give a plain name such as --prefix scs");
            }
        }
        if (new java.util.HashSet<>(prefixes).size() != prefixes.size()) {
            throw new CommandLine.ParameterException(cl, "--prefix names the same prefix twice: " + prefixes
                    + "; give each --instrument its own prefix");
        }
        for (String it : items) {
            OptionChecks.name(cl, "--items", it, "'scs{n}'");
        }
        checkAtMost("--items", items.size(), k);
        checkAtMost("--prefix", prefixes.size(), k);
        checkCount("--total", totals.size(), k);
        if (!items.isEmpty() && itemMap != null) {
            throw new CommandLine.ParameterException(cl, "use either --items or --item-map, not both");
        }
        MissingRule rule = minAnswered == null ? null : missingRule(minAnswered);
        List<TotalMethod> methods = new ArrayList<>();
        for (String t : totals) {
            if (t.strip().equalsIgnoreCase("default")) {
                methods.add(null);
                continue;
            }
            try {
                methods.add(TotalMethod.parse(t));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--total: " + e.getMessage());
            }
        }
        if (problems != null && !output.equals("-") && (problems.equals(output)
                || ReadingOptions.sameFile(Path.of(problems), Path.of(output)))) {
            throw new CommandLine.ParameterException(cl, "--problems and --output name the same file");
        }
        OptionChecks.notInput(cl, "--output", output, input);
        OptionChecks.notInput(cl, "--problems", problems, input);
        OptionChecks.path(cl, "--input", input, "survey.csv");
        OptionChecks.path(cl, "--output", output, "scored.csv");
        OptionChecks.path(cl, "--problems", problems, "problems.csv");
        if (problems != null && problems.equals("-")) {
            throw new CommandLine.ParameterException(cl, "--problems needs a file name ('-' is not allowed there)");
        }

        OptionChecks.threads(cl, threads, 0);
        BatchScoring batch = BatchScoring.of(format).withId(id).withCounts(counts).withThreads(threads);
        if (outputDelimiter != null) {
            batch = batch.withOutputDelimiter(OptionChecks.delimiter(cl, outputDelimiter, "--output-delimiter"));
        }
        boolean anyTotal = false;
        for (int i = 0; i < k; i++) {
            Instrument ins = Instruments.resolve(instruments.get(i));
            anyTotal |= ins.defaultTotal().isPresent();
            Scorer scorer = Scorer.of(ins);
            if (rule != null) {
                scorer = scorer.withMissing(rule);
            }
            TotalMethod m = methods.isEmpty() ? null : methods.get(methods.size() == 1 ? 0 : i);
            // one --total for several instruments applies to those that have a total score
            boolean shared = methods.size() == 1 && k > 1;
            if (m != null && !(shared && ins.defaultTotal().isEmpty())) {
                try {
                    scorer = scorer.withTotal(m);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(cl, "--total: " + e.getMessage());
                }
            }
            String prefix = i < prefixes.size() ? prefixes.get(i) : BatchScoring.defaultPrefix(ins);
            ItemColumns columns;
            if (itemMap != null) {
                columns = ItemColumns.read(Path.of(itemMap), ins.id());
            } else {
                String pattern = i < items.size() ? items.get(i) : BatchScoring.defaultPrefix(ins) + "{n}";
                try {
                    columns = ItemColumns.pattern(pattern);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(cl, "--items: " + e.getMessage());
                }
            }
            batch = batch.withInstrument(prefix, scorer, columns);
        }
        if (!anyTotal && methods.stream().anyMatch(java.util.Objects::nonNull)) {
            throw new CommandLine.ParameterException(cl, "--total: none of the instruments has a total score");
        }

        PrintWriter err = cl.getErr();
        if (!input.equals("-")) {
            for (String note : org.dyadkit.input.DialectHints.sniff(Path.of(input), format.options())) {
                err.println("dyadkit: note: " + input + ": " + note);
            }
        }
        if (!format.options().utf8()) {
            err.println("dyadkit: note: " + input + ": read as " + format.encoding().name() + " and converted to UTF-8");
        }
        for (String target : new String[] {output, problems}) {
            if (target != null && !target.equals("-")) {
                for (String stale : AtomicFile.staleTemporaryFiles(Path.of(target))) {
                    err.println("dyadkit: note: removed " + stale + ", left by an earlier run that was killed");
                }
            }
        }
        Progress progress = null;
        BatchSummary summary;
        if (input.equals("-")) {
            try (SurveyReader in = SurveyReader.open(System.in, "<stdin>", format)) {
                summary = write(batch, in);
            }
        } else {
            Path in = Path.of(input);
            progress = Progress.forTerminal(System.console(), input, size(in));
            if (progress != null) {
                batch = batch.withProgress(progress);
            }
            try (SurveyReader reader = SurveyReader.open(in, format)) {
                summary = write(batch, reader);
            } finally {
                if (progress != null) {
                    progress.clear();
                }
            }
        }
        err.println(summary.paragraph() + " Wrote " + (output.equals("-") ? "standard output" : output)
                + (problems == null ? "" : " and the problems list " + problems) + ".");
        err.flush();
        return 0;
    }

    private BatchSummary write(BatchScoring batch, SurveyReader in) {
        try {
            return writeOrFail(batch, in);
        } catch (OutOfMemoryError e) {
            throw new org.dyadkit.InputException(in.source() + ": out of memory after data row " + in.line()
                    + " (the duplicate-identifier check keeps 16 bytes per row); rerun with more memory, for example "
                    + "DYADKIT_JAVA_OPTS=-Xmx2g, or without --id");
        } catch (java.io.UncheckedIOException e) {
            throw new org.dyadkit.InputException((output.equals("-") ? "standard output" : output)
                    + ": cannot be written: " + e.getCause().getMessage(), e);
        }
    }

    private BatchSummary writeOrFail(BatchScoring batch, SurveyReader in) {
        Path problemsPath = problems == null ? null : Path.of(problems);
        if (output.equals("-")) {
            PrintStream out = System.out;
            BatchSummary s = batch.run(in, out, problemsPath);
            out.flush();
            return s;
        }
        return batch.run(in, Path.of(output), problemsPath);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private void checkCount(String option, int given, int instrumentsGiven) {
        if (given > 1 && given != instrumentsGiven) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " is given " + given
                    + " times for " + instrumentsGiven + " instrument(s); give it once, or once per --instrument in the same order");
        }
    }

    private void checkAtMost(String option, int given, int instrumentsGiven) {
        if (given > instrumentsGiven) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " is given " + given
                    + " times for " + instrumentsGiven + " instrument(s); give it once per --instrument, in the same order");
        }
    }

    private MissingRule missingRule(String text) {
        BigDecimal f;
        try {
            f = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--min-answered: \"" + text + "\" is not a number; give a fraction such as 0.8");
        }
        if (f.signum() <= 0 || f.compareTo(BigDecimal.ONE) > 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--min-answered: " + text + " is outside (0, 1]; give a fraction such as 0.8, or 1 for all items");
        }
        return f.compareTo(BigDecimal.ONE) == 0 ? MissingRule.allRequired() : MissingRule.minAnsweredFraction(f);
    }

    /** A progress line on a terminal: rows read and percent of the file, at most twice a second. */
    static final class Progress implements BatchScoring.Progress {
        private final PrintWriter out;
        private final String name;
        private final long size;
        private long last;
        private boolean shown;

        private Progress(PrintWriter out, String name, long size) {
            this.out = out;
            this.name = name;
            this.size = size;
            this.last = System.nanoTime();
        }

        /** A progress line when there is a terminal, else null (silent). */
        static Progress forTerminal(Console console, String name, long size) {
            return console == null ? null : new Progress(new PrintWriter(System.err, true), name, size);
        }

        @Override
        public void update(long rows, long bytesRead) {
            long now = System.nanoTime();
            if (now - last < 500_000_000L) {
                return;
            }
            last = now;
            shown = true;
            String pct = size > 0 ? String.format(Locale.ROOT, " (%d%%)", Math.min(100, bytesRead * 100 / size)) : "";
            out.print(String.format(Locale.ROOT, "\r%s: %,d rows%s ", name, rows, pct));
            out.flush();
        }

        void clear() {
            if (shown) {
                out.print("\r" + " ".repeat(Math.min(200, name.length() + 40)) + "\r");
                out.flush();
            }
        }
    }
}
