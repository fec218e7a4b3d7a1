package org.dyadkit.apim;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dyadkit.dyad.Sample;

/**
 * A fitted actor-partner interdependence model (APIM).
 *
 * @param outcome the outcome variable
 * @param predictors the actor/partner predictors
 * @param covariates the covariates (person's own values)
 * @param interactions the interaction terms as given ({@code A:B})
 * @param distinguishable whether the dyads are distinguishable (role-specific SDs and effects)
 * @param roles the two role labels in model order (empty when indistinguishable); in the interaction
 *     parameterisation the first role is coded +1
 * @param parameterisation the fixed-effect parameterisation (empty when indistinguishable)
 * @param method REML or ML
 * @param dfMethod the degrees-of-freedom convention of the coefficient tests
 * @param level the confidence level of the intervals
 * @param normalIntervals whether the coefficient intervals use the normal quantile (else t with df)
 * @param nDyads dyads with at least one person in the model
 * @param nObs persons in the model (a person enters when their outcome, their predictors and their
 *     partner's predictors are present)
 * @param nSingletons dyads with one person in the model (1x1 covariance blocks)
 * @param coefficients the fixed effects
 * @param covariance the covariance matrix of the coefficients, in coefficient order (immutable)
 * @param residual both roles' residual SDs, rho and the residual covariance
 * @param logLik the REML or ML log-likelihood (nlme's formula)
 * @param nParameters parameters counted as nlme does: fixed effects + correlation (+ SD ratio) + sigma
 * @param aic -2 logLik + 2 nParameters
 * @param bic -2 logLik + nParameters log(n), n = nObs - p under REML, nObs under ML
 * @param pseudoR2 per role (or {@code all}): 1 - sigma^2 / sigma^2 of the empty model (intercepts only,
 *     same persons, same method); empty for an intercept-only model
 * @param partialIcc the residual correlation rho (the ICC of the residuals once the predictors are in)
 * @param k k = p/a per role or {@code all} for the first predictor (empty without predictors)
 * @param closedForm whether the sum/difference or per-role OLS closed form gave the estimates
 * @param residualIntervals intervals of rho and the residual SDs as {@code nlme::intervals(fit,
 *     which = "var-cov")} (absent, with a note, when the Hessian is not negative definite)
 * @param sample persons and dyads in the data and in the model, and why the others were left out
 */
public record ApimFit(String outcome, List<String> predictors, List<String> covariates, List<String> interactions,
        boolean distinguishable, List<String> roles, Optional<Parameterisation> parameterisation, Method method,
        DfMethod dfMethod, double level, boolean normalIntervals, int nDyads, int nObs, int nSingletons, List<Coefficient> coefficients,
        CoefficientCovariance covariance, ResidualCovariance residual, double logLik, int nParameters, double aic, double bic,
        Map<String, Double> pseudoR2, double partialIcc, List<KEstimate> k, boolean closedForm,
        ResidualIntervals residualIntervals, Sample sample) {

    /** The coefficient with this term name. @throws IllegalArgumentException if there is none */
    public Coefficient coefficient(String term) {
        for (Coefficient c : coefficients) {
            if (c.term().equals(term)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no term \"" + term + "\"; terms: "
                + coefficients.stream().map(Coefficient::term).toList());
    }

    /**
     * The actor effect of the first predictor for members of a role (any role, or {@code all}, when
     * indistinguishable): the {@code actor:role} coefficient (two-intercept) or {@code actor} plus or minus
     * {@code actor:role} (interaction parameterisation).
     *
     * @throws IllegalArgumentException without predictors or for an unknown role
     */
    public double actor(String role) {
        return effect("actor", role);
    }

    /** The partner effect on members of a role (named by the outcome member), as {@link #actor(String)}. */
    public double partner(String role) {
        return effect("partner", role);
    }

    private double effect(String kind, String role) {
        if (predictors.isEmpty()) {
            throw new IllegalArgumentException("the model has no predictor");
        }
        String term = predictors.size() > 1 ? kind + "." + predictors.get(0) : kind;
        if (!distinguishable) {
            return coefficient(term).estimate();
        }
        int r = roles.indexOf(role);
        if (r < 0) {
            throw new IllegalArgumentException("no role \"" + role + "\"; roles: " + roles);
        }
        if (parameterisation.orElseThrow() == Parameterisation.TWO_INTERCEPT) {
            return coefficient(term + ":" + role).estimate();
        }
        double sign = r == 0 ? 1 : -1;
        return coefficient(term).estimate() + sign * coefficient(term + ":role").estimate();
    }

    /** The residual SD of a role ({@code all} when indistinguishable). */
    public double residualSd(String role) {
        return residual.sd(role);
    }

    /** The residual correlation of the partners. */
    public double rho() {
        return residual.rho();
    }

    /**
     * The interval of rho at the fit's level, as {@code nlme::intervals(fit, which = "var-cov")}; empty when
     * the Hessian of the log-likelihood is not negative definite (see {@link ResidualIntervals#note()}).
     */
    public Optional<VarianceInterval> rhoInterval() {
        return residualIntervals.rho();
    }

    /** The interval of a role's residual SD ({@code all} when indistinguishable); empty when unavailable. */
    public Optional<VarianceInterval> residualSdInterval(String role) {
        residual.sd(role);
        return Optional.ofNullable(residualIntervals.sd().get(role));
    }

    /** k for a role ({@code all} when indistinguishable). @throws IllegalArgumentException if absent */
    public KEstimate k(String role) {
        for (KEstimate e : k) {
            if (e.role().equals(role)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no k for \"" + role + "\"");
    }
}
