package org.dyadkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dyadkit.instrument.Instruments;
import org.dyadkit.scoring.MissingRule;
import org.dyadkit.scoring.Scorer;
import org.dyadkit.scoring.TotalMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dirty SCS-26 fixture (golden/batch/dirty_scs.csv: a BOM, CRLF, quoted cells with commas, quotes and
 * a line break, and every problem kind) against its hand-written problems list and the scores from
 * golden/batch/make_golden.R (base R 4.2.2, see VERSIONS.txt).
 */
class BatchGoldenTest {
    private static final String DIR = "/golden/batch/";

    @TempDir
    Path dir;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = BatchGoldenTest.class.getResourceAsStream(DIR + name)) {
            return in.readAllBytes();
        }
    }

    private static List<CSVRecord> parse(String text) throws IOException {
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(CSVFormat.DEFAULT).get()) {
            return p.getRecords();
        }
    }

    @Test
    void dirtyFixtureGivesTheHandWrittenProblemsAndTheScoresOfR() throws IOException, NoSuchAlgorithmException {
        byte[] fixture = resource("dirty_scs.csv");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(fixture));
        assertEquals(new String(resource("dirty_scs.sha256"), StandardCharsets.UTF_8).split("\\s+")[0], sha,
                "the fixture is the one the R script read");
        Path in = dir.resolve("dirty_scs.csv");
        Files.write(in, fixture);
        Path out = dir.resolve("scored.csv");
        Path problems = dir.resolve("problems.csv");
        Scorer scs = Scorer.of(Instruments.bundled("scs")).withMissing(MissingRule.minAnsweredFraction(0.8))
                .withTotal(TotalMethod.MEAN_OF_SUBSCALES);
        BatchSummary s = BatchScoring.of(SurveyFormat.csv()).withInstrument("scs", scs, ItemColumns.pattern("scs{n}"))
                .withId("id").run(in, out, problems);

        String expected = new String(resource("dirty_scs_problems.csv"), StandardCharsets.UTF_8)
                .replace("dirty_scs.csv,", in + ",");
        assertEquals(expected, Files.readString(problems), "the whole problems list");
        assertEquals(22, s.rowsRead());
        assertEquals(20, s.rowsScored(), "rows 8 (nothing answered) and 10 (too many cells) have no score");

        // input columns field for field (a BOM, CRLF and quoting kept)
        byte[] outBytes = Files.readAllBytes(out);
        assertEquals((byte) 0xEF, outBytes[0]);
        String outText = new String(outBytes, StandardCharsets.UTF_8).substring(1);
        assertTrue(outText.contains("\r\n") && !outText.replace("\r\n", "").contains("\r"), "CRLF kept");
        List<CSVRecord> input = parse(new String(fixture, StandardCharsets.UTF_8).substring(1));
        List<CSVRecord> output = parse(outText);
        assertEquals(input.size(), output.size());
        int width = input.get(0).size();
        for (int r = 0; r < input.size(); r++) {
            List<String> cells = input.get(r).toList();
            List<String> expectedCells = cells.size() >= width ? cells.subList(0, width) : pad(cells, width);
            assertEquals(expectedCells, output.get(r).toList().subList(0, width), "input columns of row " + r);
        }
        assertEquals("scs8:out_of_range:9;id:duplicate_id", output.get(3).get(width + 7));

        // scores against R
        List<CSVRecord> golden = parse(new String(resource("dirty_scs_scores.csv"), StandardCharsets.UTF_8));
        List<String> names = List.of("self_kindness", "self_judgment", "common_humanity", "isolation", "mindfulness",
                "over_identification", "total");
        for (int r = 1; r < golden.size(); r++) {
            for (int j = 0; j < names.size(); j++) {
                String want = golden.get(r).get(j + 1);
                String got = output.get(r).get(width + j);
                String where = "row " + r + ", scs_" + names.get(j);
                assertEquals("scs_" + names.get(j), output.get(0).get(width + j));
                if (want.equals("NA")) {
                    assertEquals("", got, where);
                } else {
                    double w = Double.parseDouble(want);
                    assertEquals(w, Double.parseDouble(got), 1e-12 * Math.abs(w), where);
                }
            }
        }
    }

    private static List<String> pad(List<String> cells, int width) {
        List<String> out = new java.util.ArrayList<>(cells);
        while (out.size() < width) {
            out.add("");
        }
        return out;
    }
}
