package org.dyadkit.dyad;

/**
 * How a variable varies over the two members of a dyad (Kenny, Kashy &amp; Cook 2006, pp. 6-7).
 */
public enum VariableKind {
    /** The same value for both members of every dyad (years married, a couple-level condition). */
    BETWEEN,
    /**
     * Varies within dyads but not between them: every complete dyad has the same two values (numeric
     * variables: the same dyad sum), such as gender in heterosexual couples or a share of housework.
     */
    WITHIN,
    /** Varies both within and between dyads (most person-level measures). */
    MIXED
}
