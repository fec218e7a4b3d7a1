package org.dyadkit.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.dyadkit.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults: {@code score} and {@code study} run as child processes (this test's class path, {@link Main}) and
 * are killed mid-write 20 times with SIGKILL and 20 times with SIGTERM each. The target is always either the
 * previous output or the complete new one, never partial; after SIGTERM no temporary file or folder is left;
 * the ones a SIGKILL leaves are named by the next run and removed once older than a minute.
 */
class FaultInjectionTest {
    private static final long SEED = 18L;
    private static final int KILLS = 20;
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    private Process start(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    private int finish(Process p) throws InterruptedException {
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child did not end");
        return p.exitValue();
    }

    private List<Path> leftovers(Predicate<String> name) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> name.test(p.getFileName().toString())).sorted().toList();
        }
    }

    /** Waits until a temporary output appears (or the child ends); whether the child is still writing. */
    private boolean awaitTemporary(Process p, Predicate<String> name) throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            if (!leftovers(name).isEmpty()) {
                return p.isAlive();
            }
            if (!p.isAlive()) {
                return false;
            }
            Thread.sleep(2);
        }
        return false;
    }

    private static void signal(Process p, boolean kill) {
        if (kill) {
            p.destroyForcibly(); // SIGKILL on Unix
        } else {
            p.destroy(); // SIGTERM on Unix
        }
    }

    @Test
    void scoreKilledMidWriteLeavesThePreviousOrTheCompleteFile() throws Exception {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        Path in = dir.resolve("survey.csv");
        StringBuilder sb = new StringBuilder("id,ras1,ras2,ras3,ras4,ras5,ras6,ras7\n");
        for (int i = 0; i < 150_000; i++) {
            sb.append(i);
            for (int j = 0; j < 7; j++) {
                sb.append(',').append(1 + rng.nextInt(5));
            }
            sb.append('\n');
        }
        Files.writeString(in, sb);
        Path target = dir.resolve("scored.csv");
        String[] args = {"score", "--instrument", "ras", "--input", in.toString(), "--output", target.toString()};
        Path log = dir.resolve("score.log");
        long t0 = System.nanoTime();
        assertEquals(0, finish(start(log, args)), Files.readString(log));
        long full = System.nanoTime() - t0;
        byte[] complete = Files.readAllBytes(target);
        byte[] previous = "previous output\n".getBytes(StandardCharsets.UTF_8);
        Predicate<String> temp = n -> n.startsWith(".scored.csv.") && n.endsWith(".tmp");
        for (boolean kill : new boolean[] {true, false}) {
            int midWrite = 0;
            for (int i = 0; i < KILLS; i++) {
                Files.write(target, previous);
                List<Path> before = leftovers(temp);
                Process p = start(log, args);
                boolean writing = awaitTemporary(p, temp);
                Thread.sleep(rng.nextInt(1 + (int) TimeUnit.NANOSECONDS.toMillis(full) / 4));
                writing &= p.isAlive();
                signal(p, kill);
                int exit = finish(p);
                byte[] now = Files.readAllBytes(target);
                String what = (kill ? "SIGKILL" : "SIGTERM") + " #" + i + " (seed " + SEED + ", exit " + exit + ")";
                assertTrue(java.util.Arrays.equals(now, previous) || java.util.Arrays.equals(now, complete),
                        what + ": partial target of " + now.length + " bytes");
                if (writing && java.util.Arrays.equals(now, previous)) {
                    midWrite++;
                }
                if (!kill) {
                    assertEquals(List.of(), added(before, leftovers(temp)), what + ": temporary file left after SIGTERM");
                }
            }
            assertTrue(midWrite >= KILLS / 2, (kill ? "SIGKILL" : "SIGTERM") + ": only " + midWrite
                    + " of the kills came mid-write (seed " + SEED + ")");
        }
        // what the SIGKILLs left: named by the next run, removed once older than a minute
        Path young = dir.resolve(".scored.csv.77.tmp");
        Files.writeString(young, "partial");
        for (Path p : leftovers(temp)) {
            if (!p.equals(young)) {
                Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L));
            }
        }
        List<Path> stale = leftovers(n -> temp.test(n) && !n.equals(young.getFileName().toString()));
        assertEquals(0, finish(start(log, args)), Files.readString(log));
        String notes = Files.readString(log);
        for (Path p : stale) {
            assertFalse(Files.exists(p), p + " not removed");
            assertTrue(notes.contains("removed " + p), notes);
        }
        assertTrue(Files.exists(young) && notes.contains(young + " (left in place"), notes);
        assertArrayEquals(complete, Files.readAllBytes(target));
    }

    @Test
    void studyKilledMidRunLeavesThePreviousOrTheCompleteFolder() throws Exception {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + 1);
        Path data = StudyFixture.SAMPLES.resolve("simulated_couples.csv");
        // a short study: scores, reliability, nonindependence and an APIM (the write-heavy parts)
        String analyses = """
                analyses:
                  - id: reliability-ras
                    reliability: {instrument: ras, by: role}
                  - id: nonindependence
                    nonindependence: {vars: [scs_total, ras_total]}
                  - id: apim-satisfaction
                    apim: {y: ras_total, x: [scs_total]}
                """;
        Path newStudy = StudyFixture.write(dir, StudyFixture.head(data) + analyses);
        Path oldStudy = dir.resolve("old.yaml");
        Files.writeString(oldStudy, Files.readString(newStudy).replace("title: Test study", "title: Earlier study"));
        Path out = dir.resolve("out");
        Path log = dir.resolve("study.log");
        long t0 = System.nanoTime();
        assertEquals(0, finish(start(log, "study", newStudy.toString(), "--out", out.toString())), Files.readString(log));
        long full = System.nanoTime() - t0;
        Map<String, byte[]> complete = DeterminismTest.snapshot(out);
        assertEquals(0, finish(start(log, "study", oldStudy.toString(), "--out", out.toString())), Files.readString(log));
        Map<String, byte[]> previous = DeterminismTest.snapshot(out);
        assertFalse(java.util.Arrays.equals(previous.get("results.json"), complete.get("results.json")));
        Predicate<String> temp = n -> n.startsWith(".out.tmp-") || n.startsWith(".out.old-");
        for (boolean kill : new boolean[] {true, false}) {
            int midRun = 0;
            for (int i = 0; i < KILLS; i++) {
                restore(out, previous);
                List<Path> before = leftovers(temp);
                Process p = start(log, "study", newStudy.toString(), "--out", out.toString());
                boolean running = awaitTemporary(p, n -> n.startsWith(".out.tmp-"));
                Thread.sleep(rng.nextInt(1 + (int) TimeUnit.NANOSECONDS.toMillis(full) / 2));
                running &= p.isAlive();
                signal(p, kill);
                int exit = finish(p);
                String what = (kill ? "SIGKILL" : "SIGTERM") + " #" + i + " (seed " + (SEED + 1) + ", exit " + exit
                        + ")";
                Map<String, byte[]> now = Files.isDirectory(out) ? DeterminismTest.snapshot(out) : Map.of();
                boolean isPrevious = same(now, previous);
                assertTrue(isPrevious || same(now, complete), what + ": the output folder is neither the previous "
                        + "nor the complete one: " + now.keySet());
                if (running && isPrevious) {
                    midRun++;
                }
                if (!kill) {
                    assertEquals(List.of(), added(before, leftovers(temp)), what + ": temporary folder left after "
                            + "SIGTERM");
                }
            }
            assertTrue(midRun >= KILLS / 2, (kill ? "SIGKILL" : "SIGTERM") + ": only " + midRun
                    + " of the kills came mid-run (seed " + (SEED + 1) + ")");
        }
        // the SIGKILLs' temporary folders: named by the next run, removed once older than a minute
        List<Path> stale = leftovers(temp);
        for (Path p : stale) {
            Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L));
        }
        assertEquals(0, finish(start(log, "study", newStudy.toString(), "--out", out.toString())), Files.readString(log));
        String notes = Files.readString(log);
        for (Path p : stale) {
            assertFalse(Files.exists(p), p + " not removed");
            assertTrue(notes.contains("removed " + p), notes);
        }
        assertTrue(same(DeterminismTest.snapshot(out), complete));
    }

    /** The paths in {@code after} that were not in {@code before} (the SIGKILL rounds leave theirs behind). */
    private static List<Path> added(List<Path> before, List<Path> after) {
        List<Path> out = new ArrayList<>(after);
        out.removeAll(before);
        return out;
    }

    private static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : a.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static void restore(Path out, Map<String, byte[]> files) throws IOException {
        if (Files.exists(out)) {
            try (Stream<Path> s = Files.walk(out)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path p = out.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
    }
}
