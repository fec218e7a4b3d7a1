package org.dyadkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.nonindependence.DistinguishableNonindependence;
import org.dyadkit.nonindependence.IndistinguishableNonindependence;
import org.dyadkit.nonindependence.Nonindependence;
import org.dyadkit.nonindependence.NonindependenceResult;
import org.dyadkit.nonindependence.RoleSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dyadkit nonindependence}: {@link Nonindependence} for one or more variables.
 */
@Command(name = "nonindependence", mixinStandardHelpOptions = true,
        description = {"How similar the two members of a dyad are on each variable.",
            "Distinguishable dyads (--role): partner Pearson r with t test and Fisher-z 95%% CI, Pitman-Morgan test"
                + " of equal variances, each role's mean and SD, the within-dyad role difference (paired t, d).",
            "Indistinguishable dyads: ANOVA intraclass correlation with its two-tailed F test (reciprocal F when"
                + " negative) and the pairwise (double-entry) intraclass correlation with its z test.",
            "A dyad missing a member's value drops out of that variable's statistics; the count used is shown."},
        footer = {"", "Example:",
            "  dyadkit nonindependence --input data-samples/acitelli_individual.csv \\",
            "      --dyad cuplid --role gender --roles 1,-1 --var satisfaction \\",
            "      --var tension --format json",
            "  dyadkit nonindependence --input data-samples/acitelli_pairwise.csv \\",
            "      --layout pairwise --dyad CoupleID --indistinguishable --var Satisfaction"})
