package org.dyadkit.cli;

import java.util.concurrent.Callable;
import org.dyadkit.mlm.Mlm;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dyadkit growth}: the two-intercept dyadic growth curve ({@link Mlm#growthCurve}). */
@Command(name = "growth", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Dyadic growth curve of distinguishable partners (two-intercept model): an intercept and a "
                + "slope of time per role, random intercepts and slopes of both partners (4 x 4 unstructured), "
                + "compound symmetry at the same occasion and a residual variance per role, as nlme::lme.",
        footer = {"", "Example:",
            "  dyadkit growth --input data-samples/diary_couples.csv --dyad couple --role gender --person person \\",
            "      --occasion day --y closeness --time time",
            "", "Exit status: 0 done; 2 bad usage; 3 unusable input; 4 analysis not possible on these data."})
public final class GrowthCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DiaryOptions diary;

    @Option(names = "--y", required = true, paramLabel = "VAR", description = "The outcome.")
    String y;

    @Option(names = "--time", required = true, paramLabel = "VAR",
            description = "The time variable (recentre with centre(day, 1) to put the intercept at day 1).")
    String time;

    @Option(names = "--quadratic", description = "Add a quadratic term of time per role to the fixed part.")
    boolean quadratic;

    @Override
    public Integer call() {
        if (diary.role == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the growth curve needs --role COL");
        }
        diary.write("growth", diary.configure(Mlm.growthCurve(diary.read(), y, time, quadratic ? 2 : 1)).fit());
        return 0;
    }
}
