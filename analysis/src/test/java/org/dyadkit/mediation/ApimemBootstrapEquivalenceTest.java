package org.dyadkit.mediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.dyadkit.apim.Apim;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.dyad.DyadArrays;
import org.dyadkit.resample.DyadBootstrap;
import org.dyadkit.resample.Interval;
import org.junit.jupiter.api.Test;

/**
 * The APIMeM dyad bootstrap reweights each model's design once built ({@code ApimResampler}); the previous
 * implementation copied every drawn dyad into a new data set and refitted the M and the Y model on it through
 * {@link Apim#fit()}. That implementation is kept here as the reference: for fixed seeds every replicate (the
 * same replicates failing), and so every percentile and bias-corrected bound, must agree: to 1e-10 relative
 * where the closed form fits (complete dyads), to 1e-6 (the tolerance of iterative fits) where REML is
 * iterative (missing values; Newton's method from the full-data estimate against the full search).
 */
class ApimemBootstrapEquivalenceTest {

    @Test
    void acitelliDistinguishableClosedForm() {
        Golden.Table t = Golden.table("acitelli_individual.csv");
        DyadArrays d = DyadArrays.of(t.text().get("cuplid"), t.text().get("gender"), t.numbers());
        compare(d, List.of("1", "-1"), "other_pos", "tension", "satisfaction", null, 20261202L, 300, 1e-10);
    }

    @Test
    void acitelliIndistinguishableClosedForm() {
        Golden.Table t = Golden.table("acitelli_individual.csv");
        DyadArrays d = DyadArrays.of(t.text().get("cuplid"), null, t.numbers());
        compare(d, List.of(), "other_pos", "tension", "satisfaction", null, 7L, 300, 1e-10);
    }

    @Test
    void simulatedWithMissingValuesIterative() {
        Golden.Table t = Golden.table("sim_mediation.csv");
        DyadArrays d = DyadArrays.of(t.text().get("couple"), t.text().get("role"), t.numbers());
        compare(d, List.of("man", "woman"), "x", "m", "y", "w", 99L, 60, 1e-6);
        DyadArrays u = DyadArrays.of(t.text().get("couple"), null, t.numbers());
        compare(u, List.of(), "x", "m", "y", "w", 100L, 60, 1e-6);
    }

