package org.dyadkit.dyad;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dyadkit.InputException;
import org.dyadkit.survey.AtomicFile;
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
     * Writes the table to a file atomically (temporary file in the same folder, then a move), with the
     * permissions of the file it replaces (or rw-r--r-- for a new file), as {@link AtomicFile}.
     *
     * @throws InputException when the folder does not exist or the file cannot be written
     */
    public static void writeAtomically(DataTable table, Path target) {
        try (AtomicFile file = AtomicFile.create(target)) {
            Writer w = new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8), 1 << 16);
            write(table, w);
            w.flush();
            file.commit();
        } catch (IOException e) {
            throw new InputException(target + ": cannot write the output: " + e.getMessage(), e);
        }
    }
}
