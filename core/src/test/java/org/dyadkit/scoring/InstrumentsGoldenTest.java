package org.dyadkit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Instruments;
import org.junit.jupiter.api.Test;

/**
 * Every bundled instrument other than the SCS-26 scored against base R (golden/instruments/make_golden.R,
 * whose keys are typed in independently of the JSON files): 200 simulated rows each with missing cells,
 * item columns in a scrambled order, two missing-data rules and every supported total method.
 */
class InstrumentsGoldenTest {
    private static final String DIR = "/golden/instruments/";
    private static final double TOL = 1e-10;

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = InstrumentsGoldenTest.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IOException("missing resource " + DIR + name);
            }
            return in.readAllBytes();
        }
    }

    private static List<String[]> rows(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                .map(l -> l.split(",", -1)).toList();
    }

    @Test
    void inputsAreTheFilesTheGoldenWasMadeFrom() throws IOException, NoSuchAlgorithmException {
        for (String line : new String(bytes("inputs.sha256"), StandardCharsets.UTF_8).lines().toList()) {
            String[] parts = line.split("\\s+");
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes(parts[1]));
            assertEquals(parts[0], HexFormat.of().formatHex(digest), parts[1]);
        }
    }

    @Test
    void agreesWithR() throws IOException {
        List<String[]> golden = rows("golden.csv");
        Map<String, Map<String, int[]>> responses = new HashMap<>();
        Map<String, Scorer> scorers = new HashMap<>();
        int compared = 0;
        int missing = 0;
        for (int g = 1; g < golden.size(); g++) {
            String[] w = golden.get(g);
            String id = w[0];
            String rule = w[1];
            String method = w[2];
            String person = w[3];
            String score = w[4];
            String value = w.length > 5 ? w[5] : "";
            Instrument in = Instruments.bundled(id);
            Map<String, int[]> byPerson = responses.computeIfAbsent(id, k -> read(in));
            Scorer s = scorers.computeIfAbsent(id + "|" + rule + "|" + method, k -> {
                Scorer sc = Scorer.of(in).withMissing(rule.equals("all-required") ? MissingRule.allRequired()
                        : MissingRule.minAnsweredFraction(Double.parseDouble(rule.substring(rule.indexOf(' ') + 1))));
                return method.isEmpty() ? sc : sc.withTotal(TotalMethod.parse(method));
            });
            Score got = s.score(byPerson.get(person)).get(score);
            String what = id + " " + rule + " " + method + " " + person + " " + score;
            if (value.isEmpty()) {
                assertTrue(got.value().isEmpty(), what + ": expected missing, got " + got.value());
                missing++;
            } else {
                double expected = Double.parseDouble(value);
                assertTrue(got.value().isPresent(), what + ": expected " + expected + ", got missing");
                assertEquals(expected, got.value().getAsDouble(), TOL * Math.max(1, Math.abs(expected)), what);
                compared++;
            }
        }
        assertTrue(compared > 10000 && missing > 3000, "compared " + compared + ", missing " + missing);
    }

    /** Reads an instrument's input file, mapping column {@code <prefix>_<n>} to item n by name. */
    private static Map<String, int[]> read(Instrument in) {
        try {
            List<String[]> rows = rows(in.id() + ".csv");
            String[] header = rows.get(0);
            String prefix = in.id().replace('-', '_') + "_";
            int[] itemOfColumn = new int[header.length];
            for (int c = 1; c < header.length; c++) {
                assertTrue(header[c].startsWith(prefix), header[c]);
                itemOfColumn[c] = in.itemIndex(Integer.parseInt(header[c].substring(prefix.length())));
            }
            Map<String, int[]> out = new HashMap<>();
            for (int r = 1; r < rows.size(); r++) {
                String[] row = rows.get(r);
                int[] resp = new int[in.items().size()];
                for (int c = 1; c < header.length; c++) {
                    String cell = c < row.length ? row[c] : "";
                    resp[itemOfColumn[c]] = cell.isEmpty() ? Scorer.MISSING : Integer.parseInt(cell);
                }
                out.put(row[0], resp);
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
