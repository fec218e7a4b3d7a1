package org.dyadkit.mlm;

/** The covariance matrix of the random effects per dyad. */
public enum RandomCovariance {
    /** Unstructured: every variance and covariance free, as {@code nlme::pdSymm} (the default). */
    UNSTRUCTURED,
    /** Diagonal: variances only, the random effects uncorrelated, as {@code nlme::pdDiag}. */
    DIAGONAL
}
