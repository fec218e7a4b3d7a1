package org.dyadkit.mlm;

import java.util.List;

/**
 * Which person-occasions (rows) entered a model and why the others did not.
 *
 * @param rowsInFile rows of the diary
 * @param rowsUsed rows with the outcome and every variable of the model present
 * @param distinctUsed the number of distinct occasion values among the rows used
 * @param excluded each reason with its row count; a row counts under its first missing variable (the
 *     outcome, then the fixed terms, the random terms and the variance column in order)
 */
public record Occasions(int rowsInFile, int rowsUsed, int distinctUsed, List<Exclusion> excluded) {
    /** Copies the list. */
    public Occasions {
        excluded = List.copyOf(excluded);
    }

    /** One reason rows were left out ({@code missing lag(y)}) and how many. */
    public record Exclusion(String reason, int rows) {
    }
}
