package org.dyadkit.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * The usage checks that several commands make of their options (resampling, intervals, delimiters), so that each message
 * is written once. Every check throws {@link CommandLine.ParameterException} (exit 2).
 */
final class OptionChecks {
    private OptionChecks() {
    }

    /** {@code --bootstrap N}: N must not be negative, and a positive N needs {@code --seed}. */
    static void bootstrap(CommandLine cl, int replicates, Long seed) {
        if (replicates < 0) {
            throw new CommandLine.ParameterException(cl, "--bootstrap must be 0 or more");
        }
        seedFor(cl, replicates, seed);
    }

    /** A bootstrap of {@code replicates} > 0 resamples needs {@code --seed} so that it can be reproduced. */
    static void seedFor(CommandLine cl, int replicates, Long seed) {
        if (replicates > 0 && seed == null) {
            throw new CommandLine.ParameterException(cl, "--bootstrap needs --seed S so that the result can be reproduced");
        }
    }

    /** {@code --threads N}, when given, must be at least 1. */
    static void threads(CommandLine cl, Integer threads) {
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(cl, "--threads must be at least 1");
        }
    }

    /** A list option ({@code --vars}, {@code --var}) must not name a variable twice. */
    static void distinct(CommandLine cl, String option, List<String> vars) {
        if (new LinkedHashSet<>(vars).size() != vars.size()) {
            throw new CommandLine.ParameterException(cl, option + " lists a variable twice: " + vars);
        }
    }

    /** {@code --level} must lie strictly between 0 and 1. */
    static void level(CommandLine cl, double level) {
        if (!(level > 0 && level < 1)) {
            throw new CommandLine.ParameterException(cl, "--level must be between 0 and 1, for example 0.95");
        }
    }

    /**
     * A field separator option ({@code --delimiter}): one ASCII character other than a quote or a line
     * break, or the words {@code tab}, {@code semicolon}, {@code comma}.
     */
    static char delimiter(CommandLine cl, String text, String option) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("tab") || t.equals("\\t") || t.equals("\t")) {
            return '\t';
        }
        if (t.equals("semicolon")) {
            return ';';
        }
        if (t.equals("comma")) {
            return ',';
        }
        if (text.length() != 1 || text.charAt(0) == '"' || text.charAt(0) > 127 || text.charAt(0) == '\n'
                || text.charAt(0) == '\r') {
            throw new CommandLine.ParameterException(cl, option + ": \"" + text
                    + "\" is not a single ASCII character other than a quote; use , or ; or tab");
        }
        return text.charAt(0);
    }
}
