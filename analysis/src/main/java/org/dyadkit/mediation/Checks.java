package org.dyadkit.mediation;

/**
 * The argument checks that the {@link Mediation} and {@link Apimem} builders share; each returns its argument
 * or throws {@link IllegalArgumentException} naming it.
 */
final class Checks {
    private Checks() {
    }

    /** A confidence level strictly between 0 and 1. */
    static double level(double l) {
        if (!(l > 0 && l < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1): " + l);
        }
        return l;
    }

    /** A number of bootstrap replicates, 0 (none) or more. */
    static int replicates(int replicates) {
        if (replicates < 0) {
            throw new IllegalArgumentException("replicates must be >= 0: " + replicates);
        }
        return replicates;
    }

    /** A number of worker threads, at least 1. */
    static int threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + n);
        }
        return n;
    }
}
