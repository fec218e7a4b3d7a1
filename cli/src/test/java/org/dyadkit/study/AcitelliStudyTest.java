package org.dyadkit.study;

import static org.dyadkit.study.StudyFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Acitelli reanalysis as a study ({@code examples/studies/acitelli.yaml}): its report prints each
 * published value beside dyadkit's, and every one agrees (to the printed digits, or within the stated
 * tolerance). The bootstraps are shortened here; no published value depends on them.
 */
class AcitelliStudyTest {
    @TempDir
    Path dir;

    @Test
    void everyPublishedValueAgrees() throws IOException {
        Path source = Path.of("../examples/studies/acitelli.yaml");
        String text = Files.readString(source)
                .replace("file: ../../data-samples/acitelli_individual.csv",
                        "file: " + StudyFixture.SAMPLES.resolve("acitelli_individual.csv"))
                .replace("bootstrap: 2000", "bootstrap: 100");
        Path study = dir.resolve("acitelli.yaml");
        Files.writeString(study, text);
        int declared = (int) text.lines().filter(l -> l.strip().startsWith("- {analysis:")).count();
        assertTrue(declared >= 25, "published values: " + declared);
        Path out = dir.resolve("out");
        StudyFixture.Run r = run("study", study.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        Document doc = Jsoup.parse(out.resolve("report.html").toFile(), "UTF-8");
        Element table = doc.select("table").stream().filter(t -> t.selectFirst("caption").text()
                .contains("Published values and dyadkit's")).findFirst().orElseThrow();
        assertEquals(declared, table.select("tbody tr").size());
        for (Element row : table.select("tbody tr")) {
            assertTrue(row.child(6).text().startsWith("yes"), row.text());
        }
        assertTrue(doc.text().contains(declared + " of " + declared + " published values agree"));
    }

    @Test
    void indistinguishableDyadsGetTheirOwnParagraphsAndTables() throws IOException {
        Path study = dir.resolve("indist.yaml");
        Files.writeString(study, "title: indistinguishable\ndata: {file: " + StudyFixture.SAMPLES.resolve(
                "acitelli_individual.csv") + ", dyad: cuplid}\nanalyses:\n  - id: n\n    nonindependence: {vars: "
                + "[satisfaction]}\n  - id: c\n    correlate: {vars: [satisfaction, tension]}\n  - id: a\n    apim: "
                + "{y: satisfaction, x: [other_pos]}\n  - id: m\n    apimem: {x: other_pos, m: tension, y: satisfaction, "
                + "mc: 1000}\n");
        Path out = dir.resolve("indist-out");
        StudyFixture.Run r = run("study", study.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        Document doc = Jsoup.parse(out.resolve("report.html").toFile(), "UTF-8");
        com.fasterxml.jackson.databind.JsonNode res = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("results.json").toFile()).get("analyses");
        String text = doc.text();
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "intraclass correlation of satisfaction was %s",
                String.format(java.util.Locale.ROOT, "%.2f", res.get(0).get("result").get("variables").get(0)
                        .get("anova_icc").asDouble()).replace("0.", "."))), text);
        assertTrue(text.contains("one partner's satisfaction and the other's tension correlated r = "
                + String.format(java.util.Locale.ROOT, "%.2f", res.get(1).get("result").get("pairs").get(0)
                        .get("cross_r").asDouble()).replace("0.", ".")), text);
        assertTrue(text.contains("A person's own other_pos predicted their satisfaction (actor effect), b = "
                + String.format(java.util.Locale.ROOT, "%.2f", res.get(2).get("result").get("coefficients").get(1)
                        .get("estimate").asDouble())), text);
        for (Element t : doc.select("table")) {
            assertTrue(t.selectFirst("caption") != null && !t.selectFirst("caption").text().isBlank());
        }
        assertTrue(doc.select("figure svg.diagram").size() >= 1, "the APIM diagram");
    }

    @Test
    void theInputDialectGoesToScoreAndTheNumbersDoNotChange() throws IOException {
        // the simulated survey as a semicolon-separated export with -99 for a missing answer
        List<String> lines = Files.readAllLines(StudyFixture.SAMPLES.resolve("simulated_couples.csv"));
        List<String> semi = new ArrayList<>();
        for (String l : lines) {
            semi.add(l.replace(',', ';').replace(";;", ";-99;").replace(";;", ";-99;"));
        }
        Path data = dir.resolve("export.csv");
        Files.write(data, semi);
        String analyses = "analyses:\n  - id: r\n    reliability: {instrument: ras, by: role}\n  - id: a\n"
                + "    apim: {y: ras_total, x: [scs_total]}\n";
        Path plain = StudyFixture.write(dir, StudyFixture.head(StudyFixture.SAMPLES.resolve("simulated_couples.csv"))
                + analyses);
        StudyFixture.Run r1 = run("study", plain.toString(), "--out", dir.resolve("plain").toString());
        assertEquals(0, r1.exit(), r1.err());
        Path dialect = dir.resolve("dialect.yaml");
        Files.writeString(dialect, StudyFixture.head(data).replace("  person: person_id\n",
                "  person: person_id\n  delimiter: \";\"\n  na: [\"-99\"]\n") + analyses);
        StudyFixture.Run r2 = run("study", dialect.toString(), "--out", dir.resolve("dialect").toString());
        assertEquals(0, r2.exit(), r2.err());
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode a = m.readTree(dir.resolve("plain/results.json").toFile()).get("analyses");
        com.fasterxml.jackson.databind.JsonNode b = m.readTree(dir.resolve("dialect/results.json").toFile())
                .get("analyses");
        assertEquals(a.get(1).get("result").get("coefficients"), b.get(1).get("result").get("coefficients"));
        assertEquals(a.get(0).get("result").get("scales"), b.get(0).get("result").get("scales"));
        assertTrue(m.readTree(dir.resolve("dialect/results.json").toFile()).get("study").get("analyses").get(0)
                .get("command").asText().contains("--na -99"), "the analyses read scores.csv with the same --na");
    }
}
