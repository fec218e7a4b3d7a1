package org.dyadkit.cli.fuzz;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The fuzz loop without JUnit, for long runs from a shell:
 * {@code java -cp ... org.dyadkit.cli.fuzz.FuzzMain SEED FROM TO [STUDY_WEIGHT]} prints one line per
 * failing case (written to {@code target/fuzz-failures/}) and a summary every 1,000 cases.
 */
public final class FuzzMain {
    private FuzzMain() {
    }

    public static void main(String[] a) throws Exception {
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
