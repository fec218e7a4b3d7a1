package org.dyadkit.apim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dyadkit.dyad.DyadArrays;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Goldens for the constrained refits, the equal-k test and the SEM tests of distinguishability
 * (golden/apim_tests/make_goldens.R: nlme::gls ML fits of reparameterised designs compared by anova(),
 * Wald statistics from the REML vcov, lavaan SEM fits with equality constraints; versions in VERSIONS.txt,
 * inputs' sha256 in SHA256SUMS). Tolerances: LR chi^2 and p 1e-6 relative (iterative fits; lavaan's
 * optimiser converges to about 1e-7), log-likelihoods 1e-8, estimates 1e-6 and SEs / variance parameters
 * 1e-5 relative; Wald chi^2 1e-5 (it is built from the REML SEs) and its p 1e-5 relative on the -log p
 * scale (a p of 1e-19 moves by half the absolute change of chi^2).
 */
class ApimTestsGoldenTest {
    private record DataSet(DyadArrays data, String y, String x, String r0, String r1) {
    }

    private static final Map<String, DataSet> SETS = Map.of(
            "acitelli", new DataSet(TestData.acitelli(), "satisfaction", "other_pos", "husband", "wife"),
            "acitelli_tension", new DataSet(TestData.acitelli(), "satisfaction", "tension", "husband", "wife"),
            "missing", new DataSet(TestData.individual("acitelli_missing.csv", "cuplid", "gender",
                    Map.of("-1", "wife", "1", "husband")), "satisfaction", "other_pos", "husband", "wife"),
            "sim", new DataSet(TestData.individual("sim_couples.csv", "couple", "role", null), "y", "x", "A", "B"));

    @TestFactory
    Stream<DynamicTest> goldens() {
        Map<String, Map<String, Double>> cases = new LinkedHashMap<>();
        List<String[]> rows = TestData.rowsAt("/golden/apim_tests/tests_goldens.csv");
        for (String[] r : rows.subList(1, rows.size())) {
            cases.computeIfAbsent(r[0], k -> new LinkedHashMap<>()).put(r[1], Double.parseDouble(r[2]));
        }
        List<DynamicTest> tests = new ArrayList<>();
        cases.forEach((name, expected) -> {
            if (name.contains("/")) {
                tests.add(DynamicTest.dynamicTest(name, () -> check(name, expected)));
            }
        });
        assertTrue(tests.size() >= 25, "too few golden cases: " + tests.size());
        return tests.stream();
    }

