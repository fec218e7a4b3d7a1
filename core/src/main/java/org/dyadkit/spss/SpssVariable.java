package org.dyadkit.spss;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One variable of an SPSS system file, as its dictionary declares it.
 *
 * @param name the variable's name (the long name when the file has one, as SPSS shows it)
 * @param kind numeric or string
 * @param width the string width in bytes (0 for a numeric variable)
 * @param label the variable label, when the file gives one
 * @param valueLabels the value labels, keyed by the cell text of the value in {@link SpssFile#table()}
 *     ({@code "1"}, {@code "2.5"}, or the string value without its trailing blanks), in file order
 * @param missing the user-missing values as SPSS declares them ({@code -99}, {@code 900 THRU HI}),
 *     empty when none
 * @param userMissing how many cases had a user-missing value of this variable; those cells are
 *     empty (missing) in the table
 */
public record SpssVariable(String name, Kind kind, int width, Optional<String> label, Map<String, String> valueLabels,
        List<String> missing, int userMissing) {
    /** The two kinds of SPSS variable. */
    public enum Kind {
        /** A number (an IEEE double in the file); system-missing values are empty cells. */
        NUMERIC,
        /** A string of up to 32767 bytes; trailing blanks are removed. */
        STRING
    }

    /** Checks the components and copies the collections. */
    public SpssVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        valueLabels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(valueLabels));
        missing = List.copyOf(missing);
    }

    /** The label of a cell value ({@code "1"} to {@code "husband"}), when the file gives one. */
    public Optional<String> valueLabel(String cell) {
        return Optional.ofNullable(valueLabels.get(cell));
    }
}
