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
import java.util.stream.Stream;
import org.dyadkit.diary.DiaryData;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The models of {@code golden/mlm/make_goldens.R} (nlme::lme on simulated diary couples: balanced and
 * unbalanced, missing occasions and partners, negative within-occasion correlation, AR(1), a diagonal
 * random covariance with a factor interaction) against dyadkit. Tolerances: estimates 1e-6 relative, SEs
 * and variance parameters 1e-5 relative, the log-likelihood, AIC and BIC 1e-6 absolute.
 */
class NlmeGoldenTest {
    static final double EST = 1e-6;
    static final double VAR = 1e-5;
    static final double LL = 1e-6;

    static Path golden(String name) {
        try {
            return Path.of(NlmeGoldenTest.class.getResource("/golden/mlm/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode goldens() throws IOException {
        try (InputStream in = NlmeGoldenTest.class.getResourceAsStream("/golden/mlm/mlm_goldens.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static DiaryData diary(String file) {
        return DiaryData.of(DataTable.read(golden(file))).dyad("couple").role("gender").person("person")
                .occasion("day").build();
    }

    static Mlm model(JsonNode g) {
        JsonNode j = g.get("java");
        Mlm m = Mlm.of(diary(g.get("data").asText())).withFixed(j.get("fixed").asText())
                .withRandom(j.get("random").asText())
                .withRandomCovariance(RandomCovariance.valueOf(j.get("covariance").asText().toUpperCase(Locale.ROOT)))
                .withWithinOccasion(WithinOccasion.valueOf(j.get("within").asText().toUpperCase(Locale.ROOT)))
                .withAutocorrelation(Autocorrelation.valueOf(j.get("ar").asText().toUpperCase(Locale.ROOT)))
                .withMethod(Method.valueOf(j.get("method").asText().toUpperCase(Locale.ROOT)));
        if (j.hasNonNull("variance_by")) {
            m = m.withVarianceBy(j.get("variance_by").asText());
        }
        return m;
    }

    static void rel(double expected, double actual, double tol, String what) {
        double scale = Math.max(Math.abs(expected), 1e-300);
        if (!(Math.abs(actual - expected) <= tol * scale)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual + " (relative error "
                    + Math.abs(actual - expected) / scale + ", tolerance " + tol + ")");
        }
    }

    /** Element i of an array, or the value itself where jsonlite unboxed a vector of length one. */
    static double at(JsonNode node, int i) {
        return node.isArray() ? node.get(i).asDouble() : node.asDouble();
    }

    static int size(JsonNode node) {
        return node.isArray() ? node.size() : 1;
    }

    @TestFactory
    Stream<DynamicTest> everyGolden() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode g : goldens()) {
            tests.add(DynamicTest.dynamicTest(g.get("name").asText(), () -> check(g)));
        }
        return tests.stream();
    }

    static void check(JsonNode g) {
        MlmFit fit = model(g).fit();
        String name = g.get("name").asText();
        assertEquals(g.get("n").asInt(), fit.observations(), name + " rows used");
        assertEquals(g.get("dyads").asInt(), fit.sample().dyadsUsed(), name + " dyads used");
        JsonNode coefs = g.get("coefficients");
        assertEquals(coefs.size(), fit.coefficients().size(), name + " number of coefficients");
        for (int i = 0; i < coefs.size(); i++) {
            JsonNode c = coefs.get(i);
            FixedEffect f = fit.coefficients().get(i);
            String what = name + " " + c.get("term").asText();
            // dyadkit names a derived term as written (man:within(x)); R's script used precomputed columns (man:wx)
            JsonNode javaTerms = g.get("java").get("terms");
            assertEquals(javaTerms == null ? c.get("term").asText() : javaTerms.get(i).asText(), f.term(),
                    name + " term " + i);
            // 1e-6 relative, or for an estimate near zero 2e-6 of its SE: nlme's optimum of the flat
            // stability_influence likelihood is 2.7e-8 (1.07e-6 SE) from the maximum, where dyadkit's gradient
            // is 1e-12 and both log-likelihoods agree to 1e-11
            double est = c.get("estimate").asDouble();
            if (!(Math.abs(f.estimate() - est) <= Math.max(EST * Math.abs(est), 2 * EST * c.get("se").asDouble()))) {
                throw new AssertionError(what + " estimate: expected " + est + " but was " + f.estimate());
            }
            rel(c.get("se").asDouble(), f.se(), VAR, what + " se");
            assertEquals(c.get("df").asDouble(), f.df(), 0, what + " df");
            double t = c.get("t").asDouble();
            if (!(Math.abs(f.t() - t) <= VAR * Math.max(1, Math.abs(t)))) { // relative, absolute below |t| = 1
                throw new AssertionError(what + " t: expected " + t + " but was " + f.t());
            }
            double pr = c.get("p").asDouble();
            if (pr > 1e-8) {
                rel(pr, f.p(), 1e-4, what + " p");
            } else if (!(Math.abs(Math.log(f.p()) - Math.log(pr)) < 1e-2)) {
                throw new AssertionError(what + " p: expected " + pr + " but was " + f.p());
            }
        }
        JsonNode sd = g.get("random_sd");
        for (int i = 0; i < size(sd); i++) {
            rel(at(sd, i), fit.randomPart().sd().get(i), VAR, name + " random SD " + i);
        }
        JsonNode cor = g.get("random_cor");
        if (fit.randomCovariance() == RandomCovariance.UNSTRUCTURED) {
            List<String> z = fit.randomPart().terms();
            int i = 0;
            for (int col = 0; col < z.size(); col++) {
                for (int row = col + 1; row < z.size(); row++, i++) { // R's lower.tri order: column by column
                    double r = at(cor, i);
                    String a = z.get(col);
                    String b = z.get(row);
                    double mine = fit.randomPart().correlations().stream()
                            .filter(c -> c.first().equals(a) && c.second().equals(b)).findFirst().orElseThrow().r();
                if (!(Math.abs(mine - r) <= VAR * Math.max(Math.abs(r), 0.1))) {
                        throw new AssertionError(name + " random correlation " + a + ", " + b + ": expected " + r
                                + " but was " + mine);
                    }
                }
            }
        }
        rel(g.get("sigma").asDouble(), fit.residual().sigma(), VAR, name + " sigma");
        if (g.hasNonNull("variance_levels")) {
            JsonNode lv = g.get("variance_levels");
            JsonNode ratio = g.get("variance_ratios");
            for (int i = 0; i < lv.size(); i++) {
                String level = lv.get(i).asText();
                double expected = g.get("sigma").asDouble() * at(ratio, i);
                double mine = fit.residual().sd().stream().filter(s -> s.level().equals(level)).findFirst()
                        .orElseThrow().sd();
                rel(expected, mine, VAR, name + " residual SD of " + level);
            }
        }
        if (g.hasNonNull("cor_par")) {
            double r = at(g.get("cor_par"), 0);
            double mine = fit.residual().withinOccasion().isPresent() ? fit.residual().withinOccasion().getAsDouble()
                    : fit.residual().autocorrelation().getAsDouble();
            if (!(Math.abs(mine - r) <= VAR * Math.max(Math.abs(r), 0.1))) {
                throw new AssertionError(name + " residual correlation: expected " + r + " but was " + mine);
            }
        }
        assertEquals(g.get("log_lik").asDouble(), fit.logLik(), LL, name + " logLik");
        assertEquals(g.get("aic").asDouble(), fit.aic(), 2 * LL, name + " AIC");
        assertEquals(g.get("bic").asDouble(), fit.bic(), 2 * LL, name + " BIC");
        JsonNode fv = g.get("fitted_first");
        for (int i = 0; i < size(fv); i++) {
            rel(at(fv, i), fit.rows().get(i).fitted(), VAR, name + " fitted " + i);
        }
    }
}
