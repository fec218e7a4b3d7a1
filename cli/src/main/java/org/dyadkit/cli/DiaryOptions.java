package org.dyadkit.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.dyadkit.diary.DiaryData;
import org.dyadkit.mlm.Autocorrelation;
import org.dyadkit.mlm.DfRule;
import org.dyadkit.mlm.Method;
import org.dyadkit.mlm.Mlm;
import org.dyadkit.mlm.MlmFit;
import org.dyadkit.mlm.WithinOccasion;
import org.dyadkit.report.Formats;
import org.dyadkit.report.mlm.MlmRenderer;
import org.dyadkit.table.DataTable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options the over-time commands share: the long (person-period) input with its dyad, role, person and
 * occasion columns; the residual structure; the method, the df rule and the output format.
 */
public final class DiaryOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "Long (person-period) CSV: one row per person per occasion.")
    Path input;

    @Option(names = "--dyad", required = true, paramLabel = "COL", description = "Column with the dyad (couple) id.")
    String dyad;

    @Option(names = "--role", paramLabel = "COL",
            description = "Column with the partner's role (distinguishable dyads); its values can be used as 0/1 "
                    + "terms in the formulas (man, woman).")
    String role;

    @Option(names = "--person", paramLabel = "COL",
            description = "Column with the person id (default: dyad and role identify the person).")
    String person;

    @Option(names = "--occasion", required = true, paramLabel = "COL",
            description = "Column with the occasion number (day, wave): links the partners' rows, orders lags and AR(1).")
    String occasion;

    @Option(names = "--within-occasion", paramLabel = "cs|none", defaultValue = "cs",
            description = "Partners' residuals at the same occasion: cs (one correlation, may be negative) or none. "
                    + "Default: ${DEFAULT-VALUE}.")
    String withinOccasion;

    @Option(names = "--autocorrelation", paramLabel = "ar1|none", defaultValue = "none",
            description = "Residuals of a person across occasions: ar1 or none. Default: ${DEFAULT-VALUE}.")
    String autocorrelation;

    @Option(names = "--method", paramLabel = "reml|ml", defaultValue = "reml",
            description = "Estimation: reml or ml (for likelihood-ratio tests of fixed effects). Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--df", paramLabel = "containment|satterthwaite", defaultValue = "containment",
            description = "Denominator df of the t tests: containment (nlme's between-within) or satterthwaite. "
                    + "Default: ${DEFAULT-VALUE}.")
    String df;

    @CommandLine.Mixin
    Output.Option format;

    /** Reads the diary. */
    DiaryData read() {
        OptionChecks.path(spec.commandLine(), "--input", input, "diary.csv");
        return DiaryData.of(DataTable.read(input)).dyad(dyad).role(role).person(person).occasion(occasion).build();
    }

    private <E extends Enum<E>> E choice(Class<E> type, String option, String value, String allowed) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown " + option + " \"" + value + "\"; use " + allowed);
        }
    }

    /** Applies the residual, method and df options. */
    Mlm configure(Mlm m) {
        return m.withWithinOccasion(choice(WithinOccasion.class, "--within-occasion", withinOccasion, "cs or none"))
                .withAutocorrelation(choice(Autocorrelation.class, "--autocorrelation", autocorrelation, "ar1 or none"))
                .withMethod(choice(Method.class, "--method", method, "reml or ml"))
                .withDf(choice(DfRule.class, "--df", df, "containment or satterthwaite"));
    }

    /** Writes the fit in the chosen format. */
    void write(String analysis, MlmFit fit) {
        MlmRenderer r = new MlmRenderer(analysis, input.toString(), role);
        var out = spec.commandLine().getOut();
        switch (format.format()) {
            case JSON -> out.print(Formats.json(r.json(fit)));
            case CSV -> out.print(r.tables(fit).csv());
            default -> out.print(r.text(fit));
        }
        out.flush();
    }
}
