package org.dyadkit.cli.fuzz;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The fuzz loop without JUnit, for long runs from a shell:
 * {@code java -cp ... org.dyadkit.cli.fuzz.FuzzMain SEED FROM TO [STUDY_WEIGHT]} prints one line per
 * failing case (written to {@code target/fuzz-failures/}) and a summary every 1,000 cases;
 * {@code FuzzMain replay CASE.json...} runs saved cases and prints their exit, time and problems.
 */
public final class FuzzMain {
    private FuzzMain() {
    }

    public static void main(String[] a) throws Exception {
        if (a[0].equals("replay")) {
            try (Harness h = new Harness(Duration.ofSeconds(600))) {
                for (int i = 1; i < a.length; i++) {
                    FuzzCase c = FuzzCase.fromJson(java.nio.file.Files.readString(Path.of(a[i])));
                    Path dir = Path.of("target", "fuzz-replay", String.valueOf(i));
                    FuzzTest.delete(dir);
                    Harness.Outcome o = h.run(c, dir);
                    System.out.println(a[i] + ": " + c.commandLine() + " -> exit " + o.exit() + " in " + o.millis()
                            + " ms " + Harness.problems(c, o) + "\n" + o.err());
                }
            }
            System.exit(0);
        }
        long seed = Long.parseLong(a[0]);
        long from = Long.parseLong(a[1]);
        long to = Long.parseLong(a[2]);
        Fuzzer f = new Fuzzer(seed, a.length > 3 ? Integer.parseInt(a[3]) : 2);
        long failures = 0;
        long start = System.nanoTime();
        try (Harness h = new Harness(Duration.ofSeconds(60))) {
            for (long i = from; i < to; i++) {
                FuzzCase c = f.make(i);
                Path dir = Path.of("target", "fuzz-work", seed + "-" + i);
                Harness.Outcome o = h.run(c, dir);
                List<String> problems = Harness.problems(c, o);
                if (!problems.isEmpty()) {
                    failures++;
                    System.out.println("FAIL " + FuzzTest.report(c, o, problems, seed, i));
                }
                FuzzTest.delete(dir);
                if ((i - from + 1) % 1000 == 0) {
                    System.out.printf("%d cases, %d failures, %.0f s%n", i - from + 1, failures,
                            (System.nanoTime() - start) / 1e9);
                }
            }
        }
        System.out.printf("done: %d cases, %d failures, %.0f s%n", to - from, failures, (System.nanoTime() - start) / 1e9);
        System.exit(0);
    }
}
