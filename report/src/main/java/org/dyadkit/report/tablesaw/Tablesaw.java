package org.dyadkit.report.tablesaw;

import java.util.ArrayList;
import java.util.List;
import org.dyadkit.table.DataTable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Conversions between dyadkit's {@link DataTable} and a Tablesaw {@link Table}, for researchers who
 * prepare or plot their data with Tablesaw. Tablesaw stays at this edge: {@code core} and
 * {@code analysis} never depend on it.
 *
 * <p>Missing values: a blank cell becomes a missing value in Tablesaw, and a missing Tablesaw value
 * becomes a blank cell. A column becomes a {@link DoubleColumn} when every non-blank cell is a finite
 * number, otherwise a {@link StringColumn}.
 */
public final class Tablesaw {
    private Tablesaw() {}

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

    /** A {@link DataTable} with the cells of a Tablesaw table as text; missing values become blank cells. */
    public static DataTable fromTablesaw(Table table) {
        List<String> names = new ArrayList<>(table.columnNames());
        List<String[]> rows = new ArrayList<>(table.rowCount());
        for (int r = 0; r < table.rowCount(); r++) {
            String[] row = new String[names.size()];
            for (int c = 0; c < names.size(); c++) {
                Column<?> col = table.column(c);
                if (col.isMissing(r)) {
                    row[c] = "";
                } else if (col instanceof DoubleColumn d) {
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
