package org.dyadkit.survey;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A child process for {@link AtomicFileTest}: writes part of a file through {@link AtomicFile}, flushes
 * it to the temporary file, says "writing" on stdout and then waits to be killed.
 */
public final class SlowWriterMain {
    private SlowWriterMain() {
    }

    /** Writes args[0] atomically, stopping half-way. */
    public static void main(String[] args) throws Exception {
        AtomicFile f = AtomicFile.create(Path.of(args[0]));
        OutputStream out = f.stream();
        for (int i = 0; i < 10_000; i++) {
            out.write(("partial row " + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
        System.out.println("writing " + f.temporaryFile());
        System.out.flush();
        Thread.sleep(120_000);
        f.commit();
    }
}
