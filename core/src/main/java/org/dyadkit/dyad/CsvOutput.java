package org.dyadkit.dyad;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dyadkit.InputException;
import org.dyadkit.table.DataTable;

/**
 * Writes a table as UTF-8 CSV (comma, LF line ends, quotes only where needed), either to a stream or
 * atomically to a file: the rows go to a temporary file in the target folder, which is then moved over
 * the target, so an interrupted run never leaves a partial file.
 */
public final class CsvOutput {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private CsvOutput() {
    }

    /**
     * Writes the header and rows to a writer (not closed).
     *
     * @throws IOException from the writer
     */
    public static void write(DataTable table, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(table.columns());
        for (int r = 0; r < table.rowCount(); r++) {
            printer.printRecord((Object[]) table.row(r));
        }
        printer.flush();
    }

    /**
     * Writes the table to a file atomically (temporary file in the same folder, then a move).
     *
     * @throws InputException when the folder does not exist or the file cannot be written
     */
    public static void writeAtomically(DataTable table, Path target) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InputException(target + ": the output folder does not exist; create it first");
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(table, w);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new InputException(target + ": cannot write the output: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file could not be removed; nothing more to do
                }
            }
        }
    }
}
