package org.dyadkit.apim;

/**
 * How an SEM chi^2 is scaled from the minimised ML discrepancy F: N F (the ML likelihood ratio, as lavaan's
 * default {@code likelihood = "normal"}) or (N - 1) F (the Wishart likelihood of Amos, EQS and LISREL, as
 * lavaan's {@code likelihood = "wishart"}; Kenny's published SEM tests use it). N is the number of dyads.
 */
public enum ChiSquareConvention {
    /** chi^2 = N F = 2 (logLik_saturated - logLik_model), as lavaan. */
    N,
    /** chi^2 = (N - 1) F = (N - 1)/N times the ML likelihood ratio, as Amos. */
    N_MINUS_1
}
