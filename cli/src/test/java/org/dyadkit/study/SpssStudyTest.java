package org.dyadkit.study;

import static org.dyadkit.study.StudyFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study whose data file is an SPSS file (written by PSPP, {@code src/test/resources/spss/make.sh}): the value
 * labels of the role column name the roles, as on the command line; the variable labels name the variables
 * in the report's tables and text; and the results equal those of the same study on the CSV the SPSS file
 * was made from.
 */
class SpssStudyTest {
    static final Path SPSS = Path.of("src/test/resources/spss").toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode study(String name, String data, String roles) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, "title: RAS in couples\ndata: " + data + "\nscores:\n  - instrument: ras\n"
                + "    items: \"ras{n}\"\nanalyses:\n  - id: n\n    nonindependence: {vars: [ras_total, ras1]}\n"
                + "  - id: a\n    apim: {y: ras_total, x: [ras1], roles: " + roles + "}\n");
        StudyFixture.Run r = run("study", file.toString(), "--out", dir.resolve(name).toString());
        assertEquals(0, r.exit(), r.err());
        return JSON.readTree(dir.resolve(name).resolve("results.json").toFile());
    }

    @Test
    void scoredSpssFileGivesTheResultsOfItsCsvWithTheRolesByTheirLabels() throws IOException {
        JsonNode sav = study("sav", "{file: " + SPSS.resolve("couples-ras.sav") + ", dyad: couple_id, role: role, "
                + "person: person_id}", "[2, 1]");
        JsonNode csv = study("csv", "{file: " + StudyFixture.SAMPLES.resolve("simulated_couples.csv")
                + ", dyad: couple_id, role: role, person: person_id}", "[woman, man]");
        for (int i = 0; i < 2; i++) {
            JsonNode a = sav.path("analyses").get(i).path("result");
            JsonNode b = csv.path("analyses").get(i).path("result");
            assertEquals(b.path("coefficients"), a.path("coefficients"), "analysis " + i);
            assertEquals(b.path("variables"), a.path("variables"), "analysis " + i);
            assertEquals(b.path("sample"), a.path("sample"), "analysis " + i);
        }
        JsonNode terms = sav.path("analyses").get(1).path("result").path("coefficients");
        assertEquals("intercept:woman", terms.get(0).path("term").asText());
        assertEquals("Partner role", sav.path("study").path("labels").path("variables").path("role").asText());
        assertEquals("RAS item 1", sav.path("study").path("labels").path("variables").path("ras1").asText());

        Document doc = Jsoup.parse(dir.resolve("sav").resolve("report.html").toFile(), "UTF-8");
        Element partners = doc.select("table").stream().filter(t -> t.selectFirst("caption").text()
                .contains("Nonindependence: correlation of partners' scores")).findFirst().orElseThrow();
        assertEquals("RAS item 1", partners.select("tbody tr").get(1).child(0).text());
        assertTrue(doc.text().contains("the partners' RAS item 1 scores correlated r(142)"), doc.text());
        Document plain = Jsoup.parse(dir.resolve("csv").resolve("report.html").toFile(), "UTF-8");
        assertTrue(plain.text().contains("the partners' ras1 scores correlated r(142)"), plain.text());
    }

    @Test
    void roleCodesKeepsTheCodesAndTheStudyFilesLabelsWin() throws IOException {
        Path file = dir.resolve("codes.yaml");
        Files.writeString(file, "title: codes\ndata: {file: " + SPSS.resolve("acitelli.sav") + ", dyad: cuplid, "
                + "role: gender, role_codes: true}\nlabels: {variables: {satisfaction: contentment}}\nanalyses:\n"
                + "  - id: a\n    apim: {y: satisfaction, x: [other_pos]}\n");
        StudyFixture.Run r = run("study", file.toString(), "--out", dir.resolve("codes").toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode res = JSON.readTree(dir.resolve("codes").resolve("results.json").toFile());
        JsonNode terms = res.path("analyses").get(0).path("result").path("coefficients");
        assertTrue(terms.findValuesAsText("term").contains("actor:-1"), terms.toString());
        JsonNode vars = res.path("study").path("labels").path("variables");
        assertEquals("contentment", vars.path("satisfaction").asText());
        assertEquals("Perceives the partner positively", vars.path("other_pos").asText());
        assertTrue(Files.readString(dir.resolve("codes").resolve("scores.csv")).startsWith(
                "cuplid,Yearsmar,gender,self_pos,other_pos,satisfaction,tension,simhob\n3,8.2026666666667,-1,"));
    }

    @Test
    void unscoredSpssFileIsAnalysedWithItsLabels() throws IOException {
        Path file = dir.resolve("plain.yaml");
        Files.writeString(file, "title: plain\ndata: {file: " + SPSS.resolve("acitelli.sav") + ", dyad: cuplid, "
                + "role: gender}\nanalyses:\n  - id: a\n    apim: {y: satisfaction, x: [other_pos], roles: [-1, 1]}\n");
        StudyFixture.Run r = run("study", file.toString(), "--out", dir.resolve("plain").toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode res = JSON.readTree(dir.resolve("plain").resolve("results.json").toFile());
        JsonNode terms = res.path("analyses").get(0).path("result").path("coefficients");
        assertEquals("intercept:wife", terms.get(0).path("term").asText());
        assertTrue(Files.readString(dir.resolve("plain").resolve("scores.csv")).lines().skip(1)
                .allMatch(l -> l.split(",")[2].equals("wife") || l.split(",")[2].equals("husband")));
        Document doc = Jsoup.parse(dir.resolve("plain").resolve("report.html").toFile(), "UTF-8");
        assertTrue(doc.text().contains("Relationship satisfaction"), doc.text());
    }
}
