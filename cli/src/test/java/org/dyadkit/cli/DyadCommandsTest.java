package org.dyadkit.cli;

import static org.dyadkit.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DyadCommandsTest {
    static final String IND = "../data-samples/acitelli_individual.csv";

    @TempDir
    Path dir;

    @Test
    void restructureRoundTripThroughFilesIsTheIdentity() throws IOException {
        Path wide = dir.resolve("wide.csv");
        Path pair = dir.resolve("pair.csv");
        Path back = dir.resolve("back.csv");
        Run a = run("restructure", "--input", IND, "--from", "individual", "--to", "dyad", "--dyad", "cuplid",
                "--role", "gender", "--output", wide.toString());
        assertEquals(0, a.exit(), a.err());
        assertTrue(a.err().contains("wrote 148 rows"), a.err());
        Run b = run("restructure", "--input", wide.toString(), "--from", "dyad", "--to", "pairwise", "--dyad", "cuplid",
                "--role", "gender", "--roles", "-1,1", "--output", pair.toString());
        assertEquals(0, b.exit(), b.err());
        Run c = run("restructure", "--input", pair.toString(), "--from", "pairwise", "--to", "individual", "--dyad",
                "cuplid", "--role", "gender", "--output", back.toString());
        assertEquals(0, c.exit(), c.err());
        DataTable original = DataTable.read(Path.of(IND));
        DataTable result = DataTable.read(back);
        assertEquals(original.columns(), result.columns());
        for (int r = 0; r < original.rowCount(); r++) {
            assertEquals(java.util.List.of(original.row(r)), java.util.List.of(result.row(r)), "row " + (r + 1));
        }
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count(), "no temporary files are left behind");
        }
        Run stdout = run("restructure", "--input", IND, "--to", "pairwise", "--dyad", "cuplid");
        assertEquals(0, stdout.exit());
        assertTrue(stdout.out().startsWith("cuplid,Yearsmar,gender_A") || stdout.out().startsWith("cuplid,Yearsmar,"),
                stdout.out().substring(0, 80));
        Run dash = run("restructure", "--input", IND, "--to", "pairwise", "--dyad", "cuplid", "--output", "-");
        assertEquals(stdout.out(), dash.out(), "--output - writes to standard output");
        assertTrue(!Files.exists(Path.of("-")), "no file named - is created");
    }

    @Test
    void nonindependenceJsonHasTheContractKeysFromEveryLayout() throws IOException {
        String[][] inputs = {
            {"--input", IND, "--dyad", "cuplid", "--role", "gender", "--roles", "1,-1", "--var", "satisfaction"},
            {"--input", "../data-samples/acitelli_dyad.csv", "--layout", "dyad", "--dyad", "cuplid", "--roles", "H,W",
                "--var", "satisfaction"},
            {"--input", "../data-samples/acitelli_pairwise.csv", "--layout", "pairwise", "--dyad", "CoupleID",
                "--role", "Gender", "--roles", "Husband,Wife", "--var", "Satisfaction"}};
        for (String[] in : inputs) {
            String[] args = new String[in.length + 3];
            args[0] = "nonindependence";
            System.arraycopy(in, 0, args, 1, in.length);
            args[in.length + 1] = "--format";
            args[in.length + 2] = "json";
            Run r = run(args);
            assertEquals(0, r.exit(), r.err());
            JsonNode v = new ObjectMapper().readTree(r.out()).get("variables").get(0);
            assertEquals(0.6234498, v.get("pearson_r").asDouble(), 5e-8);
            assertEquals(0.7131, v.get("fisher_ci_upper").asDouble(), 5e-5);
            for (String key : new String[] {"fisher_ci_lower", "t", "df", "p", "n_dyads", "pitman_morgan",
                "role_summaries", "mean_difference"}) {
                assertTrue(v.has(key), key + " in " + v);
            }
        }
        Run ind = run("nonindependence", "--input", "../data-samples/acitelli_dyad.csv", "--layout", "dyad",
                "--dyad", "cuplid", "--indistinguishable", "--var", "satisfaction", "--format", "json");
        JsonNode v = new ObjectMapper().readTree(ind.out()).get("variables").get(0);
        assertEquals(0.61847, v.get("anova_icc").asDouble(), 5e-6);
        for (String key : new String[] {"f", "df1", "df2", "p", "pairwise_r", "z"}) {
            assertTrue(v.has(key), key);
        }
    }

    @Test
    void correlateCsvAndText() {
        Run csv = run("correlate", "--input", IND, "--dyad", "cuplid", "--role", "gender", "--roles", "1,-1",
                "--vars", "satisfaction,tension", "--format", "csv");
        assertEquals(0, csv.exit(), csv.err());
        String[] lines = csv.out().split("\n");
        assertEquals("table,x,x_role,y,y_role,type,n,r,ci_lower,ci_upper,statistic,df,p,quantity,value", lines[0]);
        assertEquals(1 + 6 + 4, lines.length, "six correlations, then the sample's four counts");
        assertTrue(lines[5].startsWith("correlations,satisfaction,1,tension,-1,cross_partner,148,"), lines[5]);
        assertTrue(lines[7].startsWith("sample,,,,,,,,,,,,,persons_in_file,296"), lines[7]);
        Run text = run("correlate", "--input", IND, "--dyad", "cuplid", "--vars", "satisfaction,tension");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("cross-intraclass"), text.out());
    }

    @Test
    void exitStatusesNameTheProblem() throws IOException {
        Path tiny = dir.resolve("tiny.csv");
        Files.writeString(tiny, "id,x\n1,3\n1,4\n2,5\n2,1\n");
        Run few = run("nonindependence", "--input", tiny.toString(), "--dyad", "id", "--var", "x");
        assertEquals(4, few.exit(), few.err());
        assertTrue(few.err().contains("too_few_dyads"), few.err());
        Run col = run("nonindependence", "--input", IND, "--dyad", "cuplid", "--var", "satisfactoin");
        assertEquals(3, col.exit());
        assertTrue(col.err().contains("did you mean satisfaction"), col.err());
        Path three = dir.resolve("three.csv");
        Files.writeString(three, "id,x\n1,3\n1,4\n1,5\n2,1\n2,2\n");
        Run many = run("restructure", "--input", three.toString(), "--dyad", "id", "--to", "dyad");
        assertEquals(3, many.exit());
        assertTrue(many.err().contains("more than two persons in dyad 1"), many.err());
        assertEquals(2, run("correlate", "--input", IND, "--dyad", "cuplid", "--vars", "a,a").exit());
        assertEquals(2, run("nonindependence", "--input", IND, "--dyad", "cuplid", "--var", "x", "--format", "xml")
                .exit());
        Run help = run("correlate", "--help");
        assertTrue(help.out().contains("Example:"), help.out());
        assertFalse(run("restructure", "--help").out().isEmpty());
    }
}
