package org.dyadkit.survey;

import java.util.Objects;

/**
 * One problem found in one row: a line of the problems file ({@code file,line,column,value,problem,action}).
 *
 * @param file the input file as named on the command line
 * @param line the data row, counting from 1 (the header rows excluded)
 * @param column the column name, or empty for a problem of the whole row
 * @param value the cell as written, or a description for row problems
 * @param kind what is wrong
 * @param action what was done about it
 */
public record Problem(String file, long line, String column, String value, ProblemKind kind, String action) {
    /** Checks that no component is null. */
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(action, "action");
    }
}
