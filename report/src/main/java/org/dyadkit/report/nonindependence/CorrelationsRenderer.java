package org.dyadkit.report.nonindependence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.dyadkit.nonindependence.CorrelationRow;
import org.dyadkit.nonindependence.CrossPartnerCorrelations;
import org.dyadkit.nonindependence.DistinguishableCorrelations;
import org.dyadkit.nonindependence.ExchangeableCorrelations;
import org.dyadkit.nonindependence.ExchangeableRow;
import org.dyadkit.nonindependence.IntraclassRow;
import org.dyadkit.report.Formats;
import org.dyadkit.report.Renderer;
import org.dyadkit.report.SampleJson;
import org.dyadkit.report.TidyTable;

/**
 * Text, JSON and CSV of a within-person and cross-partner correlation table ({@code dyadkit correlate}).
 * JSON rows carry {@code x_role}/{@code y_role} (distinguishable) and the {@code sample}; CSV: the tables
 * {@code correlations} (distinguishable), {@code intraclass} and {@code pairs} (indistinguishable) and
 * {@code sample}.
 */
public final class CorrelationsRenderer implements Renderer<CrossPartnerCorrelations> {
    private final String inputLine;

    private CorrelationsRenderer(String inputLine) {
        this.inputLine = inputLine;
    }

    /** A renderer whose text starts with the given line about the input. */
    public static CorrelationsRenderer of(String inputLine) {
        return new CorrelationsRenderer(inputLine);
    }

