package org.dyadkit.study;

import static org.dyadkit.study.StudyFixture.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dyadkit study} end to end on the simulated couples: the outputs, the contract that each result is
 * the analysis's own command's JSON on {@code scores.csv} (commands typed here by hand, as a researcher
 * would), byte-identical reruns.
 */
class StudyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path out;
    static JsonNode results;

    @BeforeAll
    static void runStudy() throws IOException {
        out = StudyFixture.shared();
        StudyFixture.study(dir);
        results = JSON.readTree(out.resolve("results.json").toFile());
    }

    @Test
    void writesEveryOutput() {
        for (String f : List.of("scores.csv", "problems.csv", "results.json", "report.html")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        for (JsonNode a : results.get("analyses")) {
            assertTrue(Files.isRegularFile(out.resolve("tables").resolve(a.get("id").asText() + ".csv")));
        }
        assertEquals(List.of("study", "inputs", "versions", "analyses"), fieldNames(results));
        assertEquals(List.of("id", "type", "result"), fieldNames(results.get("analyses").get(0)));
        assertEquals(5, results.get("inputs").size());
        assertEquals("diary_couples.csv", results.get("inputs").get(2).get("file").asText());
        assertEquals("study.yaml", results.get("inputs").get(0).get("file").asText());
        assertTrue(results.get("inputs").get(1).get("sha256").asText().matches("[0-9a-f]{64}"));
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".out.")), "temporary folder left");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> l = new ArrayList<>();
        n.fieldNames().forEachRemaining(l::add);
        return l;
    }

    /** The commands a researcher would type in the output folder, per analysis id. */
    private static Map<String, List<String>> commands(String scores) {
        List<String> couples = List.of("--input", scores, "--dyad", "couple_id", "--role", "role", "--format", "json");
        return Map.ofEntries(
                Map.entry("reliability-ras", List.of("reliability", "--instrument", "ras", "--by", "role", "--items", "ras{n}",
                        "--input", scores, "--format", "json")),
                Map.entry("nonindependence", cat(List.of("nonindependence", "--var", "scs_total", "--var", "ras_total"), couples)),
                Map.entry("cross-partner", cat(List.of("correlate", "--vars", "scs_total,partner_behaviour_caring"), couples)),
                Map.entry("apim-satisfaction", cat(List.of("apim", "--y", "ras_total", "--x", "scs_total", "--k", "--bootstrap",
                        "200", "--seed", "11"), couples)),
                Map.entry("apim-probes", cat(List.of("apim", "--y", "ras_total", "--x", "scs_total", "--covariate",
                        "authenticity_authentic_living", "--interaction", "scs_total:authenticity_authentic_living",
                        "--simple-slopes", "--constrain", "actor:man = actor:woman", "--pattern", "couple"), couples)),
                Map.entry("distinguishability", cat(List.of("distinguishability", "--y", "ras_total", "--x", "scs_total"), couples)),
                Map.entry("mediation-authenticity", cat(List.of("apimem", "--x", "scs_total", "--m", "authenticity_authentic_living",
                        "--y", "ras_total", "--bootstrap", "200", "--seed", "12", "--mc", "2000"), couples)),
                Map.entry("single-level", List.of("mediate", "--x", "scs_total", "--m", "authenticity_authentic_living", "--y",
                        "ras_total", "--dyad", "couple_id", "--bootstrap", "200", "--seed", "13", "--input", scores,
                        "--format", "json")),
                Map.entry("power-curve", List.of("power", "apim", "--dyads", "50:150:50", "--actor", "0.3", "--partner", "0.15",
                        "--format", "json")),
                Map.entry("power-simulated", List.of("power", "simulate", "--distinguishable", "--roles", "man,woman", "--dyads",
                        "60:90:30", "--actor", "0.3", "--partner", "0.15", "--replicates", "100", "--seed", "5",
                        "--format", "json")),
                Map.entry("growth", cat(List.of("growth", "--y", "closeness", "--time", "time"), diary())),
                Map.entry("lapim", cat(List.of("longitudinal-apim", "--y", "closeness", "--x", "stress"), diary())),
                Map.entry("stability", cat(List.of("stability-influence", "--y", "closeness"), diary())),
                Map.entry("mlm-intercepts", cat(List.of("mlm", "--fixed", "closeness ~ 0 + man + woman", "--random",
                        "~ 0 + man + woman | couple", "--variance-by", "gender"), diary())));
    }

    /** The diary file of the test study (copied beside it) and its columns. */
    private static String diaryFile() {
        return dir.resolve("diary_couples.csv").toString();
    }

    private static List<String> diary() {
        return List.of("--input", diaryFile(), "--dyad", "couple", "--role", "gender", "--person", "person",
                "--occasion", "day", "--format", "json");
    }

    private static List<String> cat(List<String> a, List<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }

    @Test
    void eachResultIsTheCommandsOwnJson() throws IOException {
        String scores = out.resolve("scores.csv").toString();
        Map<String, List<String>> cmds = commands(scores);
        List<String> types = new ArrayList<>();
        for (JsonNode a : results.get("analyses")) {
            String id = a.get("id").asText();
            List<String> cmd = cmds.get(id);
            StudyFixture.Run r = run(cmd.toArray(String[]::new));
            assertEquals(0, r.exit(), id + ": " + r.err());
            JsonNode own = StudyRunner.normalise(StudyRunner.normalise(JSON.readTree(r.out()), scores), diaryFile(),
                    "diary_couples.csv");
            // every number, string and key the same, in the same order
            assertEquals(own, a.get("result"), id);
            assertEquals(own.toString(), a.get("result").toString(), id);
            types.add(a.get("type").asText());
        }
        assertEquals(Study.ANALYSIS_TYPES.stream().sorted().toList(), types.stream().distinct().sorted().toList(),
                "the test covers every analysis type");
    }

    @Test
    void tablesAreTheCommandsCsv() throws IOException {
        String scores = out.resolve("scores.csv").toString();
        for (Map.Entry<String, List<String>> e : commands(scores).entrySet()) {
            List<String> cmd = new ArrayList<>(e.getValue());
            cmd.set(cmd.indexOf("json"), "csv");
            StudyFixture.Run r = run(cmd.toArray(String[]::new));
            assertEquals(0, r.exit(), r.err());
            assertEquals(r.out().replace(scores, "scores.csv").replace(diaryFile(), "diary_couples.csv"),
                    Files.readString(out.resolve("tables").resolve(e.getKey() + ".csv")), e.getKey());
        }
    }

    @Test
    void scoresAreWhatScoreWrites() throws IOException {
        Path s = dir.resolve("own-scores.csv");
        Path p = dir.resolve("own-problems.csv");
        StudyFixture.Run r = run("score", "--input", StudyFixture.SAMPLES.resolve("simulated_couples.csv").toString(),
                "--output", s.toString(), "--problems", p.toString(), "--id", "person_id",
                "--instrument", "scs", "--items", "scs{n}", "--instrument", "authenticity", "--items", "as{n}",
                "--instrument", "ras", "--items", "ras{n}", "--instrument",
                StudyFixture.SAMPLES.resolve("partner-behaviour.json").toString(), "--items", "pb{n}",
                "--instrument", StudyFixture.SAMPLES.resolve("conflict-styles.json").toString(), "--items", "cs{n}",
                "--min-answered", "0.8", "--total", "mean-of-subscales", "--total", "default", "--total", "default",
                "--total", "default", "--total", "default");
        assertEquals(0, r.exit(), r.err());
        assertArrayEquals(Files.readAllBytes(s), Files.readAllBytes(out.resolve("scores.csv")));
        // the same problems; the file column names the input as each run was given it
        assertEquals(column(Files.readAllLines(p), 1), column(Files.readAllLines(out.resolve("problems.csv")), 1));
        assertEquals(Files.readAllLines(StudyFixture.SAMPLES.resolve("simulated_couples_problems.csv")).size(),
                Files.readAllLines(out.resolve("problems.csv")).size());
    }

    private static List<String> column(List<String> lines, int from) {
        return lines.stream().map(l -> l.substring(l.indexOf(',') + 1)).toList();
    }

    @Test
    void aRerunIsByteIdentical() throws IOException {
        Path again = dir.resolve("again");
        StudyFixture.Run r = run("study", dir.resolve("study.yaml").toString(), "--out", again.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(again.resolve("report.html").toString(), r.out().strip());
        List<String> files = new ArrayList<>(List.of("results.json", "report.html", "scores.csv"));
        for (JsonNode a : results.get("analyses")) {
            files.add("tables/" + a.get("id").asText() + ".csv");
        }
        try (Stream<Path> s = Files.list(out.resolve("figures"))) {
            s.forEach(p -> files.add("figures/" + p.getFileName()));
        }
        for (String f : files) {
            assertArrayEquals(Files.readAllBytes(out.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
        }
        // the run time goes to stderr only
        assertTrue(r.err().contains(" s into "), r.err());
        assertFalse(Files.readString(again.resolve("report.html")).matches("(?s).*\\d{4}-\\d{2}-\\d{2}T.*"));
    }

    @Test
    void anEarlierOutputFolderIsReplacedAndAForeignOneRefused() throws IOException {
        Path foreign = dir.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("thesis.docx"), "mine");
        StudyFixture.Run r = run("study", dir.resolve("study.yaml").toString(), "--out", foreign.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--out: "), r.err());
        assertEquals(List.of("thesis.docx"), Files.list(foreign).map(p -> p.getFileName().toString()).toList());

        Path earlier = dir.resolve("earlier");
        Files.createDirectories(earlier);
        Files.writeString(earlier.resolve("results.json"), "{}");
        Files.writeString(earlier.resolve("stale.txt"), "old");
        r = run("study", dir.resolve("study.yaml").toString(), "--out", earlier.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(Files.exists(earlier.resolve("stale.txt")));
        assertTrue(((ObjectNode) JSON.readTree(earlier.resolve("results.json").toFile())).has("analyses"));
    }
}
