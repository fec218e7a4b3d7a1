package org.dyadkit.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.dyadkit.AnalysisException;
import org.dyadkit.InputException;
import org.dyadkit.InputException.Location;
import org.dyadkit.dyad.Sample;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Item;
import org.dyadkit.survey.ItemCells;
import org.dyadkit.survey.ItemColumns;
import org.dyadkit.table.DataTable;

/**
 * The entry point for a scale's reliability: alpha (psych::alpha), omega total (psych::omega with one
 * factor) and, when the scale has group factors, omega hierarchical (psych::omega, Schmid-Leiman), overall
 * or per group (for example each partner's role in couple data).
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
    private ItemColumns columns;
    private List<ScaleDefinition> scales = List.of();
    private MissingData missing = MissingData.PAIRWISE;
    private String by;
    private List<String> na = List.of();
    private boolean strict;
    private Integer factors;

    private Reliability(Instrument instrument, DataTable table) {
        this.instrument = Objects.requireNonNull(instrument);
        this.table = Objects.requireNonNull(table);
    }

    private Reliability with(Consumer<Reliability> change) {
        Reliability c = new Reliability(instrument, table);
        c.columns = columns;
        c.scales = scales;
        c.missing = missing;
        c.by = by;
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
        return new Reliability(instrument, table);
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
        return "Reliability[" + instrument.id() + ", " + table.source() + ", " + missing.cliName()
                + (by == null ? "" : ", by " + by) + "]";
    }

    /**
     * Reads the item answers under the cell rules and computes every scale's alpha and omega.
     *
     * @throws InputException for a missing item or group column, or (strict) a cell that breaks its rule
     * @throws AnalysisException when a scale's alpha cannot be computed (the message names the scale and group)
     */
    public InstrumentReliability fit() {
        List<ScaleDefinition> defs = new ArrayList<>(scales.isEmpty() ? ScaleDefinition.defaults(instrument) : scales);
        defs.removeIf(d -> d.items().isEmpty());
        if (defs.isEmpty()) {
            throw new InputException(Location.file(table.source()), instrument.id()
                    + " has no scale of scored items to analyse (its items are categorical)");
        }
        ItemColumns cols = columns != null ? columns
                : ItemColumns.pattern(org.dyadkit.survey.BatchScoring.defaultPrefix(instrument) + "{n}");
        String[] labels = null;
        if (by != null) {
            table.columnIndex(by);
            labels = table.text(by);
        }
        Map<Integer, double[]> answers = new TreeMap<>();
        Map<Integer, String> names = new TreeMap<>();
        List<CellProblem> problems = new ArrayList<>();
        for (ScaleDefinition def : defs) {
            for (int number : def.items()) {
                if (!answers.containsKey(number)) {
                    String col = cols.column(number);
                    if (col == null) {
                        throw new InputException(Location.file(table.source()), "the item map has no row for "
                                + instrument.id() + " item " + number + "; add a row '" + number + ",COLUMN'");
                    }
                    answers.put(number, read(col, instrument.item(number), number, cols, problems));
                    names.put(number, col);
                }
            }
        }
        problems.sort(java.util.Comparator.comparingLong(CellProblem::line).thenComparing(CellProblem::column));
        int rows = table.rowCount();
        List<ScaleReliability> results = new ArrayList<>();
        Map<String, List<Integer>> numbers = new LinkedHashMap<>();
        for (ScaleDefinition def : defs) {
            List<String> itemNames = new ArrayList<>();
            double[][] x = new double[rows][def.items().size()];
            for (int j = 0; j < def.items().size(); j++) {
                int number = def.items().get(j);
                itemNames.add(names.get(number));
                double[] col = answers.get(number);
                for (int r = 0; r < rows; r++) {
                    x[r][j] = col[r];
                }
            }
            ItemSet items = def.itemSet(instrument, itemNames, x);
            numbers.put(def.name(), def.items());
            int k = factors != null ? factors : def.groupFactors();
            try {
                if (labels == null) {
                    results.add(scale(def.name(), items, missing, k));
                } else {
                    Map<String, ScaleReliability> groups = new TreeMap<>();
                    for (var e : Groups.split(items, labels).entrySet()) {
                        try {
                            groups.put(e.getKey(), scale(def.name(), e.getKey(), e.getValue(), missing, k));
                        } catch (AnalysisException ex) {
                            throw new AnalysisException(ex.reason(), by + " = " + e.getKey() + ": " + ex.getMessage());
                        }
                    }
                    if (groups.isEmpty()) {
                        throw new InputException(Location.file(table.source()), "column " + by
                                + " is blank in every row; name a column that holds each person's group");
                    }
                    results.addAll(groups.values());
                }
            } catch (AnalysisException ex) {
                throw new AnalysisException(ex.reason(), "scale " + def.name() + ", " + ex.getMessage());
            }
        }
        return new InstrumentReliability(instrument, missing, Optional.ofNullable(by), results, numbers,
                cols.describe(), problems, sample(answers.values(), labels));
    }

    private Sample sample(java.util.Collection<double[]> answers, String[] labels) {
        int rows = table.rowCount();
        int used = 0;
        int noGroup = 0;
        int none = 0;
        for (int r = 0; r < rows; r++) {
            if (labels != null && (labels[r] == null || labels[r].isBlank())) {
                noGroup++;
                continue;
            }
            boolean any = false;
            for (double[] a : answers) {
                any |= !Double.isNaN(a[r]);
            }
            if (any) {
                used++;
            } else {
                none++;
            }
        }
        List<Sample.Exclusion> ex = new ArrayList<>();
        if (noGroup > 0) {
            ex.add(new Sample.Exclusion("missing group (" + by + ")", noGroup));
        }
        if (none > 0) {
            ex.add(new Sample.Exclusion("no answer to any item", none));
        }
        return new Sample(rows, 0, used, 0, ex);
    }

    private double[] read(String col, Item it, int number, ItemColumns cols, List<CellProblem> problems) {
        if (!table.hasColumn(col)) {
            throw new InputException(Location.file(table.source()), "no column named \"" + col + "\" for "
                    + instrument.id() + " item " + number + " (" + cols.describe() + ")"
                    + DataTable.suggest(col, table.columns())
                    + "; name the item columns with --items PATTERN or --item-map FILE");
        }
        String[] text = table.text(col);
        double[] x = new double[text.length];
        List<String> codes = new ArrayList<>(table.options().naCodes());
        na.stream().map(String::strip).filter(c -> !c.isEmpty() && !codes.contains(c)).forEach(codes::add);
        ItemCells cells = ItemCells.of(table.options().withNa(codes));
        for (int r = 0; r < text.length; r++) {
            x[r] = Double.NaN;
            // the scoring rules (the same classification as batch scoring): blank, NA, . and the codes
            // missing; a whole number in the item's range an answer
            String problem = switch (cells.classify(text[r])) {
                case MISSING -> "";
                case WHOLE -> cells.value() < it.min() || cells.value() > it.max() ? "out_of_range" : null;
                case HUGE -> "out_of_range";
                case FRACTION -> "non_integer";
                case TEXT -> "non_numeric";
            };
            if (problem == null) {
                x[r] = cells.value();
                continue;
            }
            if (problem.isEmpty()) {
                continue;
            }
            if (strict) {
                throw new InputException(new Location(table.source(), r + 1, col, text[r]), problem.replace('_', ' ')
                        + " for " + instrument.id() + " item " + number + " (answers " + it.min() + "-" + it.max()
                        + "); correct it, or leave the cell blank if it is a missing-value code");
            }
            problems.add(new CellProblem(r + 1, col, text[r], problem));
        }
        return x;
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
        AlphaResult alpha = Alpha.of(items, missing);
        List<String> notes = new ArrayList<>();
        Optional<OmegaResult> total = Optional.empty();
        if (items.itemCount() < 3) {
            notes.add("omega needs at least 3 items; this scale has " + items.itemCount());
        } else {
            try {
                total = Optional.of(Omega.total(items, missing));
                total.get().warnings().forEach(w -> notes.add("omega total: " + w));
            } catch (AnalysisException e) {
                notes.add("omega total not computed (" + reason(e) + "): " + e.getMessage());
            }
        }
        Optional<OmegaResult> hier = Optional.empty();
        if (groupFactors >= 2) {
            if (groupFactors >= items.itemCount()) {
                notes.add("omega hierarchical needs fewer group factors (" + groupFactors + ") than items ("
                        + items.itemCount() + ")");
            } else {
                try {
                    hier = Optional.of(Omega.hierarchical(items, groupFactors, missing));
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