public final class NonindependenceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DyadicInputOptions in;

    @Mixin
    OutputFormat.Option format;

    @Option(names = "--var", required = true, split = ",", paramLabel = "VAR",
            description = "Variable to analyse (repeatable, or comma-separated).")
    List<String> vars;

    @Override
    public Integer call() {
        OptionChecks.names(spec.commandLine(), "--var", vars, "satisfaction");
        DyadicData data = in.read();
        List<NonindependenceResult> results = Nonindependence.of(data).fit(vars);
        PrintWriter out = spec.commandLine().getOut();
        switch (format.format()) {
            case JSON -> OutputFormat.writeJson(out, json(data, results));
            case CSV -> csv(out, data, results);
            case TEXT -> out.print(text(data, results));
        }
        out.flush();
        return 0;
    }

    private Map<String, Object> json(DyadicData data, List<NonindependenceResult> results) {
        Map<String, Object> m = in.jsonHeader("nonindependence", data);
        m.put("variables", results);
        return m;
    }

    private static void csv(PrintWriter out, DyadicData data, List<NonindependenceResult> results) {
        List<List<Object>> rows = new ArrayList<>();
        if (data.distinguishable()) {
            List<String> r = data.roles();
            List<String> header = List.of("variable", "n_dyads", "pearson_r", "fisher_ci_lower", "fisher_ci_upper", "t",
                    "df", "p", "pitman_morgan_t", "pitman_morgan_df", "pitman_morgan_p", "n_" + r.get(0),
                    "mean_" + r.get(0), "sd_" + r.get(0), "n_" + r.get(1), "mean_" + r.get(1), "sd_" + r.get(1),
                    "mean_difference", "sd_difference", "paired_t", "paired_df", "paired_p", "d", "d_av");
            for (NonindependenceResult res : results) {
                DistinguishableNonindependence d = (DistinguishableNonindependence) res;
                RoleSummary a = d.roleSummaries().get(0);
                RoleSummary b = d.roleSummaries().get(1);
                rows.add(List.of(d.variable(), d.nDyads(), d.pearsonR(), d.fisherCiLower(), d.fisherCiUpper(), d.t(),
                        d.df(), d.p(), d.pitmanMorgan().t(), d.pitmanMorgan().df(), d.pitmanMorgan().p(), a.n(),
                        a.mean(), a.sd(), b.n(), b.mean(), b.sd(), d.meanDifference().meanDifference(),
                        d.meanDifference().sdDifference(), d.meanDifference().t(), d.meanDifference().df(),
                        d.meanDifference().p(), d.meanDifference().d(), d.meanDifference().dAv()));
            }
            OutputFormat.writeCsv(out, header, rows);
        } else {
            List<String> header = List.of("variable", "n_dyads", "anova_icc", "ms_between", "ms_within", "f", "df1",
                    "df2", "p", "pairwise_r", "z", "pairwise_p");
            for (NonindependenceResult res : results) {
                IndistinguishableNonindependence d = (IndistinguishableNonindependence) res;
                rows.add(List.of(d.variable(), d.nDyads(), d.anovaIcc(), d.msBetween(), d.msWithin(), d.f(), d.df1(),
                        d.df2(), d.p(), d.pairwiseR(), d.z(), d.pairwiseP()));
            }
            OutputFormat.writeCsv(out, header, rows);
        }
    }

    private String text(DyadicData data, List<NonindependenceResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append("Nonindependence: ").append(data.distinguishable()
                ? "distinguishable dyads (roles " + String.join(", ", data.roles()) + ")" : "indistinguishable dyads")
                .append('\n');
        sb.append(in.inputLine(data)).append("\n");
        for (NonindependenceResult res : results) {
            sb.append('\n');
            if (res instanceof DistinguishableNonindependence d) {
                sb.append(d.variable()).append(": ").append(d.nDyads()).append(" dyads with both values\n");
                List<List<String>> t = new ArrayList<>();
                t.add(List.of("", "estimate", "95% CI", "statistic", "df", "p"));
                t.add(List.of("  partner r", OutputFormat.fixed(d.pearsonR(), 4),
                        "[" + OutputFormat.fixed(d.fisherCiLower(), 4) + ", " + OutputFormat.fixed(d.fisherCiUpper(), 4)
                                + "]", "t = " + OutputFormat.fixed(d.t(), 3), OutputFormat.number(d.df()),
                        OutputFormat.pValue(d.p())));
                t.add(List.of("  equal variances (Pitman-Morgan)", "SD " + OutputFormat.fixed(d.pitmanMorgan().sd1(), 4)
                        + " vs " + OutputFormat.fixed(d.pitmanMorgan().sd2(), 4), "", "t = "
                        + OutputFormat.fixed(d.pitmanMorgan().t(), 3), OutputFormat.number(d.pitmanMorgan().df()),
                        OutputFormat.pValue(d.pitmanMorgan().p())));
                var md = d.meanDifference();
                t.add(List.of("  mean difference " + d.roles().get(0) + " - " + d.roles().get(1),
                        OutputFormat.fixed(md.meanDifference(), 4), "d = " + OutputFormat.fixed(md.d(), 3) + ", d_av = "
                        + OutputFormat.fixed(md.dAv(), 3), "t = " + OutputFormat.fixed(md.t(), 3),
                        OutputFormat.number(md.df()), OutputFormat.pValue(md.p())));
                sb.append(OutputFormat.table(t));
                for (RoleSummary s : d.roleSummaries()) {
                    sb.append("  ").append(s.role()).append(": mean ").append(OutputFormat.fixed(s.mean(), 4))
                            .append(", SD ").append(OutputFormat.fixed(s.sd(), 4)).append(" (n = ").append(s.n())
                            .append(")\n");
                }
            } else {
                IndistinguishableNonindependence d = (IndistinguishableNonindependence) res;
                sb.append(d.variable()).append(": ").append(d.nDyads()).append(" dyads with both values\n");
                List<List<String>> t = new ArrayList<>();
                t.add(List.of("", "estimate", "statistic", "df", "p"));
                t.add(List.of("  ANOVA intraclass r", OutputFormat.fixed(d.anovaIcc(), 4), "F = " + OutputFormat.fixed(d.f(), 3),
                        OutputFormat.number(d.df1()) + ", " + OutputFormat.number(d.df2()), OutputFormat.pValue(d.p())));
                t.add(List.of("  pairwise intraclass r", OutputFormat.fixed(d.pairwiseR(), 4),
                        "z = " + OutputFormat.fixed(d.z(), 3), "", OutputFormat.pValue(d.pairwiseP())));
                sb.append(OutputFormat.table(t));
                sb.append("  MS between ").append(OutputFormat.fixed(d.msBetween(), 5)).append(", MS within ")
                        .append(OutputFormat.fixed(d.msWithin(), 5)).append(d.anovaIcc() < 0
                                ? "; F is MS within / MS between because the intraclass r is negative\n" : "\n");
            }
        }
        sb.append("\np values are two-tailed.\n");
        return sb.toString();
    }
}
