package org.dyadkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The reliability subcommand: output against psych's goldens, options, and exit codes. */
class ReliabilityCommandTest {
    static final Path GOLDEN = Path.of("..", "analysis", "src", "test", "resources", "golden", "reliability");

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    static JsonNode json(Run r) throws IOException {
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    static JsonNode golden(String name) throws IOException {
        return new ObjectMapper().readTree(GOLDEN.resolve(name).toFile());
    }

    @Test
    void qualtricsRowsSemicolonsAndMissingCodesGiveThePlainFilesResult() throws IOException {
        Path plain = GOLDEN.resolve("scs26.csv");
        List<String> lines = Files.readAllLines(plain);
        List<String> export = new ArrayList<>();
        export.add(lines.get(0).replace(',', ';'));
        export.add(lines.get(0).replace(',', ';').replace("scs", "Question "));
        export.add(lines.get(0).replace(',', ';').replace("scs", "{ImportId:QID"));
        for (String line : lines.subList(1, lines.size())) {
            // blank cells become the export's missing-value code 99
            export.add((line + ",").replace(",,", ",99,").replace(",,", ",99,").replace(',', ';')
                    .replaceAll(";$", ""));
        }
        Path q = dir.resolve("qualtrics.csv");
        Files.write(q, export);
        JsonNode a = json(run("reliability", "--instrument", "scs", "--input", plain.toString(), "--items", "scs{n}",
                "--subscale", "self_kindness", "--format", "json"));
        JsonNode b = json(run("reliability", "--instrument", "scs", "--input", q.toString(), "--items", "scs{n}",
                "--subscale", "self_kindness", "--format", "json", "--qualtrics", "--delimiter", ";", "--na", "99"));
        JsonNode sa = a.get("scales").get(0);
        JsonNode sb = b.get("scales").get(0);
        assertEquals(sa.get("n_respondents").asInt(), sb.get("n_respondents").asInt());
        assertEquals(sa.get("alpha").get("raw_alpha").asDouble(), sb.get("alpha").get("raw_alpha").asDouble(), 0.0);
        assertEquals(sa.get("alpha").get("feldt").get("lower").asDouble(),
                sb.get("alpha").get("feldt").get("lower").asDouble(), 0.0);
        Run withoutFlag = run("reliability", "--instrument", "scs", "--input", q.toString(), "--items", "scs{n}",
                "--subscale", "self_kindness", "--format", "json", "--delimiter", ";", "--na", "99");
        assertEquals(sa.get("n_respondents").asInt() + 2,
                json(withoutFlag).get("scales").get(0).get("n_respondents").asInt(),
                "without --qualtrics the two extra header rows count as respondents");
    }

    @Test
    void totalMatchesPsych() throws IOException {
        JsonNode out = json(run("reliability", "--instrument", "scs", "--input", GOLDEN.resolve("scs26.csv").toString(),
                "--items", "scs{n}", "--subscale", "total", "--format", "json"));
        JsonNode g = golden("scs26.json");
        JsonNode s = out.get("scales").get(0);
        assertEquals("total", s.get("scale").asText());
        assertEquals(500, s.get("n_respondents").asInt());
        assertEquals(g.get("total_pairwise").get("total").get("raw_alpha").asDouble(),
                s.get("alpha").get("raw_alpha").asDouble(), 1e-8);
        assertEquals(g.get("total_pairwise").get("feldt").get("lower").asDouble(),
                s.get("alpha").get("feldt").get("lower").asDouble(), 1e-8);
        assertEquals(g.get("total_pairwise").get("items").get(3).get("r.drop").asDouble(),
                s.get("item_statistics").get(3).get("r_drop").asDouble(), 1e-8);
        assertEquals(g.get("omega6_pairwise").get("omega_h").asDouble(),
                s.get("omega_hierarchical").get("omega_h").asDouble(), 1e-3);
        assertEquals(6, s.get("omega_hierarchical").get("n_factors").asInt());
        assertEquals(g.get("omega1_pairwise").get("omega_tot").asDouble(),
                s.get("omega_total").get("omega_total").asDouble(), 1e-3);
        assertTrue(s.get("reversed").toString().contains("scs25"));
    }

    @Test
    void perRoleAndListwise() throws IOException {
        JsonNode out = json(run("reliability", "--instrument", "scs", "--input", GOLDEN.resolve("scs26.csv").toString(),
                "--subscale", "total", "--by", "role", "--format", "json"));
        JsonNode g = golden("scs26.json").get("by_role");
        JsonNode scales = out.get("scales");
        assertEquals(2, scales.size());
        for (JsonNode s : scales) {
            String role = s.get("group").asText();
            assertEquals(g.get(role).get("alpha").get("total").get("raw_alpha").asDouble(),
                    s.get("alpha").get("raw_alpha").asDouble(), 1e-8, role);
            assertEquals(g.get(role).get("omega6").get("omega_h").asDouble(),
                    s.get("omega_hierarchical").get("omega_h").asDouble(), 1e-3, role);
        }
        JsonNode lw = json(run("reliability", "--instrument", "scs", "--input", GOLDEN.resolve("scs26.csv").toString(),
                "--subscale", "total", "--use", "listwise", "--format", "json")).get("scales").get(0);
        assertEquals("listwise", lw.get("missing").asText());
        assertEquals(lw.get("n_complete").asInt(), lw.get("n_respondents").asInt());
        assertEquals(golden("scs26.json").get("total_listwise").get("total").get("raw_alpha").asDouble(),
                lw.get("alpha").get("raw_alpha").asDouble(), 1e-8);
    }

    @Test
    void defaultScalesItemMapItemSetAndCsv() throws IOException {
        JsonNode all = json(run("reliability", "--instrument", "scs", "--input", GOLDEN.resolve("scs26.csv").toString(),
                "--format", "json"));
        List<String> names = new ArrayList<>();
        all.get("scales").forEach(s -> names.add(s.get("scale").asText()));
        assertEquals(List.of("self_kindness", "self_judgment", "common_humanity", "isolation", "mindfulness",
                "over_identification", "total"), names);
        assertTrue(all.get("scales").get(0).get("omega_hierarchical").isNull());

        Path map = dir.resolve("map.csv");
        StringBuilder sb = new StringBuilder("item,column\n");
        for (int n = 1; n <= 26; n++) {
            sb.append(n).append(",scs").append(n).append('\n');
        }
        Files.writeString(map, sb);
        JsonNode viaMap = json(run("reliability", "--instrument", "scs", "--input", GOLDEN.resolve("scs26.csv").toString(),
                "--item-map", map.toString(), "--item-set", "5,12,19,23,26", "--format", "json"));
        JsonNode g = golden("scs26.json").get("subscales").get("self_kindness").get("alpha");
        assertEquals("items", viaMap.get("scales").get(0).get("scale").asText());
        assertEquals(g.get("total").get("raw_alpha").asDouble(),
                viaMap.get("scales").get(0).get("alpha").get("raw_alpha").asDouble(), 1e-8);

        Run csv = run("reliability", "--instrument", "scs", "--input", GOLDEN.resolve("scs26.csv").toString(),
                "--subscale", "mindfulness", "--by", "role", "--format", "csv");
        assertEquals(0, csv.status(), csv.err());
        String[] lines = csv.out().split("\\R");
        assertTrue(lines[0].startsWith("table,instrument,scale,group,missing,n_items"), lines[0]);
        assertTrue(lines[1].startsWith("scales,scs,mindfulness,husband,pairwise,4,250,"), lines[1]);
        assertTrue(lines[2].startsWith("scales,scs,mindfulness,wife,"), lines[2]);
        assertTrue(lines[3].startsWith("sample,"), lines[3]);
    }

    @Test
    void textOutputAndHelp() {
        Run r = run("reliability", "--instrument", "scs", "--input", GOLDEN.resolve("scs26.csv").toString(),
                "--subscale", "self_kindness");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("raw_alpha std_alpha G6(smc)"), r.out());
        assertTrue(r.out().contains("Feldt 95% CI for raw alpha: 0.783 to 0.836"), r.out());
        assertTrue(r.out().contains("omega total (one-factor minres): 0.814"), r.out());
        Run help = run("reliability", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("dyadkit reliability --instrument scs --input"), help.out());
    }

