package org.dyadkit.dyad;

import java.util.Locale;

/**
 * The three ways a dyadic data set is laid out in a file (Kenny, Kashy &amp; Cook 2006, ch. 1; the
 * restructuring apps of Ledermann &amp; Kenny).
 *
 * <ul>
 *   <li>{@link #INDIVIDUAL}: one row per person, a dyad-id column and (for distinguishable dyads) a role column;
 *   <li>{@link #DYAD}: one row per dyad, person-level variables as {@code X_<role>} columns (member suffixes
 *       {@code _1}/{@code _2} for indistinguishable dyads), dyad-level variables once;
 *   <li>{@link #PAIRWISE}: one row per person, each person-level variable as an actor column
 *       ({@code X_A}) and a partner column ({@code X_P}), dyad-level variables once.
 * </ul>
 */
public enum Layout {
    /** One row per person. */
    INDIVIDUAL,
    /** One row per dyad. */
    DYAD,
    /** One row per person with actor and partner columns. */
    PAIRWISE;

    /**
     * The layout named by {@code individual}, {@code dyad} or {@code pairwise} (case-insensitive).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Layout parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown layout \"" + name + "\"; use individual, dyad or pairwise", e);
        }
    }

    /** The lower-case name used on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
