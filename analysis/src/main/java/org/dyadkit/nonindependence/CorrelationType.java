package org.dyadkit.nonindependence;

/** Whose two scores a correlation relates. */
public enum CorrelationType {
    /** A person's own X with their own Y. */
    WITHIN_PERSON("within_person"),
    /** One partner's X with the other partner's Y (with X = Y, the partner correlation). */
    CROSS_PARTNER("cross_partner");

    private final String label;

    CorrelationType(String label) {
        this.label = label;
    }

    /** The name in output ({@code within_person}, {@code cross_partner}). */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
