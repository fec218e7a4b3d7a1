package org.dyadkit.survey;

import java.util.Locale;

/**
 * The kinds of row-level input problems that batch scoring reports. None of them stops a run: the
 * offending cell is set to missing or the row is kept as it is, and the problem is listed in the
 * row's problems column and in the problems file.
 */
public enum ProblemKind {
    /** A whole number outside the item's response range (0, 6, 99 on a 1-5 item). */
    OUT_OF_RANGE("cell set to missing"),
    /** A cell that is not a number ({@code three}, {@code n/a}, {@code 4a}). */
    NON_NUMERIC("cell set to missing"),
    /** A number that is not whole ({@code 2.5}). */
    NON_INTEGER("cell set to missing"),
    /** A blank identifier cell. */
    MISSING_ID("row kept"),
    /** An identifier seen on an earlier row (every occurrence after the first is reported). */
    DUPLICATE_ID("row kept"),
    /** No item of an instrument was answered in the row. */
    ALL_ITEMS_MISSING("row kept"),
    /** A row with fewer or more cells than the header. */
    RAGGED_ROW("row kept"),
    /**
     * A score left missing by its missing-data rule although some of its items were answered (the value
     * says how many: {@code 3/4}); reported once per score and row.
     */
    BELOW_MIN_ANSWERED("score left missing");

    private final String action;

    ProblemKind(String action) {
        this.action = action;
    }

    /** The name used in output files, for example {@code out_of_range}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What batch scoring does about a problem of this kind, for example {@code cell set to missing}. */
    public String action() {
        return action;
    }
}
