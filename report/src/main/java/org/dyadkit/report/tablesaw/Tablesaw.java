package org.dyadkit.report.tablesaw;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.ConstraintTests;
import org.dyadkit.apim.DistinguishabilityTest;
import org.dyadkit.apim.ExplainedNonindependence;
import org.dyadkit.apim.SemDistinguishabilityResult;
import org.dyadkit.apim.SimpleSlopesResult;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.dyad.Layout;
import org.dyadkit.mediation.ApimemResult;
import org.dyadkit.mediation.IndirectContrastsResult;
import org.dyadkit.mediation.MediationResult;
import org.dyadkit.mlm.MlmFit;
import org.dyadkit.nonindependence.CrossPartnerCorrelations;
import org.dyadkit.nonindependence.NonindependenceResult;
import org.dyadkit.power.PowerResult;
import org.dyadkit.reliability.AlphaIfDropped;
import org.dyadkit.reliability.InstrumentReliability;
import org.dyadkit.reliability.ItemStatistics;
import org.dyadkit.reliability.ScaleReliability;
import org.dyadkit.report.TidyTable;
import org.dyadkit.report.apim.ApimRenderer;
import org.dyadkit.report.apim.ApimTestsRenderers;
import org.dyadkit.report.apim.DistinguishabilityRenderer;
import org.dyadkit.report.mediation.ApimemRenderer;
import org.dyadkit.report.mediation.IndirectContrastsRenderer;
import org.dyadkit.report.mediation.MediationRenderer;
import org.dyadkit.report.mlm.MlmRenderer;
import org.dyadkit.report.nonindependence.CorrelationsRenderer;
import org.dyadkit.report.nonindependence.NonindependenceRenderer;
import org.dyadkit.report.power.PowerRenderer;
import org.dyadkit.report.reliability.ReliabilityRenderer;
import org.dyadkit.table.DataTable;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw views of dyadkit's data and results, for researchers who prepare, plot or further analyse
 * them with Tablesaw. Tablesaw stays at this edge: {@code core} and {@code analysis} never depend on it,
 * and the {@code report} module declares it optional (add {@code tech.tablesaw:tablesaw-core} to use
 * this class).
 *
 * <p><b>Results.</b> {@code tables(result)} gives every table of a result by name, in the order the
 * result's {@code --format csv} output lists them: {@code coefficients}, {@code residual}, {@code rho},
 * {@code k}, {@code sample}, and so on. The tables are built from the same tidy rows as
 * {@code --format csv} (the topic's {@link org.dyadkit.report.Renderer#tables}), so the names of the
 * tables and of their columns are the keys of the JSON output, and every value is the unrounded value
 * of the result record's accessor. Each table holds only the columns its rows use. Column types follow
 * the values: numbers become a {@link DoubleColumn} (an {@link IntColumn} or {@link LongColumn} when
 * every value is a whole {@code int} or {@code long}, such as counts), names and labels a
 * {@link StringColumn}, flags a {@link BooleanColumn}; an absent statistic (an empty cell in the CSV,
 * {@code null} in the JSON) is a missing value. {@link #table(Object, String)} picks one table.
 *
 * <p><b>Data.</b> {@link #toTablesaw(DataTable)} and {@link #fromTablesaw(Table)} convert raw tables;
 * {@link #individual(Table)}, {@link #dyad(Table)} and {@link #pairwise(Table)} start a
 * {@link DyadicData} from a Tablesaw table exactly as {@code DyadicData.individual(DataTable.read(csv))}
 * does from a CSV file, with the same validation and messages (the table's name stands for the file).
 * Missing values: a blank cell becomes a missing value in Tablesaw, and a missing Tablesaw value becomes
 * a blank cell. A raw column becomes a {@link DoubleColumn} when every non-blank cell is a finite number,
 * otherwise a {@link StringColumn}.
 */
public final class Tablesaw {
    private Tablesaw() {}

    /** Column names that hold names or labels; such a column is a {@link StringColumn} even when every row lacks it. */
    private static final Set<String> TEXT_COLUMNS = Set.of("table", "model", "term", "role", "quantity", "reason",
            "type", "x", "y", "x_role", "y_role", "variable", "test", "method", "effect", "ci_method", "pattern",
            "convention", "focal", "moderator", "instrument", "scale", "group", "missing", "item", "column",
            "problem", "mode", "name", "kind");

    // ------------------------------------------------------------------ results

    /**
     * The tables of a tidy table (the rows of a {@link org.dyadkit.report.Renderer#tables} result), one per
     * distinct {@code table} cell in first-seen order, typed as described in the class comment.
     */
    public static Map<String, Table> tables(TidyTable tidy) {
        Map<String, List<Map<String, Object>>> byName = new LinkedHashMap<>();
        for (Map<String, Object> row : tidy.rows()) {
            byName.computeIfAbsent((String) row.get("table"), k -> new ArrayList<>()).add(row);
        }
        Map<String, Table> out = new LinkedHashMap<>();
        byName.forEach((name, rows) -> out.put(name, table(name, rows)));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The tables of an APIM fit: {@code coefficients}, {@code residual}, {@code rho}, {@code pseudo_r2}, {@code k} (when estimated), {@code sample}. */
    public static Map<String, Table> tables(ApimFit fit) {
        return tables(ApimRenderer.of("", true).tables(fit));
    }

    /**
     * The tables of a distinguishability test: {@code models} (both fits' logLik, AIC, BIC and the chi-square
     * test), {@code coefficients}, {@code residual}, {@code rho} and {@code pseudo_r2} of both fits (a {@code model}
     * column says which), {@code sample}.
     */
    public static Map<String, Table> tables(DistinguishabilityTest test) {
        return tables(DistinguishabilityRenderer.of().tables(test));
    }

    /** The tables of the APIM constraint tests ({@code constraint_tests}, the constrained fits' coefficients and SDs). */
    public static Map<String, Table> tables(ConstraintTests tests) {
        return tables(ApimTestsRenderers.CONSTRAINTS.tables(tests));
    }

    /** The table {@code sem_tests} of the SEM (lavaan-style) distinguishability tests. */
    public static Map<String, Table> tables(SemDistinguishabilityResult result) {
        return tables(ApimTestsRenderers.SEM.tables(result));
    }

    /** The tables {@code simple_slopes}, {@code johnson_neyman} and {@code interaction_plot} of a moderated APIM. */
    public static Map<String, Table> tables(SimpleSlopesResult result) {
        TidyTable.Builder b = TidyTable.builder();
        ApimTestsRenderers.rows(b, result);
        return tables(b.build());
    }

    /** The table {@code explained_nonindependence} ({@code quantity}, {@code value}). */
    public static Map<String, Table> tables(ExplainedNonindependence result) {
        TidyTable.Builder b = TidyTable.builder();
        ApimTestsRenderers.rows(b, result);
        return tables(b.build());
    }

    /** The tables {@code correlations} (every cross-partner correlation, its CI and test) and {@code sample}. */
    public static Map<String, Table> tables(CrossPartnerCorrelations result) {
        return tables(CorrelationsRenderer.of("").tables(result));
    }

    /**
     * The tables of one or more nonindependence tests: {@code nonindependence} (partner r, Pitman-Morgan, mean
     * difference; or the ANOVA and pairwise ICC), {@code role_summaries} (distinguishable dyads) and {@code sample}
     * (one set of rows per variable).
     */
    public static Map<String, Table> tables(NonindependenceResult... results) {
        return tables(NonindependenceRenderer.of("").tables(List.of(results)));
    }

    /** The tables {@code coefficients} (fixed part), {@code random}, {@code residual}, {@code fit} and {@code sample} of a multilevel (over-time) model. */
    public static Map<String, Table> tables(MlmFit fit) {
        return tables(new MlmRenderer("mlm", "", "role").tables(fit));
    }

    /** The tables {@code power} (one row per effect and sample size) and {@code failures} (simulation replicates that failed, by reason). */
    public static Map<String, Table> tables(PowerResult result) {
        return tables(PowerRenderer.INSTANCE.tables(result));
    }

    /**
     * The tables of an instrument's reliability: {@code scales} (alpha, its Feldt interval, omega per scale and
     * group), {@code item_statistics} (per item: n, mean, SD, item-total correlations and alpha if the item is
     * dropped, as {@code psych::alpha}), {@code problems} (answers set to missing) and {@code sample}.
     */
    public static Map<String, Table> tables(InstrumentReliability result) {
        TidyTable t = ReliabilityRenderer.of("", null).tables(result);
        return tables(t.concat(itemStatistics(result)));
    }

    /** The tables {@code paths}, {@code indirect}, {@code total_indirect}, {@code total} and {@code sample} of an APIMeM. */
    public static Map<String, Table> tables(ApimemResult result) {
        return tables(ApimemRenderer.of("", 0.95).tables(result));
    }

    /** The APIMeM's tables, then {@code contrast}, {@code delta_*} and {@code proportion_mediated} rows of the indirect-effect contrasts. */
    public static Map<String, Table> tables(IndirectContrastsResult result) {
        return tables(ApimemRenderer.of("", 0.95).tables(result.apimem())
                .concat(ApimemRenderer.rows(IndirectContrastsRenderer.csv(result))));
    }

    /** The tables {@code paths} (a, b, c', c) , {@code indirect} and {@code sample} of a single-level mediation. */
    public static Map<String, Table> tables(MediationResult result) {
        return tables(MediationRenderer.of("", 0.95).tables(result));
    }

    /**
     * The tables of any dyadkit result (one of the types of the {@code tables} methods, or a list of
     * {@link NonindependenceResult}).
     *
     * @throws IllegalArgumentException when {@code result} is not a dyadkit result with tables
     */
    public static Map<String, Table> tablesOf(Object result) {
        Objects.requireNonNull(result, "result");
        if (result instanceof ApimFit r) {
            return tables(r);
        } else if (result instanceof DistinguishabilityTest r) {
            return tables(r);
        } else if (result instanceof ConstraintTests r) {
            return tables(r);
        } else if (result instanceof SemDistinguishabilityResult r) {
            return tables(r);
        } else if (result instanceof SimpleSlopesResult r) {
            return tables(r);
        } else if (result instanceof ExplainedNonindependence r) {
            return tables(r);
        } else if (result instanceof CrossPartnerCorrelations r) {
            return tables(r);
        } else if (result instanceof NonindependenceResult r) {
            return tables(r);
        } else if (result instanceof Collection<?> c && !c.isEmpty()
                && c.stream().allMatch(NonindependenceResult.class::isInstance)) {
            return tables(c.toArray(NonindependenceResult[]::new));
        } else if (result instanceof MlmFit r) {
            return tables(r);
        } else if (result instanceof PowerResult r) {
            return tables(r);
        } else if (result instanceof InstrumentReliability r) {
            return tables(r);
        } else if (result instanceof IndirectContrastsResult r) {
            return tables(r);
        } else if (result instanceof ApimemResult r) {
            return tables(r);
        } else if (result instanceof MediationResult r) {
            return tables(r);
        } else if (result instanceof TidyTable r) {
            return tables(r);
        }
        throw new IllegalArgumentException(result.getClass().getName() + " is not a dyadkit result with tables");
    }

    /**
     * One table of a result, by its name ({@code Tablesaw.table(fit, "coefficients")}).
     *
     * @throws IllegalArgumentException when the result has no such table (the message lists the ones it has)
     */
    public static Table table(Object result, String name) {
        Map<String, Table> all = tablesOf(result);
        Table t = all.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no table named \"" + name + "\" in this " + result.getClass().getSimpleName()
                    + "; its tables are " + String.join(", ", all.keySet()));
        }
        return t;
    }

    /** The {@code item_statistics} rows of a reliability result (keys as in its JSON {@code item_statistics}). */
    static TidyTable itemStatistics(InstrumentReliability r) {
        TidyTable.Builder b = TidyTable.builder();
        for (ScaleReliability s : r.scales()) {
            List<Integer> numbers = r.itemNumbers().get(s.scale());
            List<ItemStatistics> items = s.alpha().itemStatistics();
            for (int j = 0; j < items.size(); j++) {
                ItemStatistics it = items.get(j);
                AlphaIfDropped d = it.ifDropped();
                b.row("item_statistics").put("instrument", r.instrument().id()).put("scale", s.scale())
                        .put("group", s.group()).put("item", it.name())
                        .put("number", numbers == null ? null : numbers.get(j)).put("reverse_keyed", it.reverseKeyed())
                        .put("n", it.n()).put("mean", it.mean()).put("sd", it.sd()).put("raw_r", it.rawR())
                        .put("std_r", it.stdR()).put("r_cor", it.rCor()).put("r_drop", it.rDrop())
                        .put("if_dropped_raw_alpha", d.rawAlpha()).put("if_dropped_std_alpha", d.stdAlpha())
                        .put("if_dropped_g6_smc", d.g6Smc()).put("if_dropped_average_r", d.averageR())
                        .put("if_dropped_signal_noise", d.signalNoise()).put("if_dropped_alpha_se", opt(d.alphaSe()))
                        .put("if_dropped_var_r", opt(d.varR())).put("if_dropped_median_r", d.medianR());
            }
        }
        return b.build();
    }

    private static Double opt(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }

    private static Table table(String name, List<Map<String, Object>> rows) {
        List<String> columns = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            for (String k : row.keySet()) {
                if (!k.equals("table") && !columns.contains(k)) {
                    columns.add(k);
                }
            }
        }
        Table t = Table.create(name);
        for (String c : columns) {
            t.addColumns(column(c, rows));
        }
        return t;
    }

    private static Column<?> column(String name, List<Map<String, Object>> rows) {
        boolean any = false;
        boolean numbers = true;
        boolean ints = true;
        boolean longs = true;
        boolean flags = true;
        for (Map<String, Object> row : rows) {
            Object v = row.get(name);
            if (v == null) {
                continue;
            }
            any = true;
            flags &= v instanceof Boolean;
            numbers &= v instanceof Number;
            ints &= v instanceof Integer || v instanceof Short || v instanceof Byte;
            longs &= v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof Long;
        }
        if (!any) {
            if (TEXT_COLUMNS.contains(name)) {
                StringColumn s = StringColumn.create(name);
                rows.forEach(r -> s.appendMissing());
                return s;
            }
            DoubleColumn d = DoubleColumn.create(name);
            rows.forEach(r -> d.appendMissing());
            return d;
        }
        if (flags) {
            BooleanColumn col = BooleanColumn.create(name);
            for (Map<String, Object> row : rows) {
                Object v = row.get(name);
                if (v == null) {
                    col.appendMissing();
                } else {
                    col.append((Boolean) v);
                }
            }
            return col;
        }
        if (numbers && ints) {
            IntColumn col = IntColumn.create(name);
            for (Map<String, Object> row : rows) {
                Object v = row.get(name);
                if (v == null) {
                    col.appendMissing();
                } else {
                    col.append(((Number) v).intValue());
                }
            }
            return col;
        }
        if (numbers && longs) {
            LongColumn col = LongColumn.create(name);
            for (Map<String, Object> row : rows) {
                Object v = row.get(name);
                if (v == null) {
                    col.appendMissing();
                } else {
                    col.append(((Number) v).longValue());
                }
            }
            return col;
        }
        if (numbers) {
            DoubleColumn col = DoubleColumn.create(name);
            for (Map<String, Object> row : rows) {
                Object v = row.get(name);
                double x = v == null ? Double.NaN : ((Number) v).doubleValue();
                if (Double.isFinite(x)) {
                    col.append(x);
                } else {
                    col.appendMissing();
                }
            }
            return col;
        }
        StringColumn col = StringColumn.create(name);
        for (Map<String, Object> row : rows) {
            Object v = row.get(name);
            if (v == null) {
                col.appendMissing();
            } else {
                col.append(v.toString());
            }
        }
        return col;
    }

    // ------------------------------------------------------------------ data

    /**
     * Starts dyadic data in the individual layout (one row per person) from a Tablesaw table, as
     * {@code DyadicData.individual(DataTable)} does for a CSV file; the table's name stands for the file name in
     * messages.
     */
    public static DyadicData.Builder individual(Table table) {
        return DyadicData.individual(fromTablesaw(table));
    }

    /** Starts dyadic data in the dyad layout (one row per dyad, {@code x_1}, {@code x_2}) from a Tablesaw table. */
    public static DyadicData.Builder dyad(Table table) {
        return DyadicData.dyad(fromTablesaw(table));
    }

    /** Starts dyadic data in the pairwise layout (one row per person, {@code x_A}, {@code x_P}) from a Tablesaw table. */
    public static DyadicData.Builder pairwise(Table table) {
        return DyadicData.pairwise(fromTablesaw(table));
    }

    /** Starts dyadic data in the given layout from a Tablesaw table. */
    public static DyadicData.Builder layout(Table table, Layout layout) {
        return DyadicData.layout(fromTablesaw(table), layout);
    }

    /** A Tablesaw table with one column per {@link DataTable} column, typed as described above. */
    public static Table toTablesaw(DataTable data) {
        Table out = Table.create(data.source());
        for (int c = 0; c < data.columns().size(); c++) {
            String name = data.columns().get(c);
            double[] values = numbersOrNull(data, c);
            if (values != null) {
                DoubleColumn col = DoubleColumn.create(name, data.rowCount());
                for (int r = 0; r < values.length; r++) {
                    if (Double.isNaN(values[r])) {
                        col.setMissing(r);
                    } else {
                        col.set(r, values[r]);
                    }
                }
                out.addColumns(col);
            } else {
                StringColumn col = StringColumn.create(name);
                for (int r = 0; r < data.rowCount(); r++) {
                    col.append(data.cell(r, c));
                }
                out.addColumns(col);
            }
        }
        return out;
    }

    /**
     * A {@link DataTable} with the cells of a Tablesaw table as text; missing values become blank cells, numbers
     * the shortest text that reads back to the same double ({@code 3}, {@code 4.5}).
     */
    public static DataTable fromTablesaw(Table table) {
        List<String> names = new ArrayList<>(table.columnNames());
        List<String[]> rows = new ArrayList<>(table.rowCount());
        for (int r = 0; r < table.rowCount(); r++) {
            String[] row = new String[names.size()];
            for (int c = 0; c < names.size(); c++) {
                Column<?> col = table.column(c);
                if (col.isMissing(r)) {
                    row[c] = "";
                } else if (col instanceof tech.tablesaw.api.NumericColumn<?> d) {
                    row[c] = text(d.getDouble(r));
                } else {
                    row[c] = col.getString(r);
                }
            }
            rows.add(row);
        }
        return DataTable.of(table.name() == null ? "tablesaw" : table.name(), names, rows);
    }

    private static String text(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static double[] numbersOrNull(DataTable data, int c) {
        double[] out = new double[data.rowCount()];
        for (int r = 0; r < out.length; r++) {
            String s = data.cell(r, c).strip();
            if (s.isEmpty()) {
                out[r] = Double.NaN;
                continue;
            }
            try {
                out[r] = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return null;
            }
            if (!Double.isFinite(out[r])) {
                return null;
            }
        }
        return out;
    }
}
