package org.dyadkit.reliability;

/**
 * An answer that was set to missing because it breaks its item's cell rule (the rule of the scorer: blank,
 * {@code NA}, {@code .} or a missing-value code is missing and not a problem; a whole number in the item's
 * range is an answer; anything else is a problem).
 *
 * @param line the data line, counting respondents from 1 (header rows excluded)
 * @param column the item's column
 * @param value the cell as read
 * @param problem {@code non_numeric}, {@code non_integer} or {@code out_of_range}
 */
public record CellProblem(long line, String column, String value, String problem) {
}
