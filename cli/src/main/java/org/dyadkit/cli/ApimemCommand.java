package org.dyadkit.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.mediation.Apimem;
import org.dyadkit.mediation.ApimemResult;
import org.dyadkit.report.mediation.ApimemRenderer;
import org.dyadkit.mediation.IndirectContrasts;
import org.dyadkit.mediation.IndirectContrastsResult;
import org.dyadkit.report.mediation.IndirectContrastsRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dyadkit apimem}: the actor-partner interdependence mediation model as three APIMs, with the Sobel test,
 * Monte Carlo intervals and a seeded dyad bootstrap of the indirect effects. A thin shell over {@link Apimem}.
 */
@Command(name = "apimem", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Actor-partner interdependence mediation model (APIMeM; Ledermann, Macho & Kenny 2011) as three "
                + "APIMs fitted by generalized least squares: M on X (a), Y on X and M (b, c'), Y on X (c). Simple "
                + "indirect effects (8 for distinguishable dyads, 4 for indistinguishable ones), total indirect and "
                + "total effects, percent mediated; Sobel tests, Monte Carlo intervals (Selig & Preacher 2008) and, "
                + "with --bootstrap, percentile and bias-corrected intervals from resampled dyads.",
        footer = {"", "Examples:",
            "  dyadkit apimem --input data-samples/acitelli_individual.csv --dyad cuplid \\",
            "      --role gender --roles 1,-1 --x other_pos --m tension --y satisfaction",
            "  dyadkit apimem --input couples.csv --dyad couple --indistinguishable --x support \\",
            "      --m stress --y satisfaction --bootstrap 5000 --seed 12345 --format json",
            "", "Exit status: 0 done; 2 bad usage; 3 unusable input; 4 analysis not possible on these data."})
public final class ApimemCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DyadicInputOptions input;

    @Mixin
    ApimOptions model;

    @Option(names = "--m", required = true, paramLabel = "VAR", description = "Mediator (actor and partner effects).")
    String m;

    @Option(names = "--mc", defaultValue = "40000", paramLabel = "N",
            description = "Monte Carlo draws for the intervals of the indirect effects (0 = none). "
                    + "Default: ${DEFAULT-VALUE}, as dyadr::mmc.")
    int mc;

    @Option(names = "--bootstrap", defaultValue = "0", paramLabel = "N",
            description = "Bootstrap resamples of whole dyads, refitting both mediation models (needs --seed). "
                    + "Default: ${DEFAULT-VALUE} (none).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the bootstrap and the Monte Carlo draws (Monte Carlo without --seed uses 12345, "
                    + "as dyadr::mmc).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads of the bootstrap (default: all cores).")
    Integer threads;

    @Option(names = "--contrasts", description = "Every pairwise contrast of the simple indirect effects (Monte Carlo "
            + "and bootstrap intervals from the same draws), delta-method SEs of the total indirect and total effects, "
            + "and the proportion mediated with its intervals.")
    boolean contrasts;

    @Mixin
    Output.Option format;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (model.x.size() != 1) {
            throw new CommandLine.ParameterException(cl, "the APIMeM needs exactly one predictor: give --x VAR once");
        }
        if (!model.interactions.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "--interaction is not supported by apimem");
        }
        if (ApimOptions.parameterisation(cl, model.parameterisation)
                != org.dyadkit.apim.Parameterisation.TWO_INTERCEPT) {
            throw new CommandLine.ParameterException(cl, "apimem uses the two-intercept parameterisation; "
                    + "leave out --parameterisation interaction");
        }
        OptionChecks.count(cl, "--bootstrap", bootstrap, 0, "2000");
        OptionChecks.count(cl, "--mc", mc, 0, "40000");
        OptionChecks.seedFor(cl, bootstrap, seed);
        OptionChecks.threads(cl, threads);
        boolean normal = model.normalIntervals(cl);
        DyadicData data = input.read();
        Apimem b = data.distinguishable() ? Apimem.distinguishable(data) : Apimem.indistinguishable(data);
        b = b.withPredictor(model.x.get(0)).withMediator(m).withOutcome(model.y).withMethod(ApimOptions.method(cl, model.method))
                .withDf(ApimOptions.df(cl, model.df)).withLevel(model.level).withNormalIntervals(normal);
        for (String v : model.covariates) {
            b = b.withCovariate(v);
        }
        long s = seed == null ? 12345L : seed;
        if (mc > 0) {
            b = b.withMonteCarlo(mc, s);
        }
        if (bootstrap > 0) {
            b = b.withBootstrap(bootstrap, s);
        }
        if (threads != null) {
            b = b.withThreads(threads);
        }
        IndirectContrastsResult ic = contrasts ? IndirectContrasts.of(b).fit() : null;
        ApimemResult r = ic != null ? ic.apimem() : b.fit();
        PrintWriter out = cl.getOut();
        ApimemRenderer renderer = ApimemRenderer.of(input.input().toString(), model.level);
        switch (format.format()) {
            case JSON -> {
                com.fasterxml.jackson.databind.node.ObjectNode o = renderer.json(r);
                input.options(o, data);
                ((com.fasterxml.jackson.databind.node.ObjectNode) o.get("options")).put("level", model.level)
                        .put("ci", normal ? "normal" : "t");
                if (ic != null) {
                    IndirectContrastsRenderer.json(o, ic);
                }
                out.print(org.dyadkit.report.Formats.json(o));
            }
            case CSV -> {
                org.dyadkit.report.TidyTable t = renderer.tables(r);
                if (ic != null) {
                    t = t.concat(ApimemRenderer.rows(IndirectContrastsRenderer.csv(ic)));
                }
                out.print(t.csv());
            }
            default -> {
                out.print(renderer.text(r));
                if (ic != null) {
                    out.print(IndirectContrastsRenderer.text(ic));
                }
            }
        }
        out.flush();
        return 0;
    }
}
