package org.dyadkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.dyadkit.dyad.DyadicData;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class DyadicInputOptionsTest {
    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        DyadicInputOptions in;
        DyadicData data;

        @Override
        public void run() {
            data = in.read();
        }
    }

    private static Probe run(StringWriter err, int expectedExit, String... args) {
        Probe p = new Probe();
        CommandLine cl = new CommandLine(p);
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, c, r) -> {
            c.getErr().println(ex.getMessage());
            return 3;
        });
        assertEquals(expectedExit, cl.execute(args), err.toString());
        return p;
    }

    @Test
    void readsEachLayoutWithRoles() {
        StringWriter err = new StringWriter();
        Probe ind = run(err, 0, "--input", "../data-samples/acitelli_individual.csv", "--dyad", "cuplid",
                "--role", "gender", "--roles", "1,-1");
        assertEquals(List.of("1", "-1"), ind.data.roles());
        Probe wide = run(err, 0, "--input", "../data-samples/acitelli_dyad.csv", "--layout", "dyad",
                "--dyad", "cuplid", "--roles", "H,W");
        assertEquals(List.of("H", "W"), wide.data.roles());
        Probe inferred = run(err, 0, "--input", "../data-samples/acitelli_dyad.csv", "--from", "DYAD",
                "--dyad", "cuplid", "--role", "gender");
        assertEquals(List.of("H", "W"), inferred.data.roles());
        Probe pair = run(err, 0, "--input", "../data-samples/acitelli_pairwise.csv", "--layout", "pairwise",
                "--dyad", "CoupleID", "--indistinguishable", "--suffixes", "_A,_P");
        assertFalse(pair.data.distinguishable());
        assertEquals(148, pair.data.size());
        assertTrue(err.toString().contains("note: column Gender"), err.toString());
    }

    @Test
    void malformedOptionsAreUsageErrors() {
        StringWriter err = new StringWriter();
        run(err, 2, "--input", "x.csv", "--dyad", "id", "--layout", "wide");
        assertTrue(err.toString().contains("use individual, dyad or pairwise"), err.toString());
        run(err, 2, "--input", "../data-samples/acitelli_individual.csv", "--dyad", "cuplid", "--role", "gender",
                "--roles", "1");
        run(err, 3, "--input", "absent.csv", "--dyad", "id");
    }

    @Test
    void jsonKeysAreExplicitAndNonFiniteIsNull() {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("pearson_r", 0.5);
        row.put("fisher_ci_lower", Double.NaN);
        row.put("ci", java.util.OptionalDouble.empty());
        String json = org.dyadkit.report.Formats.json(org.dyadkit.report.Formats.node(Map.of("rows", List.of(row))));
        assertTrue(json.contains("\"pearson_r\" : 0.5"), json);
        assertTrue(json.contains("\"fisher_ci_lower\" : null"), json);
        assertTrue(json.contains("\"ci\" : null"), json);
        record Stat(double pearsonR) { }
        assertThrows(IllegalArgumentException.class, () -> org.dyadkit.report.Formats.node(new Stat(0.5)),
                "a record's keys would be derived from its field names");
        assertEquals("a,\"b,c\",,0.1,3", org.dyadkit.report.Formats.csvLine(java.util.Arrays.asList("a", "b,c", null,
                0.1, 3.0)));
    }
}
