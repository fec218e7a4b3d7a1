package org.dyadkit.reliability;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.dyadkit.AnalysisException;
import org.dyadkit.InputException;
import org.dyadkit.InputException.Location;
import org.dyadkit.dyad.Sample;
import org.dyadkit.input.Cells;
import org.dyadkit.input.DialectHints;
import org.dyadkit.input.ReadOptions;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Item;
import org.dyadkit.survey.ItemCells;
import org.dyadkit.survey.ItemColumns;
import org.dyadkit.survey.SurveyFormat;
import org.dyadkit.survey.SurveyReader;
import org.dyadkit.table.DataTable;

/**
 * The entry point for a scale's reliability: alpha (psych::alpha), omega total (psych::omega with one
 * factor) and, when the scale has group factors, omega hierarchical (psych::omega, Schmid-Leiman), overall
 * or per group (for example each partner's role in couple data).
 *
 * <p>From a file ({@link #read(Instrument, Path, ReadOptions)}) the answers are streamed in one pass in
 * constant memory: each group keeps, per pair of items, the joint counts of their answers (whole numbers in
 * the item's range), from which the pairwise-complete covariances and correlations are exact integer sums;
 * each scale keeps the sums behind its score. Alpha, lambda 6, the item statistics, the Feldt interval and
 * both omegas need nothing more (the factoring works on the correlation matrix), so no second pass and no
 * rows are kept. A table in memory ({@link #of(Instrument, DataTable)}) goes through the same sums.
 *
 * <pre>{@code
 * InstrumentReliability all = Reliability.of(Instruments.bundled("scs"), table).withGroups("role").fit();
 * ItemSet items = ItemSet.of(List.of("q1", "q2", "q3", "q4"), answers, List.of("q3"), 1, 5);
 * ScaleReliability r = Reliability.scale("total", items, MissingData.PAIRWISE, 1);
 * r.alpha().rawAlpha(); r.alpha().feldt().lower(); r.omegaTotal().orElseThrow().omegaTotal();
 * }</pre>
 */
public final class Reliability {
    private final Instrument instrument;
    private final DataTable table;
    private final FileInput file;
    private ItemColumns columns;
    private List<ScaleDefinition> scales = List.of();
    private MissingData missing = MissingData.PAIRWISE;
    private String by;
    private String ids;
    private List<String> na = List.of();
    private boolean strict;
    private Integer factors;

    /** A file or stream to stream the answers from. */
    private record FileInput(Path path, InputStream stream, String name, ReadOptions options) {
        String source() {
            return path != null ? path.toString() : name;
        }
    }

    private Reliability(Instrument instrument, DataTable table, FileInput file) {
        this.instrument = Objects.requireNonNull(instrument);
        this.table = table;
        this.file = file;
    }

    private Reliability with(Consumer<Reliability> change) {
        Reliability c = new Reliability(instrument, table, file);
        c.columns = columns;
        c.scales = scales;
        c.missing = missing;
        c.by = by;
        c.ids = ids;
        c.na = na;
        c.strict = strict;
        c.factors = factors;
        change.accept(c);
        return c;
    }

    /**
     * The reliability of an instrument's scales in a table of answers (one row per respondent), with the
     * scoring cell rules: a blank cell, {@code NA}, {@code .} or a missing-value code is missing; a whole
     * number in the item's range is an answer; anything else is set to missing and listed (or, with
     * {@link #withStrict}, an {@link InputException} naming file, line, column and value). Reverse-keyed
     * items are reversed (min + max - x) as in scoring. Default: every subscale and the total, item
     * columns named as the scorer names them ({@code <instrument id>{n}}), pairwise-complete covariances.
     */
    public static Reliability of(Instrument instrument, DataTable table) {
        return new Reliability(instrument, Objects.requireNonNull(table), null);
    }

    /**
     * As {@link #of(Instrument, DataTable)}, streaming a survey file (CSV in the dialect, or an SPSS
     * {@code .sav}/{@code .zsav} file) in one pass with the byte-level reader of batch scoring: memory does
     * not grow with the number of rows. The file is read when {@link #fit()} is called; the same table read
     * into memory gives the same numbers. Rows with more or fewer cells than the header, and a file without
     * data rows, are errors as for a table.
     */
    public static Reliability read(Instrument instrument, Path path, ReadOptions options) {
        return new Reliability(instrument, null, new FileInput(Objects.requireNonNull(path), null, null,
                Objects.requireNonNull(options)));
    }

