package org.dyadkit.dyad;

import java.util.Map;
import org.dyadkit.InputException;
import org.dyadkit.InputException.Location;
import org.dyadkit.table.DataTable;

/**
 * One person of a dyad: the role (for distinguishable dyads), the position in the dyad, and the cells
 * of every variable as read. Values are read on demand with {@link #value(String)}; a cell that is not
 * a number is reported with the file, line, column and value it came from.
 *
 * <p>A member holds no cells of its own: it reads them from its row of the (immutable) table it came
 * from, through a map from variable to column that all members of one position share.
 */
public final class Member {
    private final String role;
    private final int position;
    private final long line;
    private final DataTable table;
    private final int row;
    /** Variable to column of {@link #table}; a negative column is a variable without a column here (blank). */
    private final Map<String, Integer> columns;
    private final String file;
    private final Map<String, String> sourceColumns;

    Member(String role, int position, long line, DataTable table, int row, Map<String, Integer> columns,
            String file, Map<String, String> sourceColumns) {
        this.role = role;
        this.position = position;
        this.line = line;
        this.table = table;
        this.row = row;
        this.columns = columns;
        this.file = file;
        this.sourceColumns = sourceColumns;
    }

    /** The member's role value (for example {@code wife}); {@code null} for indistinguishable dyads. */
    public String role() {
        return role;
    }

    /**
     * The member's position in the dyad, 1 or 2: the role order for distinguishable dyads, the order
     * of appearance in the input for indistinguishable ones.
     */
    public int position() {
        return position;
    }

    /** The data line (from 1, header excluded) the member was read from; in the dyad layout the dyad's line. */
    public long line() {
        return line;
    }

    /**
     * The cell of a variable as read (between-dyad variables repeated for both members); an empty string
     * when blank.
     *
     * @throws IllegalArgumentException when the data have no such variable
     */
    public String text(String variable) {
        Integer c = columns.get(variable);
        if (c == null) {
            throw new IllegalArgumentException("no variable named \"" + variable + "\"");
        }
        return c < 0 ? "" : table.cell(row, c);
    }

    /**
     * The numeric value of a variable; {@code Double.NaN} when the cell is blank, {@code NA} or {@code .}.
     *
     * @throws InputException naming the file, line, source column and value when the cell is not a number
     * @throws IllegalArgumentException when the data have no such variable
     */
    public double value(String variable) {
        String s = text(variable).strip();
        if (s.isEmpty() || s.equals("NA") || s.equals(".")) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw notNumber(variable);
        }
        if (!Double.isFinite(v)) {
            throw notNumber(variable);
        }
        return v;
    }

    private InputException notNumber(String variable) {
        return new InputException(new Location(file, line, sourceColumns.getOrDefault(variable, variable),
                text(variable)), "not a number; use a number, or leave the cell blank for a missing value");
    }

    /** This member's cells placed at another position (with that position's source columns). */
    Member at(int newPosition, Map<String, String> newSourceColumns) {
        return new Member(role, newPosition, line, table, row, columns, file, newSourceColumns);
    }

    @Override
    public String toString() {
        return "Member[" + (role == null ? "position " + position : role) + ", line " + line + "]";
    }
}
