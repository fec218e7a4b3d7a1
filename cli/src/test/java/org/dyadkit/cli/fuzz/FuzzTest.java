package org.dyadkit.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The seeded, bounded fuzz run of issue 18: mutated CSV inputs, instrument files, study files and options of
 * every command, each run in process with a timeout and judged by {@link Harness#problems}. The default
 * test suite runs {@code dyadkit.fuzz.cases} cases (default 150); {@code mvn -Pfuzz} runs 100,000. Set
 * {@code -Ddyadkit.fuzz.seed=S} to change the seed and {@code -Ddyadkit.fuzz.from=I} to start at case I. A failing case is written to
 * {@code target/fuzz-failures/SEED-CASE/} (its {@code case.json} is ready for the corpus, beside what it
 * printed) and named with its seed and number.
 */
class FuzzTest {
    static final long SEED = Long.getLong("dyadkit.fuzz.seed", 20261202L);
    static final long CASES = Long.getLong("dyadkit.fuzz.cases", 150L);
    /** The first case number (to split a long run over processes: 0 and 50000 with 50000 cases each). */
    static final long FROM = Long.getLong("dyadkit.fuzz.from", 0L);
    static final int STUDY_WEIGHT = Integer.getInteger("dyadkit.fuzz.study-weight", 2);
    static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("dyadkit.fuzz.timeout", 60L));
    private static final Path WORK = Path.of("target", "fuzz-work");
    private static final Path FAILURES = Path.of("target", "fuzz-failures");

    @Test
    void everyTemplateWorks() throws IOException {
        Fuzzer f = new Fuzzer(SEED, STUDY_WEIGHT);
        try (Harness h = new Harness(TIMEOUT)) {
            int i = 0;
            List<String> wrong = new ArrayList<>();
            for (FuzzCase c : f.templates()) {
                Path dir = WORK.resolve("template-" + i++);
                Harness.Outcome o = h.run(c, dir);
                List<String> problems = Harness.problems(c, o);
                if (o.exit() != 0 || !problems.isEmpty()) {
                    wrong.add(c.commandLine() + " -> exit " + o.exit() + " " + problems + "\n" + o.err());
                }
                delete(dir);
            }
            assertEquals(List.of(), wrong);
        }
    }

    @Test
    void fuzz() throws IOException {
        Fuzzer f = new Fuzzer(SEED, STUDY_WEIGHT);
        Map<String, List<String>> failures = new LinkedHashMap<>();
        Map<String, long[]> time = new TreeMap<>();
        Map<Integer, Long> exits = new TreeMap<>();
        long start = System.nanoTime();
        try (Harness h = new Harness(TIMEOUT)) {
            for (long i = FROM; i < FROM + CASES; i++) {
                FuzzCase c = f.make(i);
                Path dir = WORK.resolve(SEED + "-" + i);
                Harness.Outcome o = h.run(c, dir);
                List<String> problems = Harness.problems(c, o);
                String cmd = c.args().get(0);
                long[] t = time.computeIfAbsent(cmd, k -> new long[2]);
                t[0]++;
                t[1] += o.millis();
                exits.merge(o.exit(), 1L, Long::sum);
                if (!problems.isEmpty()) {
                    String where = report(c, o, problems, SEED, i);
                    String key = cmd + ": " + problems.get(0).replaceAll("[0-9]+", "N").replaceAll(": \\.\\.\\..*", "");
                    failures.computeIfAbsent(key, k -> new ArrayList<>()).add(where);
                }
                delete(dir);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("fuzz seed %d: cases %d to %d in %.1f s; exits %s%n", SEED, FROM, FROM + CASES - 1,
                (System.nanoTime() - start) / 1e9, exits));
        time.forEach((k, v) -> sb.append(String.format("  %-20s %6d cases, %8.1f ms mean%n", k, v[0], (double) v[1] / v[0])));
        failures.forEach((k, v) -> sb.append(v.size()).append(" x ").append(k).append("\n    first: ").append(v.get(0))
                .append("\n"));
        System.out.print(sb);
        assertTrue(failures.isEmpty(), sb.toString());
    }

    /** Writes the failing case beside what it printed; returns a line naming it. */
    static String report(FuzzCase c, Harness.Outcome o, List<String> problems, long seed, long i) throws IOException {
        Path dir = FAILURES.resolve(seed + "-" + i);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("case.json"), c.withNote(c.note() + " [" + String.join("; ", problems) + "]").toJson());
        Files.writeString(dir.resolve("stdout.txt"), o.out());
        Files.writeString(dir.resolve("stderr.txt"), o.err() + (o.thrown() == null ? "" : stack(o.thrown())));
        return "seed " + seed + " case " + i + ": " + c.commandLine() + " (" + c.note() + ") -> exit " + o.exit() + ": "
                + String.join("; ", problems) + "; input and output in " + dir.toAbsolutePath();
    }

    private static String stack(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
