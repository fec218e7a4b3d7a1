package org.dyadkit.study;

import static org.dyadkit.study.StudyFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