    /** As {@link #read(Instrument, Path, ReadOptions)} from a stream (read once, by {@link #fit()}); {@code name} is used in messages. */
    public static Reliability read(Instrument instrument, InputStream in, String name, ReadOptions options) {
        return new Reliability(instrument, null, new FileInput(null, Objects.requireNonNull(in), name,
                Objects.requireNonNull(options)));
    }

    /** How item numbers map to columns (default: the instrument id with - as _, then the item number). */
    public Reliability withItems(ItemColumns items) {
        Objects.requireNonNull(items);
        return with(c -> c.columns = items);
    }

    /** Only these scales (default: every subscale, then the total). */
    public Reliability withScales(List<ScaleDefinition> definitions) {
        List<ScaleDefinition> copy = List.copyOf(definitions);
        return with(c -> c.scales = copy);
    }

    /** Pairwise-complete covariances (default, as psych) or complete respondents only. */
    public Reliability withMissing(MissingData m) {
        Objects.requireNonNull(m);
        return with(c -> c.missing = m);
    }

    /** Each group of this column separately (for example each partner's role), groups in sorted order. */
    public Reliability withGroups(String column) {
        return with(c -> c.by = column);
    }

    /** The person id column: {@link Run#problemIds()} then names the person on each line with a problem. */
    public Reliability withIds(String column) {
        return with(c -> c.ids = column);
    }

    /** Codes that mean missing besides a blank cell, {@code NA} and {@code .} (not listed as problems). */
    public Reliability withNa(List<String> codes) {
        List<String> copy = List.copyOf(codes);
        return with(c -> c.na = copy);
    }

    /** Stop at the first answer that breaks its item's rule instead of setting it to missing. */
    public Reliability withStrict(boolean value) {
        return with(c -> c.strict = value);
    }

