package org.dyadkit.mediation;

import java.util.List;
import java.util.OptionalLong;
import org.dyadkit.dyad.Sample;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.Method;

/**
 * An actor-partner interdependence mediation model (APIMeM) estimated as three APIMs.
 *
 * @param x the predictor
 * @param m the mediator
 * @param y the outcome
 * @param covariates covariates of all three models
 * @param distinguishable whether the dyads are distinguishable
 * @param roles the two roles in model order (empty when indistinguishable)
 * @param method REML or ML
 * @param mediatorModel M on X (the a paths)
 * @param outcomeModel Y on X and M (the b and c' paths)
 * @param totalModel Y on X (the c paths)
 * @param paths a, b, c' and c as actor and partner effects per role
 * @param indirect the simple indirect effects: 8 for distinguishable dyads, 4 for indistinguishable ones
 * @param totalIndirect the total indirect effects of the actor and partner effects (per role)
 * @param total the total effects with their direct and indirect parts and the percent mediated
 * @param resampledDyads dyads the bootstrap draws from (those with a person in any of the three models)
 * @param monteCarloDraws draws of the Monte Carlo intervals (0 = none)
 * @param monteCarloSeed seed of the Monte Carlo draws (empty when none)
 * @param bootstrapN bootstrap resamples (0 = none)
 * @param bootstrapSeed seed of the bootstrap (empty when none)
 * @param sample persons in at least one of the three models, and why the others are in none (each model's
 *     own sample is on its fit)
 */
public record ApimemResult(String x, String m, String y, List<String> covariates, boolean distinguishable,
        List<String> roles, Method method, ApimFit mediatorModel, ApimFit outcomeModel, ApimFit totalModel,
        List<PathEstimate> paths, List<IndirectEffect> indirect, List<IndirectEffect> totalIndirect,
        List<TotalEffect> total, int resampledDyads, int monteCarloDraws, OptionalLong monteCarloSeed, int bootstrapN,
        OptionalLong bootstrapSeed, Sample sample) {

    /** The simple indirect effect of a kind ({@code actor_actor}, ...) ending in a role's outcome. */
    public IndirectEffect indirect(Effect effect, String role) {
        return find(indirect, effect, role);
    }

    /** The total indirect effect ({@code actor} or {@code partner}) ending in a role's outcome. */
    public IndirectEffect totalIndirect(Effect effect, String role) {
        return find(totalIndirect, effect, role);
    }

    /** A path ({@code a}, {@code b}, {@code c_prime}, {@code c}) of an effect ({@code actor}, {@code partner}). */
    public PathEstimate path(Path path, Effect effect, String role) {
        for (PathEstimate p : paths) {
            if (p.path() == path && p.effect().orElse(null) == effect && role.equals(p.role().orElse(null))) {
                return p;
            }
        }
        throw new IllegalArgumentException("no path " + path + " " + effect + " " + role);
    }

    /** The total effect ({@code actor} or {@code partner}) ending in a role's outcome. */
    public TotalEffect total(Effect effect, String role) {
        for (TotalEffect t : total) {
            if (t.effect() == effect && t.role().equals(role)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no total effect " + effect + " " + role);
    }

    private static IndirectEffect find(List<IndirectEffect> list, Effect effect, String role) {
        for (IndirectEffect e : list) {
            if (e.effect() == effect && role.equals(e.role().orElse(null))) {
                return e;
            }
        }
        throw new IllegalArgumentException("no indirect effect " + effect + " for " + role);
    }
}
