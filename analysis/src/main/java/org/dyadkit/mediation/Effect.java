package org.dyadkit.mediation;

/**
 * The kinds of effect of a dyadic mediation model (Ledermann, Macho and Kenny 2011): the actor and partner
 * effects of each path, and the simple indirect effects named by their two paths (actor-actor: X_r to M_r to
 * Y_r; partner-partner: X_r to M_o to Y_r; actor-partner: X_o to M_o to Y_r; partner-actor: X_o to M_r to
 * Y_r); {@link #INDIRECT} is the indirect effect of single-level mediation.
 */
public enum Effect {
    /** An actor effect, or the total indirect effect of the actor effect. */
    ACTOR("actor"),
    /** A partner effect, or the total indirect effect of the partner effect. */
    PARTNER("partner"),
    /** X_r to M_r to Y_r. */
    ACTOR_ACTOR("actor_actor"),
    /** X_r to M_o to Y_r. */
    PARTNER_PARTNER("partner_partner"),
    /** X_o to M_o to Y_r. */
    ACTOR_PARTNER("actor_partner"),
    /** X_o to M_r to Y_r. */
    PARTNER_ACTOR("partner_actor"),
    /** The indirect effect a*b of single-level mediation. */
    INDIRECT("indirect");

    private final String label;

    Effect(String label) {
        this.label = label;
    }

    /** The name in output ({@code actor_actor}, ...). */
    public String label() {
        return label;
    }

    /** The effect of a label. @throws IllegalArgumentException for an unknown label */
    public static Effect parse(String label) {
        for (Effect e : values()) {
            if (e.label.equals(label)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no effect \"" + label + "\"");
    }

    @Override
    public String toString() {
        return label;
    }
}