    /** A rare binary covariate: many resamples leave it constant, and both implementations drop the same ones. */
    @Test
    void failingResamplesAreTheSame() {
        long seed = 4242L;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 25;
        String[] dyad = new String[2 * n];
        String[] role = new String[2 * n];
        double[] x = new double[2 * n];
        double[] m = new double[2 * n];
        double[] y = new double[2 * n];
        double[] w = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            dyad[i] = "d" + i / 2;
            role[i] = i % 2 == 0 ? "a" : "b";
            x[i] = z.sample();
            w[i] = i / 2 < 2 ? 1 : 0;
        }
        for (int i = 0; i < 2 * n; i++) {
            int o = i ^ 1;
            m[i] = 0.4 * x[i] + 0.2 * x[o] + z.sample();
        }
        for (int i = 0; i < 2 * n; i++) {
            int o = i ^ 1;
            y[i] = 0.3 * m[i] + 0.1 * m[o] + 0.2 * x[i] + 0.5 * w[i] + z.sample();
        }
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("x", x);
        v.put("m", m);
        v.put("y", y);
        v.put("w", w);
        int failed = compare(DyadArrays.of(dyad, role, v), List.of("a", "b"), "x", "m", "y", "w", seed, 300, 1e-10);
        assertTrue(failed > 10, "seed " + seed + ": the case needs failing resamples; " + failed + " failed");
    }

    /** Compares the replicates and intervals; returns the number of failed replicates. */
    private static int compare(DyadArrays data, List<String> roles, String x, String m, String y, String cov,
            long seed, int B, double rel) {
        boolean dist = !roles.isEmpty();
        Apimem model = (dist ? Apimem.distinguishable(data).withRoles(roles.get(0), roles.get(1))
                : Apimem.indistinguishable(data)).withPredictor(x).withMediator(m).withOutcome(y);
        if (cov != null) {
            model = model.withCovariate(cov);
        }
        Apimem.Fitted fast = model.withBootstrap(B, seed).withThreads(2).fitted();
        int[] pop = population(data, x, m, y, cov);
        assertEquals(pop.length, fast.result().resampledDyads(), "seed " + seed + ": dyads resampled");
        List<String> names = new ArrayList<>(List.of(x, m, y));
        if (cov != null) {
            names.add(cov);
        }
        List<String> rs = dist ? roles : List.of("all");
        double[][] ref = DyadBootstrap.run(pop.length, B, seed, 1, counts -> {
            DyadArrays r = data.resample(pop, counts, names);
            ApimFit fa = apim(r, roles, cov).withOutcome(m).withPredictor(x).fit();
            ApimFit fb = apim(r, roles, cov).withOutcome(y).withPredictor(x).withPredictor(m).fit();
            double[] a = new double[2 * rs.size()];
            double[] b = new double[4 * rs.size()];
            for (int k = 0; k < rs.size(); k++) {
                String sfx = dist ? ":" + rs.get(k) : "";
                a[2 * k] = fa.coefficient("actor" + sfx).estimate();
                a[2 * k + 1] = fa.coefficient("partner" + sfx).estimate();
                b[2 * k] = fb.coefficient("actor." + m + sfx).estimate();
                b[2 * k + 1] = fb.coefficient("partner." + m + sfx).estimate();
                b[2 * rs.size() + 2 * k] = fb.coefficient("actor." + x + sfx).estimate();
                b[2 * rs.size() + 2 * k + 1] = fb.coefficient("partner." + x + sfx).estimate();
            }
            return Apimem.withTotals(Apimem.effects(a, b, dist), b, dist);
        }).values();
        assertEquals(ref.length, fast.boot().length);
        int failed = 0;
        for (int s = 0; s < ref.length; s++) {
            for (int r = 0; r < B; r++) {
                double e = ref[s][r];
                double g = fast.boot()[s][r];
                String what = "seed " + seed + ": statistic " + s + ", replicate " + r;
                if (Double.isNaN(e)) {
                    assertTrue(Double.isNaN(g), what + ": the reference failed, the reweighted fit gave " + g);
                    failed += s == 0 ? 1 : 0;
                } else {
                    Golden.close(e, g, rel, what);
                }
            }
        }
        for (IndirectEffect ie : fast.result().indirect()) {
            int stat = statistic(ie, rs);
            double[] sorted = Quantiles.sortedFinite(ref[stat]);
            Interval pc = Interval.percentile(sorted, 0.95);
            String what = "seed " + seed + ": " + ie.effect() + " " + ie.role().orElseThrow();
            Golden.close(pc.lower(), ie.percentile().orElseThrow().lower(), rel, what + " percentile lower");
            Golden.close(pc.upper(), ie.percentile().orElseThrow().upper(), rel, what + " percentile upper");
            Interval bc = Interval.biasCorrected(sorted, ie.estimate(), 0.95).orElseThrow();
            Golden.close(bc.lower(), ie.biasCorrected().orElseThrow().lower(), rel, what + " bias-corrected lower");
            Golden.close(bc.upper(), ie.biasCorrected().orElseThrow().upper(), rel, what + " bias-corrected upper");
            assertEquals(B - sorted.length, ie.failed(), what + " failed");
        }
        return failed;
    }

    private static int statistic(IndirectEffect ie, List<String> roles) {
        int r = roles.indexOf(ie.role().orElseThrow());
        int s = Apimem.SIMPLE.indexOf(ie.effect());
        assertTrue(r >= 0 && s >= 0);
        return 6 * r + s;
    }

    private static Apim apim(DyadArrays d, List<String> roles, String cov) {
        Apim a = roles.isEmpty() ? Apim.indistinguishable(d)
                : Apim.distinguishable(d).withRoles(roles.get(0), roles.get(1));
        a = a.withThreads(1);
        return cov == null ? a : a.withCovariate(cov);
    }

    /** Dyads with a person in at least one of the three models (own covariate). */
    private static int[] population(DyadArrays d, String x, String m, String y, String cov) {
        List<Integer> out = new ArrayList<>();
        double[] xv = d.values(x);
        double[] mv = d.values(m);
        double[] yv = d.values(y);
        double[] cv = cov == null ? null : d.values(cov);
        for (int g = 0; g < d.dyads(); g++) {
            boolean any = false;
            for (int i : d.members(g)) {
                int p = d.partner(i);
                boolean base = !Double.isNaN(xv[i]) && (cv == null || !Double.isNaN(cv[i])) && p >= 0
                        && !Double.isNaN(xv[p]);
                boolean inA = base && !Double.isNaN(mv[i]);
                boolean inB = base && !Double.isNaN(yv[i]) && !Double.isNaN(mv[i]) && !Double.isNaN(mv[p]);
                boolean inC = base && !Double.isNaN(yv[i]);
                any |= inA || inB || inC;
            }
            if (any) {
                out.add(g);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
