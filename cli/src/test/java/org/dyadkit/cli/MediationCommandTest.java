package org.dyadkit.cli;

import static org.dyadkit.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dyadkit mediate} and {@code dyadkit apimem} end to end on the Acitelli sample files. */
class MediationCommandTest {
    private static final String IND = "../data-samples/acitelli_individual.csv";
    private static final String DYAD = "../data-samples/acitelli_dyad.csv";

    private static JsonNode json(Run r) throws IOException {
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void mediateJsonHasTheContractKeysAndRsValues() throws IOException {
        JsonNode j = json(run("mediate", "--input", IND, "--x", "other_pos", "--m", "tension", "--y", "satisfaction",
                "--dyad", "cuplid", "--bootstrap", "300", "--seed", "7", "--ci", "bca", "--format", "json"));
        assertEquals("mediate", j.get("analysis").asText());
        assertEquals(296, j.get("n").asInt());
        assertEquals("dyads", j.get("resampling").asText());
        assertEquals(148, j.get("n_units").asInt());
        // lm on the 296 persons (golden sl_aci_person)
        assertEquals(-0.507573075476291, j.get("paths").get("a").get("estimate").asDouble(), 1e-12);
        assertEquals(-0.354739943185663, j.get("paths").get("b").get("estimate").asDouble(), 1e-12);
        assertEquals(0.287032854533146, j.get("paths").get("c_prime").get("estimate").asDouble(), 1e-12);
        assertEquals(0.467089298490178, j.get("paths").get("c").get("estimate").asDouble(), 1e-12);
        JsonNode ind = j.get("indirect");
        assertEquals(0.180056443957031, ind.get("estimate").asDouble(), 1e-12);
        assertEquals(5.67457997847312, ind.get("sobel_z").asDouble(), 1e-9);
        assertEquals(1.39029351431919e-08, ind.get("sobel_p").asDouble(), 1e-15);
        assertEquals("bca", ind.get("ci_method").asText());
        assertEquals(300, ind.get("bootstrap_n").asInt());
        assertEquals(7, ind.get("seed").asLong());
        assertTrue(ind.get("ci_lower").asDouble() < 0.18 && ind.get("ci_upper").asDouble() > 0.18, ind.toString());
        assertEquals(ind.get("ci_lower").asDouble(), ind.get("bca").get("lower").asDouble());
    }

    @Test
    void mediateBootstrapIsTheSameOnOneAndTwoThreads() {
        String[] base = {"mediate", "--input", IND, "--x", "other_pos", "--m", "tension", "--y", "satisfaction",
            "--dyad", "cuplid", "--bootstrap", "200", "--seed", "3", "--format", "json", "--threads"};
        Run one = run(concat(base, "1"));
        Run two = run(concat(base, "2"));
        assertEquals(0, one.exit(), one.err());
        assertEquals(one.out(), two.out());
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }

    @Test
    void mediateTextReadsLikeSummary() {
        Run r = run("mediate", "--input", IND, "--x", "other_pos", "--m", "tension", "--y", "satisfaction");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Indirect effect a*b: 0.1800564"), r.out());
        assertTrue(r.out().contains("z 5.67458"), r.out());
        assertTrue(r.out().contains("Pr(>|t|)"), r.out());
    }

    @Test
    void mediateExitStatuses(@TempDir Path dir) throws IOException {
        assertEquals(2, run("mediate", "--input", IND, "--x", "other_pos", "--m", "tension", "--y", "satisfaction",
                "--bootstrap", "10").exit());
        assertEquals(2, run("mediate", "--input", IND, "--x", "other_pos", "--m", "tension", "--y", "satisfaction",
                "--ci", "normal").exit());
        Run missing = run("mediate", "--input", IND, "--x", "other_positivity", "--m", "tension", "--y", "satisfaction");
        assertEquals(3, missing.exit());
        assertTrue(missing.err().contains("other_positivity"), missing.err());
        Path f = dir.resolve("flat.csv");
        Files.writeString(f, "id,x,m,y\n1,1,2,3\n2,1,3,1\n3,1,1,2\n4,1,5,3\n5,1,2,2\n");
        Run flat = run("mediate", "--input", f.toString(), "--x", "x", "--m", "m", "--y", "y");
        assertEquals(4, flat.exit());
        assertTrue(flat.err().contains("no_variance"), flat.err());
    }

    @Test
    void apimemJsonReproducesThePublishedAcitelliValues() throws IOException {
        JsonNode j = json(run("apimem", "--input", DYAD, "--layout", "dyad", "--dyad", "cuplid", "--roles", "H,W",
                "--x", "other_pos", "--m", "tension", "--y", "satisfaction", "--format", "json"));
        assertEquals("apimem", j.get("analysis").asText());
        assertEquals(296, j.get("n_obs").get("b").asInt());
        JsonNode aH = null;
        for (JsonNode p : j.get("paths").get("a")) {
            if (p.get("effect").asText().equals("actor") && p.get("role").asText().equals("H")) {
                aH = p;
            }
        }
        assertEquals(-0.397403, aH.get("estimate").asDouble(), 5e-7);
        assertEquals(0.1076688, aH.get("se").asDouble(), 5e-8);
        assertEquals(8, j.get("indirect").size());
        JsonNode aa = j.get("indirect").get(0);
        assertEquals("actor_actor", aa.get("effect").asText());
        assertEquals("H", aa.get("role").asText());
        assertEquals("X_H -> M_H -> Y_H", aa.get("route").asText());
        assertEquals(0.09944454, aa.get("estimate").asDouble(), 5e-9);
        assertEquals(3.037334, aa.get("sobel_z").asDouble(), 5e-7);
        assertEquals("monte-carlo", aa.get("ci_method").asText());
        assertEquals(12345, aa.get("seed").asLong());
        assertEquals(0, aa.get("bootstrap_n").asInt());
        assertTrue(aa.get("percentile").isNull());
        assertEquals(4, j.get("total").size());
        assertEquals(31.5, j.get("total").get(0).get("percent_mediated").asDouble(), 0.05);
    }

    @Test
    void apimemBootstrapIsReproducibleAndSeeded() throws IOException {
        String[] args = {"apimem", "--input", IND, "--dyad", "cuplid", "--indistinguishable", "--x", "other_pos", "--m",
            "tension", "--y", "satisfaction", "--bootstrap", "100", "--seed", "11", "--mc", "1000", "--format", "json",
            "--threads"};
        Run one = run(concat(args, "1"));
        Run two = run(concat(args, "2"));
        assertEquals(one.out(), two.out());
        JsonNode j = json(two);
        assertEquals(4, j.get("indirect").size());
        JsonNode e = j.get("indirect").get(0);
        assertEquals("bias-corrected", e.get("ci_method").asText());
        assertEquals(100, e.get("bootstrap_n").asInt());
        assertEquals(148, j.get("bootstrap").get("resampled_dyads").asInt());
        assertTrue(e.get("monte_carlo").get("lower").isNumber());
    }

    @Test
    void apimemUsageErrorsAndHelp() {
        assertEquals(2, run("apimem", "--input", IND, "--dyad", "cuplid", "--x", "other_pos", "--x", "self_pos", "--m",
                "tension", "--y", "satisfaction").exit());
        assertEquals(2, run("apimem", "--input", IND, "--dyad", "cuplid", "--x", "other_pos", "--m", "tension", "--y",
                "satisfaction", "--bootstrap", "10").exit());
        assertEquals(3, run("apimem", "--input", IND, "--dyad", "cuplid", "--x", "other_pos", "--m", "tensions", "--y",
                "satisfaction").exit());
        Run h = run("apimem", "--help");
        assertTrue(h.out().contains("Examples:"), h.out());
        assertTrue(run("mediate", "--help").out().contains("Examples:"));
    }
}
