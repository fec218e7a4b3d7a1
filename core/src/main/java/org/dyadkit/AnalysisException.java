package org.dyadkit;

/**
 * An analysis that cannot be done on the data it was given: a predictor without variance, a singular
 * design, a single dyad, a fit that does not converge. The {@link Reason} names the condition so that
 * callers can react to it; the message says what was found and what to do. The command line maps it
 * to exit status 4. dyadkit raises this instead of returning a silent NaN.
 */
public class AnalysisException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The named conditions under which an analysis is refused. */
    public enum Reason {
        /** A variable has no variance where the statistic needs some. */
        NO_VARIANCE,
        /** The design matrix is singular (collinear predictors, a constant column). */
        SINGULAR_DESIGN,
        /** Too few dyads for the statistic. */
        TOO_FEW_DYADS,
        /** Too few respondents or observations for the statistic (outside the dyadic analyses). */
        TOO_FEW_OBSERVATIONS,
        /** No dyad has both members where the statistic needs complete dyads. */
        NO_COMPLETE_DYADS,
        /** An iterative fit did not converge. */
        NO_CONVERGENCE,
        /** A variance parameter is at the boundary of its space (for example |rho| = 1). */
        BOUNDARY,
        /**
         * Values too large for the arithmetic: their squares (or cross products) exceed the range of double
         * precision (about 1.8e308), so the sums of squares cannot be formed.
         */
        OVERFLOW,
        /** The statistic is undefined for these data for another stated reason. */
        UNDEFINED
    }

    private final Reason reason;

    /** Creates an exception for a named reason with a message that says what was found. */
    public AnalysisException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** The named condition. */
    public Reason reason() {
        return reason;
    }
}
