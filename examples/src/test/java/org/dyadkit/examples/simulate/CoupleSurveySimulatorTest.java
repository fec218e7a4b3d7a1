package org.dyadkit.examples.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.dyadkit.examples.simulate.CoupleSurveySimulator.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoupleSurveySimulatorTest {
    private static final Path DATA = Path.of("..", "data-samples");
    private static final Path SAMPLE = DATA.resolve("simulated_couples.csv");

    private static String sample() {
        return CoupleSurveySimulator.of(Options.sample()).surveyText();
    }

    private static List<String[]> rows(String text) {
        List<String[]> rows = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        assertEquals("", lines[lines.length - 1], "the file ends with a newline");
        for (int i = 1; i < lines.length - 1; i++) {
            rows.add(lines[i].split(",", -1));
        }
        return rows;
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedDoesNot() {
        byte[] first = sample().getBytes(StandardCharsets.UTF_8);
        byte[] second = sample().getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(first, second, "seed 2013 twice");
        String other = CoupleSurveySimulator.of(new Options(2014, 150, false)).surveyText();
        assertNotEquals(new String(first, StandardCharsets.UTF_8), other, "seeds 2013 and 2014");
    }

    @Test
    void committedSampleEqualsAFreshGeneration() throws IOException {
        byte[] committed = Files.readAllBytes(SAMPLE);
        assertArrayEquals(sample().getBytes(StandardCharsets.UTF_8), committed,
                SAMPLE + " differs from a fresh generation (seed 2013, 150 couples): regenerate it with the"
                        + " command in data-samples/README.md");
    }

    @Test
    void headerAndRowCountAreAsDocumented() {
        List<String> expected = new ArrayList<>(List.of("couple_id", "person_id", "role"));
        IntStream.rangeClosed(1, 26).forEach(i -> expected.add("scs" + i));
        IntStream.rangeClosed(1, 12).forEach(i -> expected.add("as" + i));
        IntStream.rangeClosed(1, 7).forEach(i -> expected.add("ras" + i));
        IntStream.rangeClosed(1, 9).forEach(i -> expected.add("pb" + i));
        IntStream.rangeClosed(1, 30).forEach(i -> expected.add("cs" + i));
        assertEquals(expected, CoupleSurveySimulator.columns());
        String text = sample();
        assertEquals(String.join(",", expected), text.substring(0, text.indexOf('\n')));
        List<String[]> rows = rows(text);
        assertEquals(299, rows.size(), "150 couples, one with a single member");
        assertEquals(299, CoupleSurveySimulator.of(Options.sample()).rowCount());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(87, rows.get(i).length, "fields on line " + (i + 1));
        }
    }

    /**
     * The conflict-style columns cs1..cs30 were appended from a second random stream, so the first 57
     * columns (every column before them) are byte for byte those of the sample committed before the
     * conflict styles existed: the sha256 of {@code cut -d, -f1-57 simulated_couples.csv} then and now.
     */
    @Test
    void columnsBeforeTheConflictStylesAreUnchanged() throws Exception {
        StringBuilder first57 = new StringBuilder();
        for (String line : sample().split("\n")) {
            String[] f = line.split(",", -1);
            first57.append(String.join(",", Arrays.copyOf(f, 57))).append('\n');
        }
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(first57.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : digest) {
            hex.append(String.format("%02x", b));
        }
        assertEquals("308b2c6567373a6398988a564a99c4d561e9561d2a781d2c8d950080d25180b7", hex.toString());
    }

    /** One row of the fault table in data-samples/README.md. */
    private record Fault(int line, String coupleId, String personId, String role, String column, String value,
            String problem) {
    }

    private static List<Fault> documentedFaults() throws IOException {
        String readme = Files.readString(DATA.resolve("README.md"));
        int start = readme.indexOf("<!-- simulated-faults:start -->");
        int end = readme.indexOf("<!-- simulated-faults:end -->");
        assertTrue(start >= 0 && end > start, "fault table markers in data-samples/README.md");
        List<Fault> faults = new ArrayList<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (!line.startsWith("| ") || line.startsWith("| line") || line.startsWith("|---")) {
                continue;
            }
            String[] f = Arrays.stream(line.split("\\|", -1)).map(String::strip).toArray(String[]::new);
            faults.add(new Fault(Integer.parseInt(f[1]), f[2], cell(f[3]), f[4], f[5], cell(f[6]), f[7]));
        }
        return faults;
    }

    private static String cell(String markdown) {
        return "(blank)".equals(markdown) ? "" : markdown.replace("`", "");
    }

    @Test
    void faultsAreWhereTheReadmeSaysAndNowhereElse() throws IOException {
        List<String> cols = CoupleSurveySimulator.columns();
        List<String[]> rows = rows(sample());
        List<Fault> faults = documentedFaults();
        assertEquals(DirtyData.EDITS.size(), faults.size(), "one README row per fault");
        Set<String> faultCells = new HashSet<>();
        String singleCouple = null;
        for (Fault f : faults) {
            String[] row = rows.get(f.line() - 1);
            String where = "README fault at line " + f.line();
            assertEquals(f.coupleId(), row[0], where + ": couple_id");
            assertEquals(f.personId(), row[1], where + ": person_id");
            assertEquals(f.role(), row[2], where + ": role");
            if ("(row)".equals(f.column())) {
                singleCouple = f.coupleId();
                continue;
            }
            String[] range = f.column().split("\\.\\.");
            int from = cols.indexOf(range[0]);
            int to = cols.indexOf(range[range.length - 1]);
            assertTrue(from >= 1 && to >= from, where + ": column " + f.column());
            for (int c = from; c <= to; c++) {
                assertEquals(f.value(), row[c], where + ", column " + cols.get(c));
                faultCells.add(f.line() + ":" + cols.get(c));
            }
        }
        // the single-member couple has one row; every other couple two
        Map<String, Integer> members = new HashMap<>();
        for (String[] row : rows) {
            members.merge(row[0], 1, Integer::sum);
        }
        assertEquals(150, members.size());
        for (Map.Entry<String, Integer> e : members.entrySet()) {
            assertEquals(e.getKey().equals(singleCouple) ? 1 : 2, e.getValue(), "rows of couple " + e.getKey());
        }
        // everything not in the table is clean: ids present and unique, answers blank or in range
        Set<String> ids = new HashSet<>();
        int blanks = 0;
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            int line = i + 1;
            if (!faultCells.contains(line + ":person_id")) {
                assertTrue(row[1].matches("[1-9][0-9]*") && ids.add(row[1]), "person_id on line " + line);
            }
            for (int c = 3; c < cols.size(); c++) {
                String col = cols.get(c);
                if (faultCells.contains(line + ":" + col)) {
                    continue;
                }
                if (row[c].isEmpty()) {
                    blanks++;
                    continue;
                }
                int max = col.startsWith("as") || col.startsWith("pb") ? 7 : 5;
                assertTrue(row[c].matches("[1-" + max + "]"), "line " + line + ", " + col + " = " + row[c]);
            }
        }
        // about 1% of the remaining item cells are blank at random
        assertTrue(blanks > 100 && blanks < 260, "random blanks: " + blanks);
    }

    /**
     * The committed problems list (what {@code dyadkit score --problems} reports for the command in
     * data-samples/run.sh) names exactly the documented faults: each cell and id fault by line, column and
     * problem, and one all_items_missing per instrument whose items a fault blanks entirely.
     */
    @Test
    void problemsListMatchesTheFaultTable() throws IOException {
        List<String> cols = CoupleSurveySimulator.columns();
        List<String> expected = new ArrayList<>();
        for (Fault f : documentedFaults()) {
            if ("(row)".equals(f.column())) {
                continue;
            }
            String problem = f.problem().split(" ")[0];
            if (!f.column().contains("..")) {
                expected.add(f.line() + "," + f.column() + "," + problem);
                continue;
            }
            assertEquals("all_items_missing", problem, "README fault at line " + f.line());
            String[] range = f.column().split("\\.\\.");
            List<String> blanked = cols.subList(cols.indexOf(range[0]), cols.indexOf(range[1]) + 1);
            for (String prefix : List.of("scs", "as", "ras", "pb", "cs")) {
                if (cols.stream().filter(c -> c.matches(prefix + "[0-9]+")).allMatch(blanked::contains)) {
                    expected.add(f.line() + ",," + problem);
                }
            }
        }
        List<String> found = new ArrayList<>();
        List<String> lines = Files.readAllLines(DATA.resolve("simulated_couples_problems.csv"));
        assertEquals("file,line,column,value,problem,action", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals("data-samples/simulated_couples.csv", f[0]);
            if (f[4].equals("below_min_answered")) {
                // a score left missing by --min-answered 0.8: a consequence of the random blanks, not a fault
                assertTrue(f[2].matches("[a-z][a-z0-9_]*_[a-z0-9_]+") && f[3].matches("\\d+/\\d+"),
                        line);
                continue;
            }
            found.add(f[1] + "," + f[2] + "," + f[4]);
        }
        assertEquals(expected, found);
    }

    @Test
    void largerRunsBeginWithTheSampleAndCleanRunsMatchItsAnswers() {
        String sample = sample();
        String larger = CoupleSurveySimulator.of(new Options(CoupleSurveySimulator.SAMPLE_SEED, 400, false))
                .surveyText();
        assertTrue(larger.startsWith(sample), "400 couples begin with the 150 of the sample");
        assertEquals(799, CoupleSurveySimulator.of(new Options(2013, 400, false)).rowCount());
        assertEquals(799, rows(larger).size());

        List<String[]> dirty = rows(sample);
        List<String[]> clean = rows(CoupleSurveySimulator.of(new Options(2013, 150, true)).surveyText());
        assertEquals(300, clean.size(), "no faults: every couple complete");
        Map<String, String[]> cleanByCoupleRole = new HashMap<>();
        for (String[] row : clean) {
            assertEquals(Integer.toString(2 * Integer.parseInt(row[0]) - ("man".equals(row[2]) ? 1 : 0)), row[1]);
            for (int c = 3; c < row.length; c++) {
                assertTrue(row[c].matches("[1-7]"), "clean answer " + row[c]);
            }
            cleanByCoupleRole.put(row[0] + row[2], row);
        }
        Set<String> edited = new HashSet<>();
        for (DirtyData.Edit e : DirtyData.EDITS) {
            if (e.kind() == DirtyData.Kind.CELL) {
                edited.add(e.couple() + e.role() + CoupleSurveySimulator.columns().indexOf(e.column()));
            }
        }
        for (String[] row : dirty) {
            String[] twin = cleanByCoupleRole.get(row[0] + row[2]);
            for (int c = 3; c < row.length; c++) {
                if (!row[c].isEmpty() && !edited.contains(row[0] + row[2] + c)) {
                    assertEquals(twin[c], row[c], "couple " + row[0] + " " + row[2] + " column " + c);
                }
            }
        }
    }

    @Test
    void latentScoresFollowTheStatedModel() throws IOException {
        long seed = 20260101L;
        int n = 20_000;
        StringBuilder survey = new StringBuilder();
        StringBuilder latent = new StringBuilder();
        CoupleSurveySimulator.of(new Options(seed, n, true)).write(survey, latent);
        double[][] eta = new double[2][n];
        double[][] sat = new double[2][n];
        double[][] caring = new double[2][n];
        int styles = SimulationModel.CONFLICT_STYLES.size();
        double[][][] style = new double[styles][2][n];
        String[] lines = latent.toString().split("\n");
        assertEquals(String.join(",", CoupleSurveySimulator.latentColumns()), lines[0]);
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            int p = "man".equals(f[2]) ? 0 : 1;
            int c = Integer.parseInt(f[0]) - 1;
            eta[p][c] = Double.parseDouble(f[3]);
            sat[p][c] = Double.parseDouble(f[4]);
            caring[p][c] = Double.parseDouble(f[5]);
            for (int s = 0; s < styles; s++) {
                style[s][p][c] = Double.parseDouble(f[8 + s]);
            }
        }
        String msg = " (seed " + seed + ", " + n + " couples)";
        // standard errors are about 0.007 for r and means at n = 20000; allow 4 of them
        assertEquals(SimulationModel.COUPLE_CORRELATION, correlation(eta[0], eta[1]), 0.03, "couple r" + msg);
        assertEquals(SimulationModel.MAN_MEAN - SimulationModel.WOMAN_MEAN, mean(eta[0]) - mean(eta[1]), 0.04,
                "gender difference" + msg);
        double[] y = concat(sat[0], sat[1]);
        double[] actor = concat(eta[0], eta[1]);
        double[] partner = concat(eta[1], eta[0]);
        double[] b = ols(y, actor, partner);
        assertEquals(SimulationModel.SATISFACTION_ACTOR, b[1], 0.03, "actor effect" + msg);
        assertEquals(SimulationModel.SATISFACTION_PARTNER, b[2], 0.03, "partner effect" + msg);
        assertEquals(SimulationModel.PARTNER_BEHAVIOUR.get(0).weight(),
                correlation(concat(eta[0], eta[1]), concat(caring[0], caring[1])), 0.03, "caring r" + msg);
        for (int s = 0; s < styles; s++) {
            SimulationModel.Facet facet = SimulationModel.CONFLICT_STYLES.get(s);
            // own self-compassion and own style correlate w; partners' styles correlate 0.30
            assertEquals(facet.weight(), correlation(concat(eta[0], eta[1]), concat(style[s][0], style[s][1])),
                    0.03, facet.name() + " weight" + msg);
            assertEquals(SimulationModel.STYLE_PARTNER_CORRELATION, correlation(style[s][0], style[s][1]), 0.03,
                    facet.name() + " partner r" + msg);
            // the partner's self-compassion adds nothing once one's own is known
            double[] b2 = ols(concat(style[s][0], style[s][1]), concat(eta[0], eta[1]), concat(eta[1], eta[0]));
            assertEquals(facet.weight(), b2[1], 0.03, facet.name() + " actor" + msg);
            assertEquals(0.0, b2[2], 0.03, facet.name() + " partner" + msg);
        }
    }

    @Test
    void commandLineWritesTheSampleAndRejectsBadOptions(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("s.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream outStream = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, SimulateCouples.run(new String[] {"--output", out.toString()}, outStream, errStream));
        assertEquals(sample(), Files.readString(out));
        assertEquals(List.of("s.csv"), Files.list(dir).map(p -> p.getFileName().toString()).toList(),
                "no temporary file left");
        assertEquals(2, SimulateCouples.run(new String[] {"--couples", "0"}, outStream, errStream));
        assertEquals(2, SimulateCouples.run(new String[] {"--bogus"}, outStream, errStream));
        assertEquals(2, SimulateCouples.run(new String[] {"--seed"}, outStream, errStream));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --bogus"));
        assertThrows(IllegalArgumentException.class, () -> new Options(1, 0, false));
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElseThrow();
    }

    private static double[] concat(double[] a, double[] b) {
        double[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static double correlation(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** OLS of y on an intercept, x1 and x2 by the centred normal equations; returns {b0, b1, b2}. */
    private static double[] ols(double[] y, double[] x1, double[] x2) {
        double my = mean(y);
        double m1 = mean(x1);
        double m2 = mean(x2);
        double s11 = 0;
        double s22 = 0;
        double s12 = 0;
        double s1y = 0;
        double s2y = 0;
        for (int i = 0; i < y.length; i++) {
            double a = x1[i] - m1;
            double b = x2[i] - m2;
            double c = y[i] - my;
            s11 += a * a;
            s22 += b * b;
            s12 += a * b;
            s1y += a * c;
            s2y += b * c;
        }
        double det = s11 * s22 - s12 * s12;
        double b1 = (s22 * s1y - s12 * s2y) / det;
        double b2 = (s11 * s2y - s12 * s1y) / det;
        return new double[] {my - b1 * m1 - b2 * m2, b1, b2};
    }
}