    /** Group factors of omega hierarchical (default: the number of subscales for the total, none otherwise). */
    public Reliability withFactors(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("factors must be at least 2: " + n);
        }
        return with(c -> c.factors = n);
    }

    @Override
    public String toString() {
        return "Reliability[" + instrument.id() + ", " + (table != null ? table.source() : file.source()) + ", "
                + missing.cliName() + (by == null ? "" : ", by " + by) + "]";
    }

    /**
     * The result of a fit with what reading the input found besides it.
     *
     * @param result every scale's alpha and omega
     * @param problemIds the person id ({@link #withIds}) on each line with a listed problem, by line
     * @param notes remarks on the input to pass on (an option the file seems to need, an encoding conversion);
     *     empty for a table, whose reader made them
     */
    public record Run(InstrumentReliability result, SortedMap<Long, String> problemIds, List<String> notes) {
        /** Copies the parts. */
        public Run {
            problemIds = Collections.unmodifiableSortedMap(new TreeMap<>(problemIds));
            notes = List.copyOf(notes);
        }
    }

    /**
     * Reads the item answers under the cell rules and computes every scale's alpha and omega.
     *
     * @throws InputException for a missing item or group column, or (strict) a cell that breaks its rule
     * @throws AnalysisException when a scale's alpha cannot be computed (the message names the scale and group)
     */
    public InstrumentReliability fit() {
        return run().result();
    }

    /**
     * As {@link #fit()}, with the ids of the lines that have problems and the input's notes.
     *
     * @throws InputException as {@link #fit()}, and for an unreadable file, a row with more or fewer cells
     *     than the header or a file without data rows
     * @throws AnalysisException as {@link #fit()}
     */
    public Run run() {
        List<ScaleDefinition> defs = new ArrayList<>(scales.isEmpty() ? ScaleDefinition.defaults(instrument) : scales);
        defs.removeIf(d -> d.items().isEmpty());
        String source = table != null ? table.source() : file.source();
        if (defs.isEmpty()) {
            throw new InputException(Location.file(source), instrument.id()
                    + " has no scale of scored items to analyse (its items are categorical)");
        }
        ItemColumns cols = columns != null ? columns
                : ItemColumns.pattern(org.dyadkit.survey.BatchScoring.defaultPrefix(instrument) + "{n}");
        try (Source in = table != null ? new TableSource(table, na) : new ReaderSource(file, na)) {
            Pass pass = new Pass(in, defs, cols);
            pass.readAll();
            return pass.finish();
        }
    }

    /** One way of reading rows: a table in memory or a streamed file. */
    private interface Source extends AutoCloseable {
        String source();

        List<String> columns();

        /** The position of a column, or -1. */
        int column(String name);

        ReadOptions options();

        /** Moves to the next data row; false at the end. */
        boolean next();

        long line();

        ItemCells.Kind classify(int column);

        int value();

        /** A cell's text as a table holds it (missing-value codes blank, decimal commas as points). */
        String text(int column);

        /** A column's value labels (an SPSS file's; empty for text files): cell text to label. */
        Map<String, String> valueLabels(String column);

        List<String> notes();

        @Override
        void close();
    }

    private static ItemCells cells(ReadOptions options, List<String> na) {
        List<String> codes = new ArrayList<>(options.naCodes());
        na.stream().map(String::strip).filter(c -> !c.isEmpty() && !codes.contains(c)).forEach(codes::add);
        return ItemCells.of(options.withNa(codes));
    }

    private static final class TableSource implements Source {
        private final DataTable t;
        private final ItemCells cells;
        private int row = -1;

        TableSource(DataTable t, List<String> na) {
            this.t = t;
            this.cells = cells(t.options(), na);
        }

        @Override
        public String source() {
            return t.source();
        }

        @Override
        public List<String> columns() {
            return t.columns();
        }

        @Override
        public int column(String name) {
            return t.hasColumn(name) ? t.columnIndex(name) : -1;
        }

        @Override
        public ReadOptions options() {
            return t.options();
        }

        @Override
        public boolean next() {
            return ++row < t.rowCount();
        }

        @Override
        public long line() {
            return row + 1;
        }

        @Override
        public ItemCells.Kind classify(int column) {
            return cells.classify(t.cell(row, column));
        }

        @Override
        public int value() {
            return cells.value();
        }

        @Override
        public String text(int column) {
            return t.cell(row, column);
        }

        @Override
        public Map<String, String> valueLabels(String column) {
            return t.valueLabels(column);
        }

        @Override
        public List<String> notes() {
            return List.of();
        }

        @Override
        public void close() {
        }
    }

    /** The survey reader: cells classified from their bytes, a string made only for a problem or a group. */
    private static final class ReaderSource implements Source {
        private final SurveyReader r;
        private final ReadOptions options;
        private final ItemCells cells;
        private final Cells normal;
        private final List<String> columns;
        private final List<List<String>> head = new ArrayList<>();
        private final boolean spss;

        ReaderSource(FileInput in, List<String> na) {
            options = in.options();
            SurveyFormat format = SurveyFormat.of(options);
            r = in.path() != null ? SurveyReader.open(in.path(), format) : SurveyReader.open(in.stream(), in.name(), format);
            spss = in.path() != null && org.dyadkit.spss.SpssFile.isSpssFile(in.path());
            cells = cells(spss ? ReadOptions.csv().withNa(options.naCodes()) : options, na);
            normal = Cells.of(options);
            List<String> names = new ArrayList<>();
            for (String h : r.header()) {
                names.add(h.strip());
            }
            columns = List.copyOf(names);
            head.addAll(r.extraHeaderRows());
        }

        @Override
        public String source() {
            return r.source();
        }

        @Override
        public List<String> columns() {
            return columns;
        }

        @Override
        public int column(String name) {
            return r.columnIndex(name);
        }

        @Override
        public ReadOptions options() {
            return options;
        }

        @Override
        public boolean next() {
            if (!r.next()) {
                if (r.line() == 0) {
                    throw new InputException(r.source() + ": the file has a header but no data rows; nothing to analyse");
                }
                return false;
            }
            if (head.size() < 3) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < r.cellCount(); i++) {
                    row.add(r.cell(i));
                }
                head.add(row);
            }
            if (r.cellCount() != columns.size()) {
                String hint = DialectHints.delimiterHint(columns, options);
                throw new InputException(new Location(r.source(), r.line(), null, null), "row has " + r.cellCount()
                        + " cells but the header has " + columns.size() + "; "
                        + (hint != null ? hint : "fix the row, or give the separator with --delimiter"));
            }
            return true;
        }

        @Override
        public long line() {
            return r.line();
        }

        @Override
        public ItemCells.Kind classify(int column) {
            return cells.classify(r, column);
        }

        @Override
        public int value() {
            return cells.value();
        }

        @Override
        public String text(int column) {
            String t = r.cell(column);
            return spss ? t : normal.normalize(t);
        }

        @Override
        public Map<String, String> valueLabels(String column) {
            return r.valueLabels(column);
        }

        @Override
        public List<String> notes() {
            if (spss) {
                return List.of();
            }
            List<String> notes = new ArrayList<>(DialectHints.of(columns, head, options));
            if (!options.utf8()) {
                notes.add("read as " + options.encoding().name() + " and converted to UTF-8");
            }
            return notes;
        }

        @Override
        public void close() {
            r.close();
        }
    }

    /** The one pass over the rows: every read item's code, the group's sums, each scale's sums. */
    private final class Pass {
        private final Source in;
        private final List<ScaleDefinition> defs;
        private final ItemColumns cols;
        private final List<Integer> numbers = new ArrayList<>();
        private final int[] column;
        private final Item[] items;
        private final String[] names;
        private final int[] lo;
        private final int[] hi;
        private final int[] codes;
        private final int byColumn;
        private final Map<String, String> byLabels;
        private final int idColumn;
        private final Map<String, Group> groups = new HashMap<>();
        private final List<CellProblem> problems = new ArrayList<>();
        private final CellProblem[] firstProblem;
        private final SortedMap<Long, String> problemIds = new TreeMap<>();
        private final Map<String, Integer> position = new HashMap<>();
        private int rows;
        private int used;
        private int none;
        private int noGroup;
        private String lastLabel;
        private Group lastGroup;

        Pass(Source in, List<ScaleDefinition> defs, ItemColumns cols) {
            this.in = in;
            this.defs = defs;
            this.cols = cols;
            idColumn = ids == null ? -1 : require(ids);
            byColumn = by == null ? -1 : require(by);
            // a labelled group column (an SPSS file's value labels) names its groups by their labels
            byLabels = by == null ? Map.of() : in.valueLabels(by);
            List<String> colNames = new ArrayList<>();
            for (ScaleDefinition def : defs) {
                for (int number : def.items()) {
                    if (numbers.contains(number)) {
                        continue;
                    }
                    String col = cols.column(number);
                    if (col == null) {
                        throw new InputException(Location.file(in.source()), "the item map has no row for "
                                + instrument.id() + " item " + number + "; add a row '" + number + ",COLUMN'");
                    }
                    if (in.column(col) < 0) {
                        throw new InputException(Location.file(in.source()), "no column named \"" + col + "\" for "
                                + instrument.id() + " item " + number + " (" + cols.describe() + ")"
                                + DataTable.suggest(col, in.columns())
                                + "; name the item columns with --items PATTERN or --item-map FILE");
                    }
                    numbers.add(number);
                    colNames.add(col);
                }
            }
            int u = numbers.size();
            column = new int[u];
            items = new Item[u];
            names = colNames.toArray(new String[0]);
            lo = new int[u];
            hi = new int[u];
            for (int i = 0; i < u; i++) {
                column[i] = in.column(names[i]);
                items[i] = instrument.item(numbers.get(i));
                lo[i] = items[i].min();
                hi[i] = items[i].max();
                position.put(names[i], i);
            }
            codes = new int[u];
            firstProblem = new CellProblem[u];
        }

        private int require(String name) {
            int c = in.column(name);
            if (c < 0) {
                throw DataTable.noColumn(in.source(), name, in.columns(), in.options());
            }
            return c;
        }

        void readAll() {
            int u = codes.length;
            while (in.next()) {
                rows++;
                boolean any = false;
                boolean problem = false;
                for (int i = 0; i < u; i++) {
                    int code = 0;
                    switch (in.classify(column[i])) {
                        case MISSING -> {
                        }
                        case WHOLE -> {
                            int v = in.value();
                            if (v < lo[i] || v > hi[i]) {
                                problem(i, "out_of_range");
                                problem = true;
                            } else {
                                code = v - lo[i] + 1;
                            }
                        }
                        case HUGE -> {
                            problem(i, "out_of_range");
                            problem = true;
                        }
                        case FRACTION -> {
                            problem(i, "non_integer");
                            problem = true;
                        }
                        case TEXT -> {
                            problem(i, "non_numeric");
                            problem = true;
                        }
                        default -> throw new IllegalStateException();
                    }
                    codes[i] = code;
                    any |= code != 0;
                }
                if (problem && idColumn >= 0) {
                    problemIds.put(in.line(), in.text(idColumn));
                }
                Group g = group();
                if (g == null) {
                    noGroup++;
                    continue;
                }
                if (any) {
                    used++;
                } else {
                    none++;
                }
                g.add(codes);
            }
            if (strict) {
                for (CellProblem p : firstProblem) {
                    if (p != null) {
                        int i = position.get(p.column());
                        Item it = items[i];
                        throw new InputException(new Location(in.source(), p.line(), p.column(), p.value()),
                                p.problem().replace('_', ' ') + " for " + instrument.id() + " item " + numbers.get(i)
                                + " (answers " + it.min() + "-" + it.max()
                                + "); correct it, or leave the cell blank if it is a missing-value code");
                    }
                }
            }
        }

        private void problem(int i, String kind) {
            CellProblem p = new CellProblem(in.line(), names[i], in.text(column[i]), kind);
            if (strict) {
                if (firstProblem[i] == null) {
                    firstProblem[i] = p;
                }
                return;
            }
            problems.add(p);
        }

        private Group group() {
            String label = "all";
            if (byColumn >= 0) {
                String t = in.text(byColumn);
                label = t == null ? "" : t.strip();
                if (label.isEmpty()) {
                    return null;
                }
            }
            if (label.equals(lastLabel)) {
                return lastGroup;
            }
            // a group is named by its value label where the column has one (lastLabel keeps the cell's text)
            Group g = groups.computeIfAbsent(byLabels.getOrDefault(label, label), l -> new Group());
            lastLabel = label;
            lastGroup = g;
            return g;
        }

        /** One group's sums. */
        private final class Group {
            private final AnswerSums shared = missing == MissingData.PAIRWISE ? new AnswerSums(lo, hi) : null;
            private final ScaleSums[] scales = new ScaleSums[defs.size()];

            Group() {
                for (int s = 0; s < defs.size(); s++) {
                    ScaleDefinition def = defs.get(s);
                    int k = def.items().size();
                    int[] member = new int[k];
                    boolean[] rev = new boolean[k];
                    int[] min = new int[k];
                    int[] max = new int[k];
                    List<String> itemNames = new ArrayList<>();
                    List<String> reversedNames = new ArrayList<>();
                    for (int j = 0; j < k; j++) {
                        member[j] = numbers.indexOf(def.items().get(j));
                        rev[j] = def.reversed().get(j);
                        min[j] = lo[member[j]];
                        max[j] = hi[member[j]];
                        itemNames.add(names[member[j]]);
                        if (rev[j]) {
                            reversedNames.add(names[member[j]]);
                        }
                    }
                    scales[s] = new ScaleSums(itemNames, reversedNames, member, rev, min, max, shared);
                }
            }

            void add(int[] c) {
                if (shared != null) {
                    shared.add(c);
                }
                for (ScaleSums s : scales) {
                    s.add(c);
                }
            }
        }

        Run finish() {
            problems.sort(java.util.Comparator.comparingLong(CellProblem::line).thenComparing(CellProblem::column));
            List<ScaleReliability> results = new ArrayList<>();
            Map<String, List<Integer>> itemNumbers = new LinkedHashMap<>();
            Map<String, Group> sorted = new TreeMap<>(groups);
            for (int s = 0; s < defs.size(); s++) {
                ScaleDefinition def = defs.get(s);
                itemNumbers.put(def.name(), def.items());
                int k = factors != null ? factors : def.groupFactors();
                try {
                    if (by == null) {
                        Group g = groups.get("all");
                        ScaleData d = g != null ? g.scales[s].data() : new Group().scales[s].data();
                        results.add(scale(def.name(), "all", d, missing, k));
                    } else {
                        if (sorted.isEmpty()) {
                            throw new InputException(Location.file(in.source()), "column " + by
                                    + " is blank in every row; name a column that holds each person's group");
                        }
                        for (var e : sorted.entrySet()) {
                            try {
                                results.add(scale(def.name(), e.getKey(), e.getValue().scales[s].data(), missing, k));
                            } catch (AnalysisException ex) {
                                throw new AnalysisException(ex.reason(), by + " = " + e.getKey() + ": " + ex.getMessage());
                            }
                        }
                    }
                } catch (AnalysisException ex) {
                    throw new AnalysisException(ex.reason(), "scale " + def.name() + ", " + ex.getMessage());
                }
            }
            List<Sample.Exclusion> ex = new ArrayList<>();
            if (noGroup > 0) {
                ex.add(new Sample.Exclusion("missing group (" + by + ")", noGroup));
            }
            if (none > 0) {
                ex.add(new Sample.Exclusion("no answer to any item", none));
            }
            Sample sample = new Sample(rows, 0, used, 0, ex);
            InstrumentReliability result = new InstrumentReliability(instrument, missing, Optional.ofNullable(by),
                    results, itemNumbers, cols.describe(), problems, sample);
            return new Run(result, problemIds, in.notes());
        }
    }

    /**
     * Alpha and omega of one item set.
     *
     * @param name the scale's name for the result
     * @param groupFactors the number of group factors (an instrument's subscales) for omega hierarchical;
     *     0 or 1 for none
     * @throws AnalysisException when alpha cannot be computed (see {@link Alpha#of(ItemSet, MissingData)}); an
     *     omega that cannot be computed (too few items, no convergence) is left empty with a note instead
     */
    public static ScaleReliability scale(String name, ItemSet items, MissingData missing, int groupFactors) {
        return scale(name, "all", items, missing, groupFactors);
    }

    /** As {@link #scale(String, ItemSet, MissingData, int)}, labelled with a group. */
    public static ScaleReliability scale(String name, String group, ItemSet items, MissingData missing,
            int groupFactors) {
        items.requireItems(2);
        return scale(name, group, new RowData(items, missing), missing, groupFactors);
    }

    /** Alpha and omega of a scale's moments (rows or streamed sums). */
    static ScaleReliability scale(String name, String group, ScaleData items, MissingData missing,
            int groupFactors) {
        ItemSet.requireItems(items.names(), 2);
        AlphaResult alpha = Alpha.of(items, missing);
        int itemCount = items.names().size();
        List<String> notes = new ArrayList<>();
        Optional<OmegaResult> total = Optional.empty();
        if (itemCount < 3) {
            notes.add("omega needs at least 3 items; this scale has " + itemCount);
        } else {
            try {
                total = Optional.of(Omega.fit(items, 1, missing));
                total.get().warnings().forEach(w -> notes.add("omega total: " + w));
            } catch (AnalysisException e) {
                notes.add("omega total not computed (" + reason(e) + "): " + e.getMessage());
            }
        }
        Optional<OmegaResult> hier = Optional.empty();
        if (groupFactors >= 2) {
            if (groupFactors >= itemCount) {
                notes.add("omega hierarchical needs fewer group factors (" + groupFactors + ") than items ("
                        + itemCount + ")");
            } else {
                try {
                    hier = Optional.of(Omega.fit(items, groupFactors, missing));
                    hier.get().warnings().forEach(w -> notes.add("omega hierarchical: " + w));
                } catch (AnalysisException e) {
                    notes.add("omega hierarchical not computed (" + reason(e) + "): " + e.getMessage());
                }
            }
        }
        return new ScaleReliability(name, group, alpha, total, hier, notes);
    }

    /**
     * The same scale in each group (rows split by a label per respondent, groups in sorted label order, blank
     * labels left out), as {@code lapply(split(x, group), psych::alpha)}.
     */
    public static Map<String, ScaleReliability> byGroup(String name, ItemSet items, String[] labels,
            MissingData missing, int groupFactors) {
        Map<String, ScaleReliability> out = new LinkedHashMap<>();
        for (var e : Groups.split(items, labels).entrySet()) {
            out.put(e.getKey(), scale(name, e.getKey(), e.getValue(), missing, groupFactors));
        }
        return out;
    }

    private static String reason(AnalysisException e) {
        return e.reason().name().toLowerCase(java.util.Locale.ROOT);
    }
}
