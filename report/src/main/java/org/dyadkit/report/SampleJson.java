package org.dyadkit.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyadkit.dyad.Sample;

/** The {@code sample} object, text lines and tidy rows every analysis result shares. */
public final class SampleJson {
    private SampleJson() {
    }

    /** {@code {"persons_in_file", "dyads_in_file", "persons_used", "dyads_used", "excluded": [{"reason", "persons"}]}}. */
    public static ObjectNode json(Sample s) {
        ObjectNode o = Formats.object();
        o.put("persons_in_file", s.personsInFile());
        o.put("dyads_in_file", s.dyadsInFile());
        o.put("persons_used", s.personsUsed());
        o.put("dyads_used", s.dyadsUsed());
        ArrayNode ex = o.putArray("excluded");
        for (Sample.Exclusion e : s.excluded()) {
            ex.addObject().put("reason", e.reason()).put("persons", e.persons());
        }
        return o;
    }

    /** The text lines: {@code Sample: 221 of 299 persons in 148 of 150 dyads}, then one line per reason. */
    public static String text(Sample s) {
        StringBuilder sb = new StringBuilder();
        sb.append("Sample: ").append(s.personsUsed()).append(" of ").append(s.personsInFile()).append(" persons in ")
                .append(s.dyadsUsed()).append(" of ").append(s.dyadsInFile()).append(" dyads\n");
        for (Sample.Exclusion e : s.excluded()) {
            sb.append("  excluded: ").append(e.persons()).append(' ').append(e.persons() == 1 ? "person" : "persons")
                    .append(", ").append(e.reason()).append('\n');
        }
        return sb.toString();
    }

    /** Adds the {@code sample} rows ({@code quantity}, {@code value}) to a tidy table. */
    public static void rows(TidyTable.Builder b, Sample s) {
        b.row("sample").put("quantity", "persons_in_file").put("value", s.personsInFile());
        b.row("sample").put("quantity", "dyads_in_file").put("value", s.dyadsInFile());
        b.row("sample").put("quantity", "persons_used").put("value", s.personsUsed());
        b.row("sample").put("quantity", "dyads_used").put("value", s.dyadsUsed());
        for (Sample.Exclusion e : s.excluded()) {
            b.row("sample").put("quantity", "excluded").put("reason", e.reason()).put("value", e.persons());
        }
    }
}
