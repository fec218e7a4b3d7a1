package org.dyadkit.survey;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.dyadkit.InputException;
import org.dyadkit.input.ReadOptions;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.scoring.Scorer;
import org.dyadkit.scoring.SubscaleTallies;

/**
 * Scores a survey file in one streaming pass, for any number of instruments: every input row comes
 * out in input order with every input cell unchanged (re-quoted only where CSV requires), followed
 * for each instrument by its score columns {@code <prefix>_<score>} (and {@code <prefix>_<score>_answered}
 * with counts on) and a {@code <prefix>_problems} column listing the row's problems, for example
 * {@code scs8:out_of_range:9;id:duplicate_id}.
 *
 * <p>Cells: blank (or a missing-value code of the {@link SurveyFormat}) is missing and not a problem; a
 * whole number within the item's range is a response (also when written {@code 3.0}); a number that is
 * not whole ({@code non_integer}), outside the range ({@code out_of_range}) or not a number
 * ({@code non_numeric}) is set to missing and reported. Rows: a blank identifier or one written as a
 * missing-value code ({@code missing_id}), an
 * identifier seen before ({@code duplicate_id}, every occurrence after the first), no item of an
 * instrument answered ({@code all_items_missing}) and a different number of cells than the header
 * ({@code ragged_row}) are reported and the row is kept. A score left missing by its missing-data rule
 * although some of its items were answered is reported as {@code below_min_answered} with the count
 * ({@code self_kindness:below_min_answered:3/4} in the problems column; in the problems file the column is
 * the score's output column and the value the count). A short row is scored with its absent cells
 * blank; a long row is written without its extra cells and is not scored (its cells may be shifted),
 * unless the extra cells are all blank (trailing delimiters). In the problems column a cell value is
 * cut to 40 characters; the problems file has it in full.
 *
 * <p>Memory does not grow with the rows except for the duplicate-identifier check (16 bytes per
 * identifier, see {@code IdSet}). Immutable: the {@code with*} methods return copies.
 */
public final class BatchScoring {
    /**
     * One instrument of a run.
     *
     * @param prefix the start of its output column names ({@code scs} gives {@code scs_total})
     * @param scorer the scores
     * @param columns where its items are
     */
    public record Part(String prefix, RowScorer scorer, ItemColumns columns) {
        /** Checks for nulls and an empty prefix. */
        public Part {
            Objects.requireNonNull(scorer, "scorer");
            Objects.requireNonNull(columns, "columns");
            if (prefix == null || prefix.isBlank()) {
                throw new IllegalArgumentException("the column prefix must not be empty");
            }
        }
    }

    /** Receives progress every few thousand rows (rows read, bytes read). */
    @FunctionalInterface
    public interface Progress {
        /** Called with the rows and bytes read so far. */
        void update(long rows, long bytesRead);
    }

    private static final int PROGRESS_EVERY = 1 << 15;
    private static final String BELOW_ACTION = ProblemKind.BELOW_MIN_ANSWERED.action();

    private final SurveyFormat format;
    private final List<Part> parts;
    private final String idColumn;
    private final boolean counts;
    private final Character outputDelimiter;
    private final Progress progress;
    private final int threads;

    private BatchScoring(SurveyFormat format, List<Part> parts, String idColumn, boolean counts,
            Character outputDelimiter, Progress progress, int threads) {
        this.threads = threads;
        this.format = format;
        this.parts = List.copyOf(parts);
        this.idColumn = idColumn;
        this.counts = counts;
        this.outputDelimiter = outputDelimiter;
        this.progress = progress;
    }

    /** A run over files of this format, with no instruments yet. */
    public static BatchScoring of(SurveyFormat format) {
        return new BatchScoring(Objects.requireNonNull(format, "format"), List.of(), null, false, null, null, 1);
    }

    /** Adds an instrument (its columns follow those of the instruments added before). */
    public BatchScoring withInstrument(String prefix, RowScorer scorer, ItemColumns columns) {
        List<Part> p = new ArrayList<>(parts);
        p.add(new Part(prefix, scorer, columns));
        return new BatchScoring(format, p, idColumn, counts, outputDelimiter, progress, threads);
    }

    /**
     * Adds an instrument's scorer, with columns {@code <prefix>_<score>}; the prefix is usually
     * {@link #defaultPrefix(Instrument)}.
     */
    public BatchScoring withInstrument(String prefix, Scorer scorer, ItemColumns columns) {
        return withInstrument(prefix, RowScorer.of(scorer), columns);
    }

    /** The default column prefix of an instrument: its id with {@code -} written as {@code _} ({@code scs_sf}). */
    public static String defaultPrefix(Instrument instrument) {
        return instrument.id().replace('-', '_');
    }

    /** Checks identifiers in this column for blanks and duplicates (null: no check). */
    public BatchScoring withId(String column) {
        return new BatchScoring(format, parts, column, counts, outputDelimiter, progress, threads);
    }

    /** Adds {@code <prefix>_<score>_answered} after each score when {@code on}. */
    public BatchScoring withCounts(boolean on) {
        return new BatchScoring(format, parts, idColumn, on, outputDelimiter, progress, threads);
    }

    /**
     * Writes the output with this delimiter (by default a comma, whatever the input's, so that the scored
     * file reads without options).
     *
     * @throws IllegalArgumentException for a delimiter other than {@code ,} {@code ;} tab {@code |}
     */
    public BatchScoring withOutputDelimiter(char delimiter) {
        ReadOptions.csv().withDelimiter(delimiter); // validates
        return new BatchScoring(format, parts, idColumn, counts, delimiter, progress, threads);
    }

