package org.dyadkit.mlm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dyadkit.diary.DiaryData;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Satterthwaite df against lmerTest ({@code golden/mlm-lmertest/make_lmertest.R}: lme4 1.1-31, lmerTest 3.1-3,
 * R 4.2.2) on models lme4 can express (unstructured random effects per couple, one residual variance, no CS or
 * AR(1)): the two-intercept growth curve with its 4 x 4 random covariance (REML) and random intercepts and slopes
 * on unbalanced data (REML and ML). Both sides take the Hessian of the variance parameters and the gradient of
 * each estimate's variance by numerical differences (lmerTest: numDeriv's Richardson extrapolation; dyadkit:
 * central differences); they agree to 2e-6, checked at {@value #DF} relative; the fit itself is checked at
 * the iterative-fit tolerances (logLik 1e-6 absolute, estimates 1e-6 and SEs {@value #FIT} relative; the script runs lme4's bobyqa
 * to {@code rhoend = 1e-12}, as its default stops about 1e-6 short of the maximum). ML SEs are compared after
 * nlme's {@code sqrt(N / (N - p))}, which lme4 does not apply.
 */
class LmerTestGoldenTest {
    static final double DF = 1e-5;
    static final double FIT = 1e-5;

    static Path golden(String name) {
        try {
            return Path.of(LmerTestGoldenTest.class.getResource("/golden/mlm-lmertest/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    List<DynamicTest> satterthwaiteDfAreLmerTests() throws IOException {
        JsonNode all;
        try (InputStream in = LmerTestGoldenTest.class.getResourceAsStream("/golden/mlm-lmertest/lmertest_goldens.json")) {
            all = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode g : all) {
            tests.add(DynamicTest.dynamicTest(g.get("name").asText(), () -> check(g)));
        }
        return tests;
    }

    private static void check(JsonNode g) {
        JsonNode j = g.get("java");
        DiaryData d = DiaryData.of(DataTable.read(golden(g.get("data").asText()))).dyad("couple").role("gender")
                .person("person").occasion("day").build();
        Method method = Method.valueOf(g.get("method").asText().toUpperCase(Locale.ROOT));
        MlmFit fit = Mlm.of(d).withFixed(j.get("fixed").asText()).withRandom(j.get("random").asText())
                .withWithinOccasion(WithinOccasion.NONE).withMethod(method).withDf(DfRule.SATTERTHWAITE).fit();
        String name = g.get("name").asText();
        assertEquals(g.get("log_lik").asDouble(), fit.logLik(), 1e-6, name + " logLik");
        int p = fit.coefficients().size();
        double adjust = method == Method.ML ? Math.sqrt((double) fit.observations() / (fit.observations() - p)) : 1;
        for (int i = 0; i < p; i++) {
            FixedEffect f = fit.coefficients().get(i);
            String what = name + " " + f.term();
            assertEquals(g.get("terms").get(i).asText(), f.term(), name + " term " + i);
            NlmeGoldenTest.rel(g.get("estimate").get(i).asDouble(), f.estimate(), 1e-6, what + " estimate");
            NlmeGoldenTest.rel(g.get("se").get(i).asDouble() * adjust, f.se(), FIT, what + " SE");
            NlmeGoldenTest.rel(g.get("df").get(i).asDouble(), f.df(), DF, what + " Satterthwaite df");
        }
    }
}
