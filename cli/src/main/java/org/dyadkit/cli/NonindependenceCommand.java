package org.dyadkit.cli;

import org.dyadkit.report.nonindependence.NonindependenceRenderer;

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
    Output.Option format;

    @Option(names = "--var", required = true, split = ",", paramLabel = "VAR",
            description = "Variable to analyse (repeatable, or comma-separated).")
    List<String> vars;

    @Override
    public Integer call() {
        OptionChecks.names(spec.commandLine(), "--var", vars, "satisfaction");
        DyadicData data = in.read();
        List<NonindependenceResult> results = Nonindependence.of(data).fit(vars);
        PrintWriter out = spec.commandLine().getOut();
        Output.write(out, format.format(), NonindependenceRenderer.of(in.inputLine(data)), results,
                o -> in.header(o, "nonindependence", data));
        out.flush();
        return 0;
    }
}
