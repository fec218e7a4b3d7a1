package org.dyadkit.apim;

import org.dyadkit.dyad.DyadArrays;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Intervals of rho and the residual SDs against {@code nlme::intervals(gls_fit, which = "var-cov")}
 * (golden/apim_rho_ci/make_goldens.R, versions in VERSIONS.txt, inputs' sha256 in SHA256SUMS): KKC 2006
 * Table 2.1 (empty compound-symmetry model, REML; published -0.072 to 0.834), the Acitelli couples
 * (indistinguishable and distinguishable two-intercept APIM) and 60 simulated couples with missing members,
 * REML and ML. Tolerance 1e-3 absolute on the limits (nlme's fdHess Hessian is a quadratic fit on steps of
 * 6e-6 |theta|); the standard error of the unconstrained correlation parameter 1e-3 relative.
 */
class RhoIntervalGoldenTest {
    private static final String DIR = "/golden/apim_rho_ci/";

    private record DataSet(DyadArrays data, String y, String x, String r0, String r1) {
    }

    private static final Map<String, DataSet> SETS = Map.of(
            "kkc", new DataSet(TestData.individualAt(DIR + "kkc_individual.csv", "dyad", null, null), "y", null,
                    null, null),
            "acitelli", new DataSet(TestData.individualAt(DIR + "acitelli_individual.csv", "cuplid", "gender",
                    Map.of("-1", "wife", "1", "husband")), "satisfaction", "other_pos", "husband", "wife"),
            "sim", new DataSet(TestData.individualAt(DIR + "sim_missing.csv", "couple", "role", null), "y", "x",
                    "A", "B"));

    @TestFactory
    Stream<DynamicTest> goldens() {
        Map<String, Map<String, Double>> cases = new LinkedHashMap<>();
        List<String[]> rows = TestData.rowsAt(DIR + "rho_ci_goldens.csv");
        for (String[] r : rows.subList(1, rows.size())) {
            cases.computeIfAbsent(r[0], k -> new LinkedHashMap<>()).put(r[1], Double.parseDouble(r[2]));
        }
        List<DynamicTest> tests = new ArrayList<>();
        cases.forEach((name, expected) -> tests.add(DynamicTest.dynamicTest(name, () -> check(name, expected))));
        assertEquals(9, tests.size(), "golden cases");
        return tests.stream();
    }

    private static ApimFit fit(String name) {
        String[] parts = name.split("/");
        DataSet s = SETS.get(parts[0]);
        Method m = Method.valueOf(parts[2]);
        Apim b = parts[1].equals("dist") ? Apim.distinguishable(s.data).withRoles(s.r0, s.r1)
                : Apim.indistinguishable(s.data);
        b = b.withOutcome(s.y).withMethod(m);
        if (s.x != null) {
            b = b.withPredictor(s.x);
        }
        return b.fit();
    }

    private static void check(String name, Map<String, Double> expected) {
        ApimFit f = fit(name);
        VarianceInterval rho = f.rhoInterval().orElse(null);
        assertNotNull(rho, name + ": " + f.residualIntervals().note());
        assertTrue(f.residualIntervals().note().isEmpty(), name);
        assertEquals(0.95, rho.level(), 0, name);
        assertEquals(expected.get("rho"), rho.estimate(), 1e-5, name + " rho");
        assertEquals(expected.get("rho_lower"), rho.lower(), 1e-3, name + " rho lower");
        assertEquals(expected.get("rho_upper"), rho.upper(), 1e-3, name + " rho upper");
        assertTrue(rho.lower() < rho.estimate() && rho.estimate() < rho.upper(), name);
        int sds = 0;
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            if (e.getKey().startsWith("sd_lower:")) {
                String role = e.getKey().substring(9);
                VarianceInterval iv = f.residualSdInterval(role).orElse(null);
                assertNotNull(iv, name + " sd " + role);
                assertEquals(f.residualSd(role), iv.estimate(), 0, name + " sd " + role);
                assertEquals(e.getValue(), iv.lower(), 1e-3, name + " sd lower " + role);
                assertEquals(expected.get("sd_upper:" + role), iv.upper(), 1e-3, name + " sd upper " + role);
                sds++;
            }
        }
        assertEquals(f.distinguishable() ? 2 : 1, sds, name + " SD intervals checked");
        assertEquals(sds, f.residualIntervals().sd().size(), name);
    }

    /** The standard error of nlme's unconstrained correlation parameter, from the interval's half-width. */
    @TestFactory
    Stream<DynamicTest> standardErrorOfTheCorrelationParameter() {
        Map<String, Map<String, Double>> cases = new LinkedHashMap<>();
        List<String[]> rows = TestData.rowsAt(DIR + "rho_ci_goldens.csv");
        for (String[] r : rows.subList(1, rows.size())) {
            cases.computeIfAbsent(r[0], k -> new LinkedHashMap<>()).put(r[1], Double.parseDouble(r[2]));
        }
        return cases.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(), () -> {
            VarianceInterval rho = fit(c.getKey()).rhoInterval().orElse(null);
            double z = 1.959963984540054;
            double se = (logit(rho.upper()) - logit(rho.lower())) / (2 * z);
            double want = c.getValue().get("se_corr_unconstrained");
            assertEquals(want, se, 1e-3 * want, c.getKey());
        }));
    }

    private static double logit(double r) {
        return Math.log((1 + r) / (1 - r));
    }

    @Test
    void kkcPublishedInterval() {
        VarianceInterval rho = fit("kkc/empty/REML").rhoInterval().orElse(null);
        assertEquals("-0.072", String.format(java.util.Locale.ROOT, "%.3f", rho.lower()));
        assertEquals("0.834", String.format(java.util.Locale.ROOT, "%.3f", rho.upper()));
    }

    /**
     * sigma profiled out: the inverse curvature of the profiled log-likelihood in (log((1+rho)/(1-rho))
     * [, log lambda]) equals the corresponding block of the full Hessian's inverse (the Schur complement of
     * the log sigma block), on the simulated couples with missing members and on Acitelli, REML and ML.
     */
    @Test
    void profiledCurvatureEqualsTheSchurComplement() {
        for (String set : List.of("sim", "acitelli")) {
            DataSet s = SETS.get(set);
            for (boolean dist : new boolean[] {false, true}) {
                for (boolean reml : new boolean[] {true, false}) {
                    List<Design.Term> terms = List.of(new Design.Term("intercept", List.of()),
                            new Design.Term("actor", List.of(new Design.Factor(s.x, false))),
                            new Design.Term("partner", List.of(new Design.Factor(s.x, true))));
                    List<String> roles = dist ? List.of(s.r0, s.r1) : List.of();
                    boolean[] ok = Design.mask(Design.eligible(s.data, s.y, terms, dist, roles, java.util.List.of()));
                    Design design = Design.build(s.data, s.y, terms, dist, Parameterisation.TWO_INTERCEPT, roles, ok);
                    CrossProducts c = CrossProducts.of(design, null);
                    GlsEngine.Estimate e = GlsEngine.fit(c, reml, dist, null);
                    double x = logit(e.rho());
                    double[] t = dist ? new double[] {x, Math.log(e.lambda())} : new double[] {x};
                    double[] full = new double[t.length + 1];
                    System.arraycopy(t, 0, full, 0, t.length);
                    full[t.length] = 0.5 * Math.log(e.eval().sigma2);
                    double[][] vFull = VarianceIntervals.covariance(c, reml, full, dist);
                    double[][] h = new double[t.length][t.length];
                    double d = 1e-4;
                    for (int i = 0; i < t.length; i++) {
                        for (int j = 0; j < t.length; j++) {
                            h[i][j] = -(profiled(c, reml, t, i, d, j, d) - profiled(c, reml, t, i, d, j, -d)
                                    - profiled(c, reml, t, i, -d, j, d) + profiled(c, reml, t, i, -d, j, -d))
                                    / (4 * d * d);
                        }
                    }
                    double[][] vProf = VarianceIntervals.inverseIfPositiveDefinite(h);
                    String what = set + (dist ? " dist " : " indist ") + (reml ? "REML" : "ML");
                    assertNotNull(vProf, what);
                    for (int i = 0; i < t.length; i++) {
                        for (int j = 0; j < t.length; j++) {
                            assertEquals(vFull[i][j], vProf[i][j], 1e-4 * Math.sqrt(vFull[i][i] * vFull[j][j]),
                                    what + " [" + i + "][" + j + "]");
                        }
                    }
                }
            }
        }
    }

    private static double profiled(CrossProducts c, boolean reml, double[] t, int i, double hi, int j, double hj) {
        double[] s = t.clone();
        s[i] += hi;
        s[j] += hj;
        GlsEngine.Eval e = GlsEngine.evaluate(c, reml, Math.tanh(s[0] / 2), s.length > 1 ? Math.exp(s[1]) : 1.0,
                false);
        return e.logLik;
    }

    /** A Hessian with a non-negative eigenvalue gives no interval (null, never NaN). */
    @Test
    void noIntervalWithoutANegativeDefiniteHessian() {
        assertNull(VarianceIntervals.inverseIfPositiveDefinite(new double[][] {{1, 2}, {2, 1}}));
        assertNull(VarianceIntervals.inverseIfPositiveDefinite(new double[][] {{1, 0}, {0, Double.NaN}}));
        assertNull(VarianceIntervals.inverseIfPositiveDefinite(new double[][] {{0}}));
        double[][] inv = VarianceIntervals.inverseIfPositiveDefinite(new double[][] {{2, 1}, {1, 2}});
        assertEquals(2.0 / 3, inv[0][0], 1e-12);
        assertEquals(-1.0 / 3, inv[0][1], 1e-12);
    }
}
