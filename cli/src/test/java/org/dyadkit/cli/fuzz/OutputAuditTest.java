package org.dyadkit.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dyadkit.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue 18's NaN/Infinity audit: every command over the sample data and over degenerate inputs (a variable that
 * is a linear function of another, a constant variable, three dyads, two negatively correlated items), in every
 * output format it has (text, JSON, CSV, and the files it writes). No output may show NaN, Infinity or Inf after
 * exit 0 (a statistic that cannot be computed is {@code null} with a {@code _reason} key in JSON, {@code NA} with
 * a note in text and an empty cell in CSV; docs/output.md), and every run ends with a documented exit status,
 * a short message and no stack trace.
 */
class OutputAuditTest {
    private final Bases bases = new Bases();

    /** The input file with column {@code name} appended, computed from each data row's cells. */
    private byte[] withColumn(String file, String name, java.util.function.Function<String[], String> f) {
        String[] lines = new String(bases.inputs.get(file), StandardCharsets.UTF_8).split("\n");
        StringBuilder sb = new StringBuilder(lines[0]).append(",").append(name).append('\n');
        for (int i = 1; i < lines.length; i++) {
            sb.append(lines[i]).append(',').append(f.apply(lines[i].split(",", -1))).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] firstLines(byte[] in, int n) {
        String[] lines = new String(in, StandardCharsets.UTF_8).split("\n");
        return (String.join("\n", java.util.Arrays.copyOf(lines, Math.min(n, lines.length))) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static boolean hasFormat(List<String> args) {
        CommandLine cl = Main.commandLine(args.toArray(String[]::new)).getSubcommands().get(args.get(0));
        if (args.get(0).equals("power")) {
            cl = cl.getSubcommands().get(args.get(1));
        }
        return cl.getCommandSpec().findOption("--format") != null;
    }

    /** The command line in each format: the given one with {@code --format} replaced. */
    private static List<List<String>> formats(List<String> args) {
        List<List<String>> out = new ArrayList<>();
        List<String> base = new ArrayList<>(args);
        int at = base.indexOf("--format");
        if (at >= 0) {
            base.subList(at, at + 2).clear();
        }
        out.add(base);
        if (hasFormat(args)) {
            for (String f : List.of("json", "csv")) {
                List<String> a = new ArrayList<>(base);
                a.add("--format");
                a.add(f);
                out.add(a);
            }
        }
        return out;
    }

    private List<FuzzCase> cases() {
        Map<String, byte[]> degenerate = new LinkedHashMap<>();
        // satisfaction is column 6 of the individual file
        degenerate.put("lin.csv", withColumn("ind.csv", "y", c -> org.dyadkit.report.Formats.number(
                2 * Double.parseDouble(c[5]) + 1)));
        degenerate.put("const.csv", withColumn("ind.csv", "c", c -> "3"));
        degenerate.put("tiny.csv", firstLines(bases.inputs.get("ind.csv"), 7));
        StringBuilder neg = new StringBuilder("id,ras1,ras2,ras3,ras4,ras5,ras6,ras7\n");
        for (int i = 0; i < 30; i++) {
            int a = 1 + i % 5;
            int b = Math.max(1, Math.min(5, 6 - a + (i % 3 == 0 ? 1 : 0)));
            neg.append(i).append(',').append(a).append(',').append(b).append(",3,").append(1 + i % 4).append(",2,")
                    .append(1 + (i * 7) % 5).append(",4\n");
        }
        degenerate.put("neg.csv", neg.toString().getBytes(StandardCharsets.UTF_8));
        String d = "--dyad cuplid --role gender --roles 1,-1";
        List<String> lines = new ArrayList<>();
        for (String in : List.of("lin", "const", "tiny")) {
            String v = in.equals("lin") ? "y" : in.equals("const") ? "c" : "tension";
            String file = "--input {dir}/" + in + ".csv ";
            lines.add("correlate " + file + d + " --vars satisfaction," + v);
            lines.add("correlate " + file + "--dyad cuplid --indistinguishable --vars satisfaction," + v);
            lines.add("nonindependence " + file + d + " --var " + v + " --var satisfaction");
            lines.add("nonindependence " + file + "--dyad cuplid --var " + v);
            lines.add("apim " + file + d + " --y " + v + " --x satisfaction --k");
            lines.add("apim " + file + d + " --y satisfaction --x " + v);
            lines.add("apim " + file + "--dyad cuplid --indistinguishable --y " + v + " --x satisfaction --k");
            lines.add("distinguishability " + file + d + " --y " + v + " --x other_pos");
            lines.add("apimem " + file + d + " --x other_pos --m satisfaction --y " + v + " --mc 500");
            lines.add("mediate " + file + "--x other_pos --m satisfaction --y " + v + " --dyad cuplid");
        }
        lines.add("reliability --instrument ras --input {dir}/neg.csv --items ras{n} --item-set 1,2");
        lines.add("reliability --instrument ras --input {dir}/neg.csv --items ras{n}");
        lines.add("reliability --instrument ras --input {dir}/neg.csv --items ras{n} --item-set 3,4,6");
        lines.add("power apim --dyads 150 --actor 0 --partner 0");
        lines.add("power apim --dyads 4 --actor 0.3 --partner 0.1");
        lines.add("power simulate --dyads 5 --actor 0.25 --partner 0.15 --replicates 5 --seed 2");
        List<FuzzCase> out = new ArrayList<>();
        for (FuzzCase t : new Fuzzer(1, 0).templates()) {
            for (List<String> a : t.args().get(0).equals("study") ? List.of(t.args()) : formats(t.args())) {
                out.add(t.withArgs(a));
            }
        }
        for (String line : lines) {
            List<String> args = Bases.split(line);
            Map<String, byte[]> files = new LinkedHashMap<>(degenerate);
            for (List<String> a : formats(args)) {
                out.add(new FuzzCase("audit", a, files));
            }
        }
        return out;
    }

    @Test
    void noNonFiniteNumberInAnyOutput() throws IOException {
        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> exits = new TreeMap<>();
        int i = 0;
        try (Harness h = new Harness(Duration.ofSeconds(120))) {
            for (FuzzCase c : cases()) {
                Path dir = Path.of("target", "fuzz-audit", String.valueOf(i++));
                FuzzTest.delete(dir);
                Harness.Outcome o = h.run(c, dir);
                exits.merge(o.exit(), 1, Integer::sum);
                List<String> p = Harness.problems(c, o);
                if (!p.isEmpty()) {
                    wrong.add(c.commandLine() + " -> exit " + o.exit() + ": " + p);
                }
                FuzzTest.delete(dir);
            }
        }
        System.out.println("output audit: " + i + " runs, exits " + exits);
        assertTrue(exits.getOrDefault(0, 0) > i / 2, "most audit runs must succeed: " + exits);
        assertEquals(List.of(), wrong);
    }
}
