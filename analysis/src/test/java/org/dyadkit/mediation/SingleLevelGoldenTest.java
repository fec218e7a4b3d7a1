package org.dyadkit.mediation;

import org.dyadkit.resample.Interval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Single-level mediation against R ({@code make_goldens.R}: {@code lm}, the Sobel formula, {@code boot} and
 * {@code boot.ci}). Closed forms to 1e-8 relative; the bootstrap intervals on R's own resamples (the frequency
 * arrays of {@code boot.array}) to 1e-8; a large independent bootstrap within Monte Carlo error.
 */
class SingleLevelGoldenTest {
    private static final Map<String, Map<String, Double>> G = Golden.values();

    private static MediationResult aciPersons(int boot, long seed, BootstrapCi ci) {
        Golden.Table t = Golden.table("acitelli_individual.csv");
        return Mediation.of(t.numbers()).withPredictor("other_pos").withMediator("tension").withOutcome("satisfaction").withBootstrap(boot, seed).withInterval(ci)
                .fit();
    }

    private static Mediation simDyads() {
        Golden.Table t = Golden.table("sim_mediation.csv");
        return Mediation.of(t.numbers()).withPredictor("x").withMediator("m").withOutcome("y").withCovariate("w").withDyad(t.text().get("couple"));
    }

    private static void checkPaths(String key, MediationResult r) {
        Map<String, Double> g = G.get(key);
        assertEquals(g.get("n").intValue(), r.n(), key + " n");
        for (PathEstimate p : List.of(r.a(), r.b(), r.cPrime(), r.c())) {
            String q = p.path().label();
            Golden.close(g.get("estimate:" + q), p.estimate(), 1e-8, key + " estimate " + q);
            Golden.close(g.get("se:" + q), p.se(), 1e-8, key + " se " + q);
            Golden.close(g.get("t:" + q), p.t(), 1e-8, key + " t " + q);
            Golden.close(g.get("p:" + q), p.p(), 1e-8, key + " p " + q);
        }
        assertEquals(g.get("df:a"), r.a().df(), key);
        assertEquals(g.get("df:b"), r.b().df(), key);
        assertEquals(g.get("df:c"), r.c().df(), key);
        Golden.close(g.get("indirect"), r.indirect().estimate(), 1e-8, key + " indirect");
        Golden.close(g.get("sobel_se"), r.indirect().sobelSe(), 1e-8, key + " sobel se");
        Golden.close(g.get("sobel_z"), r.indirect().sobelZ(), 1e-8, key + " sobel z");
        Golden.close(g.get("sobel_p"), r.indirect().sobelP(), 1e-8, key + " sobel p");
        // c = c' + ab on the same persons (OLS identity)
        Golden.close(r.c().estimate(), r.cPrime().estimate() + r.indirect().estimate(), 1e-10, key + " c = c' + ab");
    }

    @Test
    void acitelliPersonsMatchLm() {
        checkPaths("sl_aci_person", aciPersons(0, 1, BootstrapCi.PERCENTILE));
    }

    @Test
    void simulatedDyadsWithCovariateAndMissingValuesMatchLm() {
        MediationResult r = simDyads().fit();
        checkPaths("sl_sim_dyad", r);
        assertEquals("dyads", r.resampling().label());
    }

    /** Percentile and BCa intervals from R's resamples, recomputed with dyadkit's statistic and interval code. */
    private static void sameResamples(String key, Mediation.Model model, int[] unit, int nUnits, double t0) {
        Map<String, Double> g = G.get(key);
        List<int[]> freq = Golden.frequencies("boot_freq_" + key + ".csv.gz");
        double[] t = new double[freq.size()];
        for (int r = 0; r < t.length; r++) {
            assertEquals(nUnits, freq.get(r).length, key + " units");
            t[r] = model.indirect(Mediation.weights(unit, freq.get(r)));
        }
        double[] s = Quantiles.sortedFinite(t);
        Interval perc = Interval.percentile(s, 0.95);
        Golden.close(g.get("perc_lower"), perc.lower(), 1e-8, key + " percentile lower");
        Golden.close(g.get("perc_upper"), perc.upper(), 1e-8, key + " percentile upper");
        double acc = Quantiles.acceleration(t0, Mediation.jackknife(model, unit, nUnits));
        Golden.close(g.get("acceleration"), acc, 1e-8, key + " acceleration");
        Interval bca = Interval.bca(s, t0, acc, 0.95).orElseThrow();
        Golden.close(g.get("bca_lower"), bca.lower(), 1e-8, key + " bca lower");
        Golden.close(g.get("bca_upper"), bca.upper(), 1e-8, key + " bca upper");
    }

