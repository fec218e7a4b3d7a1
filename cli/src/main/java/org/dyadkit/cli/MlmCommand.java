package org.dyadkit.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.dyadkit.mlm.Mlm;
import org.dyadkit.mlm.RandomCovariance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dyadkit mlm}: a linear mixed model for dyads over time from R formulas, as {@code nlme::lme}. */
@Command(name = "mlm", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Linear mixed model for couples over time (diaries, panels), REML or ML as nlme::lme: fixed "
                + "effects from an R formula, random effects per dyad (unstructured or diagonal), the partners' "
                + "residuals correlated at the same occasion, optional AR(1) within person and a residual variance "
                + "per role. Derived variables in the formulas: partner(x), lag(x), lag(x, gap), within(x), "
                + "between(x), grand(x), centre(x, c), I(x^2); role values as 0/1 terms.",
        footer = {"", "Examples:",
            "  dyadkit mlm --input diary.csv --dyad couple --role gender --occasion day \\",
            "      --fixed 'closeness ~ 0 + man + woman + man:time + woman:time' \\",
            "      --random '~ 0 + man + woman + man:time + woman:time | couple' --variance-by gender",
            "  dyadkit mlm --input diary.csv --dyad couple --person pid --occasion day \\",
            "      --fixed 'y ~ lag(y) + partner(lag(y))' --random '~ 1 | couple' --autocorrelation ar1 --format json",
            "", "Exit status: 0 done; 2 bad usage; 3 unusable input; 4 analysis not possible on these data."})
public final class MlmCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DiaryOptions diary;

    @Option(names = "--fixed", required = true, paramLabel = "'y ~ ...'", description = "Fixed-effects formula (R syntax).")
    String fixed;

    @Option(names = "--random", required = true, paramLabel = "'~ ... | dyad'",
            description = "Random effects per dyad, for example '~ 0 + man + woman | couple'.")
    String random;

    @Option(names = "--random-covariance", paramLabel = "unstructured|diagonal", defaultValue = "unstructured",
            description = "Covariance of the random effects. Default: ${DEFAULT-VALUE}.")
    String covariance;

    @Option(names = "--variance-by", paramLabel = "COL",
            description = "A residual variance per level of this column (varIdent), usually the role column.")
    String varianceBy;

    @Override
    public Integer call() {
        RandomCovariance rc;
        try {
            rc = RandomCovariance.valueOf(covariance.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown --random-covariance \"" + covariance + "\"; use unstructured or diagonal");
        }
        Mlm m = diary.configure(Mlm.of(diary.read()).withFixed(fixed).withRandom(random).withRandomCovariance(rc)
                .withVarianceBy(varianceBy));
        diary.write("mlm", m.fit());
        return 0;
    }
}
