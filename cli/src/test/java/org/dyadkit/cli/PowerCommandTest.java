package org.dyadkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The {@code power apim} and {@code power simulate} command-line contract. */
class PowerCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void analyticJsonContract() throws Exception {
        Run r = Run.run("power", "apim", "--distinguishable", "--roles", "husband,wife", "--dyads", "100",
                "--actor", "0.25", "--partner", "0.15", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("analytic", j.get("method").asText());
        JsonNode row = j.get("rows").get(2);
        assertEquals("partner_husband", row.get("effect").asText());
        assertEquals("husband", row.get("role").asText());
        assertEquals(100, row.get("n_dyads").asInt());
        assertEquals(0.315, row.get("power").asDouble(), 5e-4);
        assertTrue(row.get("mc_se").isNull());
        assertEquals(97, row.get("df").asDouble(), 0);
        assertEquals(1.492, row.get("ncp").asDouble(), 5e-4);
        assertEquals(0.15, row.get("beta").asDouble(), 1e-12);
        assertTrue(row.get("summary").asText().startsWith("There is .315 power"));
        assertEquals("actor_average", j.get("rows").get(6).get("effect").asText());
    }

    @Test
    void solvesForNAndDrawsCurves() throws Exception {
        Run n = Run.run("power", "apim", "--partner", "0.15", "--power", "0.80", "--format", "json");
        assertEquals(0, n.exit(), n.err());
        assertEquals(159, JSON.readTree(n.out()).get("rows").get(1).get("n_dyads").asInt());
        Run c = Run.run("power", "apim", "--dyads", "50:400:25", "--format", "csv");
        assertEquals(0, c.exit(), c.err());
        assertEquals(1 + 15 * 2, c.out().strip().split("\n").length, "header + 15 N x 2 effects");
        Run t = Run.run("power", "apim", "--roles", "a,b", "--actor", "a=0.3", "--actor", "b=0.1", "--singles", "a=10");
        assertEquals(0, t.exit(), t.err());
        assertTrue(t.out().contains("There is"), t.out());
    }

    @Test
    void simulationJsonContract() throws Exception {
        Run r = Run.run("power", "simulate", "--dyads", "60", "--replicates", "50", "--seed", "1", "--threads", "2",
                "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("simulation", j.get("method").asText());
        JsonNode row = j.get("rows").get(0);
        assertEquals("actor", row.get("effect").asText());
        assertFalse(row.get("mc_se").isNull());
        assertEquals(50, j.get("simulation").get("replicates").asInt());
        Run m = Run.run("power", "simulate", "--model", "apimem", "--distinguishable", "--dyads", "80",
                "--replicates", "20", "--mc", "200", "--a-actor", "person1=0.4", "--format", "json");
        assertEquals(0, m.exit(), m.err());
        assertEquals("actor_actor_person1", JSON.readTree(m.out()).get("rows").get(0).get("effect").asText());
    }

    @Test
    void kPatternRows() throws Exception {
        Run r = Run.run("power", "simulate", "--k-pattern", "couple", "--actor", "0.3", "--distinguishable", "--dyads",
                "80", "--replicates", "30", "--seed", "2", "--threads", "2", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode rows = JSON.readTree(r.out()).get("rows");
        java.util.List<String> effects = new java.util.ArrayList<>();
        rows.forEach(x -> effects.add(x.get("effect").asText()));
        assertTrue(effects.containsAll(java.util.List.of("k_person1", "k_person2", "pattern_person1", "pattern_person2",
                "partner_person1")), effects.toString());
        for (JsonNode x : rows) {
            if (x.get("effect").asText().equals("k_person1")) {
                assertEquals(1.0, x.get("true_value").asDouble(), 0);
                assertFalse(x.get("coverage").isNull());
            }
        }
        Run p = Run.run("power", "simulate", "--k-pattern", "partner-only", "--partner", "0.3", "--dyads", "60",
                "--replicates", "20", "--bootstrap", "30", "--format", "csv");
        assertEquals(0, p.exit(), p.err());
        assertTrue(p.out().contains("pattern"), p.out());
    }

    @Test
    void badInputIsOneMessageAndExit2() {
        String[][] bad = {
            {"power", "apim", "--actor", "0.9", "--partner", "0.6"},
            {"power", "apim", "--r-x", "1"},
            {"power", "apim", "--r-errors", "-1.5"},
            {"power", "apim", "--distinguishable", "--dyads", "3"},
            {"power", "apim", "--effect-size", "r", "--actor", "1"},
            {"power", "apim", "--dyads", "50:10:5"},
            {"power", "apim", "--actor", "wife=0.2"},
            {"power", "simulate", "--dyads", "2", "--replicates", "10"},
            {"power", "simulate", "--covariate", "z=0.2", "--model", "apimem"},
            {"power", "simulate", "--model", "apimem", "--a-actor", "0.9", "--a-partner", "0.6"},
            {"power", "simulate", "--k-pattern", "couple", "--actor", "0.3", "--partner", "0.2"},
            {"power", "simulate", "--k-pattern", "partner-only", "--actor", "0.3"},
            {"power", "simulate", "--k-pattern", "sometimes", "--actor", "0.3"},
            {"power", "simulate", "--k-pattern", "couple", "--actor", "0"},
            {"power", "simulate", "--k-pattern", "couple", "--actor", "0.3", "--model", "apimem"},
            {"power", "simulate", "--bootstrap", "100"},
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
