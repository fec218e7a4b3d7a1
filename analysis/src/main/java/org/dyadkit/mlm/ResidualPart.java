package org.dyadkit.mlm;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The residual part: the residual SD of each variance stratum (each role under varIdent; one SD
 * without), the partners' residual correlation at the same occasion and the AR(1) autocorrelation.
 *
 * @param sd the residual SD of each stratum; the first is nlme's {@code sigma}, the others are sigma times
 *     the varIdent ratio (both roles are reported, never only the reference)
 * @param withinOccasion rho, when compound symmetry within occasion was fitted
 * @param autocorrelation phi, when AR(1) was fitted
 */
public record ResidualPart(List<StratumSd> sd, OptionalDouble withinOccasion, OptionalDouble autocorrelation) {
    /** Copies the list. */
    public ResidualPart {
        sd = List.copyOf(sd);
    }

    /**
     * One stratum's residual SD.
     *
     * @param level the level of the variance column ({@code all} without one)
     * @param sd the residual SD
     * @param ratio the SD relative to the first stratum (nlme's varIdent parameter)
     */
    public record StratumSd(String level, double sd, double ratio) {
    }

    /** nlme's sigma: the residual SD of the first stratum. */
    public double sigma() {
        return sd.get(0).sd();
    }
}
