package org.dyadkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int code = cl.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private static String header(String stem) {
        return IntStream.rangeClosed(1, 26).mapToObj(i -> stem + i).collect(Collectors.joining(","));
    }

    private static String answers(int v) {
        return IntStream.rangeClosed(1, 26).mapToObj(i -> Integer.toString(v)).collect(Collectors.joining(","));
    }

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private Path survey() throws IOException {
        return file("survey.csv", "id," + header("scs") + ",note\n"
                + "a," + answers(3) + ",fine\n"
                + "b," + answers(5).replaceFirst("^5", "9") + ",\"x, y\"\n"
                + "a," + answers(1) + ",again\n");
    }

    @Test
    void scoresAFileAndSummarisesOnStderr() throws IOException {
        Path in = survey();
        Path o = dir.resolve("scored.csv");
        Path p = dir.resolve("problems.csv");
        assertEquals(0, run("score", "--instrument", "scs", "--input", in.toString(), "--output", o.toString(),
                "--id", "id", "--min-answered", "0.8", "--problems", p.toString()), err);
        List<String> lines = Files.readAllLines(o);
        assertEquals(4, lines.size());
        assertTrue(lines.get(0).endsWith(",note,scs_self_kindness,scs_self_judgment,scs_common_humanity,scs_isolation,"
                + "scs_mindfulness,scs_over_identification,scs_total,scs_problems"), lines.get(0));
        assertTrue(lines.get(1).endsWith(",fine,3,3,3,3,3,3,3,"), lines.get(1));
        assertTrue(lines.get(2).contains(",\"x, y\",") && lines.get(2).endsWith(",scs1:out_of_range:9"), lines.get(2));
        assertTrue(lines.get(3).endsWith(",id:duplicate_id"), lines.get(3));
        assertEquals(3, Files.readAllLines(p).size());
        assertTrue(err.contains("read 3 rows, scored 3. Problems: 1 out_of_range, 1 duplicate_id."), err);
        assertEquals("", out);
    }

    @Test
    void optionsForCodesCountsPrefixTotalsAndDelimiters() throws IOException {
        Path in = file("semi.csv", "id;" + header("Q1_").replace(',', ';') + "\n"
                + "1;" + answers(2).replace(',', ';').replaceFirst("^2", "99") + "\n");
        Path o = dir.resolve("o.csv");
        assertEquals(0, run("score", "--instrument", "scs", "--input", in.toString(), "--output", o.toString(),
                "--items", "Q1_{n}", "--na", "99,-9", "--delimiter", ";", "--counts", "--prefix", "sc",
                "--total", "item-mean"), err);
        List<String> lines = Files.readAllLines(o);
        // the scored file is plain comma-separated whatever the input's separator (issue 10)
        assertTrue(lines.get(0).contains(",sc_self_kindness,sc_self_kindness_answered,"), lines.get(0));
        assertTrue(lines.get(0).endsWith(",sc_total,sc_total_answered,sc_problems"), lines.get(0));
        assertTrue(lines.get(1).startsWith("1,99,2,"), lines.get(1));
        // 99 is missing, not out of range; self_judgment (item 1; and the item-mean total) then lack an item under the
        // SCS rule, which is now reported (issue 10)
        assertTrue(lines.get(1).endsWith(",self_judgment:below_min_answered:4/5;total:below_min_answered:25/26"),
                lines.get(1));
        assertTrue(err.contains("Problems: 2 below_min_answered."), err);
    }

    @Test
    void oneTotalMethodAppliesToTheInstrumentsThatHaveATotal() throws IOException {
        String ras = IntStream.rangeClosed(1, 7).mapToObj(i -> "ras" + i).collect(Collectors.joining(","));
        String ecr = IntStream.rangeClosed(1, 12).mapToObj(i -> "ecr" + i).collect(Collectors.joining(","));
        Path in = file("ras_ecr.csv", "id," + ras + "," + ecr + "\n1,4,4,4,2,4,4,2,"
                + "2,2,2,2,2,2,2,2,2,2,2,2\n");
        Path o = dir.resolve("o.csv");
        assertEquals(0, run("score", "--instrument", "ras", "--instrument", "ecr-s", "--input", in.toString(),
                "--output", o.toString(), "--items", "ras{n}", "--items", "ecr{n}", "--total", "item-sum"), err);
        List<String> lines = Files.readAllLines(o);
        // RAS items 4 and 7 are reverse-keyed (6 - x): 5 x 4 + 2 x 4 = 28 as an item sum
        int col = List.of(lines.get(0).split(",")).indexOf("ras_total");
        assertEquals("28", lines.get(1).split(",", -1)[col], lines.get(1));
        // per instrument, "default" keeps an instrument's own rule
        assertEquals(0, run("score", "--instrument", "ras", "--instrument", "ecr-s", "--input", in.toString(),
                "--output", o.toString(), "--items", "ras{n}", "--items", "ecr{n}", "--total", "item-sum",
                "--total", "default"), err);
        assertEquals(2, run("score", "--instrument", "ecr-s", "--input", in.toString(), "--output", o.toString(),
                "--items", "ecr{n}", "--total", "item-sum"), "an instrument without a total refuses a method");
        assertEquals(2, run("score", "--instrument", "ecr-s", "--instrument", "authenticity", "--input",
                in.toString(), "--output", o.toString(), "--items", "ecr{n}", "--total", "item-sum"),
                "no instrument has a total");
    }

    @Test
    void severalInstrumentsInOnePass() throws IOException {
        String ras = IntStream.rangeClosed(1, 7).mapToObj(i -> "ras" + i).collect(Collectors.joining(","));
        Path in = file("two.csv", "id," + header("scs") + "," + ras + "\n1," + answers(3) + ",4,4,4,4,4,4,4\n");
        Path o = dir.resolve("o.csv");
        assertEquals(0, run("score", "--instrument", "scs", "--instrument", "ras", "--input", in.toString(),
                "--output", o.toString(), "--items", "scs{n}", "--items", "ras{n}"), err);
        String head = Files.readAllLines(o).get(0);
        assertTrue(head.endsWith(",scs_total,scs_problems,ras_total,ras_problems"), head);
        // one --items and one --prefix go to the first instrument; the second keeps its defaults
        assertEquals(0, run("score", "--instrument", "scs", "--instrument", "ras", "--input", in.toString(),
                "--output", o.toString(), "--items", "scs{n}", "--prefix", "sc"), err);
        head = Files.readAllLines(o).get(0);
        assertTrue(head.endsWith(",sc_total,sc_problems,ras_total,ras_problems"), head);
        assertEquals(2, run("score", "--instrument", "scs", "--input", in.toString(), "--output", o.toString(),
                "--prefix", "a", "--prefix", "b"));
    }

    @Test
    void qualtricsHeaderRows() throws IOException {
        Path in = file("q.csv", "id," + header("scs") + "\nResponse ID," + header("Question ") + "\n"
                + "{\"ImportId\":\"_recordId\"}," + header("QID") + "\nR_1," + answers(4) + "\n");
        Path o = dir.resolve("o.csv");
        assertEquals(0, run("score", "--instrument", "scs", "--qualtrics", "--input", in.toString(), "--output",
                o.toString(), "--id", "id"), err);
        List<String> lines = Files.readAllLines(o);
        // one header row: the Qualtrics rows are not data and are left out of the scored file (issue 10)
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("R_1,4,"), lines.get(1));
        assertTrue(err.contains("read 1 row, scored 1"), err);
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Path in = survey();
        String o = dir.resolve("o.csv").toString();
        assertEquals(2, run("score", "--input", in.toString(), "--output", o));
        assertEquals(2, run("score", "--instrument", "scs", "--input", in.toString(), "--output", o, "--bogus"));
        assertEquals(2, run("score", "--instrument", "scs", "--input", in.toString(), "--output", o,
                "--min-answered", "1.5"));
        assertTrue(err.contains("--min-answered"), err);
        assertEquals(2, run("score", "--instrument", "scs", "--input", in.toString(), "--output", o,
                "--total", "median"));
        assertEquals(2, run("score", "--instrument", "scs", "--input", in.toString(), "--output", o,
                "--items", "a{n}", "--items", "b{n}"));
        assertTrue(err.contains("once per --instrument"), err);
        assertEquals(2, run("score", "--instrument", "scs", "--input", in.toString(), "--output", o,
                "--items", "scs"));
        assertEquals(2, run("score", "--instrument", "scs", "--input", in.toString(), "--output", o,
                "--delimiter", "::"));
        assertFalse(Files.exists(Path.of(o)));
    }

    @Test
    void unusableInputExitsThreeWithOneLine() throws IOException {
        String o = dir.resolve("o.csv").toString();
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {dir.resolve("missing.csv").toString(), "not found"});
        cases.add(new String[] {file("empty.csv", "").toString(), "empty"});
        cases.add(new String[] {file("nohead.csv", answers(3) + "\n" + answers(2) + "\n").toString(), "no header"});
        cases.add(new String[] {file("dup.csv", "id,id," + header("scs") + "\n").toString(), "twice"});
        cases.add(new String[] {file("absent.csv", "id," + header("scs").replace("scs12,", "SCS_12,") + "\n1,"
                + answers(3) + "\n").toString(), "scs12 (near: SCS_12)"});
        cases.add(new String[] {file("headonly.csv", "id," + header("scs") + "\n").toString(), "no data rows"});
        Path latin = dir.resolve("latin1.csv");
        Files.write(latin, ("id," + header("scs") + ",name\n1," + answers(3) + ",Jos\u00e9\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        cases.add(new String[] {latin.toString(), "bad encoding"});
        for (String[] c : cases) {
            assertEquals(3, run("score", "--instrument", "scs", "--input", c[0], "--output", o), c[0] + ": " + err);
            assertTrue(err.contains(c[1]) && err.contains(Path.of(c[0]).getFileName().toString()), err);
            assertEquals(1, err.strip().lines().count(), "one line: " + err);
            assertFalse(Files.exists(Path.of(o)), "no output after " + c[0]);
        }
        assertEquals(3, run("score", "--instrument", "sks", "--input", survey().toString(), "--output", o));
        assertTrue(err.contains("scs"), err);
    }

    @Test
    void anEarlierOutputSurvivesAFailedRun() throws IOException {
        Path o = file("o.csv", "earlier\n");
        Path in = file("cut.csv", "id," + header("scs") + "\n1," + answers(3) + "\n2,\"3");
        assertEquals(3, run("score", "--instrument", "scs", "--input", in.toString(), "--output", o.toString()));
        assertTrue(err.contains("never closed"), err);
        assertEquals("earlier\n", Files.readString(o));
    }

    @Test
    void standardInputToStandardOutput() throws IOException {
        java.io.InputStream oldIn = System.in;
        java.io.PrintStream oldOut = System.out;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            System.setIn(new java.io.ByteArrayInputStream(("id," + header("scs") + "\n1," + answers(2) + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            System.setOut(new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertEquals(0, run("score", "--instrument", "scs", "--input", "-", "--output", "-"), err);
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("id,scs1,") && text.contains("\n1,2,2,") && text.endsWith(",2,2,2,2,2,2,3,\n"), text);
        assertTrue(err.contains("<stdin>: read 1 row, scored 1") && err.contains("standard output"), err);
    }

    @Test
    void helpShowsAnExample() {
        assertEquals(0, run("score", "--help"));
        assertTrue(out.contains("Example:") && out.contains("dyadkit score --instrument scs"), out);
    }
}
