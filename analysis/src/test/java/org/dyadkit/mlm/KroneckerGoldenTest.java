package org.dyadkit.mlm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Compound symmetry between partners together with AR(1) within person, which nlme cannot fit: the REML
 * and ML log-likelihoods at a fixed point and the REML optimum against {@code golden/mlm/kronecker_loglik.R},
 * which computes the likelihood from its definition with dense matrices and maximises it with optim.
 */
class KroneckerGoldenTest {
    static Mlm model(Method method) {
        return Mlm.of(NlmeGoldenTest.diary("sim_diary_ar1.csv"))
                .withFixed("y ~ 0 + man + woman + man:time + woman:time").withRandom("~ 0 + man + woman | couple")
                .withWithinOccasion(WithinOccasion.CS).withAutocorrelation(Autocorrelation.AR1)
                .withVarianceBy("gender").withMethod(method);
    }

    static JsonNode golden() throws Exception {
        try (InputStream in = KroneckerGoldenTest.class.getResourceAsStream("/golden/mlm/kronecker_goldens.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void theLikelihoodAtAFixedPointIsTheDefinition() throws Exception {
        JsonNode f = golden().get("fixed");
        double d11 = f.get("d").get(0).asDouble();
        double d21 = f.get("d").get(1).asDouble();
        double d22 = f.get("d").get(3).asDouble();
        double l11 = Math.sqrt(d11);
        double l21 = d21 / l11;
        double l22 = Math.sqrt(d22 - l21 * l21);
        double[] theta = {Math.log(l11), l21, Math.log(l22), Math.log(f.get("delta_woman").asDouble()),
            atanh(f.get("rho").asDouble()), atanh(f.get("phi").asDouble())};
        assertEquals(f.get("reml").asDouble(), -model(Method.REML).engine().objective(theta), 1e-8, "REML");
        assertEquals(f.get("ml").asDouble(), -model(Method.ML).engine().objective(theta), 1e-8, "ML");
    }

    @Test
    void theOptimumIsOptims() throws Exception {
        JsonNode o = golden().get("optimum");
        MlmFit fit = model(Method.REML).fit();
        // optim's Nelder-Mead/BFGS without gradients stops near, not at, the maximum: dyadkit must be at
        // least as high and close in every number
        double ll = o.get("log_lik").asDouble();
        if (!(fit.logLik() >= ll - 1e-7 && fit.logLik() - ll < 1e-5)) {
            throw new AssertionError("logLik " + fit.logLik() + " against optim's " + ll);
        }
        for (int j = 0; j < 4; j++) {
            assertEquals(o.get("beta").get(j).asDouble(), fit.coefficients().get(j).estimate(), 1e-4, "beta " + j);
        }
        assertEquals(o.get("phi").asDouble(), fit.residual().autocorrelation().getAsDouble(), 1e-4, "phi");
        assertEquals(o.get("rho").asDouble(), fit.residual().withinOccasion().getAsDouble(), 1e-4, "rho");
        assertEquals(o.get("sigma").asDouble(), fit.residual().sigma(), 1e-4, "sigma");
        assertEquals(o.get("random_sd").get(0).asDouble(), fit.randomPart().sd().get(0), 1e-4, "random SD");
    }

    static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }
}