    /** Reports progress to this listener. */
    public BatchScoring withProgress(Progress listener) {
        return new BatchScoring(format, parts, idColumn, counts, outputDelimiter, listener, threads);
    }

    /**
     * Scores with this many worker threads (1, the default: all in the calling thread; 0: one per
     * processor beyond the calling thread's, at most four, so one thread on one or two processors). The
     * output is the same for any number; scorers must be thread-safe. On the shared 2-core benchmark
     * machine two workers gave no gain in wall time and cost more CPU (benchmarks/results/batch.md).
     *
     * @throws IllegalArgumentException when {@code n} is negative
     */
    public BatchScoring withThreads(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + n);
        }
        return new BatchScoring(format, parts, idColumn, counts, outputDelimiter, progress, n);
    }

    /** The instruments of this run. */
    public List<Part> parts() {
        return parts;
    }

    /**
     * Scores {@code input} into {@code output}, and lists problems in {@code problemsFile} when it is
     * not null. Both files are written atomically: after a failure (or an interruption) neither target
     * is touched.
     *
     * @throws InputException for whole-file faults (see {@link SurveyReader}), an item or identifier
     *     column that is absent, output columns that already exist in the input, a file without data rows,
     *     or one in which no row could be scored (then nothing is written)
     */
    public BatchSummary run(Path input, Path output, Path problemsFile) {
        try (SurveyReader in = SurveyReader.open(input, format)) {
            return run(in, output, problemsFile);
        }
    }

    /**
     * As {@link #run(Path, Path, Path)}, reading from an open reader (for example standard input).
     *
     * @throws InputException as {@link #run(Path, Path, Path)}
     */
    public BatchSummary run(SurveyReader in, Path output, Path problemsFile) {
        try (AtomicFile out = AtomicFile.create(output)) {
            BatchSummary s = run(in, out.stream(), problemsFile);
            out.commit();
            return s;
        }
    }

    /**
     * As {@link #run(Path, Path, Path)}, writing the scored rows to a stream (for example standard
     * output; not closed, and not atomic) and the problems file atomically.
     *
     * @throws InputException as {@link #run(Path, Path, Path)}
     */
    public BatchSummary run(SurveyReader in, OutputStream out, Path problemsFile) {
        try (AtomicFile probs = problemsFile == null ? null : AtomicFile.create(problemsFile)) {
            ProblemFileWriter pw = probs == null ? null : new ProblemFileWriter(probs.stream());
            BatchSummary s = pass(in, out, pw); // without a problems file the problems are only counted
            if (s.rowsRead() == 0) {
                throw new InputException(in.source() + ": the file has a header but no data rows; nothing to score");
            }
            if (s.rowsScored() == 0) {
                throw new InputException(in.source() + ": no row could be scored (" + s.paragraph()
                        .substring(s.paragraph().indexOf(": ") + 2) + ") Check the item columns and the response range.");
            }
            if (pw != null) {
                pw.flush();
                probs.commit();
            }
            return s;
        }
    }

    /**
     * Scores rows from {@code in} into {@code out} (not closed), passing each problem to {@code problems}
     * as it is found (null: the problems are only counted in the summary).
     *
     * @throws InputException as {@link #run(Path, Path, Path)}
     * @throws UncheckedIOException when the output cannot be written
     */
    public BatchSummary run(SurveyReader in, OutputStream out, Consumer<Problem> problems) {
        return pass(in, out, problems);
    }

    /** One pass; {@code problems} null: problems are counted and not built. */
    private BatchSummary pass(SurveyReader in, OutputStream out, Consumer<Problem> problems) {
        if (parts.isEmpty()) {
            throw new IllegalStateException("no instrument to score; add one with withInstrument");
        }
        try {
            return new Pass(in, out, problems).run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the output: " + e.getMessage(), e);
        }
    }

    /** The columns added after the input columns, in order. */
    public List<String> addedColumns() {
        List<String> names = new ArrayList<>();
        for (Part p : parts) {
            for (String score : p.scorer().scoreNames()) {
                names.add(p.prefix() + "_" + score);
                if (counts) {
                    names.add(p.prefix() + "_" + score + "_answered");
                }
            }
            names.add(p.prefix() + "_problems");
        }
        return names;
    }

    /**
     * The state of one pass over one file. The calling thread reads rows, checks identifiers (which
     * depends on row order) and copies rows into batches; workers validate, score and format a batch
     * each and write it to the output in input order (taking turns); the calling thread passes on the
     * batches' problems in input order. With one thread the batches are processed inline.
     */
    private final class Pass {
        private static final int BATCH_ROWS = 4096;

        private final SurveyReader in;
        private final OutputStream out;
        private final RowWriter head;
        private final Consumer<Problem> problems;
        /** Whether problems are built and passed on (false: only counted). */
        private final boolean collect;
        private final String file;
        private final int width;
        private final char outDelim;
        private final boolean crlf;
        private final int[][] cols;
        private final int[][] lo;
        private final int[][] hi;
        /** Per instrument: whether all its items share one range, and its last item column. */
        private final boolean[] uniform;
        private final int[] maxCol;
        private final String[][] itemNames;
        private final int idCol;
        private final String idName;
        private final IdSet ids = new IdSet();
        private final CellParser idCells;
        private final boolean sameDelimiter;
        private final long[] tally = new long[ProblemKind.values().length];
        /** Per instrument and score: the output column name, and "a/k" texts for a = 0..k answered items. */
        private final String[][] scoreColumns;
        private final String[][][] answeredTexts;
        /** Per instrument, score and count: the problems-column token {@code <score>:below_min_answered:a/k} as bytes. */
        private final byte[][][][] belowTokens;
        /** Per instrument and score: whether its tokens hold a character that needs CSV quoting. */
        private final boolean[][] belowQuote;
        /** The number of instruments. */
        private final int nParts;
        /** Per instrument: its scores as subscale tallies (null: scored by {@code scoreInto}). */
        private final SubscaleTallies[] tallies;
        /**
         * Per instrument with tallies, its items in plan order (by subscale, then those in none): their
         * columns, the tally of digit v at [p * 10 + v], and where each subscale's run ends (one run more, for
         * the items in no subscale).
         */
        private final int[][] planCol;
        private final long[][] planTally;
        private final int[][] planEnd;
        /** Per instrument: the largest one-digit response of its common range ({@code min(max, 9)}). */
        private final int[] digitHi;

        Pass(SurveyReader in, OutputStream out, Consumer<Problem> problems) {
            this.in = in;
            this.out = out;
            this.problems = problems;
            this.collect = problems != null;
            this.file = in.source();
            this.outDelim = outputDelimiter == null ? ',' : outputDelimiter;
            this.sameDelimiter = outDelim == format.delimiter() && !format.decimalComma();
            this.crlf = in.usesCrlf();
            this.head = new RowWriter(out, outDelim, crlf);
            this.width = in.header().size();
            this.idCells = new CellParser(format.naCodes(), format.decimalComma());
            this.cols = new int[parts.size()][];
            this.lo = new int[parts.size()][];
            this.hi = new int[parts.size()][];
            this.itemNames = new String[parts.size()][];
            this.uniform = new boolean[parts.size()];
            this.maxCol = new int[parts.size()];
            List<String> absent = new ArrayList<>();
            for (int k = 0; k < parts.size(); k++) {
                Part p = parts.get(k);
                RowScorer sc = p.scorer();
                int n = sc.itemCount();
                cols[k] = new int[n];
                lo[k] = new int[n];
                hi[k] = new int[n];
                itemNames[k] = new String[n];
                for (int i = 0; i < n; i++) {
                    lo[k][i] = sc.itemMin(i);
                    hi[k][i] = sc.itemMax(i);
                    String name = p.columns().column(sc.itemNumber(i));
                    int c = name == null ? -1 : in.columnIndex(name);
                    cols[k][i] = c;
                    itemNames[k][i] = c >= 0 ? in.header().get(c).strip() : name;
                    if (c < 0) {
                        absent.add(name == null
                                ? "item " + sc.itemNumber(i) + " of " + p.prefix() + " (not in the " + p.columns().describe() + ")"
                                : name);
                    }
                }
            }
            String delimiterHint = org.dyadkit.input.DialectHints.delimiterHint(in.header(), format.options());
            if (delimiterHint != null && (!absent.isEmpty() || idColumn != null && in.columnIndex(idColumn) < 0)) {
                throw new InputException(file + ": " + delimiterHint);
            }
            if (!absent.isEmpty()) {
                throw new InputException(ColumnHints.absentMessage(file, absent, in.header(),
                        parts.get(0).scorer().itemCount()));
            }
            for (int k = 0; k < parts.size(); k++) {
                boolean same = cols[k].length > 0;
                int last = -1;
                for (int i = 0; i < cols[k].length; i++) {
                    same &= lo[k][i] == lo[k][0] && hi[k][i] == hi[k][0];
                    last = Math.max(last, cols[k][i]);
                }
                uniform[k] = same;
                maxCol[k] = last;
            }
            if (idColumn != null) {
                idCol = in.columnIndex(idColumn);
                if (idCol < 0) {
                    throw new InputException(ColumnHints.absentMessage(file, List.of(idColumn), in.header(), 1)
                            .replace("item column", "identifier column"));
                }
            } else {
                idCol = -1;
            }
            idName = idCol < 0 ? null : in.header().get(idCol).strip();
            scoreColumns = new String[parts.size()][];
            answeredTexts = new String[parts.size()][][];
            belowTokens = new byte[parts.size()][][][];
            belowQuote = new boolean[parts.size()][];
            for (int k = 0; k < parts.size(); k++) {
                Part p = parts.get(k);
                List<String> names = p.scorer().scoreNames();
                scoreColumns[k] = new String[names.size()];
                answeredTexts[k] = new String[names.size()][];
                belowTokens[k] = new byte[names.size()][][];
                belowQuote[k] = new boolean[names.size()];
                for (int j = 0; j < names.size(); j++) {
                    scoreColumns[k][j] = p.prefix() + "_" + names.get(j);
                    int of = p.scorer().scoreItems(j);
                    answeredTexts[k][j] = new String[Math.max(0, of) + 1];
                    belowTokens[k][j] = new byte[Math.max(0, of) + 1][];
                    for (int a = 0; a <= Math.max(0, of); a++) {
                        answeredTexts[k][j][a] = of < 0 ? null : a + "/" + of;
                        if (of >= 0) {
                            belowTokens[k][j][a] = (names.get(j) + ":below_min_answered:" + answeredTexts[k][j][a])
                                    .getBytes(StandardCharsets.UTF_8);
                        }
                    }
                    String name = names.get(j);
                    belowQuote[k][j] = name.indexOf(outDelim) >= 0 || name.indexOf('"') >= 0
                            || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0;
                }
            }
            nParts = parts.size();
            tallies = new SubscaleTallies[nParts];
            digitHi = new int[nParts];
            planCol = new int[nParts][];
            planTally = new long[nParts][];
            planEnd = new int[nParts][];
            for (int k = 0; k < nParts; k++) {
                digitHi[k] = Math.min(hi[k].length == 0 ? 0 : hi[k][0], 9);
                SubscaleTallies t = parts.get(k).scorer().subscaleTallies().orElse(null);
                if (t == null) {
                    continue;
                }
                int n = cols[k].length;
                tallies[k] = t;
                long[] digitTally = new long[n * 10]; // digit v of item j at [j * 10 + v]
                for (int j = 0; j < n; j++) {
                    for (int v = Math.max(0, lo[k][j]); v <= Math.min(9, hi[k][j]); v++) {
                        digitTally[j * 10 + v] = t.tally(j, v);
                    }
                }
                int ns = t.subscales();
                planCol[k] = new int[n];
                planTally[k] = new long[n * 10];
                planEnd[k] = new int[ns + 1];
                int p = 0;
                for (int s = 0; s <= ns; s++) {
                    for (int j = 0; j < n; j++) {
                        if (t.subscale(j) == (s < ns ? s : -1)) {
                            planCol[k][p] = cols[k][j];
                            System.arraycopy(digitTally, j * 10, planTally[k], p * 10, 10);
                            p++;
                        }
                    }
                    planEnd[k][s] = p;
                }
            }
            for (String added : addedColumns()) {
                if (in.columnIndex(added) >= 0) {
                    throw new InputException(file + ": the input already has a column " + added
                            + " (was it scored before?); choose another prefix with --prefix");
                }
            }
        }

        BatchSummary run() throws IOException {
            if (in.hasByteOrderMark()) {
                head.raw(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 0, 3);
            }
            writeTextRow(in.header(), addedColumns()); // Qualtrics' extra header rows are not data: left out
            head.flush();
            // a request beyond four workers per processor (at most 256) is clamped: the output does not depend on it
            int cap = Math.min(256, 4 * Math.max(1, Runtime.getRuntime().availableProcessors()));
            // 0: a processor for the reading thread, the others for workers (on two cores two workers beside the
            // reader used 20% more CPU for the same wall time as one thread, benchmarks/results/batch.md)
            int workers = threads > 0 ? Math.min(threads, cap)
                    : Math.min(4, Runtime.getRuntime().availableProcessors() - 1);
            // the default (threads == 1 unless asked) keeps everything in the calling thread
            ExecutorService pool = workers <= 1 ? null : Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "dyadkit-batch-worker");
                t.setDaemon(true);
                return t;
            });
            ThreadLocal<Worker> local = ThreadLocal.withInitial(Worker::new);
            Worker inline = pool == null ? new Worker() : null;
            ArrayDeque<Future<Batch>> pending = new ArrayDeque<>();
            ArrayDeque<Batch> free = new ArrayDeque<>();
            long seq = 0;
            long rows = 0;
            long scored = 0;
            try {
                boolean more = true;
                while (more) {
                    Batch b = free.isEmpty() ? new Batch() : free.pop();
                    b.clear();
                    while (b.rows < BATCH_ROWS && b.len < (1 << 19)) {
                        if (!in.next()) {
                            more = false;
                            break;
                        }
                        b.add(in, checkId(in));
                        rows++;
                        if (progress != null && (rows & (PROGRESS_EVERY - 1)) == 0) {
                            progress.update(rows, in.bytesRead());
                        }
                    }
                    if (b.rows == 0) {
                        free.push(b);
                        break;
                    }
                    if (pool == null) {
                        inline.process(b);
                        scored += emit(b, inline.w);
                        free.push(b);
                        continue;
                    }
                    b.seq = seq++;
                    pending.add(pool.submit(() -> {
                        Worker wk = local.get();
                        try {
                            wk.process(b);
                        } catch (Throwable t) {
                            fail(t);
                            throw t;
                        }
                        writeInTurn(b, wk.w); // the output write off the reading thread, in input order
                        return b;
                    }));
                    while (pending.size() > 2 * workers || (!pending.isEmpty() && pending.peek().isDone())) {
                        Batch done = await(pending.poll());
                        scored += collect(done);
                        free.push(done);
                    }
                }
                while (!pending.isEmpty()) {
                    scored += collect(await(pending.poll()));
                }
            } finally {
                if (pool != null) {
                    // no batch is written after this (a write under way finishes first)
                    fail(new IOException("scoring stopped"));
                    pool.shutdownNow();
                }
            }
            out.flush();
            if (progress != null) {
                progress.update(rows, in.bytesRead());
            }
            EnumMap<ProblemKind, Long> counts = new EnumMap<>(ProblemKind.class);
            for (ProblemKind k : ProblemKind.values()) {
                counts.put(k, tally[k.ordinal()]);
            }
            return new BatchSummary(file, rows, scored, new LinkedHashMap<>(counts));
        }

        /** The sequence number of the next batch to write (worker threads, under {@code turn}). */
        private long nextToWrite;
        /** The first failure of a worker, after which no batch is written. */
        private Throwable failure;
        private final Object turn = new Object();

        /**
         * In a worker: waits until the batches before {@code b} are written, then writes it. After a
         * failure in any worker no batch is written and the failure is thrown again.
         */
        private void writeInTurn(Batch b, RowWriter rows) throws Exception {
            try {
                synchronized (turn) {
                    while (nextToWrite != b.seq && failure == null) {
                        turn.wait();
                    }
                    if (failure != null) {
                        throw failure instanceof Exception e ? e : new IOException(failure);
                    }
                    out.write(rows.buffer(), 0, rows.length()); // under the lock: see the end of run()
                    nextToWrite = b.seq + 1;
                    turn.notifyAll();
                }
            } catch (Throwable t) {
                fail(t);
                throw t;
            }
        }

        /** Records the first failure (the others are dropped) and wakes the workers waiting to write. */
        private void fail(Throwable t) {
            synchronized (turn) {
                if (failure == null) {
                    failure = t;
                }
                turn.notifyAll();
            }
        }

        private Batch await(Future<Batch> f) throws IOException {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while scoring", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                if (c instanceof Error er) {
                    throw er;
                }
                throw new IOException(c);
            }
        }

        /** Writes a finished batch (formatted in {@code rows}) and passes on its problems; returns its rows with a score. */
        private long emit(Batch b, RowWriter rows) throws IOException {
            out.write(rows.buffer(), 0, rows.length());
            return collect(b);
        }

        /** Adds up a batch's problems and passes them on (its rows are written); returns its rows with a score. */
        private long collect(Batch b) {
            for (int k = 0; k < tally.length; k++) {
                tally[k] += b.tally[k];
            }
            if (collect) {
                for (Problem p : b.problems) {
                    problems.accept(p);
                }
            }
            return b.scored;
        }

        /** The identifier check, in row order: 0 fine, 1 missing, 2 duplicate. */
        private int checkId(SurveyReader r) {
            if (idCol < 0) {
                return 0;
            }
            int s = idCol < r.stored ? r.starts[idCol] : 0;
            int e = idCol < r.stored ? r.ends[idCol] : 0;
            byte[] rec = r.rec;
            while (s < e && (rec[s] == ' ' || rec[s] == '\t')) {
                s++;
            }
            while (e > s && (rec[e - 1] == ' ' || rec[e - 1] == '\t')) {
                e--;
            }
            if (s == e || idCells.isCode(rec, s, e)) {
                return 1;
            }
            return ids.add(rec, s, e) ? 0 : 2;
        }

        private void writeTextRow(List<String> cellsIn, List<String> added) throws IOException {
            for (int c = 0; c < width; c++) {
                if (c > 0) {
                    head.delimiter();
                }
                if (c < cellsIn.size()) {
                    head.field(cellsIn.get(c));
                }
            }
            int extra = added == null ? addedColumns().size() : added.size();
            for (int j = 0; j < extra; j++) {
                head.delimiter();
                if (added != null) {
                    head.field(added.get(j));
                }
            }
            head.endRow();
        }

        /** Rows copied from the reader: record bytes, cell offsets into them, and the results. */
        private final class Batch {
            byte[] bytes = new byte[1 << 16];
            int len;
            int[] starts = new int[1 << 12];
            int[] ends = new int[1 << 12];
            boolean[] special = new boolean[1 << 12];
            int cells;
            int rows;
            int[] cellBase = new int[BATCH_ROWS];
            int[] stored = new int[BATCH_ROWS];
            int[] count = new int[BATCH_ROWS];
            int[] recBase = new int[BATCH_ROWS];
            int[] recLen = new int[BATCH_ROWS];
            boolean[] clean = new boolean[BATCH_ROWS];
            long[] line = new long[BATCH_ROWS];
            int[] id = new int[BATCH_ROWS];
            final List<Problem> problems = new ArrayList<>();
            /** The problems of the batch by kind (also when they are not built). */
            final long[] tally = new long[ProblemKind.values().length];
            long scored;
            /** The batch's place in the input, for writing in order. */
            long seq;

            void clear() {
                len = 0;
                cells = 0;
                rows = 0;
                problems.clear();
                Arrays.fill(tally, 0);
                scored = 0;
            }

            void add(SurveyReader r, int idState) {
                int n = r.recLen;
                if (len + n > bytes.length) {
                    bytes = Arrays.copyOf(bytes, Math.max(len + n, bytes.length * 2));
                }
                System.arraycopy(r.rec, 0, bytes, len, n);
                int k = r.stored;
                if (cells + k > starts.length) {
                    int size = Math.max(cells + k, starts.length * 2);
                    starts = Arrays.copyOf(starts, size);
                    ends = Arrays.copyOf(ends, size);
                    special = Arrays.copyOf(special, size);
                }
                boolean cl = r.clean;
                // offsets stay relative to the record (recBase): two block copies instead of a loop
                System.arraycopy(r.starts, 0, starts, cells, k);
                System.arraycopy(r.ends, 0, ends, cells, k);
                if (!cl) {
                    System.arraycopy(r.special, 0, special, cells, k); // read only for rows that are not clean
                }
                int i = rows;
                cellBase[i] = cells;
                stored[i] = k;
                count[i] = r.cellCount();
                recBase[i] = len;
                recLen[i] = n;
                clean[i] = cl;
                line[i] = r.line();
                id[i] = idState;
                len += n;
                cells += k;
                rows++;
            }

            String cell(int row, int c) {
                int j = cellBase[row] + c;
                return new String(bytes, recBase[row] + starts[j], ends[j] - starts[j], StandardCharsets.UTF_8);
            }
        }

        /** One thread's working state: validation, scoring and formatting of whole batches. */
        private final class Worker {
            private final CellParser cells = new CellParser(format.naCodes(), format.decimalComma());
            private final boolean plainDigits = cells.plainDigits();
            private final int[][] responses = new int[parts.size()][];
            private final double[][] values = new double[parts.size()][];
            private final int[][] answered = new int[parts.size()][];
            /** Per instrument with tallies: the current row's subscale tallies. */
            private final long[][] tally = new long[parts.size()][];
            private final StringBuilder rowTokens = new StringBuilder();
            /** The problems column of the current instrument, as bytes; {@code ptQuote}: may need quoting. */
            private byte[] pt = new byte[256];
            private int ptLen;
            private boolean ptQuote;
            private final List<Problem> rowProblems = new ArrayList<>();
            private final long[] rowTally = new long[ProblemKind.values().length];
            /** The batch being formatted: one growable buffer and number cache per worker. */
            private final RowWriter w = RowWriter.growable(outDelim, crlf);
            private Batch b;

            Worker() {
                for (int k = 0; k < parts.size(); k++) {
                    RowScorer sc = parts.get(k).scorer();
                    responses[k] = new int[sc.itemCount()];
                    values[k] = new double[sc.scoreNames().size()];
                    answered[k] = new int[sc.scoreNames().size()];
                    tally[k] = tallies[k] == null ? new long[0] : new long[tallies[k].subscales()];
                }
            }

            void process(Batch batch) throws IOException {
                b = batch;
                w.clear();
                for (int i = 0; i < batch.rows; i++) {
                    if (row(i)) {
                        batch.scored++;
                    }
                }
            }

            /** Writes one row; true when at least one score was computed. */
            private boolean row(int i) throws IOException {
                final Batch bt = b;
                final long line = bt.line[i];
                final int n = bt.count[i];
                final int stored = bt.stored[i];
                final int base = bt.cellBase[i];
                final byte[] rec = bt.bytes;
                final int[] st = bt.starts;
                final int[] en = bt.ends;
                final boolean[] sp = bt.special;
                final int rb = bt.recBase[i];
                final boolean cleanRow = bt.clean[i];
                // the input cells, unchanged
                if (bt.clean[i] && n == width && sameDelimiter) {
                    w.raw(rec, bt.recBase[i], bt.recLen[i]); // the record as written needs no quoting
                } else {
                    int upto = Math.min(width, stored);
                    for (int c = 0; c < upto; c++) {
                        if (c > 0) {
                            w.delimiter();
                        }
                        int cs = rb + st[base + c];
                        int ce = rb + en[base + c];
                        if (format.decimalComma() && commaNumber(rec, cs, ce)) {
                            w.field(pointCopy(rec, cs, ce), 0, ce - cs, false); // 3,5 is written 3.5
                        } else {
                            w.field(rec, cs, ce, (!cleanRow && sp[base + c]) || !sameDelimiter);
                        }
                    }
                    for (int c = upto; c < width; c++) {
                        if (c > 0) {
                            w.delimiter();
                        }
                    }
                }
                // row problems
                if (rowTokens.length() > 0) {
                    rowTokens.setLength(0);
                    rowProblems.clear();
                    Arrays.fill(rowTally, 0);
                }
                if (bt.id[i] != 0) {
                    String value = idCol < stored ? bt.cell(i, idCol).strip() : "";
                    ProblemKind kind = bt.id[i] == 1 ? ProblemKind.MISSING_ID : ProblemKind.DUPLICATE_ID;
                    rowProblem(line, idName, value, kind, kind.action());
                }
                boolean tooLong = n > width && !blankBeyond(i, width);
                if (n != width) {
                    String value = n + " cells, header has " + width;
                    String action;
                    if (n > width && !tooLong) {
                        action = "row kept; the extra cells are blank and left out of the output";
                    } else if (tooLong) {
                        StringBuilder dropped = new StringBuilder();
                        for (int c = width; c < Math.min(stored, width + 20); c++) {
                            dropped.append(dropped.length() == 0 ? "" : String.valueOf(format.delimiter()))
                                    .append(bt.cell(i, c));
                        }
                        String d = dropped.length() > 200 ? dropped.substring(0, 200) + "..." : dropped.toString();
                        value = value + "; extra cells: " + d;
                        action = "row kept, not scored; extra cells left out of the output";
                    } else {
                        action = "row kept; absent cells read as blank";
                    }
                    rowProblem(line, "", value, ProblemKind.RAGGED_ROW, action);
                }
                boolean any = false;
                for (int k = 0; k < nParts; k++) {
                    ptLen = 0;
                    ptQuote = false;
                    final int[] col = cols[k];
                    final SubscaleTallies tk = tallies[k];
                    final long[] tl = tally[k];
                    int got = 0;
                    if (tk != null) {
                        // validated responses go straight into the subscale tallies: no response array
                        for (int s = 0; s < tl.length; s++) {
                            tl[s] = 0;
                        }
                        got = plainDigits && uniform[k] && stored > maxCol[k] ? planTallies(i, k, tl) : -1;
                        if (got < 0) {
                            // a cell needs the full check (and may be reported): item by item, in item order
                            for (int s = 0; s < tl.length; s++) {
                                tl[s] = 0;
                            }
                            got = 0;
                            for (int j = 0; j < col.length; j++) {
                                got += tallyCell(i, k, j, tk, tl);
                            }
                        }
                    } else {
                        final int[] min = lo[k];
                        final int[] resp = responses[k];
                        if (plainDigits && uniform[k] && stored > maxCol[k]) {
                            // every item column is in the row and all items share one range: a one-byte
                            // digit in range or a blank cell is settled here, any other cell as below
                            final int ulo = min[0];
                            final int uhi = digitHi[k];
                            for (int j = 0; j < col.length; j++) {
                                int o = base + col[j];
                                int cs = st[o];
                                int len = en[o] - cs;
                                if (len == 1) {
                                    int v = rec[rb + cs] - '0';
                                    if (v >= ulo && v <= uhi) {
                                        resp[j] = v;
                                        got++;
                                        continue;
                                    }
                                } else if (len == 0) {
                                    resp[j] = RowScorer.MISSING;
                                    continue;
                                }
                                int v = cell(i, k, j);
                                resp[j] = v;
                                if (v != RowScorer.MISSING) {
                                    got++;
                                }
                            }
                        } else {
                            for (int j = 0; j < col.length; j++) {
                                int v = cell(i, k, j);
                                resp[j] = v;
                                if (v != RowScorer.MISSING) {
                                    got++;
                                }
                            }
                        }
                    }
                    double[] vals = values[k];
                    int[] ans = answered[k];
                    if (got == 0) {
                        String pfx = parts.get(k).prefix();
                        partToken(token(null, ProblemKind.ALL_ITEMS_MISSING, null));
                        bt.tally[ProblemKind.ALL_ITEMS_MISSING.ordinal()]++;
                        if (collect) {
                            bt.problems.add(new Problem(file, line, "", pfx + ": 0 of " + col.length + " items answered",
                                    ProblemKind.ALL_ITEMS_MISSING, ProblemKind.ALL_ITEMS_MISSING.action()));
                        }
                    }
                    if (tooLong) {
                        Arrays.fill(vals, Double.NaN);
                        Arrays.fill(ans, 0);
                    } else if (tk != null) {
                        tk.finish(tl, 0, vals, ans);
                    } else {
                        parts.get(k).scorer().scoreInto(responses[k], vals, ans);
                    }
                    if (got > 0 && !tooLong) {
                        for (int j = 0; j < vals.length; j++) {
                            if (Double.isNaN(vals[j])) {
                                belowRule(line, k, j, ans[j]);
                            }
                        }
                    }
                    any |= w.scores(vals, ans, counts, tooLong);
                    w.delimiter();
                    if (rowTokens.length() > 0) {
                        partToken(rowTokens.toString());
                    }
                    if (ptLen > 0) {
                        w.field(pt, 0, ptLen, ptQuote);
                    }
                }
                if (rowTokens.length() > 0) {
                    for (int k = 0; k < rowTally.length; k++) {
                        bt.tally[k] += rowTally[k];
                    }
                    bt.problems.addAll(rowProblems);
                }
                w.endRow();
                return any;
            }

            /**
             * The tallies of instrument k in row i read in plan order (the items of each subscale together,
             * summed in a local), when every item cell is blank or one digit in the common range; returns the
             * answered items, or -1 at the first other cell, before anything is reported (the caller then
             * checks the row's cells in item order, so that problems keep their order).
             */
            private int planTallies(int i, int k, long[] tl) {
                final Batch bt = b;
                final byte[] rec = bt.bytes;
                final int[] st = bt.starts;
                final int[] en = bt.ends;
                final int base = bt.cellBase[i];
                final int rb = bt.recBase[i];
                final int[] pc = planCol[k];
                final long[] pd = planTally[k];
                final int[] ends = planEnd[k];
                final int ulo = lo[k][0];
                final int uhi = digitHi[k];
                int got = 0;
                int p = 0;
                for (int s = 0; s < ends.length; s++) {
                    final int end = ends[s];
                    long acc = 0;
                    for (; p < end; p++) {
                        int o = base + pc[p];
                        int cs = st[o];
                        int len = en[o] - cs;
                        if (len == 1) {
                            int v = rec[rb + cs] - '0';
                            if (v < ulo || v > uhi) {
                                return -1;
                            }
                            got++;
                            acc += pd[p * 10 + v];
                        } else if (len != 0) {
                            return -1;
                        }
                    }
                    if (s < tl.length) {
                        tl[s] = acc; // the last run holds the items in no subscale: counted, not summed
                    }
                }
                return got;
            }

            /** Item j of instrument k in row i into the tallies {@code tl}: 1 when answered, 0 when missing or invalid (reported). */
            private int tallyCell(int i, int k, int j, SubscaleTallies tk, long[] tl) {
                int v = cell(i, k, j);
                if (v == RowScorer.MISSING) {
                    return 0;
                }
                int s = tk.subscale(j);
                if (s >= 0) {
                    tl[s] += tk.tally(j, v);
                }
                return 1;
            }

            /**
             * Item j of instrument k in row i: its response, or {@link RowScorer#MISSING} for a blank cell, a
             * missing-value code, an absent cell or an invalid one (reported).
             */
            private int cell(int i, int k, int j) {
                final Batch bt = b;
                int c = cols[k][j];
                if (c >= bt.stored[i]) {
                    return RowScorer.MISSING;
                }
                int rb = bt.recBase[i];
                int o = bt.cellBase[i] + c;
                int cs = rb + bt.starts[o];
                int ce = rb + bt.ends[o];
                byte[] rec = bt.bytes;
                int kind;
                int v;
                if (ce - cs == 1 && plainDigits && (v = rec[cs] - '0') >= 0 && v <= 9) {
                    kind = CellParser.WHOLE; // the usual one-digit answer, as classify reads it
                } else if (ce == cs) {
                    return RowScorer.MISSING; // blank
                } else {
                    kind = cells.classify(rec, cs, ce);
                    v = cells.value;
                }
                long line = bt.line[i];
                if (kind == CellParser.WHOLE) {
                    if (v >= lo[k][j] && v <= hi[k][j]) {
                        return v;
                    }
                    cellProblem(line, itemNames[k][j], bt.cell(i, c), ProblemKind.OUT_OF_RANGE);
                } else if (kind == CellParser.HUGE) {
                    cellProblem(line, itemNames[k][j], bt.cell(i, c), ProblemKind.OUT_OF_RANGE);
                } else if (kind == CellParser.FRACTION) {
                    cellProblem(line, itemNames[k][j], bt.cell(i, c), ProblemKind.NON_INTEGER);
                } else if (kind == CellParser.TEXT) {
                    cellProblem(line, itemNames[k][j], bt.cell(i, c), ProblemKind.NON_NUMERIC);
                }
                return RowScorer.MISSING;
            }

            /** Whether b[s, e) is a number written with a decimal comma ({@code 3,5}, {@code -0,25}). */
            private boolean commaNumber(byte[] bytes, int s, int e) {
                int p = s;
                if (p < e && (bytes[p] == '-' || bytes[p] == '+')) {
                    p++;
                }
                int d = p;
                while (p < e && bytes[p] >= '0' && bytes[p] <= '9') {
                    p++;
                }
                if (p == d || p >= e || bytes[p] != ',') {
                    return false;
                }
                int f = ++p;
                while (p < e && bytes[p] >= '0' && bytes[p] <= '9') {
                    p++;
                }
                return p > f && p == e;
            }

            private byte[] pointCopy(byte[] bytes, int s, int e) {
                byte[] copy = Arrays.copyOfRange(bytes, s, e);
                for (int j = 0; j < copy.length; j++) {
                    if (copy[j] == ',') {
                        copy[j] = '.';
                    }
                }
                return copy;
            }

            /** Whether every cell from {@code from} on is blank (trailing delimiters, as spreadsheets write them). */
            private boolean blankBeyond(int i, int from) {
                Batch bt = b;
                if (bt.count[i] > bt.stored[i]) {
                    return false;
                }
                for (int c = from; c < bt.stored[i]; c++) {
                    int j = bt.cellBase[i] + c;
                    int rb = bt.recBase[i];
                    for (int x = rb + bt.starts[j]; x < rb + bt.ends[j]; x++) {
                        if (bt.bytes[x] != ' ' && bt.bytes[x] != '\t') {
                            return false;
                        }
                    }
                }
                return true;
            }

            /** A score left missing by its rule: {@code self_kindness:below_min_answered:3/4} in the cell. */
            private void belowRule(long line, int part, int score, int answeredItems) {
                String[] texts = answeredTexts[part][score];
                boolean known = answeredItems >= 0 && answeredItems < texts.length && texts[answeredItems] != null;
                if (known) {
                    byte[] t = belowTokens[part][score][answeredItems];
                    separate(t.length);
                    System.arraycopy(t, 0, pt, ptLen, t.length);
                    ptLen += t.length;
                    ptQuote |= belowQuote[part][score];
                } else {
                    partToken(parts.get(part).scorer().scoreNames().get(score) + ":below_min_answered:" + answeredItems);
                }
                b.tally[ProblemKind.BELOW_MIN_ANSWERED.ordinal()]++;
                if (collect) {
                    String value = known ? texts[answeredItems] : Integer.toString(answeredItems);
                    b.problems.add(new Problem(file, line, scoreColumns[part][score], value,
                            ProblemKind.BELOW_MIN_ANSWERED, BELOW_ACTION));
                }
            }

            private void cellProblem(long line, String column, String value, ProblemKind kind) {
                partToken(token(column, kind, value));
                b.tally[kind.ordinal()]++;
                if (collect) {
                    b.problems.add(new Problem(file, line, column, value, kind, kind.action()));
                }
            }

            private void rowProblem(long line, String column, String value, ProblemKind kind, String action) {
                if (rowTokens.length() > 0) {
                    rowTokens.append(';');
                }
                rowTokens.append(token(column.isEmpty() ? null : column, kind, null));
                rowTally[kind.ordinal()]++;
                if (collect) {
                    rowProblems.add(new Problem(file, line, column, value, kind, action));
                }
            }

            /** Appends a token (after a {@code ;} when the column has one) to the problems column. */
            private void partToken(String token) {
                byte[] t = token.getBytes(StandardCharsets.UTF_8);
                separate(t.length);
                System.arraycopy(t, 0, pt, ptLen, t.length);
                ptLen += t.length;
                ptQuote = true; // the writer looks
            }

            /** Writes the {@code ;} before a token when needed and makes room for {@code len} more bytes. */
            private void separate(int len) {
                if (ptLen + len + 1 > pt.length) {
                    pt = Arrays.copyOf(pt, Math.max(ptLen + len + 1, pt.length * 2));
                }
                if (ptLen > 0) {
                    pt[ptLen++] = ';';
                }
            }

            private String token(String column, ProblemKind kind, String value) {
                StringBuilder sb = new StringBuilder();
                if (column != null) {
                    sb.append(column).append(':');
                }
                sb.append(kind.code());
                if (value != null) {
                    String v = value.strip();
                    sb.append(':').append(v.length() > 40 ? v.substring(0, 40) + "..." : v);
                }
                return sb.toString();
            }
        }
    }

    /** Writes problems as CSV {@code file,line,column,value,problem,action}. */
    private static final class ProblemFileWriter implements Consumer<Problem> {
        private final RowWriter w;

        ProblemFileWriter(OutputStream out) {
            w = new RowWriter(out, ',', false);
            try {
                w.field("file");
                for (String h : new String[] {"line", "column", "value", "problem", "action"}) {
                    w.delimiter();
                    w.field(h);
                }
                w.endRow();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void accept(Problem p) {
            try {
                w.field(p.file());
                w.delimiter();
                w.field(Long.toString(p.line()));
                w.delimiter();
                w.field(p.column());
                w.delimiter();
                w.field(p.value());
                w.delimiter();
                w.field(p.kind().code());
                w.delimiter();
                w.field(p.action());
                w.endRow();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void flush() {
            try {
                w.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
