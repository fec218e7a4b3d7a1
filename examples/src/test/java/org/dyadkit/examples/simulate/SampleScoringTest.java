package org.dyadkit.examples.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Instruments;
import org.dyadkit.instrument.Item;
import org.dyadkit.scoring.ScoredRow;
import org.dyadkit.scoring.Scorer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the committed sample with the bundled SCS, Authenticity Scale and RAS and the sample's own
 * partner-behaviour instrument, with each instrument's default rules, and checks that the faults leave
 * the documented gaps and that the scores run in the directions of the generating model.
 */
class SampleScoringTest {
    private static final Path DATA = Path.of("..", "data-samples");

    /** Scores of one row, by {@code <prefix>_<score>}; absent scores are left out. */
    private static final List<Map<String, Double>> SCORES = new ArrayList<>();
    private static final List<String[]> ROWS = new ArrayList<>();

    @BeforeAll
    static void score() throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve("simulated_couples.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        Map<String, Instrument> instruments = Map.of("scs", Instruments.bundled("scs"),
                "as", Instruments.bundled("authenticity"), "ras", Instruments.bundled("ras"),
                "pb", Instruments.read(DATA.resolve("partner-behaviour.json")));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            ROWS.add(cells);
            Map<String, Double> scores = new HashMap<>();
            for (Map.Entry<String, Instrument> e : instruments.entrySet()) {
                Instrument in = e.getValue();
                int[] responses = new int[in.items().size()];
                for (int i = 0; i < responses.length; i++) {
                    Item item = in.items().get(i);
                    String cell = cells[header.indexOf(e.getKey() + item.number())];
                    boolean valid = cell.matches("-?[0-9]+") && Integer.parseInt(cell) >= item.min()
                            && Integer.parseInt(cell) <= item.max();
                    responses[i] = valid ? Integer.parseInt(cell) : Scorer.MISSING;
                }
                Scorer scorer = Scorer.of(in);
                ScoredRow row = scorer.score(responses);
                for (String name : scorer.scoreNames()) {
                    row.value(name).ifPresent(v -> scores.put(e.getKey() + "_" + name, v));
                }
            }
            SCORES.add(scores);
        }
    }

    private static int line(String coupleId, String role) {
        for (int i = 0; i < ROWS.size(); i++) {
            if (ROWS.get(i)[0].equals(coupleId) && ROWS.get(i)[2].equals(role)) {
                return i + 1;
            }
        }
        throw new AssertionError("no row for couple " + coupleId + " " + role);
    }

    @Test
    void faultsLeaveTheDocumentedGaps() {
        assertEquals(238, line("120", "man"));
        assertTrue(SCORES.get(238 - 1).isEmpty(), "line 238 has no answers, so no scores");
        assertEquals(189, line("95", "woman"));
        Map<String, Double> skippedRas = SCORES.get(189 - 1);
        assertFalse(skippedRas.containsKey("ras_total"), "line 189 skipped the RAS");
        assertTrue(skippedRas.containsKey("scs_self_kindness") && skippedRas.containsKey("pb_caring"));
        long withScsTotal = SCORES.stream().filter(s -> s.containsKey("scs_total")).count();
        assertTrue(withScsTotal > 200 && withScsTotal < 298, "persons with an SCS total: " + withScsTotal);
    }

    /**
     * The sample's correlations have the signs of the model (population values in docs/samples.md:
     * 0.325, -0.285, 0.41 and 0.415); with 150 couples their standard errors are about 0.06-0.08.
     */
    @Test
    void scoresRunInTheModelsDirections() {
        List<double[]> ownScsPartnersCaring = new ArrayList<>();
        List<double[]> ownScsPartnersControlling = new ArrayList<>();
        List<double[]> ownScsOwnRas = new ArrayList<>();
        List<double[]> ownScsOwnAuthenticLiving = new ArrayList<>();
        for (int i = 0; i < ROWS.size(); i++) {
            Map<String, Double> own = SCORES.get(i);
            Double scs = own.get("scs_total");
            if (scs == null) {
                continue;
            }
            pair(ownScsOwnRas, scs, own.get("ras_total"));
            pair(ownScsOwnAuthenticLiving, scs, own.get("as_authentic_living"));
            String partnerRole = ROWS.get(i)[2].equals("man") ? "woman" : "man";
            for (int j = Math.max(0, i - 1); j <= Math.min(ROWS.size() - 1, i + 1); j++) {
                if (ROWS.get(j)[0].equals(ROWS.get(i)[0]) && ROWS.get(j)[2].equals(partnerRole)) {
                    pair(ownScsPartnersCaring, scs, SCORES.get(j).get("pb_caring"));
                    pair(ownScsPartnersControlling, scs, SCORES.get(j).get("pb_controlling"));
                }
            }
        }
        assertTrue(r(ownScsPartnersCaring) > 0.15, "r(SCS, partner-rated caring) = " + r(ownScsPartnersCaring));
        assertTrue(r(ownScsPartnersControlling) < -0.1,
                "r(SCS, partner-rated controlling) = " + r(ownScsPartnersControlling));
        assertTrue(r(ownScsOwnRas) > 0.2, "r(SCS, RAS) = " + r(ownScsOwnRas));
        assertTrue(r(ownScsOwnAuthenticLiving) > 0.2, "r(SCS, authentic living) = " + r(ownScsOwnAuthenticLiving));
    }

    private static void pair(List<double[]> pairs, double x, Double y) {
        if (y != null) {
            pairs.add(new double[] {x, y});
        }
    }

    private static double r(List<double[]> pairs) {
        double n = pairs.size();
        double mx = pairs.stream().mapToDouble(p -> p[0]).sum() / n;
        double my = pairs.stream().mapToDouble(p -> p[1]).sum() / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : pairs) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
