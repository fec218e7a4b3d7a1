package org.dyadkit.cli;

import static org.dyadkit.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The contract of issue 14 end to end on the Acitelli sample: {@code distinguishability --sem}, {@code apim
 * --constrain/--pattern/--test-equal-k}, {@code --centre}, {@code --simple-slopes} and
 * {@code explained_nonindependence}, each in JSON, text and tidy CSV.
 */
class ApimTestsCommandTest {
    private static final String IND = "../data-samples/acitelli_individual.csv";
    private static final String[] BASE = {"--input", IND, "--dyad", "cuplid", "--role", "gender", "--y", "satisfaction"};

    private static String[] args(String cmd, String... more) {
        String[] a = new String[1 + BASE.length + more.length];
        a[0] = cmd;
        System.arraycopy(BASE, 0, a, 1, BASE.length);
        System.arraycopy(more, 0, a, 1 + BASE.length, more.length);
        return a;
    }

    private static JsonNode json(Run r) throws IOException {
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void semTestsWithKennysConvention() throws IOException {
        JsonNode j = json(run(args("distinguishability", "--x", "other_pos", "--sem", "--convention", "n-1",
                "--format", "json")));
        JsonNode s = j.get("sem");
        assertEquals("n-1", s.get("convention").asText());
        assertEquals(9.192, s.get("complete").get("chi2").asDouble(), 5e-4);
        assertEquals(6, s.get("complete").get("df").asInt());
        assertEquals(7.228, s.get("y").get("chi2").asDouble(), 5e-4);
        assertEquals(0.328, s.get("effect").get("chi2").asDouble(), 5e-4);
        assertEquals(0.849, s.get("effect").get("p").asDouble(), 5e-4);
        assertEquals(7.277053, j.get("chi_square").asDouble(), 5e-7);
        Run t = run(args("distinguishability", "--x", "other_pos", "--sem"));
        assertTrue(t.out().contains("complete indistinguishability  9.2549  6"), t.out());
        assertTrue(t.out().contains("as lavaan"), t.out());
        Run c = run(args("distinguishability", "--x", "other_pos", "--sem", "--format", "csv"));
        assertTrue(c.out().contains("sem_effect,,,,,0.33029716"), c.out());
        Run bad = run(args("distinguishability", "--x", "other_pos", "--convention", "n-1"));
        assertEquals(2, bad.exit());
        Run two = run(args("distinguishability", "--x", "other_pos", "--x", "tension", "--sem"));
        assertEquals(2, two.exit());
        assertTrue(two.err().contains("exactly one --x"), two.err());
    }

    @Test
    void equalKAndConstraints() throws IOException {
        JsonNode j = json(run(args("apim", "--x", "other_pos", "--test-equal-k", "--convention", "n-1",
                "--constrain", "actor:1 = actor:-1", "--pattern", "actor-only", "--format", "json")));
        JsonNode k = j.get("k_test");
        assertEquals(0.320, k.get("chi2").asDouble(), 5e-4);
        assertEquals(1, k.get("df").asInt());
        assertEquals(0.571, k.get("p").asDouble(), 5e-4);
        assertTrue(j.get("k").has("1"));
        JsonNode tests = j.get("constraint_tests").get("tests");
        assertEquals("user", tests.get(0).get("test").asText());
        assertEquals(1, tests.get(0).get("df").asInt());
        assertEquals("actor_only", tests.get(1).get("test").asText());
        assertEquals(2, tests.get(1).get("df").asInt());
        for (JsonNode c : tests.get(1).get("coefficients")) {
            if (c.get("term").asText().startsWith("partner")) {
                assertEquals(0, c.get("estimate").asDouble(), 1e-12);
                assertEquals(0, c.get("se").asDouble());
            }
        }
        Run csv = run(args("apim", "--x", "other_pos", "--test-equal-k", "--format", "csv"));
        assertTrue(csv.out().lines().anyMatch(l -> l.startsWith("k_test,")), csv.out());
        Run bad = run(args("apim", "--x", "other_pos", "--constrain", "actor:2 = 0"));
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("\"actor:2\" is not a term"), bad.err());
        Run indist = run("apim", "--input", IND, "--dyad", "cuplid", "--indistinguishable", "--y", "satisfaction",
                "--x", "other_pos", "--test-equal-k");
        assertEquals(2, indist.exit());
    }