    @Test
    void badInputAndDegenerateDataExitCodes() throws IOException {
        Path csv = dir.resolve("ras.csv");
        Files.writeString(csv, "id,ras1,ras2,ras3,ras4,ras5,ras6,ras7\n"
                + "1,4,2,5,1,3,4,2\n2,5,1,4,2,3,5,1\n3,3,3,3,3,3,3,3\n4,2,4,2,5,3,2,4\n");
        Run ok = run("reliability", "--instrument", "ras", "--input", csv.toString());
        assertEquals(4, ok.status(), ok.err());
        assertTrue(ok.err().contains("no_variance") && ok.err().contains("ras5"), ok.err());

        StringBuilder rows = new StringBuilder("id,ras1,ras2,ras3,ras4,ras5,ras6,ras7\n");
        var rng = org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        for (int r = 1; r <= 20; r++) {
            rows.append(r);
            for (int j = 1; j <= 7; j++) {
                String cell = Integer.toString(1 + rng.nextInt(5));
                if (r == 2 && j == 1) {
                    cell = "9";
                } else if (r == 3 && j == 2) {
                    cell = "2.5";
                } else if (r == 3 && j == 5) {
                    cell = "x";
                }
                rows.append(',').append(cell);
            }
            rows.append('\n');
        }
        Files.writeString(csv, rows);
        Run range = run("reliability", "--instrument", "ras", "--input", csv.toString(), "--strict");
        assertEquals(3, range.status(), range.err());
        assertTrue(range.err().contains("line 2") && range.err().contains("ras1") && range.err().contains("9"),
                range.err());
        JsonNode flagged = json(run("reliability", "--instrument", "ras", "--input", csv.toString(), "--id", "id",
                "--format", "json"));
        JsonNode problems = flagged.get("problems");
        assertEquals(3, problems.size(), problems.toString());
        assertEquals("out_of_range", problems.get(0).get("problem").asText());
        assertEquals(2, problems.get(0).get("line").asInt());
        assertEquals("2", problems.get(0).get("id").asText());
        assertEquals("non_integer", problems.get(1).get("problem").asText());
        assertEquals("non_numeric", problems.get(2).get("problem").asText());
        assertEquals("ras5", problems.get(2).get("column").asText());
        JsonNode s = flagged.get("scales").get(0);
        assertEquals(19, s.get("item_statistics").get(0).get("n").asInt());

        Run missingColumn = run("reliability", "--instrument", "ras", "--input", csv.toString(), "--items", "q{n}");
        assertEquals(3, missingColumn.status());
        assertTrue(missingColumn.err().contains("no column named \"q1\""), missingColumn.err());

        Files.writeString(csv, "id,ras1,ras2,ras3,ras4,ras5,ras6,ras7\n1,4,2,5,1,3,4,2\n2,5,1,4,2,3,5,1\n");
        Run few = run("reliability", "--instrument", "ras", "--input", csv.toString());
        assertEquals(4, few.status(), few.err());
        assertTrue(few.err().contains("at least 3 respondents"), few.err());

        assertEquals(2, run("reliability", "--instrument", "ras", "--input", csv.toString(), "--use", "some").status());
        assertEquals(2, run("reliability", "--instrument", "ras", "--input", csv.toString(), "--item-set", "1,99")
                .status());
        assertEquals(3, run("reliability", "--instrument", "ras", "--input", dir.resolve("none.csv").toString())
                .status());
    }
}
