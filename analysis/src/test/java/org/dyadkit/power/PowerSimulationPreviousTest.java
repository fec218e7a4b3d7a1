package org.dyadkit.power;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dyadkit.apim.DfMethod;
import org.dyadkit.apim.Method;
import org.junit.jupiter.api.Test;

/**
 * The lean fit of the power simulation ({@code Apim.leanFit()}) against the rows the previous implementation
 * (every replicate fitted by {@code Apim.fit()}) gave for the same seeds ({@code golden/power_previous/}): the
 * same power, coverage and replicate counts, and the same mean estimates to 1e-10 relative (to the last bit before main's scaled standardisation), on 1 and 2 threads.
 */
class PowerSimulationPreviousTest {
    private static Map<String, String[]> expected() {
        try (InputStream in = PowerSimulationPreviousTest.class.getResourceAsStream(
                "/golden/power_previous/simulation_rows.csv")) {
            Map<String, String[]> out = new LinkedHashMap<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",");
                out.put(f[0] + "/" + f[1] + "/" + f[2], f);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int check(Map<String, String[]> exp, String name, PowerResult r) {
        int n = 0;
        for (PowerRow row : r.rows()) {
            String key = name + "/" + row.effect() + "/" + row.nDyads().getAsInt();
            String[] f = exp.get(key);
            if (f == null) {
                throw new AssertionError("no previous row " + key);
            }
            assertEquals(Double.parseDouble(f[3]), row.power().getAsDouble(), 0, key + " power (seed " + r.seed() + ")");
            // 1e-10 relative: the edges change to Design.standardise (RMS of scaled values) moves the last bits
            double mean = Double.parseDouble(f[4]);
            assertEquals(mean, row.meanEstimate().getAsDouble(), 1e-10 * Math.abs(mean), key + " mean estimate");
            assertEquals(Double.parseDouble(f[5]), row.coverage().getAsDouble(), 0, key + " coverage");
            assertEquals(Integer.parseInt(f[6]), row.replicates().getAsInt(), key + " replicates");
            n++;
        }
        return n;
    }

    @Test
    void sameRowsAsThePreviousImplementation() {
        Map<String, String[]> exp = expected();
        int rows = 0;
        for (int threads : new int[] {1, 2}) {
            rows = 0;
            ApimPower d = ApimPower.distinguishable("man", "woman").withActor(0.25).withPartner(0.15)
                    .withPredictorCorrelation(0.3).withErrorCorrelation(0.3).withDyads(List.of(30, 60));
            rows += check(exp, "dist_reml", PowerSimulation.apim(d).withReplicates(150).withSeed(11)
                    .withThreads(threads).fit());
            rows += check(exp, "dist_ml_missing", PowerSimulation.apim(d.withSingles("woman", 5)).withMethod(Method.ML)
                    .withMissingRate(0.1).withReplicates(100).withSeed(12).withThreads(threads).fit());
            rows += check(exp, "dist_satterthwaite", PowerSimulation.apim(d.withVarianceRatioErrors(2))
                    .withDf(DfMethod.SATTERTHWAITE).withMissingRate(0.05).withReplicates(60).withSeed(13)
                    .withThreads(threads).fit());
            ApimPower u = ApimPower.indistinguishable().withActor(0.3).withPartner(0.1).withPredictorCorrelation(0.2)
                    .withErrorCorrelation(0.4).withDyads(40);
            rows += check(exp, "indist_moderated", PowerSimulation.apim(u).withCovariate("z", 0.2)
                    .withInteraction("x:partner.x", 0.1).withReplicates(120).withSeed(14).withThreads(threads).fit());
            rows += check(exp, "indist_d_between_within", PowerSimulation.apim(ApimPower.indistinguishable()
                    .withEffectSize(EffectSize.D).withProportion(0.4).withActor(0.5).withPartner(0.3).withDyads(50))
                    .withDf(DfMethod.BETWEEN_WITHIN).withReplicates(100).withSeed(15).withThreads(threads).fit());
        }
        assertEquals(exp.size(), rows, "every previous row compared");
    }
}
