package org.dyadkit.mediation;

/** What a bootstrap resamples: persons, or whole dyads (both members together). */
public enum ResamplingUnit {
    /** Persons, independently. */
    PERSONS("persons"),
    /** Whole dyads. */
    DYADS("dyads");

    private final String label;

    ResamplingUnit(String label) {
        this.label = label;
    }

    /** The name in output. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
