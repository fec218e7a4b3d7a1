package org.dyadkit.report;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The three renderings of one kind of analysis result: {@code --format text} (reads like R's
 * {@code summary()}), {@code --format json} (one object, explicit snake_case keys, numbers unrounded,
 * {@code null} for missing) and {@code --format csv} (every table of the result in one tidy long table).
 * The command line, the study report and library users call the same renderer, so a study's
 * {@code results.json} holds exactly what the analysis's own command prints.
 *
 * @param <R> the result record
 */
public interface Renderer<R> {
    /** The JSON object of the result; keys are written explicitly, never derived from field names. */
    ObjectNode json(R result);

    /** The text rendering, ending with a newline. */
    String text(R result);

    /** Every table of the result as one tidy long table with a {@code table} column. */
    TidyTable tables(R result);
}
