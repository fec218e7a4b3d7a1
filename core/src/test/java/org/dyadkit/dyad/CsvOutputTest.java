package org.dyadkit.dyad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.dyadkit.InputException;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvOutputTest {
    @TempDir
    Path dir;

    @Test
    void writesAtomicallyAndReadsBackTheSameCells() throws IOException {
        List<String[]> rows = List.of(new String[] {"1", "a, b", "say \"hi\""}, new String[] {"2", "", "line\nbreak"});
        DataTable t = DataTable.of("t", List.of("id", "x", "y"), rows);
        Path out = dir.resolve("out.csv");
        Files.writeString(out, "old content");
        CsvOutput.writeAtomically(t, out);
        DataTable back = DataTable.read(out);
        assertEquals(t, back);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the target file remains");
        }
        InputException e = assertThrows(InputException.class,
                () -> CsvOutput.writeAtomically(t, dir.resolve("missing").resolve("out.csv")));
        assertTrue(e.getMessage().contains("output folder") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void newFilesAreWorldReadableAndReplacedFilesKeepTheirPermissions() throws IOException {
        DataTable t = DataTable.of("t", List.of("id"), List.<String[]>of(new String[] {"1"}));
        Path fresh = dir.resolve("fresh.csv");
        CsvOutput.writeAtomically(t, fresh);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        Path kept = dir.resolve("kept.csv");
        Files.writeString(kept, "old");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-rw----"));
        CsvOutput.writeAtomically(t, kept);
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
    }
}
