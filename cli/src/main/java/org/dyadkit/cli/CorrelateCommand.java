package org.dyadkit.cli;

import org.dyadkit.report.nonindependence.CorrelationsRenderer;

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
    Output.Option format;

    @Option(names = "--vars", required = true, split = ",", paramLabel = "A,B,...",
            description = "Variables to correlate (comma-separated, or repeat the option).")
    List<String> vars;

    @Override
    public Integer call() {
        OptionChecks.names(spec.commandLine(), "--vars", vars, "satisfaction,tension");
        DyadicData data = in.read();
        CrossPartnerCorrelations table = CrossPartner.of(data).withVariables(vars).fit();
        PrintWriter out = spec.commandLine().getOut();
        Output.write(out, format.format(), CorrelationsRenderer.of(in.inputLine(data)), table,
                o -> in.header(o, "correlate", data));
        out.flush();
        return 0;
    }
}
