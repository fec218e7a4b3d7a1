package org.dyadkit.reliability;

import java.util.Locale;

/**
 * How respondents with missing answers enter a reliability analysis.
 *
 * <ul>
 *   <li>{@link #PAIRWISE} (the default, as {@code psych::alpha(use = "pairwise")}): each covariance uses the
 *       respondents who answered both items; item means, SDs and counts use everyone who answered the item;
 *       the sample size of the Feldt interval and the alpha standard error is the number of rows.
 *   <li>{@link #LISTWISE}: respondents with any missing answer are removed first, so everything is computed
 *       on complete rows (as {@code psych::alpha(na.omit(x))}).
 * </ul>
 */
public enum MissingData {
    /** Pairwise-complete covariances. */
    PAIRWISE,
    /** Complete rows only. */
    LISTWISE;

    /** The lower-case name used on the command line and in JSON ({@code pairwise}, {@code listwise}). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code pairwise} or {@code listwise} (case-insensitive).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static MissingData parse(String text) {
        for (MissingData m : values()) {
            if (m.cliName().equalsIgnoreCase(text.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown missing-data handling '" + text + "'; use pairwise or listwise");
    }
}
