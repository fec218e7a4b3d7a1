package org.dyadkit.apim;

/**
 * The restrictions on APIM effects that a constrained refit tests (Kenny and Ledermann 2010; Kenny,
 * Kashy and Cook 2006, ch. 7). Effects are those of the k predictor; "per role" restrictions hold for
 * each role of a distinguishable model (one restriction in an indistinguishable one).
 */
public enum ConstraintKind {
    /** The user's own linear constraints, tested jointly. */
    USER,
    /** Equal actor effects across the two roles (distinguishable only; 1 df). */
    EQUAL_ACTORS,
    /** Equal partner effects across the two roles (distinguishable only; 1 df). */
    EQUAL_PARTNERS,
    /** Actor = partner per role: the couple pattern, k = 1. */
    COUPLE,
    /** Partner = 0 per role: the actor-only pattern, k = 0. */
    ACTOR_ONLY,
    /** Partner = -actor per role: the contrast pattern, k = -1. */
    CONTRAST,
    /** Partner = k * actor per role with k fixed to a given value. */
    FIXED_K,
    /** k equal across the two roles, p1/a1 = p2/a2 (distinguishable only; 1 df; nonlinear, profiled). */
    EQUAL_K
}
