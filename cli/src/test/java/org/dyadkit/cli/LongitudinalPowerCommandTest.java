package org.dyadkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code dyadkit power simulate --model longitudinal-apim}: the JSON contract and bad input. */
class LongitudinalPowerCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonRowsAreNamedByTheLongitudinalApimTerms() throws Exception {
        Run r = Run.run("power", "simulate", "--model", "longitudinal-apim", "--roles", "man,woman", "--dyads", "20",
                "--occasions", "5", "--actor-within", "man=0.4", "--actor-within", "woman=0.2", "--partner", "0.1",
                "--residual-sd", "woman=1.5", "--missing", "0.1", "--replicates", "12", "--seed", "3", "--threads", "2",
                "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("simulation", j.get("method").asText());
        assertEquals("longitudinal-apim", j.get("model").asText());
        assertEquals("raw", j.get("design").get("effect_size").asText());
        JsonNode rows = j.get("rows");
        assertEquals(8, rows.size());
        assertEquals("man:within(x)", rows.get(0).get("effect").asText());
        assertEquals("man", rows.get(0).get("role").asText());
        assertEquals(0.4, rows.get(0).get("true_value").asDouble(), 0);
        assertEquals(0.2, rows.get(1).get("true_value").asDouble(), 0);
        assertEquals("woman:partner(between(x))", rows.get(7).get("effect").asText());
        assertEquals(0.1, rows.get(7).get("true_value").asDouble(), 0);
        for (JsonNode row : rows) {
            assertEquals(20, row.get("n_dyads").asInt());
            assertFalse(row.get("mc_se").isNull());
            assertFalse(row.get("coverage").isNull());
            assertTrue(row.get("df").asDouble() > 0);
        }
        assertEquals(12, j.get("simulation").get("replicates").asInt());
        assertTrue(j.get("simulation").get("engine").asText().contains("CONTAINMENT".toLowerCase()));
    }

    @Test
    void solvesForTheNumberOfDyadsOverARangeIndistinguishable() throws Exception {
        Run r = Run.run("power", "simulate", "--model", "longitudinal-apim", "--dyads", "10:30:10", "--occasions", "4",
                "--actor-within", "0.6", "--power", "0.5", "--replicates", "10", "--seed", "4", "--threads", "1",
                "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode rows = JSON.readTree(r.out()).get("rows");
        assertEquals(4, rows.size(), "one row per effect when solving for N");
        assertEquals("within(x)", rows.get(0).get("effect").asText());
        assertTrue(rows.get(0).get("role").isNull());
        assertTrue(rows.get(0).get("summary").asText().startsWith("At minimum"), rows.get(0).toString());
    }

    @Test
    void badInputIsOneMessageAndExit2() {
        String[][] bad = {
            {"power", "simulate", "--model", "longitudinal-apim", "--occasions", "1"},
            {"power", "simulate", "--model", "longitudinal-apim", "--r-errors", "1"},
            {"power", "simulate", "--model", "longitudinal-apim", "--residual-sd", "-2"},
            {"power", "simulate", "--model", "longitudinal-apim", "--roles", "man,woman", "--actor-within", "wife=1"},
            {"power", "simulate", "--model", "longitudinal-apim", "--covariate", "z=0.2"},
            {"power", "simulate", "--model", "longitudinal-apim", "--bootstrap", "100"},
            {"power", "simulate", "--model", "longitudinal-apim", "--intercept-correlation", "0.5"},
            {"power", "simulate", "--model", "longitudinal-apim", "--effect-size", "d"},
            {"power", "simulate", "--model", "longitudinal-apim", "--df", "kenward-roger"},
            {"power", "simulate", "--model", "longitudinal-apim", "--dyads", "2"},
            {"power", "simulate", "--model", "longitudinal-apim", "--dyads", "100000", "--occasions", "21"},
            {"power", "simulate", "--occasions", "14"},
        };
        for (String[] args : bad) {
            Run r = Run.run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("dyadkit: "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertTrue(r.out().isEmpty());
        }
    }
}
