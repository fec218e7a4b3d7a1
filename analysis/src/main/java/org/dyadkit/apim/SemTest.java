package org.dyadkit.apim;

/**
 * One SEM test of distinguishability (Olsen and Kenny 2006).
 *
 * @param kind which equality constraints are tested
 * @param chiSquare the chi^2 difference from the saturated model under the result's convention
 * @param df the number of equality constraints
 * @param p its upper-tail chi-square probability
 */
public record SemTest(SemTestKind kind, double chiSquare, int df, double p) {
}
