package org.dyadkit.mlm;

import java.util.List;

/**
 * The random effects per dyad: their SDs and correlations, as the {@code Random effects} block of
 * {@code summary(lme)} ({@code sigma sqrt(D_jj)} and {@code D_ij / sqrt(D_ii D_jj)}).
 *
 * @param terms the random-effect columns in order ({@code man}, {@code woman}, {@code man:time}, ...)
 * @param sd the SD of each
 * @param correlations every pair's correlation, row by row below the diagonal (empty for a diagonal
 *     covariance)
 */
public record RandomPart(List<String> terms, List<Double> sd, List<Correlation> correlations) {
    /** Copies the lists. */
    public RandomPart {
        terms = List.copyOf(terms);
        sd = List.copyOf(sd);
        correlations = List.copyOf(correlations);
    }

    /** The correlation of two random effects. */
    public record Correlation(String first, String second, double r) {
    }

    /** The SD of a random effect by name. */
    public double sd(String term) {
        int i = terms.indexOf(term);
        if (i < 0) {
            throw new IllegalArgumentException("no random effect " + term + "; the random effects are " + terms);
        }
        return sd.get(i);
    }
}
