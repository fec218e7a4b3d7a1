package org.dyadkit.power;

import java.util.List;
import java.util.Map;
import org.dyadkit.apim.Apim;
import org.dyadkit.apim.ApimData;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.DfMethod;
import org.dyadkit.apim.Method;
import org.dyadkit.mediation.Apimem;
import org.dyadkit.mediation.ApimemResult;

/**
 * The one place where the power simulation calls the analysis engine: every replicate is fitted by the same
 * {@link Apim} and {@link Apimem} builders the {@code apim} and {@code apimem} commands use. When the engine's
 * configuration methods change, only this class changes.
 */
final class Engine {
    private Engine() {
    }

    /** Fits the APIM of y on x (actor and partner), the covariates and the interactions. */
    static ApimFit apim(String[] dyad, String[] role, Map<String, double[]> vars, List<String> roles,
            List<String> covariates, List<String> interactions, Method method, DfMethod df, double level) {
        ApimData data = ApimData.of(dyad, role, vars);
        Apim.Builder b = roles.isEmpty() ? Apim.indistinguishable(data)
                : Apim.distinguishable(data).roles(roles.get(0), roles.get(1));
        b.outcome("y").predictor("x").method(method).df(df).level(level).threads(1);
        covariates.forEach(b::covariate);
        interactions.forEach(b::interaction);
        return b.fit();
    }

    /** Fits the APIMeM x -> m -> y with Monte Carlo (draws) or dyad-bootstrap (resamples) intervals. */
    static ApimemResult apimem(String[] dyad, String[] role, Map<String, double[]> vars, List<String> roles,
            Method method, DfMethod df, double level, boolean bootstrap, int draws, long seed) {
        Apimem.Builder b = roles.isEmpty() ? Apimem.indistinguishable(dyad, vars)
                : Apimem.distinguishable(dyad, role, vars).roles(roles.get(0), roles.get(1));
        b.x("x").m("m").y("y").method(method).df(df).level(level).threads(1);
        if (bootstrap) {
            b.bootstrap(draws, seed);
        } else {
            b.monteCarlo(draws, seed);
        }
        return b.fit();
    }
}
