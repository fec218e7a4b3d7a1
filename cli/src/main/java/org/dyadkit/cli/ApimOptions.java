package org.dyadkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dyadkit.apim.Apim;
import org.dyadkit.dyad.DyadArrays;
import org.dyadkit.apim.DfMethod;
import org.dyadkit.apim.Method;
import org.dyadkit.apim.Parameterisation;
import org.dyadkit.dyad.DyadicData;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The model options shared by {@code dyadkit apim} and {@code dyadkit distinguishability}. */
public final class ApimOptions {
    @Option(names = "--y", required = true, paramLabel = "VAR", description = "Outcome variable.")
    String y;

    @Option(names = "--x", paramLabel = "VAR",
            description = "Predictor with an actor and a partner effect (repeatable).")
    List<String> x = new ArrayList<>();

    @Option(names = "--covariate", paramLabel = "VAR",
            description = "Covariate, the person's own value; partner.VAR for the partner's (repeatable).")
    List<String> covariates = new ArrayList<>();

    @Option(names = "--interaction", paramLabel = "A:B",
            description = "Interaction (moderation) term; a factor VAR is the person's own value, partner.VAR the "
                    + "partner's (repeatable). Example: --interaction other_pos:simhob.")
    List<String> interactions = new ArrayList<>();

    @Option(names = "--method", defaultValue = "reml", paramLabel = "reml|ml",
            description = "Estimation: reml (restricted maximum likelihood) or ml. Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--df", defaultValue = "residual", paramLabel = "METHOD",
            description = "Degrees of freedom of the t tests: residual (N - p, as nlme::gls), between-within, "
                    + "or satterthwaite. Default: ${DEFAULT-VALUE}.")
    String df;

    @Option(names = {"--parameterisation", "--parameterization"}, defaultValue = "two-intercept",
            paramLabel = "interaction|two-intercept",
            description = "Distinguishable dyads: two-intercept (an intercept, actor and partner effect per role) or "
                    + "interaction (average effects and role interactions; first role coded +1). "
                    + "Default: ${DEFAULT-VALUE}.")
    String parameterisation;

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "LEVEL",
            description = "Confidence level. Default: ${DEFAULT-VALUE}.")
    double level;

    @Option(names = "--ci", defaultValue = "t", paramLabel = "t|normal",
            description = "Coefficient intervals from the t distribution with the chosen df (as nlme::intervals) "
                    + "or the normal (as R's confint on a gls fit). Default: ${DEFAULT-VALUE}.")
    String ci;

    static Method method(CommandLine cl, String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "reml" -> Method.REML;
            case "ml" -> Method.ML;
            default -> throw new CommandLine.ParameterException(cl, "--method must be reml or ml, not \"" + s + "\"");
        };
    }

    static DfMethod df(CommandLine cl, String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "residual" -> DfMethod.RESIDUAL;
            case "between-within", "bw" -> DfMethod.BETWEEN_WITHIN;
            case "satterthwaite" -> DfMethod.SATTERTHWAITE;
            default -> throw new CommandLine.ParameterException(cl,
                    "--df must be residual, between-within or satterthwaite, not \"" + s + "\"");
        };
    }

    static Parameterisation parameterisation(CommandLine cl, String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "two-intercept" -> Parameterisation.TWO_INTERCEPT;
            case "interaction" -> Parameterisation.INTERACTION;
            default -> throw new CommandLine.ParameterException(cl,
                    "--parameterisation must be interaction or two-intercept, not \"" + s + "\"");
        };
    }

    /** Checks {@code --level} and reads {@code --ci}: true for normal-quantile intervals, false for t. */
    boolean normalIntervals(CommandLine cl) {
        OptionChecks.level(cl, level);
        return switch (ci.strip().toLowerCase(Locale.ROOT)) {
            case "t" -> false;
            case "normal", "z" -> true;
            default -> throw new CommandLine.ParameterException(cl, "--ci must be t or normal, not \"" + ci + "\"");
        };
    }

    /** The model builder for the data (distinguishable when the data carry roles). */
    Apim builder(CommandLine cl, DyadicData data) {
        return builder(cl, DyadArrays.of(data), data.distinguishable());
    }

    /** The model builder for persons already read (for example with centred variables). */
    Apim builder(CommandLine cl, DyadArrays d, boolean distinguishable) {
        boolean normal = normalIntervals(cl);
        Apim b = distinguishable ? Apim.distinguishable(d) : Apim.indistinguishable(d);
        b = b.withOutcome(y).withMethod(method(cl, method)).withDf(df(cl, df)).withParameterisation(parameterisation(cl, parameterisation))
                .withLevel(level).withNormalIntervals(normal);
        for (String v : x) {
            b = b.withPredictor(v);
        }
        for (String v : covariates) {
            b = b.withCovariate(v);
        }
        for (String i : interactions) {
            if (!i.contains(":")) {
                throw new CommandLine.ParameterException(cl, "--interaction needs the form A:B, not \"" + i + "\"");
            }
            b = b.withInteraction(i);
        }
        return b;
    }
}
