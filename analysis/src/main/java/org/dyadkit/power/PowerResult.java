package org.dyadkit.power;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Power (or the number of dyads for a target power) of the effects of a dyadic design.
 *
 * @param method analytic or by simulation
 * @param model {@code apim} or {@code apimem}
 * @param distinguishable whether the dyads are distinguishable
 * @param roles the two role names (empty when indistinguishable)
 * @param effectSize the measure the actor and partner effects were given in
 * @param alpha the two-sided significance level
 * @param rX the correlation of the partners' predictor scores
 * @param rErrors the correlation of the partners' errors
 * @param varianceRatioX variance of the second role's predictor over the first role's (1 when indistinguishable)
 * @param varianceRatioErrors error variance of the second role over the first role's
 * @param singles per role ({@code all} when indistinguishable) the persons whose partner has no outcome
 * @param missingRate share of outcomes deleted at random in each simulated data set (0 for analytic power)
 * @param targetPower the target power when solving for N
 * @param dyads the numbers of complete dyads evaluated (the search range when solving by simulation)
 * @param rows one row per effect and number of dyads, effects in a fixed order within each N
 * @param replicates simulated data sets per number of dyads (0 for analytic power)
 * @param seed the seed of the simulation
 * @param engine how each replicate was fitted (e.g. {@code REML, df residual}); empty for analytic power
 * @param failures per failure reason, the replicates that could not be fitted (all N together)
 * @param notes conventions and caveats that apply to these rows
 */
public record PowerResult(PowerMethod method, String model, boolean distinguishable, List<String> roles,
        EffectSize effectSize, double alpha, double rX, double rErrors, double varianceRatioX,
        double varianceRatioErrors, Map<String, Integer> singles, double missingRate, OptionalDouble targetPower,
        List<Integer> dyads, List<PowerRow> rows, int replicates, OptionalLong seed, Optional<String> engine,
        Map<String, Integer> failures, List<String> notes) {

    /** The row of an effect at a number of dyads. @throws IllegalArgumentException if there is none */
    public PowerRow row(String effect, int nDyads) {
        for (PowerRow r : rows) {
            if (r.effect().equals(effect) && r.nDyads().isPresent() && r.nDyads().getAsInt() == nDyads) {
                return r;
            }
        }
        throw new IllegalArgumentException("no row for effect \"" + effect + "\" at " + nDyads + " dyads; effects: "
                + rows.stream().map(PowerRow::effect).distinct().toList());
    }

    /** The first row of an effect (the only one when solving for N or for a single N). */
    public PowerRow row(String effect) {
        for (PowerRow r : rows) {
            if (r.effect().equals(effect)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no row for effect \"" + effect + "\"; effects: "
                + rows.stream().map(PowerRow::effect).distinct().toList());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PowerResult[" + method + " " + model + ", alpha " + alpha + "]");
        for (PowerRow r : rows) {
            sb.append("\n  ").append(r.effect()).append(" N=")
                    .append(r.nDyads().isPresent() ? Integer.toString(r.nDyads().getAsInt()) : "none")
                    .append(" power=").append(r.power().isPresent() ? Double.toString(r.power().getAsDouble()) : "none");
        }
        return sb.toString();
    }
}
