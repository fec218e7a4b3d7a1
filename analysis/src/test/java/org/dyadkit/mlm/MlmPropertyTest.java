package org.dyadkit.mlm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.dyadkit.AnalysisException;
import org.dyadkit.apim.Apim;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.diary.DiaryData;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;

/** Seeded properties of the mixed-model fit; a failure names its seed. */
class MlmPropertyTest {
    static final List<String> COLUMNS = List.of("couple", "person", "gender", "day", "x", "y");

    /** A small simulated diary: random intercepts per partner, CS residuals, missing days. */
    static DataTable simulate(long seed, int couples, int days, double rho) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        var z = ZigguratSampler.NormalizedGaussian.of(rng);
        List<String[]> rows = new ArrayList<>();
        for (int c = 0; c < couples; c++) {
            double bm = 0.8 * z.sample();
            double bw = 0.5 * bm + 0.9 * z.sample();
            for (int d = 1; d <= days; d++) {
                double e1 = z.sample();
                double e2 = rho * e1 + Math.sqrt(1 - rho * rho) * z.sample();
                double xm = z.sample();
                double xw = z.sample();
                double ym = 3 + bm + 0.1 * d + 0.3 * xm + 0.1 * xw + 0.7 * e1;
                double yw = 3.3 + bw + 0.05 * d + 0.2 * xw + 0.2 * xm + 0.9 * e2;
                if (rng.nextDouble() > 0.1) {
                    rows.add(new String[] {"c" + c, "c" + c + "m", "man", Integer.toString(d), fmt(xm), fmt(ym)});
                }
                if (rng.nextDouble() > 0.1) {
                    rows.add(new String[] {"c" + c, "c" + c + "w", "woman", Integer.toString(d), fmt(xw), fmt(yw)});
                }
            }
        }
        return DataTable.of("sim-" + seed, COLUMNS, rows);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }

    static DiaryData diary(DataTable t) {
        return DiaryData.of(t).dyad("couple").role("gender").person("person").occasion("day").build();
    }

    static Mlm model(DiaryData d) {
        return Mlm.of(d).withFixed("y ~ 0 + man + woman + man:x + woman:x + man:partner(x) + woman:partner(x)")
                .withRandom("~ 0 + man + woman | couple").withVarianceBy("gender");
    }

    @Test
    void theOptimumIsNotBelowNearbyPoints() {
        for (long seed = 1; seed <= 4; seed++) {
            Mlm m = model(diary(simulate(seed, 25, 6, seed % 2 == 0 ? -0.4 : 0.4)));
            MlmFit fit = m.fit();
            Engine e = m.engine();
            Engine.Optimum opt = e.minimise(new double[e.nTheta], 1000);
            assertEquals(fit.logLik(), -opt.f, 1e-7, "seed " + seed + ": logLik of the fit and of the optimum");
            UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed * 7919);
            var z = ZigguratSampler.NormalizedGaussian.of(rng);
            for (int k = 0; k < 20; k++) {
                double[] t = opt.theta.clone();
                for (int i = 0; i < t.length; i++) {
                    t[i] += 1e-3 * z.sample();
                }
                double f = e.objective(t);
                if (!(f >= opt.f - 1e-9)) {
                    throw new AssertionError("seed " + seed + ": a nearby point has a higher likelihood: "
                            + (-f) + " > " + (-opt.f));
                }
            }
        }
    }

    @Test
    void theWoodburyPathEqualsTheDenseOne() {
        for (long seed = 21; seed <= 24; seed++) {
            for (Method method : Method.values()) {
                Mlm m = model(diary(simulate(seed, 15, 5, -0.3))).withMethod(method);
                Engine w = m.engine();
                if (!w.woodbury) {
                    throw new AssertionError("the model without AR(1) should take the Woodbury path");
                }
                Engine d = new Engine(w.blocks, w.p, w.q, w.strata, w.diagonal, w.cs, w.ar1, w.reml, false);
                UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
                double[] theta = new double[w.nTheta];
                for (int i = 0; i < theta.length; i++) {
                    theta[i] = 0.5 * (rng.nextDouble() - 0.5);
                }
                String s = "seed " + seed + " " + method;
                assertEquals(d.objective(theta), w.objective(theta), 1e-9 * Math.abs(d.objective(theta)), s);
                double[] gd = d.analyticGradient(theta);
                double[] gw = w.analyticGradient(theta);
                for (int i = 0; i < gd.length; i++) {
                    assertEquals(gd[i], gw[i], 1e-7 * Math.max(1, Math.abs(gd[i])), s + " gradient " + i);
                }
            }
        }
    }

    @Test
    void reorderingRowsAndRelabellingDyadsChangesNothing() {
        for (long seed = 11; seed <= 13; seed++) {
            DataTable t = simulate(seed, 20, 7, 0.3);
            UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
            int[] perm = PermutationSampler.natural(t.rowCount());
            PermutationSampler.shuffle(rng, perm);
            List<String[]> rows = new ArrayList<>();
            for (int r : perm) {
                String[] row = t.row(r);
                row[0] = "dyad-" + (1000 - Integer.parseInt(row[0].substring(1)));
                row[1] = "p-" + row[1];
                rows.add(row);
            }
            DataTable shuffled = DataTable.of("shuffled", COLUMNS, rows);
            MlmFit a = model(diary(t)).fit();
            MlmFit b = model(diary(shuffled)).fit();
            String s = "seed " + seed;
            assertEquals(a.logLik(), b.logLik(), 1e-8, s + " logLik");
            for (FixedEffect c : a.coefficients()) {
                FixedEffect d = b.coefficient(c.term());
                assertEquals(c.estimate(), d.estimate(), 1e-6 * Math.max(1, Math.abs(c.estimate())), s + " " + c.term());
                assertEquals(c.se(), d.se(), 1e-5 * c.se(), s + " se " + c.term());
                assertEquals(c.df(), d.df(), 0, s + " df " + c.term());
            }
            for (ResidualPart.StratumSd r : a.residual().sd()) {
                double other = b.residual().sd().stream().filter(x -> x.level().equals(r.level())).findFirst()
                        .orElseThrow().sd();
                assertEquals(r.sd(), other, 1e-5 * r.sd(), s + " residual SD " + r.level());
            }
            assertEquals(a.randomPart().sd("man"), b.randomPart().sd("man"), 1e-5, s + " random SD");
            assertEquals(a.residual().withinOccasion().getAsDouble(), b.residual().withinOccasion().getAsDouble(), 1e-5,
                    s + " rho");
            assertEquals(a.sample(), b.sample(), s + " sample");
        }
    }

    @Test
    void oneOccasionPerPersonIsTheCrossSectionalApim() throws Exception {
        DataTable aci = DataTable.read(Path.of(MlmPropertyTest.class.getResource("/golden/apim/acitelli_individual.csv")
                .toURI()));
        List<String> cols = new ArrayList<>(aci.columns());
        cols.add("wave");
        int g = aci.columnIndex("gender");
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < aci.rowCount(); r++) {
            String[] row = java.util.Arrays.copyOf(aci.row(r), cols.size());
            row[g] = row[g].strip().equals("1") ? "wife" : "husband";
            row[cols.size() - 1] = "1";
            rows.add(row);
        }
        DataTable t = DataTable.of("acitelli-one-wave", cols, rows);
        DiaryData diary = DiaryData.of(t).dyad("cuplid").role("gender").occasion("wave").build();
        for (Method method : Method.values()) {
            MlmFit m = Mlm.of(diary)
                    .withFixed("satisfaction ~ 0 + husband + wife + husband:other_pos + wife:other_pos"
                            + " + husband:partner(other_pos) + wife:partner(other_pos)")
                    .withRandom("~ 0 | cuplid").withVarianceBy("gender").withMethod(method).fit();
            DyadicData couples = DyadicData.individual(t).dyad("cuplid").role("gender").build();
            ApimFit a = Apim.distinguishable(couples).withOutcome("satisfaction").withPredictor("other_pos")
                    .withParameterisation(org.dyadkit.apim.Parameterisation.TWO_INTERCEPT)
                    .withMethod(method == Method.REML ? org.dyadkit.apim.Method.REML : org.dyadkit.apim.Method.ML).fit();
            String s = method.name();
            assertEquals(a.logLik(), m.logLik(), 1e-6, s + " logLik");
            for (String role : List.of("husband", "wife")) {
                assertEquals(a.actor(role), m.coefficient(role + ":other_pos").estimate(), 1e-6, s + " actor " + role);
                assertEquals(a.partner(role), m.coefficient(role + ":partner(other_pos)").estimate(), 1e-6,
                        s + " partner " + role);
                assertEquals(a.residualSd(role), m.residual().sd().stream().filter(x -> x.level().equals(role))
                        .findFirst().orElseThrow().sd(), 1e-5, s + " residual SD " + role);
            }
            assertEquals(a.rho(), m.residual().withinOccasion().getAsDouble(), 1e-5, s + " rho");
            assertEquals(a.coefficient("actor:wife").se(), m.coefficient("wife:other_pos").se(), 1e-5, s + " SE");
        }
        // Satterthwaite df: the APIM's (checked there against SAS ddfm=satterth) and the mixed model's agree
        MlmFit ms = Mlm.of(diary)
                .withFixed("satisfaction ~ 0 + husband + wife + husband:other_pos + wife:other_pos"
                        + " + husband:partner(other_pos) + wife:partner(other_pos)")
                .withRandom("~ 0 | cuplid").withVarianceBy("gender").withDf(DfRule.SATTERTHWAITE).fit();
        ApimFit as = Apim.distinguishable(DyadicData.individual(t).dyad("cuplid").role("gender").build())
                .withOutcome("satisfaction").withPredictor("other_pos")
                .withParameterisation(org.dyadkit.apim.Parameterisation.TWO_INTERCEPT)
                .withDf(org.dyadkit.apim.DfMethod.SATTERTHWAITE).fit();
        for (String role : List.of("husband", "wife")) {
            assertEquals(as.coefficient("actor:" + role).df(), ms.coefficient(role + ":other_pos").df(),
                    1e-3 * as.coefficient("actor:" + role).df(), "Satterthwaite df of the actor effect, " + role);
            assertEquals(as.coefficient("partner:" + role).df(), ms.coefficient(role + ":partner(other_pos)").df(),
                    1e-3 * as.coefficient("partner:" + role).df(), "Satterthwaite df of the partner effect, " + role);
        }
    }

    @Test
    void aVarianceAtTheBoundaryIsANamedError() {
        // partners' outcomes strongly negatively related at every occasion: a random intercept per dyad (which
        // can only add positive covariance) runs to zero
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(99);
        var z = GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), 0, 1);
        List<String[]> rows = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            for (int d = 1; d <= 5; d++) {
                double u = z.sample();
                rows.add(new String[] {"c" + c, "c" + c + "m", "man", "" + d, fmt(z.sample()), fmt(u)});
                rows.add(new String[] {"c" + c, "c" + c + "w", "woman", "" + d, fmt(z.sample()),
                    fmt(-u + 0.3 * z.sample())});
            }
        }
        Mlm m = Mlm.of(diary(DataTable.of("negative", COLUMNS, rows))).withFixed("y ~ x").withRandom("~ 1 | couple")
                .withWithinOccasion(WithinOccasion.NONE);
        AnalysisException e = assertThrows(AnalysisException.class, m::fit);
        assertEquals(AnalysisException.Reason.BOUNDARY, e.reason(), e.getMessage());
        if (!e.getMessage().contains("random-effect variance of (Intercept)")) {
            throw new AssertionError("the message names the parameter: " + e.getMessage());
        }
    }

    @Test
    void likelihoodRatioTestWithTheBoundaryMixture() {
        DiaryData d = diary(simulate(5, 30, 6, 0.2));
        MlmFit full = Mlm.of(d).withFixed("y ~ 0 + man + woman").withRandom("~ 0 + man + woman | couple")
                .withVarianceBy("gender").fit();
        MlmFit restricted = Mlm.of(d).withFixed("y ~ 0 + man + woman").withRandom("~ 0 + man | couple")
                .withVarianceBy("gender").fit();
        LikelihoodRatioTest lr = LikelihoodRatioTest.of(restricted, full, true);
        assertEquals(2, lr.df());
        assertEquals(2 * (full.logLik() - restricted.logLik()), lr.chiSquare(), 1e-12);
        double chi1 = org.apache.commons.statistics.distribution.ChiSquaredDistribution.of(1)
                .survivalProbability(lr.chiSquare());
        assertEquals(0.5 * chi1 + 0.5 * lr.p(), lr.pMixture().getAsDouble(), 1e-15);
        assertThrows(AnalysisException.class, () -> LikelihoodRatioTest.of(full, restricted, false));
    }
}
