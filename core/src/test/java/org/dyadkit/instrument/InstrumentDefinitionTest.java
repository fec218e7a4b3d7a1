package org.dyadkit.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dyadkit.InputException;
import org.dyadkit.scoring.MissingRule;
import org.dyadkit.scoring.Scorer;
import org.dyadkit.scoring.TotalMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's instrument file: a valid one loads and scores; every bad definition names file and field. */
class InstrumentDefinitionTest {
    @TempDir
    Path dir;

    /** A small valid definition: 6 items, 1-4, two subscales of 3, item 2 and 5 reverse-keyed. */
    static final String VALID = """
            {
              "id": "my-scale",
              "name": "My scale",
              "version": "2",
              "status": "user_defined",
              "citation": {"text": "Me (2026). My scale.", "doi": ""},
              "key_source": "my own article",
              "licence": "mine",
              "response": {"min": 1, "max": 4, "labels": {"1": "never", "4": "always"}},
              "reversal": "min + max - x",
              "items": [
                {"number": 1, "label": "a"}, {"number": 2, "label": "b"}, {"number": 3, "label": "c"},
                {"number": 4, "label": "d"}, {"number": 5, "label": "e"}, {"number": 6, "label": "f"}
              ],
              "reverse_keyed": [2, 5],
              "subscales": [
                {"name": "first", "items": [1, 2, 3], "aggregation": "mean", "direction": "positive"},
                {"name": "second", "items": [4, 5, 6], "aggregation": "sum", "direction": "positive"}
              ],
              "total": {"methods": ["item-mean", "mean-of-subscales"], "default": "item-mean"},
              "missing": {"rule": "min-answered-fraction", "fraction": 0.8}
            }
            """;

    private Path write(String json) throws IOException {
        Path p = dir.resolve("my-scale.json");
        Files.writeString(p, json, StandardCharsets.UTF_8);
        return p;
    }

    /** Reads a mutated definition and checks the message names the file and the field. */
    private void fails(String json, String field, String alsoContains) throws IOException {
        Path p = write(json);
        InputException e = assertThrows(InputException.class, () -> Instruments.read(p));
        String m = e.getMessage();
        assertTrue(m.startsWith(p.toString()), m);
        assertTrue(m.contains("field " + field + ":"), "expected field " + field + " in: " + m);
        assertTrue(m.contains(alsoContains), "expected \"" + alsoContains + "\" in: " + m);
    }

    private static String replace(String from, String to) {
        assertTrue(VALID.contains(from), from);
        return VALID.replace(from, to);
    }

    @Test
    void validFileLoadsAndScores() throws IOException {
        Instrument in = Instruments.read(write(VALID));
        assertEquals("my-scale", in.id());
        assertEquals(Instrument.Status.USER_DEFINED, in.status());
        assertEquals(MissingRule.minAnsweredFraction(0.8), in.defaultMissing());
        assertEquals(TotalMethod.ITEM_MEAN, in.defaultTotal().orElseThrow());
        // 1, 4, 2 (2 reversed -> 1 + 4 - 4 = 1) and 3, 1, 4 (5 reversed -> 4)
        var row = Scorer.of(in).score(new int[] {1, 4, 2, 3, 1, 4});
        assertEquals(4.0 / 3, row.value("first").getAsDouble(), 1e-15); // 1 + 1 + 2
        assertEquals(11.0, row.value("second").getAsDouble()); // 3 + 4 + 4
        assertEquals(15.0 / 6, row.value("total").getAsDouble(), 1e-15);
        // round trip through the writer
        assertEquals(in, Instruments.parse(Instruments.toJson(in), "again.json"));
    }

    @Test
    void itemInTwoSubscales() throws IOException {
        fails(replace("\"items\": [4, 5, 6]", "\"items\": [4, 1, 6]"), "subscales[1].items[1]",
                "item 1 is already in subscale first");
    }

    @Test
    void reverseKeyedItemOutsideTheInstrument() throws IOException {
        fails(replace("\"reverse_keyed\": [2, 5]", "\"reverse_keyed\": [2, 5, 7]"), "reverse_keyed[2]",
                "reverse-keyed item 7 is not an item");
    }

    @Test
    void minNotBelowMax() throws IOException {
        fails(replace("\"min\": 1, \"max\": 4,", "\"min\": 4, \"max\": 4,"), "response.min", "must be below max");
        fails(replace("{\"number\": 3, \"label\": \"c\"}", "{\"number\": 3, \"label\": \"c\", \"min\": 5, \"max\": 2}"),
                "items[2].min", "must be below max");
    }

