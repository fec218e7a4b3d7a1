package org.dyadkit.examples.simulate;

import java.util.List;

/**
 * The deliberate faults written into the simulated couple survey (unless {@code --clean} is given):
 * out-of-range codes, a non-numeric and a non-integer answer, a duplicate and a blank person id, a couple
 * with one member, a skipped instrument and a person with no answers at all. Each fault is tied to a
 * couple number, so a larger data set (more couples, same seed) carries the same faults in the same
 * places; faults of couples beyond the requested count are simply absent. The list is documented in
 * {@code data-samples/README.md}, and a test checks the file against that table.
 */
public final class DirtyData {
    private DirtyData() {
    }

    /** What a fault does to a person's row. */
    public enum Kind {
        /** One item cell gets {@link Edit#value()}. */
        CELL,
        /** The person id becomes the id of the same role in the previous couple. */
        DUPLICATE_ID,
        /** The person id is left blank. */
        BLANK_ID,
        /** The row is left out, leaving the couple with one member. */
        DROP_ROW,
        /** Every item of the instrument whose columns start with {@link Edit#column()} is blank. */
        BLANK_INSTRUMENT,
        /** Every item cell of the row is blank. */
        BLANK_ALL_ITEMS
    }

    /**
     * One fault: the couple number (1-based, equal to its {@code couple_id}), the role whose row it
     * touches, its kind, the column (a cell's column, or an instrument's column prefix) and the value
     * written (for {@link Kind#CELL}).
     */
    public record Edit(int couple, String role, Kind kind, String column, String value) {
        /** A cell set to a raw value. */
        public static Edit cell(int couple, String role, String column, String value) {
            return new Edit(couple, role, Kind.CELL, column, value);
        }

        /** A structural fault of a row. */
        public static Edit row(int couple, String role, Kind kind) {
            return new Edit(couple, role, kind, null, null);
        }
    }

    /** The faults, in couple order. */
    public static final List<Edit> EDITS = List.of(
            Edit.cell(3, "man", "scs8", "6"),
            Edit.cell(7, "woman", "scs14", "0"),
            Edit.cell(12, "man", "as5", "99"),
            Edit.cell(20, "woman", "ras3", "99"),
            Edit.cell(25, "man", "pb4", "8"),
            Edit.cell(30, "woman", "scs21", "n/a"),
            Edit.cell(41, "man", "ras2", "2.5"),
            Edit.cell(58, "woman", "as12", "0"),
            Edit.row(60, "woman", Kind.DUPLICATE_ID),
            Edit.row(75, "man", Kind.BLANK_ID),
            Edit.row(88, "man", Kind.DROP_ROW),
            new Edit(95, "woman", Kind.BLANK_INSTRUMENT, "ras", null),
            Edit.row(120, "man", Kind.BLANK_ALL_ITEMS));
}
