package org.dyadkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dyadkit.mediation.BootstrapCi;
import org.dyadkit.mediation.Mediation;
import org.dyadkit.mediation.MediationResult;
import org.dyadkit.report.mediation.MediationRenderer;
import org.dyadkit.table.DataTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dyadkit mediate}: single-level mediation X -> M -> Y by OLS with the Sobel test and a seeded bootstrap
 * of persons or, with {@code --dyad}, of whole dyads. A thin shell over {@link Mediation}.
 */
@Command(name = "mediate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Single-level mediation by ordinary least squares: a (X -> M), b (M -> Y | X), the direct effect "
                + "c' and the total effect c, the indirect effect a*b with the Sobel test and a bootstrap interval "
                + "(percentile or BCa). One row per person; persons missing X, M, Y or a covariate are left out. "
                + "Persons in couples are not independent: give --dyad COL to resample whole dyads, or use "
                + "'dyadkit apimem'.",
        footer = {"", "Examples:",
            "  dyadkit mediate --input data-samples/acitelli_individual.csv --x other_pos \\",
            "      --m tension --y satisfaction --dyad cuplid --bootstrap 5000 --seed 12345",
            "  dyadkit mediate --input people.csv --x stress --m rumination --y mood \\",
            "      --covariate age --bootstrap 5000 --seed 1 --ci bca --format json",
            "", "Exit status: 0 done; 2 bad usage; 3 unusable input; 4 analysis not possible on these data."})
public final class MediateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Input CSV, one row per person.")
    Path input;

    @Mixin
    ReadingOptions reading;

    @Option(names = "--x", required = true, paramLabel = "VAR", description = "Predictor X.")
    String x;

    @Option(names = "--m", required = true, paramLabel = "VAR", description = "Mediator M.")
    String m;

    @Option(names = "--y", required = true, paramLabel = "VAR", description = "Outcome Y.")
    String y;

    @Option(names = "--covariate", paramLabel = "VAR", description = "Covariate of the M and Y models (repeatable).")
    List<String> covariates = new ArrayList<>();

    @Option(names = "--dyad", paramLabel = "COL",
            description = "Dyad-id column: the bootstrap resamples whole dyads instead of persons.")
    String dyad;

    @Option(names = "--bootstrap", defaultValue = "0", paramLabel = "N",
            description = "Bootstrap resamples for the interval of a*b (needs --seed). Default: ${DEFAULT-VALUE} (none).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the bootstrap (the result is the same on any number of cores).")
    Long seed;

    @Option(names = "--ci", defaultValue = "percentile", paramLabel = "percentile|bca",
            description = "Bootstrap interval reported as ci_lower/ci_upper: percentile or bca (bias-corrected and "
                    + "accelerated). Default: ${DEFAULT-VALUE}.")
    String ci;

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "LEVEL", description = "Confidence level. "
            + "Default: ${DEFAULT-VALUE}.")
    double level;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads of the bootstrap (default: all cores).")
    Integer threads;

    @Mixin
    Output.Option format;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        OptionChecks.bootstrap(cl, bootstrap, seed);
        OptionChecks.threads(cl, threads);
        OptionChecks.level(cl, level);
        OptionChecks.path(cl, "--input", input, "people.csv");
        BootstrapCi method = switch (ci.strip().toLowerCase(Locale.ROOT)) {
            case "percentile", "perc" -> BootstrapCi.PERCENTILE;
            case "bca" -> BootstrapCi.BCA;
            default -> throw new CommandLine.ParameterException(cl, "--ci must be percentile or bca, not \"" + ci + "\"");
        };
        OptionChecks.name(cl, "--dyad", dyad, "couple_id");
        DataTable table = reading.readTable(input.toString());
        Mediation b = Mediation.of(table).withPredictor(x).withMediator(m).withOutcome(y).withInterval(method).withLevel(level);
        for (String v : covariates) {
            b = b.withCovariate(v);
        }
        if (dyad != null) {
            b = b.withDyad(dyad);
        }
        if (bootstrap > 0) {
            b = b.withBootstrap(bootstrap, seed);
        }
        if (threads != null) {
            b = b.withThreads(threads);
        }
        MediationResult r = b.fit();
        PrintWriter out = cl.getOut();
        Output.write(out, format.format(), MediationRenderer.of(input.toString(), level), r, o -> {
            com.fasterxml.jackson.databind.node.ObjectNode opts = o.putObject("options");
            opts.put("input", input.toString());
            opts.put("dyad", dyad);
            opts.put("level", level);
        });
        return 0;
    }
}
