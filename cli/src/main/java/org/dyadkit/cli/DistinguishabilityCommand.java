package org.dyadkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.DistinguishabilityTest;
import org.dyadkit.dyad.DyadicData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dyadkit distinguishability}: the ML likelihood-ratio test of the distinguishable against the
 * indistinguishable APIM with the same terms. A thin shell over
 * {@link org.dyadkit.apim.Apim#distinguishability()}.
 */
@Command(name = "distinguishability", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Test of distinguishability: the APIM fitted by ML with role-specific effects and SDs and "
                + "without them, on the same persons; chi-square = 2 (logLik_dist - logLik_indist) on df = the "
                + "difference of the parameter counts (nlme's anova). Needs --role.",
        footer = {"", "Example:",
            "  dyadkit distinguishability --input data-samples/acitelli_individual.csv --dyad cuplid --role gender \\",
            "      --y satisfaction --x other_pos",
            "", "Exit status: 0 done; 2 bad usage; 3 unusable input; 4 analysis not possible on these data."})
public final class DistinguishabilityCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DyadicInputOptions input;

    @Mixin
    ApimOptions model;

    @Mixin
    OutputFormat.Option format;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (cl.getParseResult().hasMatchedOption("--method") && !"ml".equalsIgnoreCase(model.method)) {
            throw new CommandLine.ParameterException(cl, "the distinguishability test always compares ML fits (the "
                    + "two models differ in their fixed effects, so REML likelihoods cannot be compared); "
                    + "leave out --method");
        }
        DyadicData data = input.read();
        if (!data.distinguishable()) {
            throw new CommandLine.ParameterException(cl, "the distinguishability test needs the roles: name the role "
                    + "column with --role COL (and do not give --indistinguishable)");
        }
        DistinguishabilityTest t = model.builder(cl, data).distinguishability();
        PrintWriter out = cl.getOut();
        switch (format.format()) {
            case JSON -> OutputFormat.writeJson(out, ApimReport.json(t, input, data));
            case CSV -> {
                List<List<Object>> rows = new ArrayList<>();
                for (ApimFit f : List.of(t.indistinguishable(), t.distinguishable())) {
                    boolean d = f.distinguishable();
                    rows.add(List.of(d ? "distinguishable" : "indistinguishable", f.nParameters(), f.aic(), f.bic(),
                            f.logLik(), d ? t.chiSquare() : Double.NaN, d ? (double) t.df() : Double.NaN,
                            d ? t.p() : Double.NaN));
                }
                OutputFormat.writeCsv(out, List.of("model", "n_parameters", "aic", "bic", "log_lik", "chi_square",
                        "df", "p"), rows);
            }
            default -> {
                out.print(ApimReport.text(t));
                out.flush();
            }
        }
        return 0;
    }
}
