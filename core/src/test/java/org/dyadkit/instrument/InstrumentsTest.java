package org.dyadkit.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dyadkit.InputException;
import org.dyadkit.scoring.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled set, templates, look-up by id or path, and the JSON round trip. */
class InstrumentsTest {
    @TempDir
    Path dir;

    @Test
    void bundledIdsAreTheDesignedOnesAndUnique() {
        List<String> ids = Instruments.ids();
        assertTrue(ids.containsAll(List.of("scs", "scs-sf", "sscs-l", "sscs-s", "scs-y", "authenticity", "ras",
                "csi-4", "csi-16", "prqc", "ecr-s", "conflict-resolution")), ids.toString());
        assertEquals(ids.size(), new HashSet<>(ids).size());
        for (Instrument in : Instruments.bundled()) {
            assertEquals("bundled:" + in.id() + ".json", in.source());
            assertFalse(in.citation().text().isBlank(), in.id());
            assertFalse(in.keySource().isBlank(), in.id());
            assertFalse(in.licence().isBlank(), in.id());
        }
    }

    @Test
    void statusFollowsTheResearchTags() {
        // keys verified in a primary or authoritative source
        for (String id : List.of("scs", "scs-sf", "sscs-l", "sscs-s")) {
            assertEquals(Instrument.Status.VALIDATED, Instruments.bundled(id).status(), id);
        }
        // keys (or parts of them) known only from secondary sources or recalled
        for (String id : List.of("scs-y", "authenticity", "ras", "csi-4", "csi-16", "prqc", "ecr-s",
                "conflict-resolution")) {
            assertEquals(Instrument.Status.SECONDARY_SOURCE, Instruments.bundled(id).status(), id);
        }
    }

    @Test
    void keysAreByItemNumber() {
        Instrument scs = Instruments.bundled("scs");
        assertEquals(List.of(1, 2, 4, 6, 8, 11, 13, 16, 18, 20, 21, 24, 25), scs.reverseKeyed());
        assertEquals(List.of(5, 12, 19, 23, 26), scs.subscale("self_kindness").orElseThrow().items());
        for (int n = 1; n <= 26; n++) {
            assertEquals(n, scs.items().get(scs.itemIndex(n)).number());
        }
        assertThrows(IllegalArgumentException.class, () -> scs.itemIndex(27));
        Instrument sf = Instruments.bundled("scs-sf");
        assertEquals("SCS-26 item 6", sf.item(1).note());
    }

    @Test
    void everyBundledDefinitionRoundTrips() {
        for (Instrument in : Instruments.bundled()) {
            Instrument again = Instruments.parse(Instruments.toJson(in), "copy of " + in.id());
            assertEquals(in, again, in.id());
            assertEquals(Scorer.of(in).scoreNames(), Scorer.of(again).scoreNames());
        }
    }

    @Test
    void unknownIdSuggestsNearIds() {
        InputException e = assertThrows(InputException.class, () -> Instruments.bundled("scs_sf"));
        assertTrue(e.getMessage().contains("scs-sf"), e.getMessage());
        assertEquals("scs-sf", Instruments.near("scs_sf").get(0));
        assertTrue(Instruments.near("csi").containsAll(List.of("csi-4", "csi-16", "crsi")));
        e = assertThrows(InputException.class, () -> Instruments.resolve("ecr"));
        assertTrue(e.getMessage().contains("ecr-s"), e.getMessage());
    }

    @Test
    void resolveTakesAnIdOrAPath() throws IOException {
        assertEquals("scs", Instruments.resolve("scs").id());
        Path p = dir.resolve("mine.json");
        Files.writeString(p, InstrumentDefinitionTest.VALID, StandardCharsets.UTF_8);
        assertEquals("my-scale", Instruments.resolve(p.toString()).id());
    }