    @Test
    void unknownTotalMethod() throws IOException {
        fails(replace("[\"item-mean\", \"mean-of-subscales\"]", "[\"item-mean\", \"median\"]"), "total.methods[1]",
                "unknown total method \"median\"");
        fails(replace("\"default\": \"item-mean\"", "\"default\": \"item-sum\""), "total.default",
                "not among the listed methods");
    }

    @Test
    void duplicateIds() throws IOException {
        fails(replace("{\"number\": 4, \"label\": \"d\"}", "{\"number\": 3, \"label\": \"d\"}"), "items[3].number",
                "duplicate item number 3");
        fails(replace("{\"name\": \"second\"", "{\"name\": \"first\""), "subscales[1].name",
                "duplicate score name \"first\"");
        fails(replace("{\"name\": \"second\"", "{\"name\": \"total\""), "subscales[1].name",
                "duplicate score name \"total\"");
        fails(replace("\"reverse_keyed\": [2, 5]", "\"reverse_keyed\": [2, 5, 2]"), "reverse_keyed[2]",
                "listed twice");
    }

    @Test
    void duplicateJsonKeyNamesTheFile() throws IOException {
        Path p = write(replace("\"version\": \"2\",", "\"version\": \"2\", \"version\": \"3\","));
        InputException e = assertThrows(InputException.class, () -> Instruments.read(p));
        assertTrue(e.getMessage().startsWith(p.toString()) && e.getMessage().contains("version"), e.getMessage());
    }

    @Test
    void unknownFields() throws IOException {
        fails(replace("\"licence\": \"mine\",", "\"licence\": \"mine\", \"colour\": \"red\","), "colour",
                "unknown field \"colour\"");
        fails(replace("{\"number\": 1, \"label\": \"a\"}", "{\"number\": 1, \"label\": \"a\", \"reversed\": true}"),
                "items[0].reversed", "unknown field");
        fails(replace("\"aggregation\": \"sum\"", "\"aggregation\": \"sum\", \"weight\": 2"), "subscales[1].weight",
                "unknown field");
    }

    @Test
    void missingRequiredFields() throws IOException {
        fails(replace("\"version\": \"2\",", ""), "version", "required field \"version\" is missing");
        fails(replace(", \"doi\": \"\"", ""), "citation.doi", "required field");
        fails(replace("{\"number\": 1, \"label\": \"a\"}", "{\"label\": \"a\"}"), "items[0].number", "required field");
        fails(replace("\"sum\", \"direction\": \"positive\"", "\"sum\""), "subscales[1].direction",
                "required field");
        fails(replace("\"fraction\": 0.8", "\"count\": 3"), "missing.count", "does not belong");
    }

    @Test
    void otherBadValues() throws IOException {
        fails(replace("\"sum\", \"direction\": \"positive\"", "\"sum\", \"direction\": \"up\""),
                "subscales[1].direction", "unknown direction");
        fails(replace("\"min + max - x\"", "\"6 - x\""), "reversal", "unknown reversal rule");
        fails(replace("\"items\": [4, 5, 6]", "\"items\": [4, 5, 9]"), "subscales[1].items[2]",
                "item 9 is not an item");
        fails(replace("\"fraction\": 0.8", "\"fraction\": 1.5"), "missing", "at most 1");
        fails(replace("\"status\": \"user_defined\"", "\"status\": \"great\""), "status", "unknown status");
        fails(replace("\"id\": \"my-scale\"", "\"id\": \"My Scale\""), "id", "not a valid id");
        fails(replace("{\"number\": 1, \"label\": \"a\"}", "{\"number\": \"one\", \"label\": \"a\"}"),
                "items[0].number", "expected an integer");
    }

    @Test
    void invalidJsonNamesFileAndLine() throws IOException {
        Path p = write(VALID.replace("\"name\": \"My scale\",", "\"name\": \"My scale\""));
        InputException e = assertThrows(InputException.class, () -> Instruments.read(p));
        assertTrue(e.getMessage().startsWith(p.toString()) && e.getMessage().contains("line 4"), e.getMessage());
    }

    @Test
    void missingFileIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> Instruments.read(dir.resolve("nope.json")));
        assertTrue(e.getMessage().contains("nope.json") && e.getMessage().contains("not found"), e.getMessage());
    }
}
