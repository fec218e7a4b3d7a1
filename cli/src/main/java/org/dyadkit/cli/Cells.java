package org.dyadkit.cli;

import java.io.PrintWriter;
import java.util.List;
import org.dyadkit.report.Formats;

/** A plain CSV table for the commands that are not analyses (the instrument listing). */
final class Cells {
    private Cells() {
    }

    /** Writes a header and rows; numbers unrounded, null and non-finite numbers as empty cells. */
    static void writeCsv(PrintWriter out, List<String> header, List<List<Object>> rows) {
        out.println(Formats.csvLine(header));
        for (List<Object> row : rows) {
            out.println(Formats.csvLine(row));
        }
        out.flush();
    }
}
