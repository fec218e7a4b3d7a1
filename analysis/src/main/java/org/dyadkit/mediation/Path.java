package org.dyadkit.mediation;

/** The paths of a mediation model X -> M -> Y (Baron and Kenny 1986). */
public enum Path {
    /** X to M. */
    A("a"),
    /** M to Y, controlling X. */
    B("b"),
    /** X to Y, controlling M: the direct effect. */
    C_PRIME("c_prime"),
    /** X to Y without M: the total effect. */
    C("c");

    private final String label;

    Path(String label) {
        this.label = label;
    }

    /** The name in output ({@code a}, {@code b}, {@code c_prime}, {@code c}). */
    public String label() {
        return label;
    }

    /** The path of a label. @throws IllegalArgumentException for an unknown label */
    public static Path parse(String label) {
        for (Path p : values()) {
            if (p.label.equals(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no path \"" + label + "\"; paths are a, b, c_prime, c");
    }

    @Override
    public String toString() {
        return label;
    }
}
