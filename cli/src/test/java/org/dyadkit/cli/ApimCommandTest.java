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

/** {@code dyadkit apim} and {@code dyadkit distinguishability} end to end on the Acitelli sample files. */
class ApimCommandTest {
    private static final String IND = "../data-samples/acitelli_individual.csv";
    private static final String DYAD = "../data-samples/acitelli_dyad.csv";

    private static JsonNode json(Run r) throws IOException {
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void distinguishableJsonCarriesBothRolesAndUnroundedNumbers() throws IOException {
        JsonNode j = json(run("apim", "--input", DYAD, "--layout", "dyad", "--dyad", "cuplid", "--roles", "H,W",
                "--y", "satisfaction", "--x", "other_pos", "--k", "--format", "json"));
        assertEquals("apim", j.get("analysis").asText());
        assertEquals("REML", j.get("method").asText());
        assertEquals(148, j.get("n_dyads").asInt());
        assertEquals(296, j.get("n_obs").asInt());
        JsonNode actorW = null;
        for (JsonNode c : j.get("coefficients")) {
            if (c.get("term").asText().equals("actor:W")) {
                actorW = c;
            }
        }
        assertEquals(0.3777000, actorW.get("estimate").asDouble(), 5e-8);
        assertEquals(0.0739222, actorW.get("se").asDouble(), 5e-8);
        assertEquals(290, actorW.get("df").asDouble());
        assertEquals(0.3783372, role(j.get("residual").get("sd"), "H").get("sd").asDouble(), 5e-8);
        assertEquals(0.4554781, role(j.get("residual").get("sd"), "W").get("sd").asDouble(), 5e-8);
        assertEquals(-150.1108, j.get("log_lik").asDouble(), 5e-5);
        assertEquals(318.2216, j.get("aic").asDouble(), 5e-5);
        assertEquals(0.851147, role(j.get("k"), "W").get("k").asDouble(), 5e-7);
        assertTrue(role(j.get("k"), "W").get("bootstrap").isNull());
        assertEquals(296, j.get("sample").get("persons_used").asInt());
        assertEquals(148, j.get("sample").get("dyads_in_file").asInt());
        assertTrue(j.get("sample").get("excluded").isArray());
    }

    /** The row of an array of per-role rows with this role. */
    static JsonNode role(JsonNode rows, String role) {
        assertTrue(rows.isArray(), "per-role values are arrays of rows: " + rows);
        for (JsonNode r : rows) {
            if (r.get("role").asText().equals(role)) {
                return r;
            }
        }
        throw new AssertionError("no row for role " + role + " in " + rows);
    }

    @Test
    void indistinguishableTextReadsLikeSummary() {
        Run r = run("apim", "--input", IND, "--dyad", "cuplid", "--indistinguishable", "--y", "satisfaction", "--x",
                "other_pos");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("0.4004231"), r.out());
        assertTrue(r.out().contains("-148.3591"), r.out());
        assertTrue(r.out().contains("rho (partial ICC): 0.4693414"), r.out());
        assertTrue(r.out().contains("df: residual"), r.out());
    }

    @Test
    void satterthwaiteAndBetweenWithinDf() throws IOException {
        JsonNode s = json(run("apim", "--input", IND, "--dyad", "cuplid", "--indistinguishable", "--y", "satisfaction",
                "--covariate", "gender", "--covariate", "Yearsmar", "--df", "satterthwaite", "--format", "json"));
        assertEquals("satterthwaite", s.get("df_method").asText());
        assertEquals(147, s.get("coefficients").get(1).get("df").asDouble(), 0.01);
        JsonNode bw = json(run("apim", "--input", IND, "--dyad", "cuplid", "--indistinguishable", "--y",
                "satisfaction", "--covariate", "gender", "--covariate", "Yearsmar", "--df", "between-within",
                "--format", "json"));
        assertEquals(146, bw.get("coefficients").get(0).get("df").asDouble());
    }

    @Test
    void seededBootstrapIsReproducibleAcrossThreadCounts() throws IOException {
        String[] base = {"apim", "--input", IND, "--dyad", "cuplid", "--indistinguishable", "--y", "satisfaction",
            "--x", "other_pos", "--bootstrap", "300", "--seed", "9", "--format", "json", "--threads"};
        JsonNode one = json(run(concat(base, "1")));
        JsonNode two = json(run(concat(base, "2")));
        assertEquals(role(one.get("k"), "all").get("bootstrap"), role(two.get("k"), "all").get("bootstrap"), "seed 9");
        assertEquals(300, role(one.get("k"), "all").get("bootstrap").get("replicates").asInt());
    }

    private static String[] concat(String[] a, String b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }

    @Test
    void distinguishabilityTest() throws IOException {
        JsonNode j = json(run("distinguishability", "--input", IND, "--dyad", "cuplid", "--role", "gender",
                "--y", "satisfaction", "--x", "other_pos", "--format", "json"));
        assertEquals(7.277053, j.get("chi_square").asDouble(), 5e-7);
        assertEquals(4, j.get("df").asInt());
        assertEquals(-137.8035, j.get("distinguishable").get("log_lik").asDouble(), 5e-5);
        Run text = run("distinguishability", "--input", IND, "--dyad", "cuplid", "--role", "gender", "--y",
                "satisfaction", "--x", "other_pos");
        assertTrue(text.out().contains("7.277053"), text.out());
        Run reml = run("distinguishability", "--input", IND, "--dyad", "cuplid", "--role", "gender",
                "--y", "satisfaction", "--x", "other_pos", "--method", "reml");
        assertEquals(2, reml.exit(), "a REML distinguishability test is refused, not silently run by ML");
        assertTrue(reml.err().contains("ML"), reml.err());
        assertEquals(0, run("distinguishability", "--input", IND, "--dyad", "cuplid", "--role", "gender",
                "--y", "satisfaction", "--x", "other_pos", "--method", "ml").exit());
    }

    @Test
    void exitStatuses(@TempDir Path dir) throws IOException {
        assertEquals(2, run("apim", "--input", IND, "--dyad", "cuplid", "--y", "satisfaction", "--x", "other_pos",
                "--bootstrap", "100").exit(), "bootstrap without seed");
        assertEquals(2, run("apim", "--input", IND, "--dyad", "cuplid", "--y", "satisfaction", "--method", "xx").exit());
        assertEquals(2, run("distinguishability", "--input", IND, "--dyad", "cuplid", "--y", "satisfaction").exit(),
                "distinguishability without roles");
        Run missing = run("apim", "--input", IND, "--dyad", "cuplid", "--y", "satisfaction", "--x", "nope");
        assertEquals(3, missing.exit(), missing.err());
        assertTrue(missing.err().contains("nope"), missing.err());
        Path flat = dir.resolve("flat.csv");
        Files.writeString(flat, "d,x,y\n1,2,1\n1,2,2\n2,2,3\n2,2,5\n3,2,4\n3,2,7\n");
        Run degenerate = run("apim", "--input", flat.toString(), "--dyad", "d", "--y", "y", "--x", "x");
        assertEquals(4, degenerate.exit(), degenerate.err());
        assertTrue(degenerate.err().contains("no_variance"), degenerate.err());
        Run help = run("apim", "--help");
        assertTrue(help.out().contains("Example"), help.out());
    }
}
