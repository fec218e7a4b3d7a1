package org.dyadkit.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dyadkit.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same seed, same bytes on 1, 2 and 8 threads: every resampling command (apim --k --bootstrap, apimem with its
 * bootstrap and Monte Carlo draws, mediate --bootstrap, power simulate, in every output format) in this process
 * with {@code --threads}, and the study (results.json, tables, report.html, figures) in child JVMs that see 1,
 * 2 and 8 processors ({@code -XX:ActiveProcessorCount}), since the study's analyses use every processor.
 * distinguishability and reliability draw nothing at random, so they have nothing to vary.
 */
class DeterminismTest {
    private static final String IND = Path.of("..", "data-samples", "acitelli_individual.csv").toString();
    private static final int[] THREADS = {1, 2, 8};

    @TempDir
    Path dir;

    private static List<String> commandWith(List<String> base, int threads, String format) {
        List<String> a = new ArrayList<>(base);
        a.addAll(List.of("--threads", Integer.toString(threads), "--format", format));
        return a;
    }

    @Test
    void resamplingCommandsGiveTheSameBytesOnAnyNumberOfThreads() {
        List<List<String>> commands = List.of(
                List.of("apim", "--input", IND, "--dyad", "cuplid", "--role", "gender", "--y", "satisfaction", "--x",
                        "other_pos", "--k", "--bootstrap", "150", "--seed", "5"),
                List.of("apim", "--input", IND, "--dyad", "cuplid", "--indistinguishable", "--y", "satisfaction", "--x",
                        "other_pos", "--k", "--bootstrap", "150", "--seed", "6"),
                List.of("apimem", "--input", IND, "--dyad", "cuplid", "--role", "gender", "--x", "other_pos", "--m",
                        "tension", "--y", "satisfaction", "--bootstrap", "60", "--seed", "7", "--mc", "2000"),
                List.of("mediate", "--input", IND, "--x", "other_pos", "--m", "tension", "--y", "satisfaction",
                        "--dyad", "cuplid", "--bootstrap", "300", "--seed", "8", "--ci", "bca"),
                List.of("power", "simulate", "--dyads", "40", "--replicates", "60", "--seed", "9"));
        for (List<String> base : commands) {
            for (String format : new String[] {"json", "text", "csv"}) {
                String first = null;
                for (int t : THREADS) {
                    StudyFixture.Run r = StudyFixture.run(commandWith(base, t, format).toArray(new String[0]));
                    assertEquals(0, r.exit(), base + " --threads " + t + ": " + r.err());
                    if (first == null) {
                        first = r.out();
                        assertTrue(first.length() > 100, base + ": " + first);
                    } else {
                        assertEquals(first, r.out(), String.join(" ", base) + " --format " + format + ": --threads "
                                + t + " differs from --threads 1");
                    }
                }
            }
        }
    }

    @Test
    void theStudyGivesTheSameBytesOnOneTwoAndEightProcessors() throws Exception {
        // the test study's analyses with shorter resampling: every resampling analysis type is still there
        String analyses = StudyFixture.ANALYSES.replace("bootstrap: 200, seed: 11", "bootstrap: 60, seed: 11")
                .replace("bootstrap: 200, seed: 12, mc: 2000", "bootstrap: 30, seed: 12, mc: 1000")
                .replace("bootstrap: 200, seed: 13", "bootstrap: 60, seed: 13");
        Path study = StudyFixture.write(dir, StudyFixture.head(StudyFixture.SAMPLES.resolve("simulated_couples.csv"))
                + analyses);
        Map<String, byte[]> first = null;
        for (int cpus : THREADS) {
            Path out = dir.resolve("out-" + cpus);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path log = dir.resolve("log-" + cpus + ".txt");
            Process p = new ProcessBuilder(java, "-XX:ActiveProcessorCount=" + cpus, "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "study", study.toString(), "--out",
                    out.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the study did not finish in 300 s on " + cpus + " cpus");
            assertEquals(0, p.exitValue(), Files.readString(log));
            Map<String, byte[]> files = snapshot(out);
            assertTrue(files.containsKey("results.json") && files.containsKey("report.html"), files.keySet().toString());
            assertTrue(files.keySet().stream().anyMatch(f -> f.startsWith("tables/")), files.keySet().toString());
            if (first == null) {
                first = files;
            } else {
                assertEquals(first.keySet(), files.keySet(), "files on " + cpus + " processors");
                for (Map.Entry<String, byte[]> e : first.entrySet()) {
                    assertArrayEquals(e.getValue(), files.get(e.getKey()), e.getKey() + " differs on " + cpus
                            + " processors from 1 processor");
                }
            }
        }
    }

    /** Every file under a folder (relative name with '/') and its bytes. */
    static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
