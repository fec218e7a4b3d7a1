package org.dyadkit.reliability;

import java.util.List;

/**
 * What alpha and omega need to know about a scale's keyed answers (package-private): the counts, the
 * pairwise moments of its items and the moments of the scale score. Two sources give them: the rows of an
 * {@link ItemSet} ({@link RowData}, two-pass moments) and the streamed sums of {@link AnswerSums} (one pass
 * over a file of whole-number answers, exact integer sums, constant memory). Missing data are handled by
 * the source: with listwise deletion every figure is over the complete rows only.
 */
interface ScaleData {
    /** The items' labels. */
    List<String> names();

    /** Whether each item was reversed before analysis. */
    boolean reversed(int item);

    /** The reverse-keyed items' names (of the scale as given, before any listwise deletion). */
    List<String> reversedNames();

    /** The rows used: every row with pairwise deletion, the complete rows with listwise deletion. */
    int rows();

    /** The rows with an answer to every item. */
    int completeRows();

    /** The used rows with at least one answer. */
    int answering();

    /** Rows where both items are answered ({@code i == j}: the item's answers). */
    int count(int i, int j);

    /** Pairwise-complete covariance ({@code i == j}: the item's variance); NaN for fewer than 2 rows. */
    double cov(int i, int j);

    /** Pairwise-complete Pearson correlation with pairwise means and SDs; NaN when undefined. */
    double cor(int i, int j);

    /** Mean of the item's answers (NaN without any). */
    double mean(int item);

    /** Sample SD of the item's answers (NaN for fewer than 2). */
    double sd(int item);

    /** Correlation of the scale score (each row's mean of answered items) with the item, where it is answered. */
    double rawR(int item);

    /** Mean of the scale score over the rows with an answer. */
    double scoreMean();

    /** Sample SD of the scale score over the rows with an answer. */
    double scoreSd();
}
