package org.dyadkit.apim;

import org.dyadkit.dyad.DyadArrays;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Internal consistency: the closed forms against textbook regressions and against the iterative fit,
 * the empty REML model's rho against the ANOVA ICC, the two parameterisations' fitted values, and the
 * invariance of indistinguishable fits to the order of the partners (seeded property test).
 */
class ConsistencyTest {
    private static void close(double expected, double actual, double tol, String what) {
        assertTrue(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)),
                what + ": expected " + expected + ", got " + actual);
    }

    /** Sum/difference regressions (Kenny, Kashy and Cook 2006; research notes 2.3) on the Acitelli couples. */
    @Test
    void indistinguishableClosedFormIsTheSumAndDifferenceRegression() {
        DyadArrays d = TestData.acitelli();
        double[] hx = TestData.column(d, "other_pos", "husband");
        double[] wx = TestData.column(d, "other_pos", "wife");
        double[] hy = TestData.column(d, "satisfaction", "husband");
        double[] wy = TestData.column(d, "satisfaction", "wife");
        int n = hx.length;
        double[] s = new double[n];
        double[] dd = new double[n];
        double[][] xs = new double[n][1];
        double[][] xd = new double[n][1];
        for (int i = 0; i < n; i++) {
            s[i] = hy[i] + wy[i];
            dd[i] = hy[i] - wy[i];
            xs[i][0] = hx[i] + wx[i];
            xd[i][0] = hx[i] - wx[i];
        }
        OLSMultipleLinearRegression sum = new OLSMultipleLinearRegression();
        sum.newSampleData(s, xs);
        OLSMultipleLinearRegression diff = new OLSMultipleLinearRegression();
        diff.setNoIntercept(true);
        diff.newSampleData(dd, xd);
        double aPlusP = sum.estimateRegressionParameters()[1];
        double aMinusP = diff.estimateRegressionParameters()[0];
        double vs = sum.estimateErrorVariance();
        double vd = diff.estimateErrorVariance();
        double seApS = sum.estimateRegressionParametersStandardErrors()[1];
        double seAmP = diff.estimateRegressionParametersStandardErrors()[0];
        ApimFit f = Apim.indistinguishable(d).withOutcome("satisfaction").withPredictor("other_pos").fit();
        assertTrue(f.closedForm());
        close((aPlusP + aMinusP) / 2, f.coefficient("actor").estimate(), 1e-8, "actor");
        close((aPlusP - aMinusP) / 2, f.coefficient("partner").estimate(), 1e-8, "partner");
        close(sum.estimateRegressionParameters()[0] / 2, f.coefficient("intercept").estimate(), 1e-8, "intercept");
        close(Math.sqrt((vs + vd) / 4), f.residualSd("all"), 1e-8, "sigma");
        close((vs - vd) / (vs + vd), f.rho(), 1e-8, "rho");
        close(0.5 * Math.sqrt(seApS * seApS + seAmP * seAmP), f.coefficient("actor").se(), 1e-8, "SE actor");
    }

    /** Per-role OLS (SUR with identical regressors) on the Acitelli couples. */
    @Test
    void distinguishableClosedFormIsPerRoleOls() {
        DyadArrays d = TestData.acitelli();
        double[] hx = TestData.column(d, "other_pos", "husband");
        double[] wx = TestData.column(d, "other_pos", "wife");
        double[] hy = TestData.column(d, "satisfaction", "husband");
        double[] wy = TestData.column(d, "satisfaction", "wife");
        int n = hx.length;
        double[][] xh = new double[n][];
        double[][] xw = new double[n][];
        for (int i = 0; i < n; i++) {
            xh[i] = new double[] {hx[i], wx[i]};
            xw[i] = new double[] {wx[i], hx[i]};
        }
        OLSMultipleLinearRegression h = new OLSMultipleLinearRegression();
        h.newSampleData(hy, xh);
        OLSMultipleLinearRegression w = new OLSMultipleLinearRegression();
        w.newSampleData(wy, xw);
        ApimFit f = Apim.distinguishable(d).withRoles("husband", "wife").withOutcome("satisfaction").withPredictor("other_pos")
                .fit();
        assertTrue(f.closedForm());
        close(h.estimateRegressionParameters()[1], f.coefficient("actor:husband").estimate(), 1e-8, "actor H");
        close(h.estimateRegressionParameters()[2], f.coefficient("partner:husband").estimate(), 1e-8, "partner H");
        close(w.estimateRegressionParameters()[1], f.coefficient("actor:wife").estimate(), 1e-8, "actor W");
        close(w.estimateRegressionParameters()[2], f.coefficient("partner:wife").estimate(), 1e-8, "partner W");
        close(Math.sqrt(h.estimateErrorVariance()), f.residualSd("husband"), 1e-8, "sd H");
        close(Math.sqrt(w.estimateErrorVariance()), f.residualSd("wife"), 1e-8, "sd W");
        double[] eh = h.estimateResiduals();
        double[] ew = w.estimateResiduals();
        double shw = 0;
        double shh = 0;
        double sww = 0;
        for (int i = 0; i < n; i++) {
            shw += eh[i] * ew[i];
            shh += eh[i] * eh[i];
            sww += ew[i] * ew[i];
        }
        close(shw / Math.sqrt(shh * sww), f.rho(), 1e-8, "rho");
        // the SE of a per-role coefficient is the OLS SE
        close(h.estimateRegressionParametersStandardErrors()[1], f.coefficient("actor:husband").se(), 1e-8,
                "SE actor H");
    }

    @Test
    void closedFormEqualsIterativeFitOnCompleteData() {
        for (long seed : new long[] {11, 12, 13}) {
            DyadArrays d = Simulated.couples(seed, 120, seed == 12 ? -0.4 : 0.5, 1.3, 0, 0);
            for (Method m : Method.values()) {
                List<Apim[]> pairs = new ArrayList<>();
                pairs.add(new Apim[] {Apim.indistinguishable(d).withOutcome("y").withPredictor("x").withMethod(m),
                    Apim.indistinguishable(d).withOutcome("y").withPredictor("x").withMethod(m).iterativeOnly()});
                pairs.add(new Apim[] {Apim.distinguishable(d).withOutcome("y").withPredictor("x").withMethod(m),
                    Apim.distinguishable(d).withOutcome("y").withPredictor("x").withMethod(m).iterativeOnly()});
                pairs.add(new Apim[] {
                    Apim.distinguishable(d).withOutcome("y").withPredictor("x").withMethod(m)
                            .withParameterisation(Parameterisation.INTERACTION),
                    Apim.distinguishable(d).withOutcome("y").withPredictor("x").withMethod(m)
                            .withParameterisation(Parameterisation.INTERACTION).iterativeOnly()});
                for (Apim[] pair : pairs) {
                    ApimFit cf = pair[0].fit();
                    ApimFit it = pair[1].fit();
                    String what = "seed " + seed + " " + m + " " + (cf.distinguishable() ? cf.parameterisation() : "indist");
                    assertTrue(cf.closedForm(), what);
                    assertFalse(it.closedForm(), what);
                    for (int j = 0; j < cf.coefficients().size(); j++) {
                        close(cf.coefficients().get(j).estimate(), it.coefficients().get(j).estimate(), 1e-6,
                                what + " " + cf.coefficients().get(j).term());
                        close(cf.coefficients().get(j).se(), it.coefficients().get(j).se(), 1e-5,
                                what + " SE " + cf.coefficients().get(j).term());
                    }
                    close(cf.rho(), it.rho(), 1e-5, what + " rho");
                    for (String r : cf.residual().sd().keySet()) {
                        close(cf.residualSd(r), it.residualSd(r), 1e-5, what + " sd " + r);
                    }
                    close(cf.logLik(), it.logLik(), 1e-9, what + " logLik");
                }
            }
        }
    }

    /** KKC (2006) p. 34: on complete balanced dyads the empty REML compound-symmetry rho is the ANOVA ICC. */
    @Test
    void emptyReMlRhoEqualsAnovaIcc() {
        for (long seed : new long[] {21, 22, 23}) {
            DyadArrays d = Simulated.couples(seed, 60, seed == 22 ? -0.3 : 0.4, 1.0, 0, 0);
            double[] a = TestData.column(d, "y", "A");
            double[] b = TestData.column(d, "y", "B");
            int n = a.length;
            double grand = 0;
            for (int i = 0; i < n; i++) {
                grand += a[i] + b[i];
            }
            grand /= 2 * n;
            double ssb = 0;
            double ssw = 0;
            for (int i = 0; i < n; i++) {
                double m = (a[i] + b[i]) / 2;
                ssb += (m - grand) * (m - grand);
                ssw += (a[i] - b[i]) * (a[i] - b[i]);
            }
            double msb = 2 * ssb / (n - 1);
            double msw = ssw / (2 * n);
            double icc = (msb - msw) / (msb + msw);
            ApimFit f = Apim.indistinguishable(d).withOutcome("y").fit();
            close(icc, f.rho(), 1e-8, "seed " + seed + " closed form");
            ApimFit it = Apim.indistinguishable(d).withOutcome("y").iterativeOnly().fit();
            close(icc, it.rho(), 1e-6, "seed " + seed + " iterative");
        }
    }

    @Test
    void parameterisationsGiveTheSameFittedValues() {
        DyadArrays d = Simulated.couples(31, 150, 0.3, 1.5, 0.08, 0.05);
        for (Method m : Method.values()) {
            ApimFit two = Apim.distinguishable(d).withOutcome("y").withPredictor("x").withCovariate("c").withMethod(m).fit();
            ApimFit inter = Apim.distinguishable(d).withOutcome("y").withPredictor("x").withCovariate("c").withMethod(m)
                    .withParameterisation(Parameterisation.INTERACTION).fit();
            String[] roles = {"A", "B"};
            Map<String, double[]> xs = new LinkedHashMap<>();
            for (int r = 0; r < 2; r++) {
                double sign = r == 0 ? 1 : -1;
                for (String t : new String[] {"actor", "partner", "c"}) {
                    double viaInteraction = inter.coefficient(t).estimate() + sign * inter.coefficient(t + ":role").estimate();
                    close(two.coefficient(t + ":" + roles[r]).estimate(), viaInteraction, 1e-6, m + " " + t + " " + roles[r]);
                }
                double icpt = inter.coefficient("intercept").estimate() + sign * inter.coefficient("role").estimate();
                close(two.coefficient("intercept:" + roles[r]).estimate(), icpt, 1e-6, m + " intercept " + roles[r]);
                close(two.residualSd(roles[r]), inter.residualSd(roles[r]), 1e-5, m + " sd " + roles[r]);
            }
            close(two.rho(), inter.rho(), 1e-5, m + " rho");
            if (m == Method.ML) {
                close(two.logLik(), inter.logLik(), 1e-9, "ML logLik");
            }
            // fitted values person by person
            double[] fitTwo = TestData.fitted(d, two, "y", "x", "c");
            double[] fitInter = TestData.fitted(d, inter, "y", "x", "c");
            for (int i = 0; i < fitTwo.length; i++) {
                assertEquals(Double.isNaN(fitTwo[i]), Double.isNaN(fitInter[i]), "person " + i);
                if (Double.isNaN(fitTwo[i])) {
                    continue;
                }
                close(fitTwo[i], fitInter[i], 1e-6, m + " fitted value of person " + i);
            }
            xs.clear();
        }
    }

    /** Property: the order of the two members within dyads (and of the dyads) does not matter. */
    @Test
    void swappingPartnersOfIndistinguishableDyadsChangesNothing() {
        UniformRandomProvider seeds = RandomSource.XO_RO_SHI_RO_128_PP.create(4242L);
        for (int rep = 0; rep < 8; rep++) {
            long seed = seeds.nextLong();
            DyadArrays d = Simulated.couples(seed, 80, rep % 2 == 0 ? 0.4 : -0.3, 1.0, 0.1, 0.05);
            DyadArrays swapped = TestData.shuffled(d, seed, "x", "c", "y");
            for (boolean iterative : new boolean[] {false, true}) {
                Apim b1 = Apim.indistinguishable(d).withOutcome("y").withPredictor("x").withCovariate("c");
                Apim b2 = Apim.indistinguishable(swapped).withOutcome("y").withPredictor("x").withCovariate("c");
                if (iterative) {
                    b1.iterativeOnly();
                    b2.iterativeOnly();
                }
                ApimFit f1 = b1.fit();
                ApimFit f2 = b2.fit();
                String what = "seed " + seed;
                for (int j = 0; j < f1.coefficients().size(); j++) {
                    close(f1.coefficients().get(j).estimate(), f2.coefficients().get(j).estimate(), 1e-9, what);
                    close(f1.coefficients().get(j).se(), f2.coefficients().get(j).se(), 1e-8, what);
                }
                close(f1.rho(), f2.rho(), 1e-8, what + " rho");
                close(f1.logLik(), f2.logLik(), 1e-10, what + " logLik");
                assertEquals(f1.nObs(), f2.nObs(), what);
            }
        }
    }

    /** A bootstrap replicate started from the full-data fit (Newton) lands where the full search does. */
    @Test
    void warmStartedReplicateEqualsTheFullSearch() {
        DyadArrays d = Simulated.couples(57, 120, 0.35, 1.3, 0.1, 0.05);
        for (boolean dist : new boolean[] {false, true}) {
            java.util.List<Design.Term> terms = java.util.List.of(new Design.Term("intercept", java.util.List.of()),
                    new Design.Term("actor", java.util.List.of(new Design.Factor("x", false))),
                    new Design.Term("partner", java.util.List.of(new Design.Factor("x", true))));
            java.util.List<String> roles = dist ? java.util.List.of("A", "B") : java.util.List.of();
            boolean[] ok = Design.mask(Design.eligible(d, "y", terms, dist, roles, java.util.List.of()));
            Design design = Design.build(d, "y", terms, dist, Parameterisation.TWO_INTERCEPT, roles, ok);
            GlsEngine.Estimate full = GlsEngine.fit(CrossProducts.of(design, null), true, dist, null);
            for (int r = 0; r < 20; r++) {
                int[] counts = org.dyadkit.resample.DyadBootstrap.draw(design.dyads.length, 99L, r);
                CrossProducts c = CrossProducts.of(design, counts);
                GlsEngine.Estimate warm = GlsEngine.fit(c, true, dist, null, full);
                GlsEngine.Estimate cold = GlsEngine.fit(c, true, dist, null, null);
                String what = (dist ? "distinguishable" : "indistinguishable") + " seed 99 replicate " + r;
                close(cold.rho(), warm.rho(), 1e-7, what + " rho");
                close(cold.lambda(), warm.lambda(), 1e-7, what + " lambda");
                for (int j = 0; j < design.p; j++) {
                    close(cold.eval().beta[j], warm.eval().beta[j], 1e-8, what + " beta " + j);
                }
            }
        }
    }

    /** Shifting a predictor far from zero changes only the intercepts (the columns are centred internally). */
    @Test
    void farFromZeroPredictorsGiveTheSameFit() {
        DyadArrays d = Simulated.couples(91, 300, 0.4, 1.2, 0.1, 0.05);
        ApimFit base = Apim.distinguishable(d).withOutcome("y").withPredictor("x").withCovariate("c").fit();
        for (double offset : new double[] {1e3, 1e5}) {
            double[] x = d.values("x").clone();
            for (int i = 0; i < x.length; i++) {
                x[i] += offset;
            }
            Map<String, double[]> v = new LinkedHashMap<>();
            v.put("x", x);
            v.put("y", d.values("y"));
            v.put("c", d.values("c"));
            String[] dyad = new String[x.length];
            String[] role = new String[x.length];
            for (int i = 0; i < x.length; i++) {
                dyad[i] = d.dyadId(i);
                role[i] = d.role(i);
            }
            ApimFit f = Apim.distinguishable(DyadArrays.of(dyad, role, v)).withOutcome("y").withPredictor("x").withCovariate("c")
                    .withDf(DfMethod.SATTERTHWAITE).fit();
            ApimFit g = Apim.distinguishable(d).withOutcome("y").withPredictor("x").withCovariate("c").withDf(DfMethod.SATTERTHWAITE)
                    .fit();
            for (String t : new String[] {"actor:A", "actor:B", "partner:A", "partner:B", "c:A", "c:B"}) {
                close(base.coefficient(t).estimate(), f.coefficient(t).estimate(), 1e-9, "offset " + offset + " " + t);
                close(base.coefficient(t).se(), f.coefficient(t).se(), 1e-8, "offset " + offset + " SE " + t);
                close(g.coefficient(t).df(), f.coefficient(t).df(), 1e-4, "offset " + offset + " df " + t);
            }
            for (String r : new String[] {"A", "B"}) {
                double shift = offset * (f.coefficient("actor:" + r).estimate() + f.coefficient("partner:" + r).estimate());
                close(base.coefficient("intercept:" + r).estimate() - shift, f.coefficient("intercept:" + r).estimate(),
                        1e-9 * offset, "offset " + offset + " intercept " + r);
            }
            close(base.rho(), f.rho(), 1e-8, "offset " + offset + " rho");
            close(base.logLik(), f.logLik(), 1e-9, "offset " + offset + " logLik");
        }
    }
}
