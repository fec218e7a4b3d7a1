package org.dyadkit.study;

import static org.dyadkit.study.StudyFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in a study file: one message naming the place in the file, exit 2 (or 3 for data that cannot
 * be read), no stack trace, and nothing written into the output folder (not even the folder itself).
 */
class BadStudyFileTest {
    @TempDir
    Path dir;

    private String fails(String study, int exit, String fileName) throws IOException {
        Path f = StudyFixture.write(dir, study);
        if (!fileName.equals("study.yaml")) {
            Path g = dir.resolve(fileName);
            Files.move(f, g);
            f = g;
        }
        Path out = dir.resolve("out");
        StudyFixture.Run r = run("study", f.toString(), "--out", out.toString());
        assertEquals(exit, r.exit(), r.err());
        assertFalse(Files.exists(out), "nothing may be written into the output folder");
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".out.")), "temporary folder left");
        }
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        return r.err();
    }

    private String fails(String study, int exit) throws IOException {
        return fails(study, exit, "study.yaml");
    }

    private static String head() {
        return StudyFixture.head(StudyFixture.SAMPLES.resolve("simulated_couples.csv"));
    }

    @Test
    void unknownAnalysis() throws IOException {
        String e = fails(head() + "analyses:\n  - id: a\n    apimm: {y: ras_total}\n", 2);
        assertTrue(e.contains("analyses[0].apimm: unknown analysis (did you mean apim?)"), e);
    }

    @Test
    void unknownOption() throws IOException {
        String e = fails(head() + "analyses:\n  - id: a\n    apim: {y: ras_total, x: [scs_total], bootstrp: 10}\n", 2);
        assertTrue(e.contains("analyses[0].apim.bootstrp: unknown option of apim (did you mean bootstrap?)"), e);
    }

    @Test
    void optionsAcceptHyphensAndUnderscores() throws IOException {
        Path f = StudyFixture.write(dir, head() + "analyses:\n  - id: a\n    apim: {y: ras_total, x: [scs_total], "
                + "k: true, k_predictor: scs_total, df: between-within}\n  - id: b\n    apim: {y: ras_total, "
                + "x: [scs_total], k-predictor: scs_total}\n");
        Plan p = Plan.of(Study.read(f));
        assertTrue(String.join(" ", p.steps.get(0).args()).contains("--k-predictor scs_total"));
        assertTrue(String.join(" ", p.steps.get(1).args()).contains("--k-predictor scs_total"));
    }

    @Test
    void missingColumnIsNamedByItsPathWithASuggestion() throws IOException {
        String e = fails(head() + "analyses:\n  - id: r\n    reliability: {instrument: ras}\n  - id: n\n"
                + "    nonindependence: {vars: [ras_total]}\n  - id: c\n    correlate: {vars: [ras_total, scs_total]}\n"
                + "  - id: a\n    apim: {y: ras_totl, x: [scs_total]}\n", 2);
        assertTrue(e.contains("analyses[3].apim.y: no column \"ras_totl\"; did you mean ras_total?"), e);
        e = fails(head() + "analyses:\n  - id: a\n    correlate: {vars: [scs_total, partner_behaviour_carin]}\n", 2);
        assertTrue(e.contains("analyses[0].correlate.vars: no column \"partner_behaviour_carin\"; did you mean "
                + "partner_behaviour_caring?"), e);
    }

    @Test
    void duplicateId() throws IOException {
        String e = fails(head() + "analyses:\n  - id: a\n    apim: {y: ras_total}\n  - id: a\n"
                + "    nonindependence: {vars: [ras_total]}\n", 2);
        assertTrue(e.contains("analyses[1].id: duplicate id \"a\" (also analyses[0].id)"), e);
    }

    @Test
    void unreadableData() throws IOException {
        String e = fails(StudyFixture.head(dir.resolve("nowhere.csv")) + StudyFixture.ANALYSES, 3);
        assertTrue(e.contains("data.file: cannot read"), e);
        assertTrue(e.contains("does not exist"), e);
    }

    @Test
    void unknownInstrumentAndScoreOption() throws IOException {
        String e = fails(head().replace("instrument: ras\n", "instrument: rass\n") + StudyFixture.ANALYSES, 2);
        assertTrue(e.contains("scores[2].instrument: "), e);
        e = fails(head().replace("    items: \"ras{n}\"\n", "    itemz: \"ras{n}\"\n") + StudyFixture.ANALYSES, 2);
        assertTrue(e.contains("scores[2].itemz: unknown option (did you mean items?)"), e);
    }

    @Test
    void malformedFiles() throws IOException {
        String e = fails("title: x\ndata: [unclosed\n", 2);
        assertTrue(e.contains("not valid YAML at line"), e);
        e = fails("{\"title\": \"x\", ", 2, "study.json");
        assertTrue(e.contains("not valid JSON"), e);
        e = fails(head() + "analysis:\n  - id: a\n    apim: {y: ras_total}\n", 2);
        assertTrue(e.contains("analysis: unknown key (did you mean analyses?)"), e);
        e = fails(head() + "analyses:\n  - id: a\n    apim: {y: ras_total}\n    correlate: {vars: [ras_total]}\n", 2);
        assertTrue(e.contains("analyses[0]: declares two analyses (apim and correlate)"), e);
        e = fails(head() + "analyses:\n  - id: a\n    apim: {y: ras_total, input: other.csv}\n", 2);
        assertTrue(e.contains("analyses[0].apim.input: set by the study itself"), e);
        e = fails(head() + "analyses:\n  - id: a b\n    apim: {y: ras_total}\n", 2);
        assertTrue(e.contains("analyses[0].id: \"a b\" cannot name a file"), e);
        e = fails(head().replace("  dyad: couple_id\n", "  dyad: couple\n") + StudyFixture.ANALYSES, 2);
        assertTrue(e.contains("data.dyad: no column \"couple\"; did you mean couple_id?"), e);
    }

    @Test
    void anAnalysisThatCannotBeDoneFailsWithFourAndWritesNothing() throws IOException {
        // the outcome as its own predictor: a singular design
        String e = fails(head() + "analyses:\n  - id: ok\n    nonindependence: {vars: [ras_total]}\n  - id: bad\n"
                + "    apim: {y: ras_total, x: [ras_total]}\n", 4, "study.yaml");
        assertTrue(e.contains("analyses[1].apim (bad): "), e);
    }

    @Test
    void publishedValuesAreChecked() throws IOException {
        String analyses = "analyses:\n  - id: n\n    nonindependence: {vars: [ras_total]}\n";
        String e = fails(head() + analyses + "published:\n  - {analysis: m, value: /p, published: \"0.1\", what: x}\n", 2);
        assertTrue(e.contains("published[0].analysis: no analysis with id \"m\""), e);
        e = fails(head() + analyses + "published:\n  - {analysis: n, value: /variables/0/pearson, published: \"0.1\", "
                + "what: x}\n", 2);
        assertTrue(e.contains("published[0].value: the result of n has no number at /variables/0/pearson"), e);
        e = fails(head() + analyses + "published:\n  - {analysis: n, value: /p, published: \"n.s.\", what: x}\n", 2);
        assertTrue(e.contains("published[0].published: \"n.s.\" is not a number as printed"), e);
    }

    @Test
    void aStudyFileInJson() throws IOException {
        Path f = dir.resolve("study.json");
        Files.writeString(f, "{\"title\": \"t\", \"data\": {\"file\": \"" + StudyFixture.SAMPLES.resolve(
                "acitelli_individual.csv") + "\", \"dyad\": \"cuplid\", \"role\": \"gender\"}, \"analyses\": "
                + "[{\"id\": \"n\", \"nonindependence\": {\"vars\": [\"satisfaction\"]}}]}");
        Path out = dir.resolve("json-out");
        StudyFixture.Run r = run("study", f.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
    }

    @Test
    void overTimeAnalysesNeedTheDiaryAndItsColumns() throws IOException {
        String noDiary = head().replaceAll("(?s)diary:.*?(?=labels:)", "");
        String e = fails(noDiary + "analyses:\n  - id: g\n    growth: {y: closeness, time: time}\n", 2);
        assertTrue(e.contains("analyses[0].growth: reads a person-period file, and the study declares none; add diary:"),
                e);
        e = fails(head() + "analyses:\n  - id: g\n    growth: {y: closenes, time: time}\n", 2);
        assertTrue(e.contains("analyses[0].growth.y: no column \"closenes\"; did you mean closeness?"), e);
        e = fails(head().replace("occasion: day", "occasion: dau") + "analyses:\n  - id: g\n"
                + "    growth: {y: closeness, time: time}\n", 2);
        assertTrue(e.contains("diary.occasion: no column \"dau\"; did you mean day?"), e);
        e = fails(head().replace("file: diary_couples.csv", "file: diary.csv") + "analyses:\n  - id: g\n"
                + "    growth: {y: closeness, time: time}\n", 3);
        assertTrue(e.contains("diary.file: cannot read \"diary.csv\""), e);
        e = fails(head().replace("occasion: day", "ocasion: day") + "analyses:\n  - id: g\n"
                + "    growth: {y: closeness, time: time}\n", 2);
        assertTrue(e.contains("diary.ocasion: unknown key (did you mean occasion?)"), e);
        e = fails(head() + "analyses:\n  - id: g\n    longitudinal-apim: {y: closeness, x: stress, tme: 1}\n", 2);
        assertTrue(e.contains("analyses[0].longitudinal-apim.tme: unknown option of longitudinal-apim"), e);
    }

    @Test
    void powerNamesItsKindAndOptions() throws IOException {
        String e = fails(head() + "analyses:\n  - id: p\n    power: {simulat: {dyads: 100}}\n", 2);
        assertTrue(e.contains("analyses[0].power.simulat: unknown kind of power analysis (did you mean simulate?)"), e);
        e = fails(head() + "analyses:\n  - id: p\n    power: {apim: {dyads: 100, actr: 0.3}}\n", 2);
        assertTrue(e.contains("analyses[0].power.apim.actr: unknown option of power apim (did you mean actor?)"), e);
        e = fails(head() + "analyses:\n  - id: p\n    power: {dyads: 100}\n", 2);
        assertTrue(e.contains("analyses[0].power.dyads: unknown kind of power analysis"), e);
        e = fails(head() + "analyses:\n  - id: p\n    power: {apim: {dyads: 100, actor: 0.3, r_x: 1.5}}\n", 2);
        assertTrue(e.contains("analyses[0].power (p): "), e);
    }
}
