package org.dyadkit.report.nonindependence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dyadkit.nonindependence.DistinguishableNonindependence;
import org.dyadkit.nonindependence.IndistinguishableNonindependence;
import org.dyadkit.nonindependence.MeanDifference;
import org.dyadkit.nonindependence.NonindependenceResult;
import org.dyadkit.nonindependence.PitmanMorgan;
import org.dyadkit.nonindependence.RoleSummary;
import org.dyadkit.report.Formats;
import org.dyadkit.report.Renderer;
import org.dyadkit.report.SampleJson;
import org.dyadkit.report.TidyTable;

/**
 * Text, JSON and CSV of the nonindependence of one or more variables ({@code dyadkit nonindependence}). JSON:
 * {@code variables}, one object per variable with its statistics, {@code role_summaries} as rows with a
 * {@code role}, and its {@code sample}. CSV: the tables {@code nonindependence} (one row per variable and
 * statistic), {@code role_summaries} and {@code sample} (with a {@code variable} cell).
 */
public final class NonindependenceRenderer implements Renderer<List<NonindependenceResult>> {
    private final String inputLine;

    private NonindependenceRenderer(String inputLine) {
        this.inputLine = inputLine;
    }

    /** A renderer whose text starts with the given line about the input. */
    public static NonindependenceRenderer of(String inputLine) {
        return new NonindependenceRenderer(inputLine);
    }

    @Override
    public ObjectNode json(List<NonindependenceResult> results) {
        List<Object> vars = new ArrayList<>();
        for (NonindependenceResult r : results) {
            vars.add(variable(r));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("analysis", "nonindependence");
        m.put("variables", vars);
        return Formats.object(m);
    }

    private static Map<String, Object> variable(NonindependenceResult res) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variable", res.variable());
        m.put("n_dyads", res.nDyads());
        if (res instanceof DistinguishableNonindependence d) {
            m.put("roles", d.roles());
            m.put("pearson_r", d.pearsonR());
            m.put("fisher_ci_lower", d.fisherCiLower());
            m.put("fisher_ci_upper", d.fisherCiUpper());
            m.put("t", d.t());
            m.put("df", d.df());
            m.put("p", d.p());
            PitmanMorgan pm = d.pitmanMorgan();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("n", pm.n());
            p.put("sd1", pm.sd1());
            p.put("sd2", pm.sd2());
            p.put("t", pm.t());
            p.put("df", pm.df());
            p.put("p", pm.p());
            m.put("pitman_morgan", p);
            List<Object> roles = new ArrayList<>();
            for (RoleSummary s : d.roleSummaries()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("role", s.role());
                r.put("n", s.n());
                r.put("mean", s.mean());
                r.put("sd", s.sd());
                roles.add(r);
            }
            m.put("role_summaries", roles);
            MeanDifference md = d.meanDifference();
            Map<String, Object> diff = new LinkedHashMap<>();
            diff.put("n", md.n());
            diff.put("mean1", md.mean1());
            diff.put("mean2", md.mean2());
            diff.put("sd1", md.sd1());
            diff.put("sd2", md.sd2());
            diff.put("mean_difference", md.meanDifference());
            diff.put("sd_difference", md.sdDifference());
            diff.put("t", md.t());
            diff.put("df", md.df());
            diff.put("p", md.p());
            diff.put("d", md.d());
            diff.put("d_av", md.dAv());
            m.put("mean_difference", diff);
        } else {
            IndistinguishableNonindependence d = (IndistinguishableNonindependence) res;
            m.put("anova_icc", d.anovaIcc());
            m.put("ms_between", d.msBetween());
            m.put("ms_within", d.msWithin());
            m.put("f", d.f());
            m.put("df1", d.df1());
            m.put("df2", d.df2());
            m.put("p", d.p());
            m.put("pairwise_r", d.pairwiseR());
            m.put("z", d.z());
            m.put("pairwise_p", d.pairwiseP());
        }
        m.put("sample", SampleJson.json(res.sample()));
        return m;
    }

