package org.dyadkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.ChiSquareConvention;
import org.dyadkit.apim.DistinguishabilityTest;
import org.dyadkit.apim.SemDistinguishability;
import org.dyadkit.apim.SemDistinguishabilityResult;
import org.dyadkit.apim.SemTest;
import org.dyadkit.report.apim.ApimTestsRenderers;
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
            "  dyadkit distinguishability --input data-samples/acitelli_individual.csv --dyad cuplid --role gender \\",
            "      --y satisfaction --x other_pos --sem --convention n-1",
            "", "Exit status: 0 done; 2 bad usage; 3 unusable input; 4 analysis not possible on these data."})
public final class DistinguishabilityCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DyadicInputOptions input;

    @Mixin
    ApimOptions model;

    @CommandLine.Option(names = "--sem", description = "Also the SEM tests of distinguishability (Olsen and Kenny "
            + "2006) on the complete dyads: complete (6 df), Y (4 df) and effect (2 df) indistinguishability; one --x, "
            + "no covariates or interactions.")
    boolean sem;

    @CommandLine.Option(names = "--convention", paramLabel = "n|n-1", defaultValue = "n",
            description = "Chi-square of the SEM tests: n = N F, the ML likelihood ratio (lavaan; default); n-1 = "
                    + "(N - 1) F, as Amos (Kenny's published values).")
    String convention;

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
        SemDistinguishabilityResult semResult = null;
        if (sem) {
            ChiSquareConvention conv = switch (convention.toLowerCase(java.util.Locale.ROOT)) {
                case "n" -> ChiSquareConvention.N;
                case "n-1" -> ChiSquareConvention.N_MINUS_1;
                default -> throw new CommandLine.ParameterException(cl, "--convention must be n or n-1, not \""
                        + convention + "\"");
            };
            if (model.x.size() != 1 || !model.covariates.isEmpty() || !model.interactions.isEmpty()) {
                throw new CommandLine.ParameterException(cl, "--sem needs exactly one --x and no --covariate or "
                        + "--interaction (the Olsen-Kenny tests are defined for one predictor)");
            }
            semResult = SemDistinguishability.of(model.builder(cl, data)).withConvention(conv).fit();
        } else if (cl.getParseResult().hasMatchedOption("--convention")) {
            throw new CommandLine.ParameterException(cl, "--convention applies to the SEM tests; add --sem");
        }
        PrintWriter out = cl.getOut();
        switch (format.format()) {
            case JSON -> {
                java.util.Map<String, Object> m = ApimReport.json(t, input, data);
                if (semResult != null) {
                    m.put("sem", ApimTestsRenderers.SEM.json(semResult));
                }
                OutputFormat.writeJson(out, m);
            }
            case CSV -> {
                List<List<Object>> rows = new ArrayList<>();
                for (ApimFit f : List.of(t.indistinguishable(), t.distinguishable())) {
                    boolean d = f.distinguishable();
                    rows.add(new ArrayList<>(List.of(d ? "distinguishable" : "indistinguishable", f.nParameters(),
                            f.aic(), f.bic(), f.logLik(), d ? t.chiSquare() : Double.NaN,
                            d ? (double) t.df() : Double.NaN, d ? t.p() : Double.NaN)));
                }
                if (semResult != null) {
                    // one row per SEM test, the convention in its own column
                    for (List<Object> r : rows) {
                        r.add(null);
                    }
                    for (SemTest st : semResult.tests()) {
                        rows.add(new ArrayList<>(java.util.Arrays.asList("sem_" + st.kind().name()
                                .toLowerCase(java.util.Locale.ROOT), null, null, null, null, st.chiSquare(),
                                (double) st.df(), st.p(), ApimTestsRenderers.convention(semResult.convention()))));
                    }
                    OutputFormat.writeCsv(out, List.of("model", "n_parameters", "aic", "bic", "log_lik", "chi_square",
                            "df", "p", "convention"), rows);
                } else {
                    OutputFormat.writeCsv(out, List.of("model", "n_parameters", "aic", "bic", "log_lik", "chi_square",
                            "df", "p"), rows);
                }
            }
            default -> {
                out.print(ApimReport.text(t));
                if (semResult != null) {
                    out.print(ApimTestsRenderers.SEM.text(semResult));
                }
                out.flush();
            }
        }
        return 0;
    }
}
