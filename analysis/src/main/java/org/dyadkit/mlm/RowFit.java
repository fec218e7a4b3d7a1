package org.dyadkit.mlm;

/**
 * A row's fitted value and residual at the dyad level, as {@code fitted(lme)} and {@code residuals(lme)}:
 * {@code x'beta + z'b_i} with the dyad's predicted random effects, and the outcome minus it.
 *
 * @param row the row of the diary (from 0)
 * @param fitted the fitted value
 * @param residual the residual
 */
public record RowFit(int row, double fitted, double residual) {
}
