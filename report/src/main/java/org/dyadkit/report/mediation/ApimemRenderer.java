package org.dyadkit.report.mediation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.dyadkit.mediation.ApimemResult;
import org.dyadkit.mediation.TotalEffect;
import org.dyadkit.report.Formats;
import org.dyadkit.report.Renderer;
import org.dyadkit.report.SampleJson;
import org.dyadkit.report.TidyTable;
import org.dyadkit.resample.Interval;

/**
 * Text, JSON and CSV of the actor-partner interdependence mediation model ({@code dyadkit apimem}): paths,
 * simple and total indirect effects, total effects, Monte Carlo and bootstrap settings, and the sample.
 * JSON rows of paths and effects carry {@code effect} and {@code role}. CSV: the tables {@code paths},
 * {@code indirect}, {@code total_indirect}, {@code total} and {@code sample}.
 */
public final class ApimemRenderer implements Renderer<ApimemResult> {
    private final String source;
    private final double level;

    private ApimemRenderer(String source, double level) {
        this.source = source;
        this.level = level;
    }

    /**
     * A renderer naming the input in the text output.
     *
     * @param source the input's name
     * @param level the confidence level of the intervals
     */
    public static ApimemRenderer of(String source, double level) {
        return new ApimemRenderer(source, level);
    }

    @Override
    public ObjectNode json(ApimemResult r) {
        ObjectNode o = Formats.object(MediationFormat.json(r, level));
        o.set("sample", SampleJson.json(r.sample()));
        return o;
    }

    @Override
    public String text(ApimemResult r) {
        return MediationFormat.text(r, source, level);
    }

    /**
     * Tidy rows (table = the row's kind, then {@code term}, {@code effect}, {@code role}, ...) of rows in the
     * APIMeM's column order ({@code kind, name, effect, role, estimate, se, statistic, p, ci_lower, ci_upper,
     * ci_method}), for results that add rows to an APIMeM (indirect-effect contrasts).
     */
    public static TidyTable rows(List<List<Object>> rows) {
        TidyTable.Builder b = TidyTable.builder();
        add(b, rows);
        return b.build();
    }

    private static void add(TidyTable.Builder b, List<List<Object>> rows) {
        List<String> head = MediationFormat.APIMEM_CSV_HEADER;
        for (List<Object> row : rows) {
            String kind = row.get(0).toString();
            TidyTable.Row t = b.row(kind.equals("path") ? "paths" : kind);
            for (int c = 1; c < head.size(); c++) {
                Object v = row.get(c);
                t.put(c == 1 ? "term" : head.get(c), "".equals(v) ? null : v);
            }
        }
    }

    @Override
    public TidyTable tables(ApimemResult r) {
        TidyTable.Builder b = TidyTable.builder();
        add(b, MediationFormat.csv(r));
        for (TotalEffect e : r.total()) {
            Interval ci = e.biasCorrected().or(e::percentile).orElse(null);
            b.row("total").put("term", "total").put("effect", e.effect().label()).put("role", e.role())
                    .put("estimate", e.total()).put("direct", e.direct()).put("indirect", e.indirect())
                    .put("percent_mediated", e.percentMediated().isPresent() ? e.percentMediated().getAsDouble() : null)
                    .put("ci_lower", ci == null ? null : ci.lower()).put("ci_upper", ci == null ? null : ci.upper())
                    .put("ci_method", ci == null ? null : ci.kind().label());
        }
        SampleJson.rows(b, r.sample());
        return b.build();
    }
}
