package org.dyadkit.apim;

/**
 * Dyadic pattern read from the confidence interval of k = partner / actor (Kenny and Ledermann 2010,
 * J. Fam. Psych. 24, 359-366): exactly one of 1, 0, -1 inside the interval names the pattern.
 */
public enum KPattern {
    /** The interval contains 1 (and not 0 or -1): actor and partner effects equal. */
    COUPLE,
    /** The interval contains 0 only: no partner effect. */
    ACTOR_ONLY,
    /** The actor effect is negligible ({@code |standardised actor| < .10}) and the interval of a/p contains 0. */
    PARTNER_ONLY,
    /** The interval contains -1 only: partner effect equal and opposite to the actor effect. */
    CONTRAST,
    /** The interval contains none or more than one of 1, 0, -1, or k was not computed: see the reason. */
    UNDETERMINED
}