    @Test
    void crsiIsATemplateNotABundledKey() throws IOException {
        assertTrue(Instruments.templateIds().contains("crsi"));
        assertFalse(Instruments.isBundled("crsi"));
        InputException e = assertThrows(InputException.class, () -> Instruments.bundled("crsi"));
        assertTrue(e.getMessage().contains("template") && e.getMessage().contains("fill in"), e.getMessage());

        // saved as shipped: refused, naming the status field and what to do
        String template = Instruments.template("crsi");
        Path p = dir.resolve("crsi.json");
        Files.writeString(p, template, StandardCharsets.UTF_8);
        e = assertThrows(InputException.class, () -> Instruments.read(p));
        assertTrue(e.getMessage().contains("field status:") && e.getMessage().contains("Kurdek"), e.getMessage());

        // status changed but the key forgotten: refused, naming the empty field
        String statusOnly = template.replace("\"status\": \"template\"", "\"status\": \"user_defined\"")
                .replace("\"min\": null", "\"min\": 1").replace("\"max\": null", "\"max\": 5");
        Files.writeString(p, statusOnly, StandardCharsets.UTF_8);
        e = assertThrows(InputException.class, () -> Instruments.read(p));
        assertTrue(e.getMessage().contains("field subscales[0].items:") && e.getMessage().contains("empty"),
                e.getMessage());

        // completed by the user (an illustrative key, not Kurdek's): loads as user-defined
        String filled = statusOnly;
        Map<String, String> key = Map.of("positive_problem_solving", "[1, 2, 3, 4]", "conflict_engagement",
                "[5, 6, 7, 8]", "withdrawal", "[9, 10, 11, 12]", "compliance", "[13, 14, 15, 16]");
        for (var k : key.entrySet()) {
            int at = filled.indexOf("\"name\": \"" + k.getKey() + "\"");
            int items = filled.indexOf("\"items\": []", at);
            filled = filled.substring(0, items) + "\"items\": " + k.getValue() + filled.substring(items + 11);
        }
        Files.writeString(p, filled, StandardCharsets.UTF_8);
        Instrument crsi = Instruments.read(p);
        assertEquals(Instrument.Status.USER_DEFINED, crsi.status());
        Set<String> names = new HashSet<>(Scorer.of(crsi).scoreNames());
        assertEquals(Set.of("positive_problem_solving", "conflict_engagement", "withdrawal", "compliance"), names);
    }

