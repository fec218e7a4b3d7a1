package org.dyadkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.nonindependence.CorrelationRow;
import org.dyadkit.nonindependence.CrossPartner;
import org.dyadkit.nonindependence.CrossPartnerCorrelations;
import org.dyadkit.nonindependence.DistinguishableCorrelations;
import org.dyadkit.nonindependence.ExchangeableCorrelations;
import org.dyadkit.nonindependence.ExchangeableRow;
import org.dyadkit.nonindependence.IntraclassRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dyadkit correlate}: the within-person and cross-partner correlation table of {@link CrossPartner}.
 */
@Command(name = "correlate", mixinStandardHelpOptions = true,
        description = {"Within-person and cross-partner correlations of a set of variables.",
            "Distinguishable dyads (--role): for each variable the partner r; for each pair X, Y the within-person"
                + " r in each role and the cross-partner r (first role's X with second role's Y and the reverse),"
                + " each with n, 95%% Fisher-z CI, t and p.",
            "Indistinguishable dyads: Griffin-Gonzalez (1995) pairwise intraclass r per variable, and per pair the"
                + " overall (within-person) and cross-intraclass (cross-partner) r with z tests, and the"
                + " individual- and dyad-level r."},
        footer = {"", "Example:",
            "  dyadkit correlate --input data-samples/acitelli_individual.csv \\",
            "      --dyad cuplid --role gender --roles 1,-1 \\",
            "      --vars satisfaction,tension,other_pos --format csv"})
