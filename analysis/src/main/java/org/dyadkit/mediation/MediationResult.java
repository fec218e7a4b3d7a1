package org.dyadkit.mediation;

import java.util.List;

/**
 * A single-level mediation analysis: X -> M -> Y by ordinary least squares.
 *
 * @param x the predictor
 * @param m the mediator
 * @param y the outcome
 * @param covariates covariates entered in both the M and the Y models
 * @param n persons used (complete on x, m, y, the covariates and, with dyads, the dyad id)
 * @param resampling the bootstrap unit: persons or dyads
 * @param units number of resampling units (persons or dyads)
 * @param a path X -> M
 * @param b path M -> Y controlling X
 * @param cPrime direct effect X -> Y controlling M
 * @param c total effect X -> Y
 * @param indirect the indirect effect a*b with Sobel test and the bootstrap intervals
 * @param acceleration the jackknife acceleration of the BCa interval (empty unless a BCa interval was computed)
 * @param sample persons (and dyads) in the data and used, and why the others were left out
 */
public record MediationResult(String x, String m, String y, List<String> covariates, int n,
        ResamplingUnit resampling, int units, PathEstimate a, PathEstimate b, PathEstimate cPrime, PathEstimate c,
        IndirectEffect indirect, java.util.OptionalDouble acceleration, org.dyadkit.dyad.Sample sample) {
}
