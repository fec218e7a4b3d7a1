package org.dyadkit.survey;

import java.nio.charset.StandardCharsets;
import org.dyadkit.input.ReadOptions;

/**
 * The scoring rules for one item answer given as text, for readers that hold cells as strings
 * (reliability): the same classification the byte-level batch scorer makes, so that a cell means the
 * same thing in every path. Not thread-safe; one per thread.
 */
public final class ItemCells {
    /** What a cell holds. */
    public enum Kind {
        /** Blank or a missing-value code: missing, not a problem. */
        MISSING,
        /** A whole number ({@code 3}, {@code 3.0}, {@code 3e0}; {@code 3,0} with a decimal comma). */
        WHOLE,
        /** A number with a fraction: {@code non_integer}. */
        FRACTION,
        /** A whole number too large for any response range: {@code out_of_range}. */
        HUGE,
        /** Not a number: {@code non_numeric}. */
        TEXT
    }

    private final CellParser parser;
    private int value;

    private ItemCells(ReadOptions options) {
        this.parser = new CellParser(options.naCodes(), options.decimalComma());
    }

    /** The rules of a dialect (its missing-value codes and decimal comma). */
    public static ItemCells of(ReadOptions options) {
        return new ItemCells(options);
    }

    /** Classifies a cell; for {@link Kind#WHOLE} the number is then {@link #value()}. */
    public Kind classify(String cell) {
        byte[] b = cell.getBytes(StandardCharsets.UTF_8);
        int k = parser.classify(b, 0, b.length);
        value = parser.value;
        return switch (k) {
            case CellParser.MISSING -> Kind.MISSING;
            case CellParser.WHOLE -> Kind.WHOLE;
            case CellParser.FRACTION -> Kind.FRACTION;
            case CellParser.HUGE -> Kind.HUGE;
            default -> Kind.TEXT;
        };
    }

    /**
     * Classifies cell {@code column} of a survey reader's current row from its bytes (no string is made); a
     * cell beyond the row's cells is blank. For {@link Kind#WHOLE} the number is then {@link #value()}.
     */
    public Kind classify(SurveyReader row, int column) {
        int k = column < row.stored ? parser.classify(row.rec, row.starts[column], row.ends[column])
                : CellParser.MISSING;
        value = parser.value;
        return KINDS[k];
    }

    private static final Kind[] KINDS = {Kind.MISSING, Kind.WHOLE, Kind.HUGE, Kind.FRACTION, Kind.TEXT};

    /** The whole number of the last cell classified {@link Kind#WHOLE}. */
    public int value() {
        return value;
    }
}