public final class CorrelateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DyadicInputOptions in;

    @Mixin
    OutputFormat.Option format;

    @Option(names = "--vars", required = true, split = ",", paramLabel = "A,B,...",
            description = "Variables to correlate (comma-separated, or repeat the option).")
    List<String> vars;

    @Override
    public Integer call() {
        OptionChecks.names(spec.commandLine(), "--vars", vars, "satisfaction,tension");
        DyadicData data = in.read();
        CrossPartnerCorrelations table = CrossPartner.of(data).withVariables(vars).fit();
        PrintWriter out = spec.commandLine().getOut();
        switch (format.format()) {
            case JSON -> OutputFormat.writeJson(out, json(data, table));
            case CSV -> csv(out, table);
            case TEXT -> out.print(text(data, table));
        }
        out.flush();
        return 0;
    }

    private Map<String, Object> json(DyadicData data, CrossPartnerCorrelations table) {
        Map<String, Object> m = in.jsonHeader("correlate", data);
        m.put("variables", table.variables());
        if (table instanceof DistinguishableCorrelations d) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CorrelationRow r : d.rows()) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
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
                Map<String, Object> row = new java.util.LinkedHashMap<>();
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
                Map<String, Object> row = new java.util.LinkedHashMap<>();
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
                row.put("individual_t", MediationReport.d(r.individualT()));
                row.put("individual_df", r.individualDf());
                row.put("individual_p", MediationReport.d(r.individualP()));
                row.put("dyad_r", MediationReport.d(r.dyadR()));
                row.put("dyad_z", MediationReport.d(r.dyadZ()));
                row.put("dyad_p", MediationReport.d(r.dyadP()));
                pairs.add(row);
            }
            m.put("pairs", pairs);
        }
        return m;
    }

    private static void csv(PrintWriter out, CrossPartnerCorrelations table) {
        List<List<Object>> rows = new ArrayList<>();
        if (table instanceof DistinguishableCorrelations d) {
            for (CorrelationRow r : d.rows()) {
                rows.add(List.of(r.x(), r.xRole(), r.y(), r.yRole(), r.type().label(), r.n(), r.r(), r.ciLower(), r.ciUpper(),
                        r.t(), r.df(), r.p()));
            }
            OutputFormat.writeCsv(out, List.of("x", "x_role", "y", "y_role", "type", "n", "r", "ci_lower", "ci_upper",
                    "t", "df", "p"), rows);
            return;
        }
        ExchangeableCorrelations e = (ExchangeableCorrelations) table;
        for (IntraclassRow r : e.intraclass()) {
            rows.add(Arrays.asList(r.variable(), r.variable(), "intraclass", r.n(), r.r(), r.z(), null, null, r.p()));
        }
        for (ExchangeableRow r : e.pairs()) {
            rows.add(Arrays.asList(r.x(), r.y(), "overall", r.n(), r.overallR(), r.overallZ(), null, null, r.overallP()));
            rows.add(Arrays.asList(r.x(), r.y(), "cross_intraclass", r.n(), r.crossR(), r.crossZ(), null, null,
                    r.crossP()));
            rows.add(Arrays.asList(r.x(), r.y(), "individual_level", r.n(), r.individualR(), null, MediationReport.d(r.individualT()),
                    r.individualDf(), MediationReport.d(r.individualP())));
            rows.add(Arrays.asList(r.x(), r.y(), "dyad_level", r.n(), MediationReport.d(r.dyadR()), MediationReport.d(r.dyadZ()), null, null, MediationReport.d(r.dyadP())));
        }
        OutputFormat.writeCsv(out, List.of("x", "y", "type", "n", "r", "z", "t", "df", "p"), rows);
    }

    private String text(DyadicData data, CrossPartnerCorrelations table) {
        StringBuilder sb = new StringBuilder();
        sb.append("Correlations: ").append(data.distinguishable()
                ? "distinguishable dyads (roles " + String.join(", ", data.roles()) + ")"
                : "indistinguishable dyads (Griffin & Gonzalez 1995)").append('\n');
        sb.append(in.inputLine(data)).append("\n\n");
        List<List<String>> t = new ArrayList<>();
        if (table instanceof DistinguishableCorrelations d) {
            t.add(List.of("x", "y", "type", "n", "r", "95% CI", "t", "df", "p"));
            for (CorrelationRow r : d.rows()) {
                t.add(List.of(r.x() + " (" + r.xRole() + ")", r.y() + " (" + r.yRole() + ")", r.type().label(),
                        String.valueOf(r.n()), OutputFormat.fixed(r.r(), 4), "[" + OutputFormat.fixed(r.ciLower(), 4)
                        + ", " + OutputFormat.fixed(r.ciUpper(), 4) + "]", OutputFormat.fixed(r.t(), 3),
                        OutputFormat.number(r.df()), OutputFormat.pValue(r.p())));
            }
            sb.append(OutputFormat.table(t));
        } else {
            ExchangeableCorrelations e = (ExchangeableCorrelations) table;
            t.add(List.of("x", "y", "type", "n", "r", "z or t", "p"));
            for (IntraclassRow r : e.intraclass()) {
                t.add(List.of(r.variable(), r.variable(), "intraclass", String.valueOf(r.n()),
                        OutputFormat.fixed(r.r(), 4), "z = " + OutputFormat.fixed(r.z(), 3), OutputFormat.pValue(r.p())));
            }
            for (ExchangeableRow r : e.pairs()) {
                String n = String.valueOf(r.n());
                t.add(List.of(r.x(), r.y(), "overall", n, OutputFormat.fixed(r.overallR(), 4),
                        "z = " + OutputFormat.fixed(r.overallZ(), 3), OutputFormat.pValue(r.overallP())));
                t.add(List.of(r.x(), r.y(), "cross-intraclass", n, OutputFormat.fixed(r.crossR(), 4),
                        "z = " + OutputFormat.fixed(r.crossZ(), 3), OutputFormat.pValue(r.crossP())));
                t.add(List.of(r.x(), r.y(), "individual-level", n, OutputFormat.fixed(r.individualR(), 4),
                        "t(" + OutputFormat.number(r.individualDf()) + ") = " + OutputFormat.fixed(MediationReport.d(r.individualT()), 3),
                        OutputFormat.pValue(MediationReport.d(r.individualP()))));
                t.add(List.of(r.x(), r.y(), "dyad-level", n, OutputFormat.fixed(MediationReport.d(r.dyadR()), 4),
                        "z = " + OutputFormat.fixed(MediationReport.d(r.dyadZ()), 3), OutputFormat.pValue(MediationReport.d(r.dyadP()))));
            }
            sb.append(OutputFormat.table(t));
            sb.append("\noverall: each person's x with their own y; cross-intraclass: x with the partner's y.\n")
                    .append("NA: dyad-level r needs both intraclass correlations positive.\n");
        }
        sb.append("\np values are two-tailed; each correlation uses the dyads with its values (n).\n");
        return sb.toString();
    }
}
