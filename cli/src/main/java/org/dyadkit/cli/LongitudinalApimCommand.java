package org.dyadkit.cli;

import java.util.concurrent.Callable;
import org.dyadkit.mlm.Mlm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dyadkit longitudinal-apim}: actor and partner effects within and between persons ({@link Mlm#longitudinalApim}). */
@Command(name = "longitudinal-apim", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Longitudinal APIM: actor and partner effects of a time-varying predictor, split into the "
                + "within-person part (person-mean centred) and the between-person part (person mean), with random "
                + "intercepts and compound symmetry at the same occasion; two-intercept with a variance per role "
                + "when --role is given, indistinguishable otherwise (then --person is needed).",
        footer = {"", "Example:",
            "  dyadkit longitudinal-apim --input data-samples/diary_couples.csv --dyad couple --role gender \\",
            "      --person person --occasion day --y closeness --x stress",
            "", "Exit status: 0 done; 2 bad usage; 3 unusable input; 4 analysis not possible on these data."})
public final class LongitudinalApimCommand implements Callable<Integer> {
    @Mixin
    DiaryOptions diary;

    @Option(names = "--y", required = true, paramLabel = "VAR", description = "The outcome.")
    String y;

    @Option(names = "--x", required = true, paramLabel = "VAR", description = "The time-varying predictor.")
    String x;

    @Override
    public Integer call() {
        diary.write("longitudinal-apim", diary.configure(Mlm.longitudinalApim(diary.read(), y, x)).fit());
        return 0;
    }
}