    @Override
    public TidyTable tables(List<NonindependenceResult> results) {
        TidyTable.Builder b = TidyTable.builder();
        for (NonindependenceResult res : results) {
            if (res instanceof DistinguishableNonindependence d) {
                b.row("nonindependence").put("variable", d.variable()).put("statistic", "partner_r")
                        .put("n_dyads", d.nDyads()).put("estimate", d.pearsonR()).put("ci_lower", d.fisherCiLower())
                        .put("ci_upper", d.fisherCiUpper()).put("test", "t").put("value", d.t()).put("df", d.df())
                        .put("p", d.p());
                PitmanMorgan pm = d.pitmanMorgan();
                b.row("nonindependence").put("variable", d.variable()).put("statistic", "pitman_morgan")
                        .put("n_dyads", pm.n()).put("test", "t").put("value", pm.t()).put("df", pm.df()).put("p", pm.p());
                MeanDifference md = d.meanDifference();
                b.row("nonindependence").put("variable", d.variable()).put("statistic", "mean_difference")
                        .put("n_dyads", md.n()).put("estimate", md.meanDifference()).put("test", "paired_t")
                        .put("value", md.t()).put("df", md.df()).put("p", md.p()).put("d", md.d()).put("d_av", md.dAv());
                for (RoleSummary s : d.roleSummaries()) {
                    b.row("role_summaries").put("variable", d.variable()).put("role", s.role()).put("n", s.n())
                            .put("mean", s.mean()).put("sd", s.sd());
                }
            } else {
                IndistinguishableNonindependence d = (IndistinguishableNonindependence) res;
                b.row("nonindependence").put("variable", d.variable()).put("statistic", "anova_icc")
                        .put("n_dyads", d.nDyads()).put("estimate", d.anovaIcc()).put("test", "F").put("value", d.f())
                        .put("df", d.df1()).put("df2", d.df2()).put("p", d.p()).put("ms_between", d.msBetween())
                        .put("ms_within", d.msWithin());
                b.row("nonindependence").put("variable", d.variable()).put("statistic", "pairwise_icc")
                        .put("n_dyads", d.nDyads()).put("estimate", d.pairwiseR()).put("test", "z").put("value", d.z())
                        .put("p", d.pairwiseP());
            }
        }
        for (NonindependenceResult res : results) {
            TidyTable.Builder s = TidyTable.builder();
            SampleJson.rows(s, res.sample());
            for (Map<String, Object> row : s.build().rows()) {
                TidyTable.Row r = b.row("sample").put("variable", res.variable());
                row.forEach((k, v) -> {
                    if (!k.equals("table")) {
                        r.put(k, v);
                    }
                });
            }
        }
        return b.build();
    }

    @Override
    public String text(List<NonindependenceResult> results) {
        StringBuilder sb = new StringBuilder();
        boolean dist = !results.isEmpty() && results.get(0) instanceof DistinguishableNonindependence;
        sb.append("Nonindependence: ").append(dist ? "distinguishable dyads (roles " + String.join(", ",
                ((DistinguishableNonindependence) results.get(0)).roles()) + ")" : "indistinguishable dyads")
                .append('\n');
        sb.append(inputLine).append("\n");
        for (NonindependenceResult res : results) {
            sb.append('\n');
            if (res instanceof DistinguishableNonindependence d) {
                sb.append(d.variable()).append(": ").append(d.nDyads()).append(" dyads with both values\n");
                sb.append("  ").append(SampleJson.text(d.sample()).replace("\n  excluded", "\n    excluded"));
                List<List<String>> t = new ArrayList<>();
                t.add(List.of("", "estimate", "95% CI", "statistic", "df", "p"));
                t.add(List.of("  partner r", Formats.fixed(d.pearsonR(), 4),
                        "[" + Formats.fixed(d.fisherCiLower(), 4) + ", " + Formats.fixed(d.fisherCiUpper(), 4)
                                + "]", "t = " + Formats.fixed(d.t(), 3), Formats.number(d.df()),
                        Formats.pValue(d.p())));
                t.add(List.of("  equal variances (Pitman-Morgan)", "SD " + Formats.fixed(d.pitmanMorgan().sd1(), 4)
                        + " vs " + Formats.fixed(d.pitmanMorgan().sd2(), 4), "", "t = "
                        + Formats.fixed(d.pitmanMorgan().t(), 3), Formats.number(d.pitmanMorgan().df()),
                        Formats.pValue(d.pitmanMorgan().p())));
                var md = d.meanDifference();
                t.add(List.of("  mean difference " + d.roles().get(0) + " - " + d.roles().get(1),
                        Formats.fixed(md.meanDifference(), 4), "d = " + Formats.fixed(md.d(), 3) + ", d_av = "
                        + Formats.fixed(md.dAv(), 3), "t = " + Formats.fixed(md.t(), 3),
                        Formats.number(md.df()), Formats.pValue(md.p())));
                sb.append(Formats.table(t));
                for (RoleSummary s : d.roleSummaries()) {
                    sb.append("  ").append(s.role()).append(": mean ").append(Formats.fixed(s.mean(), 4))
                            .append(", SD ").append(Formats.fixed(s.sd(), 4)).append(" (n = ").append(s.n())
                            .append(")\n");
                }
            } else {
                IndistinguishableNonindependence d = (IndistinguishableNonindependence) res;
                sb.append(d.variable()).append(": ").append(d.nDyads()).append(" dyads with both values\n");
                sb.append("  ").append(SampleJson.text(d.sample()).replace("\n  excluded", "\n    excluded"));
                List<List<String>> t = new ArrayList<>();
                t.add(List.of("", "estimate", "statistic", "df", "p"));
                t.add(List.of("  ANOVA intraclass r", Formats.fixed(d.anovaIcc(), 4), "F = " + Formats.fixed(d.f(), 3),
                        Formats.number(d.df1()) + ", " + Formats.number(d.df2()), Formats.pValue(d.p())));
                t.add(List.of("  pairwise intraclass r", Formats.fixed(d.pairwiseR(), 4),
                        "z = " + Formats.fixed(d.z(), 3), "", Formats.pValue(d.pairwiseP())));
                sb.append(Formats.table(t));
                sb.append("  MS between ").append(Formats.fixed(d.msBetween(), 5)).append(", MS within ")
                        .append(Formats.fixed(d.msWithin(), 5)).append(d.anovaIcc() < 0
                                ? "; F is MS within / MS between because the intraclass r is negative\n" : "\n");
            }
        }
        sb.append("\np values are two-tailed.\n");
        return sb.toString();
    }
}
