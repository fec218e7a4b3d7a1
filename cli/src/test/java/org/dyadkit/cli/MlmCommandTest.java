package org.dyadkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The over-time commands on the simulated diary sample: the JSON contract, text, and exit statuses. */
class MlmCommandTest {
    static final String SAMPLE = "../data-samples/diary_couples.csv";
    static final String[] COLS = {"--input", SAMPLE, "--dyad", "couple", "--role", "gender", "--person", "person",
        "--occasion", "day"};

    static String[] args(String command, String... rest) {
        String[] a = new String[1 + COLS.length + rest.length];
        a[0] = command;
        System.arraycopy(COLS, 0, a, 1, COLS.length);
        System.arraycopy(rest, 0, a, 1 + COLS.length, rest.length);
        return a;
    }

    @Test
    void mlmJsonKeepsTheContract() throws Exception {
        Run r = Run.run(args("mlm", "--fixed", "closeness ~ 0 + man + woman + man:time + woman:time",
                "--random", "~ 0 + man + woman + man:time + woman:time | couple", "--variance-by", "gender",
                "--format", "json"));
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("man:time", j.get("coefficients").get(2).get("term").asText());
        for (String k : new String[] {"estimate", "se", "df", "t", "p"}) {
            assertTrue(j.get("coefficients").get(2).get(k).isNumber(), k);
        }
        assertTrue(j.get("random").get("sd").get(0).get("sd").isNumber());
        assertEquals("man", j.get("residual").get("sd").get(0).get("role").asText());
        assertTrue(j.get("residual").get("within_occasion_correlation").isNumber());
        assertTrue(j.get("log_lik").isNumber() && j.get("aic").isNumber() && j.get("bic").isNumber());
        JsonNode s = j.get("sample");
        assertEquals(200, s.get("persons_in_file").asInt());
        assertEquals(s.get("occasions_in_file").asInt() - s.get("occasions_used").asInt(),
                s.get("occasions_excluded").get(0).get("occasions").asInt());
        // the growth command is the same model
        Run g = Run.run(args("growth", "--y", "closeness", "--time", "time", "--format", "json"));
        assertEquals(0, g.exit(), g.err());
        JsonNode gj = new ObjectMapper().readTree(g.out());
        assertEquals(j.get("log_lik").asDouble(), gj.get("log_lik").asDouble(), 1e-9);
    }

    @Test
    void namedModelsRunInTextAndCsv() {
        Run a = Run.run(args("longitudinal-apim", "--y", "closeness", "--x", "stress"));
        assertEquals(0, a.exit(), a.err());
        assertTrue(a.out().contains("man:partner(within(stress))"), a.out());
        assertTrue(a.out().contains("Fixed effects:"), a.out());
        Run s = Run.run(args("stability-influence", "--y", "closeness", "--format", "csv", "--autocorrelation", "none"));
        assertEquals(0, s.exit(), s.err());
        assertTrue(s.out().startsWith("table,"), s.out());
        assertTrue(s.out().contains("woman:partner(lag(closeness))"), s.out());
    }

    @Test
    void badUsageAndBadInputHaveTheirExitStatus() {
        Run r = Run.run(args("mlm", "--fixed", "closeness ~ time", "--random", "~ 1 | couple", "--method", "fast"));
        assertEquals(Main.EXIT_USAGE, r.exit());
        assertTrue(r.err().contains("--method"), r.err());
        r = Run.run(args("mlm", "--fixed", "closeness ~ tyme", "--random", "~ 1 | couple"));
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains("tyme") && r.err().contains("did you mean time"), r.err());
        r = Run.run(args("mlm", "--fixed", "closeness ~ time + time2", "--random", "~ 1 | couple"));
        assertEquals(Main.EXIT_INPUT, r.exit());
        r = Run.run(args("mlm", "--fixed", "closeness ~ man + woman", "--random", "~ 1 | couple"));
        assertEquals(Main.EXIT_ANALYSIS, r.exit());
        assertTrue(r.err().contains("woman"), r.err());
    }
}
