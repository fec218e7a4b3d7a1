package org.dyadkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dyadkit.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void commitReplacesTheTargetInOneMove() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "earlier");
        try (AtomicFile f = AtomicFile.create(target)) {
            f.stream().write("new".getBytes(StandardCharsets.UTF_8));
            assertEquals("earlier", Files.readString(target), "untouched until the commit");
            f.commit();
        }
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), list());
        Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        try (AtomicFile f = AtomicFile.create(target)) {
            f.commit();
        }
        assertEquals("rw-rw-r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(target)), "the replaced file's permissions are kept");
        Path fresh = dir.resolve("fresh.csv");
        try (AtomicFile f = AtomicFile.create(fresh)) {
            f.commit();
        }
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(fresh)), "a new file is readable like an ordinary one");
    }

    @Test
    void aWriterInterruptedMidFileLeavesTheEarlierOutput() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "earlier");
        RuntimeException stop = new RuntimeException("interrupted");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> {
            try (AtomicFile f = AtomicFile.create(target)) {
                OutputStream out = f.stream();
                for (int i = 0; i < 100_000; i++) {
                    out.write("row\n".getBytes(StandardCharsets.UTF_8));
                    if (i == 50_000) {
                        throw stop;
                    }
                }
                f.commit();
            }
        });
        assertEquals(stop, thrown);
        assertEquals("earlier", Files.readString(target));
        assertEquals(List.of(target), list(), "the temporary file is deleted");
    }

    @Test
    void noTargetAppearsWhenTheFirstRunIsInterrupted() throws IOException {
        Path target = dir.resolve("fresh.csv");
        try (AtomicFile f = AtomicFile.create(target)) {
            f.stream().write("half".getBytes(StandardCharsets.UTF_8));
        }
        assertFalse(Files.exists(target));
        assertEquals(List.of(), list());
    }

    @Test
    void aMissingFolderIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> AtomicFile.create(dir.resolve("no/out.csv")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void aKilledProcessNeverLeavesAPartialTarget() throws Exception {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "earlier");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SlowWriterMain.class.getName(), target.toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            assertTrue(line != null && line.startsWith("writing "), "child said: " + line);
            Path temp = Path.of(line.substring("writing ".length()));
            assertTrue(Files.size(temp) > 100_000, "the child has written to its temporary file");
            p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks run
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(137, p.exitValue(), "killed by SIGKILL");
        } finally {
            p.destroyForcibly();
        }
        assertEquals("earlier", Files.readString(target));
        for (Path f : list()) {
            assertTrue(f.equals(target) || f.getFileName().toString().endsWith(".tmp"), "unexpected " + f);
        }
    }

    private List<Path> list() throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
