package org.dyadkit.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every table of a result in one long table: each row belongs to a named {@code table}
 * ({@code coefficients}, {@code k}, {@code residual}, {@code sample}, ...) and carries named cells; the
 * columns are the union of the rows' cell names in first-seen order, after {@code table}. Written as CSV
 * with a header row, unrounded numbers and empty cells for missing or non-finite values.
 */
public final class TidyTable {
    private final List<Map<String, Object>> rows;

    private TidyTable(List<Map<String, Object>> rows) {
        this.rows = rows;
    }

    /** A builder of rows. */
    public static Builder builder() {
        return new Builder();
    }

    /** The rows, each a map from column to value ({@code table} first). */
    public List<Map<String, Object>> rows() {
        return rows;
    }

    /** The columns: {@code table}, then every other cell name in first-seen order. */
    public List<String> columns() {
        LinkedHashMap<String, Boolean> seen = new LinkedHashMap<>();
        seen.put("table", true);
        for (Map<String, Object> r : rows) {
            for (String k : r.keySet()) {
                seen.putIfAbsent(k, true);
            }
        }
        return List.copyOf(seen.keySet());
    }

    /** Appends the rows of another table (for a result that combines several). */
    public TidyTable concat(TidyTable other) {
        List<Map<String, Object>> all = new ArrayList<>(rows);
        all.addAll(other.rows);
        return new TidyTable(List.copyOf(all));
    }

    /** The CSV text: header, then one line per row. */
    public String csv() {
        List<String> cols = columns();
        StringBuilder sb = new StringBuilder();
        sb.append(Formats.csvLine(cols)).append('\n');
        for (Map<String, Object> r : rows) {
            List<Object> cells = new ArrayList<>(cols.size());
            for (String c : cols) {
                cells.add(r.get(c));
            }
            sb.append(Formats.csvLine(cells)).append('\n');
        }
        return sb.toString();
    }

    /** Collects rows. */
    public static final class Builder {
        private final List<Map<String, Object>> rows = new ArrayList<>();

        private Builder() {
        }

        /** Starts a row of the named table; add cells with {@link Row#put}. */
        public Row row(String table) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", Objects.requireNonNull(table));
            rows.add(m);
            return new Row(m);
        }

        /** The table. */
        public TidyTable build() {
            List<Map<String, Object>> copy = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                copy.add(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(r)));
            }
            return new TidyTable(List.copyOf(copy));
        }
    }

    /** One row being filled. */
    public static final class Row {
        private final Map<String, Object> cells;

        private Row(Map<String, Object> cells) {
            this.cells = cells;
        }

        /** Sets a cell (a number, a string, a boolean or null). */
        public Row put(String column, Object value) {
            cells.put(column, value);
            return this;
        }
    }
}
