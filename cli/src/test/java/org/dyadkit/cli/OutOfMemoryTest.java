package org.dyadkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that needs more heap than the JVM may use ends with one line saying so and what to do (exit 3), never a
 * stack trace, and leaves no output file or temporary behind (outputs are written atomically).
 */
class OutOfMemoryTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void tooSmallAHeapIsNamedWithTheRemedy() throws IOException, InterruptedException {
        StringBuilder csv = new StringBuilder("couple,role,x,y\n");
        for (int d = 1; d <= 40_000; d++) {
            csv.append(d).append(",man,").append(d % 7).append('.').append(d % 10).append(',').append(d % 5).append('\n');
            csv.append(d).append(",woman,").append(d % 3).append('.').append(d % 9).append(',').append(d % 4).append('\n');
        }
        Files.writeString(dir.resolve("couples.csv"), csv, StandardCharsets.UTF_8);
        List<String> cmd = List.of(JAVA, "-Xmx8m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "restructure", "--input", "couples.csv",
                "--dyad", "couple", "--role", "role", "--from", "individual", "--to", "dyad", "--output", "wide.csv");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child did not end");
        String log = Files.readString(dir.resolve("log.txt"));
        assertEquals(3, p.exitValue(), log);
        assertTrue(log.startsWith("dyadkit: out of memory: the run needed more than the "), log);
        assertTrue(log.contains("DYADKIT_JAVA_OPTS=-Xmx4g"), log);
        assertFalse(log.contains("\tat "), log);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("couples.csv", "log.txt"), s.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }
}
