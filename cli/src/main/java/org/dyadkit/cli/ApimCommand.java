package org.dyadkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.report.apim.ApimRenderer;
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
    Output.Option format;

    /** The result of this instance's run, kept for the study runner (which draws the bootstrap distributions). */
    private ApimFit result;

    /** The result of this command's run in this process; empty before it ran or when it failed. */
    public java.util.Optional<ApimFit> result() {
        return java.util.Optional.ofNullable(result);
    }

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
        this.result = fit;
        ApimTestsOptions.Extras extras = tests.compute(cl, b, fit, model, centred);
        boolean showK = k || bootstrap > 0 || tests.testEqualK;
        PrintWriter out = cl.getOut();
        ApimRenderer renderer = ApimRenderer.of(input.input().toString(), showK);
        switch (format.format()) {
            case JSON -> {
                com.fasterxml.jackson.databind.node.ObjectNode o = renderer.json(fit);
                input.options(o, data);
                java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                ApimTestsOptions.json(m, extras);
                m.forEach((key, v) -> o.set(key, org.dyadkit.report.Formats.node(v)));
                out.print(org.dyadkit.report.Formats.json(o));
            }
            case CSV -> {
                org.dyadkit.report.TidyTable.Builder tb = org.dyadkit.report.TidyTable.builder();
                ApimTestsOptions.rows(tb, extras);
                out.print(renderer.tables(fit).concat(tb.build()).csv());
            }
            default -> {
                out.print(renderer.text(fit));
                out.print(ApimTestsOptions.text(extras));
            }
        }
        out.flush();
        return 0;
    }
}
