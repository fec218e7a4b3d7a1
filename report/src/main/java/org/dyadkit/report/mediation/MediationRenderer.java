package org.dyadkit.report.mediation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.dyadkit.mediation.MediationResult;
import org.dyadkit.report.Formats;
import org.dyadkit.report.Renderer;
import org.dyadkit.report.SampleJson;
import org.dyadkit.report.TidyTable;

/**
 * Text, JSON and CSV of single-level mediation ({@code dyadkit mediate}): the paths a, b, c' and c, the
 * indirect effect with its Sobel test and bootstrap intervals, and the sample. CSV: the tables {@code paths},
 * {@code indirect} and {@code sample}.
 */
public final class MediationRenderer implements Renderer<MediationResult> {
    private final String source;
    private final double level;

    private MediationRenderer(String source, double level) {
        this.source = source;
        this.level = level;
    }

    /**
     * A renderer naming the input in the text output.
     *
     * @param source the input's name
     * @param level the confidence level of the intervals
     */
    public static MediationRenderer of(String source, double level) {
        return new MediationRenderer(source, level);
    }

    @Override
    public ObjectNode json(MediationResult r) {
        ObjectNode o = Formats.object(MediationFormat.json(r, level));
        o.set("sample", SampleJson.json(r.sample()));
        return o;
    }

    @Override
    public String text(MediationResult r) {
        return MediationFormat.text(r, source, level);
    }

    @Override
    public TidyTable tables(MediationResult r) {
        TidyTable.Builder b = TidyTable.builder();
        for (List<Object> row : MediationFormat.csv(r)) {
            boolean indirect = "indirect".equals(row.get(0));
            TidyTable.Row t = b.row(indirect ? "indirect" : "paths");
            for (int c = 0; c < MediationFormat.CSV_HEADER.size(); c++) {
                Object v = row.get(c);
                t.put(c == 0 ? "term" : MediationFormat.CSV_HEADER.get(c), "".equals(v) ? null : v);
            }
        }
        SampleJson.rows(b, r.sample());
        return b.build();
    }
}
