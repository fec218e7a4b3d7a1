package org.dyadkit.power;

import java.util.List;
import java.util.Map;
import org.dyadkit.apim.Apim;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.LeanApimFit;
import org.dyadkit.apim.DfMethod;
import org.dyadkit.apim.Method;
import org.dyadkit.dyad.DyadArrays;
import org.dyadkit.mediation.Apimem;
import org.dyadkit.mediation.ApimemResult;

/**
 * The one place where the power simulation calls the analysis engine: every replicate is fitted by the same
 * {@link Apim} and {@link Apimem} analyses the {@code apim} and {@code apimem} commands use. When the engine's
 * configuration methods change, only this class changes.
 */
final class Engine {
    private Engine() {
    }

    /**
     * Fits the APIM of y on x (actor and partner), the covariates and the interactions: the lean fit of the
     * engine ({@link Apim#leanFit()}: the coefficients, their covariance and df as {@link Apim#fit()} gives
     * them, without the extras power does not report).
     */
    static LeanApimFit apim(String[] dyad, String[] role, Map<String, double[]> vars, List<String> roles,
            List<String> covariates, List<String> interactions, Method method, DfMethod df, double level) {
        DyadArrays data = DyadArrays.of(dyad, role, vars);
        Apim a = roles.isEmpty() ? Apim.indistinguishable(data)
                : Apim.distinguishable(data).withRoles(roles.get(0), roles.get(1));
        a = a.withOutcome("y").withPredictor("x").withMethod(method).withDf(df).withLevel(level).withThreads(1);
        for (String c : covariates) {
            a = a.withCovariate(c);
        }
        for (String i : interactions) {
            a = a.withInteraction(i);
        }
        return a.leanFit();
    }

    /**
     * Fits the APIM of y on x with k and its pattern (as {@code apim --k}, with a dyad bootstrap of k when
     * {@code bootstrap > 0}): the full fit, whose {@link ApimFit#k(String)} the k-pattern simulation reads.
     */
    static ApimFit apimK(String[] dyad, String[] role, Map<String, double[]> vars, List<String> roles, Method method,
            DfMethod df, double level, int bootstrap, long seed) {
        DyadArrays data = DyadArrays.of(dyad, role, vars);
        Apim a = roles.isEmpty() ? Apim.indistinguishable(data)
                : Apim.distinguishable(data).withRoles(roles.get(0), roles.get(1));
        a = a.withOutcome("y").withPredictor("x").withMethod(method).withDf(df).withLevel(level).withThreads(1);
        return (bootstrap > 0 ? a.withBootstrap(bootstrap, seed) : a).fit();
    }

    /** The coefficients, covariance and df of a full fit in the shape of the lean fit (the same numbers). */
    static LeanApimFit lean(ApimFit fit) {
        return LeanApimFit.of(fit);
    }

    /** Fits the APIMeM x to m to y with Monte Carlo (draws) or dyad-bootstrap (resamples) intervals. */
    static ApimemResult apimem(String[] dyad, String[] role, Map<String, double[]> vars, List<String> roles,
            Method method, DfMethod df, double level, boolean bootstrap, int draws, long seed) {
        DyadArrays data = DyadArrays.of(dyad, role, vars);
        Apimem b = roles.isEmpty() ? Apimem.indistinguishable(data)
                : Apimem.distinguishable(data).withRoles(roles.get(0), roles.get(1));
        b = b.withPredictor("x").withMediator("m").withOutcome("y").withMethod(method).withDf(df).withLevel(level)
                .withThreads(1);
        b = bootstrap ? b.withBootstrap(draws, seed) : b.withMonteCarlo(draws, seed);
        return b.fit();
    }
}
