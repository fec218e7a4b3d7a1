package org.dyadkit.cli;

import java.util.concurrent.Callable;
import org.dyadkit.mlm.Mlm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dyadkit stability-influence}: the lagged own and partner outcome ({@link Mlm#stabilityInfluence}). */
@Command(name = "stability-influence", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Stability-and-influence model: the outcome on the person's own outcome at the previous "
                + "occasion (stability) and the partner's (influence), random intercepts and compound symmetry at "
                + "the same occasion; two-intercept with a variance per role when --role is given. Occasions "
                + "without the previous occasion are not used.",
        footer = {"", "Example:",
            "  dyadkit stability-influence --input data-samples/diary_couples.csv --dyad couple --role gender \\",
            "      --person person --occasion day --y closeness",
            "", "Exit status: 0 done; 2 bad usage; 3 unusable input; 4 analysis not possible on these data."})
public final class StabilityInfluenceCommand implements Callable<Integer> {
    @Mixin
    DiaryOptions diary;

    @Option(names = "--y", required = true, paramLabel = "VAR", description = "The outcome.")
    String y;

    @Override
    public Integer call() {
        diary.write("stability-influence", diary.configure(Mlm.stabilityInfluence(diary.read(), y)).fit());
        return 0;
    }
}