    @Test
    void intervalsOnRsResamplesMatchBootCi() {
        Golden.Table a = Golden.table("acitelli_individual.csv");
        Map<String, double[]> v = a.numbers();
        int n = a.n();
        int[] unit = new int[n];
        for (int i = 0; i < n; i++) {
            unit[i] = i;
        }
        Mediation.Model ma = new Mediation.Model(v.get("other_pos"), v.get("tension"), v.get("satisfaction"),
                new double[0][], List.of(), "other_pos", "tension", "satisfaction");
        sameResamples("sl_aci_person", ma, unit, n, G.get("sl_aci_person").get("indirect"));

        // the simulated couples: complete cases, dyads in order of first appearance (as R's unique())
        Golden.Table s = Golden.table("sim_mediation.csv");
        Map<String, double[]> sv = s.numbers();
        String[] couple = s.text().get("couple");
        java.util.List<Integer> keep = new java.util.ArrayList<>();
        for (int i = 0; i < s.n(); i++) {
            if (Double.isFinite(sv.get("x")[i]) && Double.isFinite(sv.get("m")[i]) && Double.isFinite(sv.get("y")[i])
                    && Double.isFinite(sv.get("w")[i])) {
                keep.add(i);
            }
        }
        int k = keep.size();
        double[] x = new double[k];
        double[] m = new double[k];
        double[] y = new double[k];
        double[][] w = new double[1][k];
        int[] u = new int[k];
        Map<String, Integer> idx = new java.util.LinkedHashMap<>();
        for (int r = 0; r < k; r++) {
            int i = keep.get(r);
            x[r] = sv.get("x")[i];
            m[r] = sv.get("m")[i];
            y[r] = sv.get("y")[i];
            w[0][r] = sv.get("w")[i];
            u[r] = idx.computeIfAbsent(couple[i], c -> idx.size());
        }
        Mediation.Model ms = new Mediation.Model(x, m, y, w, List.of("w"), "x", "m", "y");
        sameResamples("sl_sim_dyad", ms, u, idx.size(), G.get("sl_sim_dyad").get("indirect"));
    }

    @Test
    void largeBootstrapAgreesWithLargeRRunWithinMonteCarloError() {
        Map<String, Double> g = G.get("sl_sim_dyad");
        int b = g.get("big_b").intValue();
        MediationResult r = simDyads().withBootstrap(b, 20261126L).withInterval(BootstrapCi.BCA).withThreads(2).fit();
        // SD of the difference of two independent 2.5% quantiles, each about
        // sd * sqrt(p(1-p)/B) / phi(z_p); allow 4 of them
        double p = 0.025;
        double one = g.get("big_boot_sd") * Math.sqrt(p * (1 - p) / b) / Quantiles.NORMAL.density(1.959964);
        double tol = 4 * Math.sqrt(2) * one;
        IndirectEffect e = r.indirect();
        assertEquals(b, e.bootstrapN());
        assertEquals(0, e.failed());
        assertTrue(Math.abs(e.percentile().orElseThrow().lower() - g.get("big_perc_lower")) < tol, "percentile lower " + e.percentile()
                + " vs R " + g.get("big_perc_lower") + " tol " + tol);
        assertTrue(Math.abs(e.percentile().orElseThrow().upper() - g.get("big_perc_upper")) < tol, "percentile upper");
        assertTrue(Math.abs(e.biasCorrected().orElseThrow().lower() - g.get("big_bca_lower")) < tol, "bca lower");
        assertTrue(Math.abs(e.biasCorrected().orElseThrow().upper() - g.get("big_bca_upper")) < tol, "bca upper");
        assertEquals(org.dyadkit.resample.IntervalKind.BCA, e.ci().orElseThrow().kind());
        Golden.close(g.get("acceleration"), r.acceleration(), 1e-8, "acceleration");
        assertTrue(Math.abs(e.bootstrapSe().getAsDouble() - g.get("big_boot_sd")) < 0.05 * g.get("big_boot_sd"), "bootstrap SE");
    }
}
