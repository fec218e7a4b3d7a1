package org.dyadkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.Coefficient;
import org.dyadkit.apim.Apim;
import org.dyadkit.dyad.DyadicData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dyadkit apim}: the actor-partner interdependence model, distinguishable (with {@code --role}) or
 * indistinguishable, REML or ML, with k and its bootstrap interval on request. A thin shell over
 * {@link Apim}.
 */
@Command(name = "apim", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Actor-partner interdependence model (APIM) by generalised least squares with a 2x2 residual "
                + "covariance per dyad: compound symmetry (indistinguishable) or role-specific SDs with one "
                + "correlation (distinguishable). A person enters the model when their outcome, their predictors and "
                + "their partner's predictors are present; a dyad with one such person is a 1x1 block.",
        footer = {"", "Examples:",
            "  dyadkit apim --input data-samples/acitelli_individual.csv --dyad cuplid --role gender --roles 1,-1 \\",
            "      --y satisfaction --x other_pos --k",
            "  dyadkit apim --input couples.csv --dyad couple --indistinguishable --y satisfaction --x other_pos \\",
            "      --k --bootstrap 5000 --seed 12345 --format json",
            "", "Exit status: 0 done; 2 bad usage; 3 unusable input; 4 analysis not possible on these data."})
public final class ApimCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DyadicInputOptions input;

    @Mixin
    ApimOptions model;

    @Option(names = "--k", description = "Report k = partner/actor effect of the first --x per role, with the "
            + "delta-method SE and the pattern call (couple, actor-only, partner-only, contrast).")
    boolean k;

    @Option(names = "--k-predictor", paramLabel = "VAR", description = "The --x whose effects define k (default: the first).")
    String kPredictor;

    @Option(names = "--bootstrap", defaultValue = "0", paramLabel = "N",
            description = "Bootstrap k from N resamples of whole dyads (percentile and bias-corrected intervals); "
                    + "needs --seed. Implies --k.")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the bootstrap (the result is the same on any number of cores).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads of the bootstrap (default: all cores).")
    Integer threads;

    @Mixin
    ApimTestsOptions tests;

    @Mixin
    OutputFormat.Option format;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        OptionChecks.bootstrap(cl, bootstrap, seed);
        if ((k || bootstrap > 0) && model.x.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "k needs a predictor: give --x VAR");
        }
        OptionChecks.threads(cl, threads);
        DyadicData data = input.read();
        org.dyadkit.apim.Centring.Result centred = tests.centre(cl, data, model);
        Apim b = centred == null ? model.builder(cl, data)
                : model.builder(cl, centred.data(), data.distinguishable());
        if (bootstrap > 0) {
            b = b.withBootstrap(bootstrap, seed);
        }
        if (threads != null) {
            b = b.withThreads(threads);
        }
        if (kPredictor != null) {
            b = b.withKPredictor(kPredictor);
        }
        ApimFit fit = b.fit();
        ApimTestsOptions.Extras extras = tests.compute(cl, b, fit, model, centred);
        boolean showK = k || bootstrap > 0 || tests.testEqualK;
        PrintWriter out = cl.getOut();
        switch (format.format()) {
            case JSON -> {
                java.util.Map<String, Object> m = ApimReport.json(fit, showK, input, data);
                ApimTestsOptions.json(m, extras);
                OutputFormat.writeJson(out, m);
            }
            case CSV -> {
                // the tidy table (table column) whenever a test or probe beyond the coefficients was asked for
                if (tests.any()) {
                    org.dyadkit.report.TidyTable.Builder tb = org.dyadkit.report.TidyTable.builder();
                    for (Coefficient c : fit.coefficients()) {
                        tb.row("coefficients").put("term", c.term()).put("role", c.role()).put("estimate", c.estimate())
                                .put("se", c.se()).put("df", c.df()).put("t", c.t()).put("p", c.p())
                                .put("ci_lower", c.ciLower()).put("ci_upper", c.ciUpper());
                    }
                    ApimTestsOptions.rows(tb, extras);
                    out.print(tb.build().csv());
                    out.flush();
                    break;
                }
                List<List<Object>> rows = new ArrayList<>();
                for (Coefficient c : fit.coefficients()) {
                    rows.add(List.of(c.term(), c.role() == null ? "" : c.role(), c.estimate(), c.se(), c.df(), c.t(),
                            c.p(), c.ciLower(), c.ciUpper()));
                }
                OutputFormat.writeCsv(out, List.of("term", "role", "estimate", "se", "df", "t", "p", "ci_lower",
                        "ci_upper"), rows);
            }
            default -> {
                out.print(ApimReport.text(fit, showK, input.input().toString()));
                out.print(ApimTestsOptions.text(extras));
                out.flush();
            }
        }
        return 0;
    }
}