    @Test
    void centringAndSimpleSlopes() throws IOException {
        String[] model = {"--x", "other_pos", "--covariate", "tension", "--covariate", "partner.tension",
            "--interaction", "other_pos:tension", "--interaction", "partner.other_pos:partner.tension"};
        String[] a = new String[model.length + 5];
        System.arraycopy(model, 0, a, 0, model.length);
        System.arraycopy(new String[] {"--centre", "grand", "--simple-slopes", "--format", "json"}, 0, a,
                model.length, 5);
        JsonNode j = json(run(args("apim", a)));
        assertEquals(2, j.get("centring").size());
        assertEquals("grand", j.get("centring").get(0).get("mode").asText());
        JsonNode s = j.get("simple_slopes");
        assertEquals(12, s.size());
        JsonNode first = s.get(0);
        for (String key : new String[] {"focal", "moderator", "at", "role", "estimate", "se", "df", "t", "p"}) {
            assertTrue(first.has(key), key);
        }
        assertEquals(4, j.get("johnson_neyman").size());
        assertTrue(j.get("interaction_plot").size() > 0);
        assertTrue(j.get("explained_nonindependence").isNull());
        String[] b = new String[model.length + 4];
        System.arraycopy(model, 0, b, 0, model.length);
        System.arraycopy(new String[] {"--focal", "actor", "--at", "tension=-1,0,1"}, 0, b, model.length, 4);
        Run t = run(args("apim", b));
        assertEquals(0, t.exit(), t.err());
        assertTrue(t.out().contains("Simple slopes"), t.out());
        assertTrue(t.out().contains("given"), t.out());
    }

    @Test
    void explainedNonindependenceWithOneX() throws IOException {
        JsonNode j = json(run("apim", "--input", IND, "--dyad", "cuplid", "--indistinguishable", "--y",
                "satisfaction", "--x", "other_pos", "--format", "json"));
        JsonNode e = j.get("explained_nonindependence");
        assertEquals(0.290, e.get("explained").asDouble(), 5e-4);
        assertEquals(0.618, e.get("raw_r").asDouble(), 5e-4);
        assertEquals(0.4693414, e.get("residual_r").asDouble(), 5e-8);
        assertEquals(e.get("explained").asDouble() / e.get("raw_r").asDouble(), e.get("share").asDouble(), 1e-12);
    }

    @Test
    void apimemContrasts() throws IOException {
        JsonNode j = json(run("apimem", "--input", IND, "--dyad", "cuplid", "--role", "gender", "--x", "other_pos",
                "--m", "tension", "--y", "satisfaction", "--contrasts", "--mc", "5000", "--bootstrap", "200",
                "--seed", "7", "--format", "json"));
        JsonNode c = j.get("contrasts");
        assertEquals(28, c.size());
        for (String key : new String[] {"first", "second", "estimate", "monte_carlo_lower", "monte_carlo_upper",
            "percentile_lower", "percentile_upper", "bias_corrected_lower", "bias_corrected_upper"}) {
            assertTrue(c.get(0).has(key), key);
        }
        assertEquals(8, j.get("delta").size());
        assertEquals(4, j.get("proportion_mediated").size());
        assertEquals(0.0388237520, j.get("delta").get(4).get("se").asDouble(), 1e-6);
        Run csv = run("apimem", "--input", IND, "--dyad", "cuplid", "--role", "gender", "--x", "other_pos",
                "--m", "tension", "--y", "satisfaction", "--contrasts", "--format", "csv");
        assertTrue(csv.out().lines().anyMatch(l -> l.startsWith("contrast,actor_actor:-1 - partner_partner:-1,")),
                csv.out());
        assertTrue(csv.out().lines().anyMatch(l -> l.startsWith("proportion_mediated,")), csv.out());
        Run text = run("apimem", "--input", IND, "--dyad", "cuplid", "--role", "gender", "--x", "other_pos",
                "--m", "tension", "--y", "satisfaction", "--contrasts");
        assertTrue(text.out().contains("Contrasts of indirect effects"), text.out());
    }
}