    private static Double d(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    /** Why the individual-level t and p are absent. */
    static final String INDIVIDUAL_REASON = "the individual-level correlation is +-1 (a variable is a linear function "
            + "of the other within persons), so its t is infinite";
    /** Why the dyad-level r, z and p are absent. */
    static final String DYAD_REASON = "the dyad-level correlation needs both intraclass correlations positive";

    /**
     * The individual-level t, absent when {@code |r| = 1} up to rounding: there {@code 1 - r^2} is rounding noise
     * and t (about 1e8 for r = 1 - 1e-15) would be an artefact of it.
     */
    private static Double individualT(ExchangeableRow r) {
        return Math.abs(r.individualR()) >= 1 - 1e-12 ? null : d(r.individualT());
    }

    private static Double individualP(ExchangeableRow r) {
        return Math.abs(r.individualR()) >= 1 - 1e-12 ? null : d(r.individualP());
    }

    @Override
    public ObjectNode json(CrossPartnerCorrelations table) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("analysis", "correlate");
        m.put("variables", table.variables());
        if (table instanceof DistinguishableCorrelations d) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CorrelationRow r : d.rows()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("x", r.x());
                row.put("x_role", r.xRole());
                row.put("y", r.y());
                row.put("y_role", r.yRole());
                row.put("type", r.type().label());
                row.put("n", r.n());
                row.put("r", r.r());
                row.put("ci_lower", r.ciLower());
                row.put("ci_upper", r.ciUpper());
                row.put("t", r.t());
                row.put("df", r.df());
                row.put("p", r.p());
                rows.add(row);
            }
            m.put("rows", rows);
        } else {
            ExchangeableCorrelations e = (ExchangeableCorrelations) table;
            List<Map<String, Object>> icc = new ArrayList<>();
            for (IntraclassRow r : e.intraclass()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("variable", r.variable());
                row.put("n", r.n());
                row.put("r", r.r());
                row.put("z", r.z());
                row.put("p", r.p());
                icc.add(row);
            }
            m.put("intraclass", icc);
            List<Map<String, Object>> pairs = new ArrayList<>();
            for (ExchangeableRow r : e.pairs()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("x", r.x());
                row.put("y", r.y());
                row.put("n", r.n());
                row.put("r_xx", r.rXx());
                row.put("r_yy", r.rYy());
                row.put("overall_r", r.overallR());
                row.put("overall_z", r.overallZ());
                row.put("overall_p", r.overallP());
                row.put("cross_r", r.crossR());
                row.put("cross_z", r.crossZ());
                row.put("cross_p", r.crossP());
                row.put("individual_r", r.individualR());
                Formats.putOr(row, "individual_t", individualT(r), INDIVIDUAL_REASON);
                row.put("individual_df", r.individualDf());
                Formats.putOr(row, "individual_p", individualP(r), INDIVIDUAL_REASON);
                Formats.putOr(row, "dyad_r", d(r.dyadR()), DYAD_REASON);
                Formats.putOr(row, "dyad_z", d(r.dyadZ()), DYAD_REASON);
                Formats.putOr(row, "dyad_p", d(r.dyadP()), DYAD_REASON);
                pairs.add(row);
            }
            m.put("pairs", pairs);
        }
        m.put("sample", SampleJson.json(table.sample()));
        return Formats.object(m);
    }

    @Override
    public TidyTable tables(CrossPartnerCorrelations table) {
        TidyTable.Builder b = TidyTable.builder();
        if (table instanceof DistinguishableCorrelations dc) {
            for (CorrelationRow r : dc.rows()) {
                b.row("correlations").put("x", r.x()).put("x_role", r.xRole()).put("y", r.y()).put("y_role", r.yRole())
                        .put("type", r.type().label()).put("n", r.n()).put("r", r.r()).put("ci_lower", r.ciLower())
                        .put("ci_upper", r.ciUpper()).put("statistic", r.t()).put("df", r.df()).put("p", r.p());
            }
        } else {
            ExchangeableCorrelations e = (ExchangeableCorrelations) table;
            for (IntraclassRow r : e.intraclass()) {
                b.row("correlations").put("x", r.variable()).put("y", r.variable()).put("type", "intraclass")
                        .put("n", r.n()).put("r", r.r()).put("statistic", r.z()).put("p", r.p());
            }
            for (ExchangeableRow r : e.pairs()) {
                b.row("correlations").put("x", r.x()).put("y", r.y()).put("type", "overall").put("n", r.n())
                        .put("r", r.overallR()).put("statistic", r.overallZ()).put("p", r.overallP());
                b.row("correlations").put("x", r.x()).put("y", r.y()).put("type", "cross_intraclass").put("n", r.n())
                        .put("r", r.crossR()).put("statistic", r.crossZ()).put("p", r.crossP());
                b.row("correlations").put("x", r.x()).put("y", r.y()).put("type", "individual_level").put("n", r.n())
                        .put("r", r.individualR()).put("statistic", individualT(r)).put("df", r.individualDf())
                        .put("p", individualP(r));
                b.row("correlations").put("x", r.x()).put("y", r.y()).put("type", "dyad_level").put("n", r.n())
                        .put("r", d(r.dyadR())).put("statistic", d(r.dyadZ())).put("p", d(r.dyadP()));
            }
        }
        SampleJson.rows(b, table.sample());
        return b.build();
    }

    @Override
    public String text(CrossPartnerCorrelations table) {
        StringBuilder sb = new StringBuilder();
        sb.append("Correlations: ").append(table instanceof DistinguishableCorrelations d
                ? "distinguishable dyads (roles " + String.join(", ", d.roles()) + ")"
                : "indistinguishable dyads (Griffin & Gonzalez 1995)").append('\n');
        sb.append(inputLine).append("\n");
        sb.append(SampleJson.text(table.sample())).append('\n');
        List<List<String>> t = new ArrayList<>();
        if (table instanceof DistinguishableCorrelations d) {
            t.add(List.of("x", "y", "type", "n", "r", "95% CI", "t", "df", "p"));
            for (CorrelationRow r : d.rows()) {
                t.add(List.of(r.x() + " (" + r.xRole() + ")", r.y() + " (" + r.yRole() + ")", r.type().label(),
                        String.valueOf(r.n()), Formats.fixed(r.r(), 4), "[" + Formats.fixed(r.ciLower(), 4)
                        + ", " + Formats.fixed(r.ciUpper(), 4) + "]", Formats.fixed(r.t(), 3),
                        Formats.number(r.df()), Formats.pValue(r.p())));
            }
            sb.append(Formats.table(t));
        } else {
            ExchangeableCorrelations e = (ExchangeableCorrelations) table;
            List<String> notes = new ArrayList<>();
            t.add(List.of("x", "y", "type", "n", "r", "z or t", "p"));
            for (IntraclassRow r : e.intraclass()) {
                t.add(List.of(r.variable(), r.variable(), "intraclass", String.valueOf(r.n()),
                        Formats.fixed(r.r(), 4), "z = " + Formats.fixed(r.z(), 3), Formats.pValue(r.p())));
            }
            for (ExchangeableRow r : e.pairs()) {
                String n = String.valueOf(r.n());
                t.add(List.of(r.x(), r.y(), "overall", n, Formats.fixed(r.overallR(), 4),
                        "z = " + Formats.fixed(r.overallZ(), 3), Formats.pValue(r.overallP())));
                t.add(List.of(r.x(), r.y(), "cross-intraclass", n, Formats.fixed(r.crossR(), 4),
                        "z = " + Formats.fixed(r.crossZ(), 3), Formats.pValue(r.crossP())));
                t.add(List.of(r.x(), r.y(), "individual-level", n, Formats.fixed(r.individualR(), 4),
                        "t(" + Formats.number(r.individualDf()) + ") = " + Formats.fixed(individualT(r), 3),
                        Formats.pValue(individualP(r))));
                if (individualT(r) == null) {
                    notes.add("NA: individual-level t and p of " + r.x() + " with " + r.y() + ": " + INDIVIDUAL_REASON
                            + ".");
                }
                t.add(List.of(r.x(), r.y(), "dyad-level", n, Formats.fixed(d(r.dyadR()), 4),
                        "z = " + Formats.fixed(d(r.dyadZ()), 3), Formats.pValue(d(r.dyadP()))));
            }
            sb.append(Formats.table(t));
            sb.append("\noverall: each person's x with their own y; cross-intraclass: x with the partner's y.\n")
                    .append("NA: dyad-level r needs both intraclass correlations positive.\n");
            notes.forEach(line -> sb.append(line).append('\n'));
        }
        sb.append("\np values are two-tailed; each correlation uses the dyads with its values (n).\n");
        return sb.toString();
    }
}