    @Test
    void theDocumentedExampleFileLoadsAndScores() throws IOException {
        String doc = Files.readString(Path.of("../docs/scoring.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("```json\n") + 8;
        String json = doc.substring(start, doc.indexOf("```", start));
        Instrument in = Instruments.parse(json, "docs/scoring.md");
        assertEquals(List.of("warmth", "coldness", "total"), Scorer.of(in).scoreNames());
        // items 1..6 = 5, 1, 4, 0, 2, 3; 2, 4, 5, 6 reverse-keyed.
        // warmth (positive): 5, 1 + 5 - 1 = 5, 4 -> 14 / 3; coldness (negative, as answered): 0, 2, 3 -> 5 / 3
        var row = Scorer.of(in).score(new int[] {5, 1, 4, 0, 2, 3});
        assertEquals(14.0 / 3, row.value("warmth").getAsDouble(), 1e-15);
        assertEquals(5.0 / 3, row.value("coldness").getAsDouble(), 1e-15);
        // total: coldness in the instrument's direction: 0 + 6 - 0 = 6, 1 + 5 - 2 = 4, 1 + 5 - 3 = 3 -> 13 / 3
        assertEquals((14.0 / 3 + 13.0 / 3) / 2, row.value("total").getAsDouble(), 1e-15);
    }

    @Test
    void conflictRatingsTemplateLoadsOnceTheRangeIsFilledIn() throws IOException {
        String template = Instruments.template("conflict-resolution-ratings");
        Path p = dir.resolve("conflict.json");
        Files.writeString(p, template, StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> Instruments.read(p));
        assertTrue(e.getMessage().contains("field status:"), e.getMessage());
        // an illustrative 1-7 range (the article's range is for the user to take from the article)
        Files.writeString(p, template.replace("\"status\": \"template\"", "\"status\": \"user_defined\"")
                .replace("\"min\": null", "\"min\": 1").replace("\"max\": null", "\"max\": 7"),
                StandardCharsets.UTF_8);
        Instrument in = Instruments.read(p);
        Scorer s = Scorer.of(in);
        assertEquals(List.of("felt_authenticity", "emotional_turmoil", "relational_well_being", "subordinate_count",
                "subordinate_proportion", "self_prioritize_count", "self_prioritize_proportion", "compromise_count",
                "compromise_proportion"), s.scoreNames());
        // resolutions 3, 3, 1, 2; authenticity 7, 6, 2, 5 -> 20 / 4; turmoil 1, 1, 6, 2 -> 10 / 4; well-being all 4
        var row = s.score(new int[] {3, 3, 1, 2, 7, 6, 2, 5, 1, 1, 6, 2, 4, 4, 4, 4});
        assertEquals(5.0, row.value("felt_authenticity").getAsDouble());
        assertEquals(2.5, row.value("emotional_turmoil").getAsDouble());
        assertEquals(0.5, row.value("compromise_proportion").getAsDouble());
        assertEquals(1.0, row.value("subordinate_count").getAsDouble());
        // a rating outside the filled-in range is refused like any item
        assertThrows(IllegalArgumentException.class,
                () -> s.score(new int[] {3, 3, 1, 2, 8, 6, 2, 5, 1, 1, 6, 2, 4, 4, 4, 4}));
    }

    /**
     * The filled-in example of docs/scoring.md (docs/examples/conflict-resolution-ratings-filled.json) is
     * the template with only id, name, status, key_source, response and notes changed, and it scores:
     * resolutions 3, 1, 3, 3 -> compromise 3 of 4 (0.75), subordinate 1 (0.25); authenticity 6, 2, 5, 7 ->
     * 20 / 4 = 5; turmoil 2, 6, 2, 2 -> 12 / 4 = 3; well-being 5, 3, 6, 6 -> 20 / 4 = 5.
     */
    @Test
    void filledInConflictRatingsExampleOfTheDocsLoadsAndScores() throws IOException {
        Path example = Path.of("..", "docs", "examples", "conflict-resolution-ratings-filled.json");
        Instrument in = Instruments.read(example);
        assertEquals("conflict-resolution-ratings-example", in.id());
        assertEquals(Instrument.Status.USER_DEFINED, in.status());
        assertTrue(in.keySource().startsWith("EXAMPLE"), in.keySource());
        var template = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Instruments.template("conflict-resolution-ratings"));
        var filled = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(example));
        for (String field : List.of("format", "version", "citation", "licence", "reversal", "items",
                "reverse_keyed", "subscales", "tallies", "missing")) {
            assertEquals(template.get(field), filled.get(field), "field " + field + " as in the template");
        }
        var row = Scorer.of(in).score(new int[] {3, 1, 3, 3, 6, 2, 5, 7, 2, 6, 2, 2, 5, 3, 6, 6});
        assertEquals(0.75, row.value("compromise_proportion").getAsDouble(), 1e-15);
        assertEquals(0.25, row.value("subordinate_proportion").getAsDouble(), 1e-15);
        assertEquals(0.0, row.value("self_prioritize_count").getAsDouble(), 1e-15);
        assertEquals(5.0, row.value("felt_authenticity").getAsDouble(), 1e-15);
        assertEquals(3.0, row.value("emotional_turmoil").getAsDouble(), 1e-15);
        assertEquals(5.0, row.value("relational_well_being").getAsDouble(), 1e-15);
    }

    /** The RPCS is deliberately not bundled (no source gives its key): asking for it says why and what to do. */
    @Test
    void rpcsIsRefusedWithTheReasonAndWhatToDo() {
        assertFalse(Instruments.isBundled("rpcs"));
        assertFalse(Instruments.templateIds().contains("rpcs"));
        for (var lookup : List.<java.util.function.Supplier<Instrument>>of(() -> Instruments.bundled("rpcs"),
                () -> Instruments.resolve("rpcs"))) {
            InputException e = assertThrows(InputException.class, lookup::get);
            assertTrue(e.getMessage().contains("not bundled") && e.getMessage().contains("item-to-subscale key")
                    && e.getMessage().contains("docs/instruments-research.md"), e.getMessage());
        }
        assertTrue(Instruments.notBundledReason("rpcs").isPresent());
        assertTrue(Instruments.notBundledReason("scs").isEmpty());
    }

    @Test
    void twoInstrumentsWithOneIdAreRefused() throws IOException {
        Path p = dir.resolve("my-scs.json");
        Files.writeString(p, Instruments.toJson(Instruments.bundled("scs")), StandardCharsets.UTF_8);
        assertEquals(2, Instruments.resolveAll(List.of("scs", "ras")).size());
        InputException e = assertThrows(InputException.class, () -> Instruments.resolveAll(List.of("scs",
                p.toString())));
        assertTrue(e.getMessage().startsWith(p.toString()) && e.getMessage().contains("field id: duplicate instrument"
                + " id \"scs\"") && e.getMessage().contains("bundled:scs.json"), e.getMessage());
    }
}
