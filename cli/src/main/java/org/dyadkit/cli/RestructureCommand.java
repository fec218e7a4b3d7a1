package org.dyadkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dyadkit.dyad.CsvOutput;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.dyad.Layout;
import org.dyadkit.table.DataTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dyadkit restructure}: converts a dyadic CSV between the individual, dyad and pairwise layouts
 * ({@link DyadicData#to(Layout)}), validating the dyads on the way. The output is written atomically.
 */
@Command(name = "restructure", mixinStandardHelpOptions = true,
        description = {"Convert dyadic data between the individual (one row per person), dyad (one row per dyad,"
                + " X_<role> columns) and pairwise (one row per person, X_A and X_P columns) layouts.",
            "Between-dyad variables (equal for both members) are written once in the dyad and pairwise layouts."
                + " Dyads with one member are kept."},
        footer = {"", "Example:",
            "  dyadkit restructure --input data-samples/acitelli_individual.csv \\",
            "      --from individual --to dyad --dyad cuplid --role gender \\",
            "      --output couples_wide.csv",
            "  dyadkit restructure --input couples_wide.csv --from dyad --to pairwise \\",
            "      --dyad cuplid --role gender --roles -1,1 --output couples_pairwise.csv"})
public final class RestructureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DyadicInputOptions in;

    @Option(names = "--to", required = true, paramLabel = "LAYOUT", converter = DyadicInputOptions.LayoutConverter.class,
            description = "Layout to write: individual, dyad or pairwise.")
    Layout to;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Output CSV, written atomically; standard output when absent or -.")
    Path output;

    @Override
    public Integer call() {
        OptionChecks.path(spec.commandLine(), "--output", output, "couples_wide.csv");
        OptionChecks.notInput(spec.commandLine(), "--output", output == null ? null : output.toString(),
                in.input().toString());
        DyadicData data = in.readData();
        DataTable out = data.to(to);
        PrintWriter err = spec.commandLine().getErr();
        if (output == null || output.toString().equals("-")) {
            PrintWriter w = spec.commandLine().getOut();
            try {
                CsvOutput.write(out, w);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            w.flush();
        } else {
            for (String stale : org.dyadkit.survey.AtomicFile.staleTemporaryFiles(output)) {
                err.println("dyadkit: note: removed " + stale + ", left by an earlier run that was killed");
            }
            CsvOutput.writeAtomically(out, output);
            err.println("dyadkit: wrote " + out.rowCount() + " rows (" + data.size() + " dyads, "
                    + (data.distinguishable() ? "roles " + String.join(", ", data.roles()) : "indistinguishable")
                    + ") in the " + to.label() + " layout to " + output);
        }
        StringBuilder kinds = new StringBuilder("dyadkit: variables:");
        for (String v : data.variables()) {
            kinds.append(' ').append(v).append(" (").append(data.kind(v).name().toLowerCase(java.util.Locale.ROOT))
                    .append(')');
        }
        err.println(kinds);
        err.flush();
        return 0;
    }
}