    private static void check(String name, Map<String, Double> e) {
        String[] parts = name.split("/");
        DataSet s = SETS.get(parts[0]);
        Apim db = Apim.distinguishable(s.data).withRoles(s.r0, s.r1).withOutcome(s.y).withPredictor(s.x);
        Apim ib = Apim.indistinguishable(s.data).withOutcome(s.y).withPredictor(s.x);
        if (parts[1].equals("sem")) {
            if (parts[2].equals("n-1")) {
                // lavaan's wishart likelihood is not the Amos convention with a mean structure (see the script)
                SemDistinguishabilityResult n = SemDistinguishability.of(db).fit();
                SemDistinguishabilityResult n1 = SemDistinguishability.of(db)
                        .withConvention(ChiSquareConvention.N_MINUS_1).fit();
                SemTestKind k = kind(parts[3]);
                assertEquals(n.test(k).chiSquare() * (n.nDyads() - 1.0) / n.nDyads(), n1.test(k).chiSquare(),
                        1e-12 * Math.max(1, n.test(k).chiSquare()), name);
                return;
            }
            SemDistinguishabilityResult r = SemDistinguishability.of(db).fit();
            SemTest t = r.test(kind(parts[3]));
            rel(e.get("chi2"), t.chiSquare(), 1e-6, name + " chi2");
            assertEquals(e.get("df").intValue(), t.df(), name + " df");
            rel(e.get("p"), t.p(), 1e-6, name + " p");
            return;
        }
        if (parts[1].equals("explained")) {
            Apim m = parts[2].equals("dist") ? db : ib;
            ExplainedNonindependence x = ExplainedNonindependence.of(m, m.fit());
            rel(e.get("raw_r"), x.rawR(), 1e-8, name + " raw_r");
            rel(e.get("explained"), x.explained(), 1e-8, name + " explained");
            rel(e.get("share"), x.share(), 1e-8, name + " share");
            rel(e.get("predictor_r"), x.predictorR(), 1e-8, name + " predictor_r");
            if (e.containsKey("residual_r")) {
                rel(e.get("residual_r"), x.residualR(), 1e-8, name + " residual_r");
            }
            return;
        }
        Apim b = parts[1].equals("dist") ? db : ib;
        String label = parts[2];
        if (label.equals("free")) {
            ConstraintTests t = ApimConstraints.of(b).fit();
            rel(e.get("logLik"), t.logLikFreeMl(), 1e-8, name + " logLik");
            return;
        }
        ApimConstraints c = ApimConstraints.of(b);
        c = switch (label) {
            case "equal_actors" -> c.withPattern(ConstraintKind.EQUAL_ACTORS);
            case "equal_partners" -> c.withPattern(ConstraintKind.EQUAL_PARTNERS);
            case "couple" -> c.withPattern(ConstraintKind.COUPLE);
            case "actor_only" -> c.withPattern(ConstraintKind.ACTOR_ONLY);
            case "contrast" -> c.withPattern(ConstraintKind.CONTRAST);
            case "k=0.5" -> c.withFixedK(0.5);
            case "equal_k" -> c.withEqualK();
            case "user" -> parts[1].equals("dist")
                    ? c.withConstraint("actor:A = 2 * partner:B").withConstraint("partner:A = 0.2")
                    : c.withConstraint("actor = 2*partner");
            default -> throw new IllegalStateException(label);
        };
        ConstraintTest t = c.fit().tests().get(0);
        for (Map.Entry<String, Double> en : e.entrySet()) {
            String q = en.getKey();
            double v = en.getValue();
            String what = name + " " + q;
            switch (q) {
                case "lr_chi2" -> rel(v, t.lrChiSquare(), 1e-6, what);
                case "lr_p" -> rel(v, t.lrP(), 1e-6, what);
                case "df" -> assertEquals((int) v, t.df(), what);
                case "logLik_constrained" -> rel(v, t.logLikConstrained(), 1e-8, what);
                // Wald statistics are built from the SEs (1e-5); a small p is compared on the -log scale
                case "wald_chi2" -> rel(v, t.waldChiSquare(), 1e-5, what);
                case "wald_p" -> rel(-Math.log(v), -Math.log(t.waldP()), 1e-5, what);
                case "rho" -> assertEquals(v, t.rho(), 1e-5, what);
                case "k" -> rel(v, t.k().getAsDouble(), 1e-6, what);
                case "lr_chi2_n-1" -> { }
                default -> {
                    String[] qs = q.split(":", 2);
                    if (qs[0].equals("sd")) {
                        rel(v, t.residualSd().get(qs[1]), 1e-5, what);
                    } else {
                        ConstrainedCoefficient cc = t.coefficients().stream().filter(x -> x.term().equals(qs[1]))
                                .findFirst().orElseThrow();
                        rel(v, qs[0].equals("se") ? cc.se() : cc.estimate(), qs[0].equals("se") ? 1e-5 : 1e-6, what);
                    }
                }
            }
        }
    }

    private static SemTestKind kind(String s) {
        return switch (s) {
            case "complete" -> SemTestKind.COMPLETE;
            case "y" -> SemTestKind.Y;
            default -> SemTestKind.EFFECT;
        };
    }

    private static void rel(double expected, double actual, double tol, String what) {
        assertEquals(expected, actual, tol * Math.max(Math.abs(expected), 1e-300) + 1e-300, what);
    }
}
