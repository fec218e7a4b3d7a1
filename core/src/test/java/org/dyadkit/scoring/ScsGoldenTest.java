package org.dyadkit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Instruments;
import org.junit.jupiter.api.Test;

/**
 * The SCS-26 scored against base R (golden/scs/make_golden.R): 300 simulated rows with missing cells,
 * item columns in a scrambled order, the 80% rule, the six subscales and all four total methods.
 */
class ScsGoldenTest {
    private static final String DIR = "/golden/scs/";
    private static final double TOL = 1e-10;

    private static String resource(String name) throws IOException {
        try (InputStream in = ScsGoldenTest.class.getResourceAsStream(DIR + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = ScsGoldenTest.class.getResourceAsStream(DIR + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void inputIsTheFileTheGoldenWasMadeFrom() throws IOException, NoSuchAlgorithmException {
        String expected = resource("scs_input.sha256").split("\\s+")[0];
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes("scs_input.csv"));
        assertEquals(expected, HexFormat.of().formatHex(digest));
    }

    @Test
    void agreesWithRForEveryScoreAndTotalMethod() throws IOException {
        Instrument scs = Instruments.bundled("scs");
        List<String[]> input = rows(resource("scs_input.csv"));
        List<String[]> golden = rows(resource("scs_golden.csv"));
        String[] header = input.get(0);
        // map each column to its item by name (scsN), never by position
        int[] column = new int[scs.items().size()];
        for (int c = 1; c < header.length; c++) {
            int number = Integer.parseInt(header[c].substring(3));
            column[scs.itemIndex(number)] = c;
        }
        String[] gh = golden.get(0);
        Scorer base = Scorer.of(scs).withMissing(MissingRule.minAnsweredFraction(0.8));
        Map<String, TotalMethod> totals = Map.of("total_mean_of_subscales", TotalMethod.MEAN_OF_SUBSCALES,
                "total_item_mean", TotalMethod.ITEM_MEAN, "total_sum_of_subscales", TotalMethod.SUM_OF_SUBSCALES,
                "total_item_sum", TotalMethod.ITEM_SUM);
        int compared = 0;
        int missingSeen = 0;
        for (int r = 1; r < input.size(); r++) {
            String[] in = input.get(r);
            String[] want = golden.get(r);
            assertEquals(in[0], want[0]);
            int[] responses = new int[column.length];
            for (int i = 0; i < column.length; i++) {
                String cell = column[i] < in.length ? in[column[i]] : "";
                responses[i] = cell.isEmpty() ? Scorer.MISSING : Integer.parseInt(cell);
            }
            for (int g = 1; g < gh.length; g++) {
                String name = gh[g];
                if (name.equals("answered_all")) {
                    assertEquals(Integer.parseInt(want[g]),
                            base.withTotal(TotalMethod.ITEM_MEAN).score(responses).get("total").answered(), in[0]);
                    continue;
                }
                Scorer s = totals.containsKey(name) ? base.withTotal(totals.get(name)) : base;
                Score score = s.score(responses).get(totals.containsKey(name) ? "total" : name);
                String cell = g < want.length ? want[g] : "";
                String what = in[0] + " " + name;
                if (cell.isEmpty()) {
                    assertTrue(score.value().isEmpty(), what + " should be missing, got " + score.value());
                    missingSeen++;
                } else {
                    double expected = Double.parseDouble(cell);
                    assertTrue(score.value().isPresent(), what + " should be " + expected);
                    assertEquals(expected, score.value().getAsDouble(), TOL * Math.max(1, Math.abs(expected)), what);
                    compared++;
                }
            }
        }
        assertEquals(300, input.size() - 1);
        assertTrue(compared > 1500 && missingSeen > 100, "compared " + compared + ", missing " + missingSeen);
    }

    /** Splits a simple CSV (no quoting) into rows; trailing empty cells are kept. */
    private static List<String[]> rows(String text) {
        return text.lines().filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
    }
}
