package org.dyadkit.cli;

import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine;

/**
 * The usage checks that several commands make of their options (resampling, intervals, delimiters), so that each message
 * is written once. Every check throws {@link CommandLine.ParameterException} (exit 2).
 */
final class OptionChecks {
    private OptionChecks() {
    }

    /** The most worker threads a command starts: more only adds contention (and 32768 threads exhaust memory). */
    static final int MAX_THREADS = 1024;
    /**
     * The most resamples, replicates or Monte Carlo draws a count option accepts: a million already takes hours
     * for a bootstrap that refits a model, and the Monte Carlo error of a 95% percentile bound is then about
     * 0.0002 standard deviations, far below any reported digit; 2^31 would not fit the per-replicate arrays in
     * any heap.
     */
    static final int MAX_COUNT = 1_000_000;

    /**
     * {@code --bootstrap N}: N must lie between 0 and {@value #MAX_COUNT}, and a positive N needs {@code --seed}.
     */
    static void bootstrap(CommandLine cl, int replicates, Long seed) {
        count(cl, "--bootstrap", replicates, 0, "2000");
        seedFor(cl, replicates, seed);
    }

    /**
     * A count option ({@code --bootstrap}, {@code --mc}, {@code --replicates}): from {@code min} to
     * {@value #MAX_COUNT}; the message names what was given, what is allowed and an example (exit 2).
     */
    static void count(CommandLine cl, String option, int value, int min, String example) {
        if (value < min || value > MAX_COUNT) {
            throw new CommandLine.ParameterException(cl, option + " " + value + ": give a whole number from " + min
                    + " to " + String.format(java.util.Locale.ROOT, "%,d", MAX_COUNT) + ", for example " + option + " "
                    + example);
        }
    }

    /** A bootstrap of {@code replicates} > 0 resamples needs {@code --seed} so that it can be reproduced. */
    static void seedFor(CommandLine cl, int replicates, Long seed) {
        if (replicates > 0 && seed == null) {
            throw new CommandLine.ParameterException(cl, "--bootstrap needs --seed S so that the result can be reproduced");
        }
    }

    /** {@code --threads N}, when given, must lie between 1 and {@value #MAX_THREADS}. */
    static void threads(CommandLine cl, Integer threads) {
        threads(cl, threads, 1);
    }

    /** {@code --threads N}, when given, must lie between {@code min} and {@value #MAX_THREADS}. */
    static void threads(CommandLine cl, Integer threads, int min) {
        if (threads != null && (threads < min || threads > MAX_THREADS)) {
            throw new CommandLine.ParameterException(cl, "--threads " + threads + ": give a number of worker threads "
                    + "from " + min + " to " + MAX_THREADS + " (the machine has " + Runtime.getRuntime()
                    .availableProcessors() + " processors), for example --threads 4");
        }
    }

    /** A list option ({@code --vars}, {@code --var}) must not name a variable twice. */
    static void distinct(CommandLine cl, String option, List<String> vars) {
        if (new LinkedHashSet<>(vars).size() != vars.size()) {
            throw new CommandLine.ParameterException(cl, option + " lists a variable twice: " + vars);
        }
    }

    /**
     * The innermost exception a worker pool wrapped ({@code new IllegalStateException(cause)} has the message
     * {@code "java.lang.IllegalArgumentException: ..."}), so that a message never names an exception class.
     */
    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t instanceof IllegalStateException
                || t instanceof IllegalArgumentException || t instanceof java.util.concurrent.CompletionException)
                && String.valueOf(t.getMessage()).equals(t.getCause().toString())) {
            t = t.getCause();
        }
        return t;
    }

    /** The message of {@link #unwrap(Throwable) the innermost} wrapped exception. */
    static String message(Throwable e) {
        return String.valueOf(unwrap(e).getMessage());
    }

    /** {@code --level} must lie strictly between 0 and 1. */
    static void level(CommandLine cl, double level) {
        if (!(level > 0 && level < 1)) {
            throw new CommandLine.ParameterException(cl, "--level must be between 0 and 1, for example 0.95");
        }
    }

    /** A field separator option; see {@link ReadingOptions#delimiter(CommandLine, String, String)}. */
    static char delimiter(CommandLine cl, String text, String option) {
        return ReadingOptions.delimiter(cl, text, option);
    }

    /** A name option ({@code --dyad}, {@code --prefix}, {@code --y}): blank is refused (exit 2). */
    static String name(CommandLine cl, String option, String value, String example) {
        if (value != null && value.isBlank()) {
            throw new CommandLine.ParameterException(cl, option + ": an empty name; give a column name, for example "
                    + option + " " + example);
        }
        return value;
    }

    /**
     * A file option ({@code --input}, {@code --output}, {@code --problems}): an empty or blank path is refused
     * (exit 2); it would name the working folder or a file called " " there.
     */
    static void path(CommandLine cl, String option, Object value, String example) {
        if (value != null && value.toString().isBlank()) {
            throw new CommandLine.ParameterException(cl, option + ": an empty file name; give a path, for example "
                    + option + " " + example);
        }
    }

    /**
     * A list option ({@code --vars a,b}): empty entries ({@code --vars ,}), an empty list and a name given twice
     * are refused (exit 2).
     */
    static void names(CommandLine cl, String option, List<String> values, String example) {
        if (values == null) {
            return;
        }
        if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
            throw new CommandLine.ParameterException(cl, option + ": an empty name in " + org.dyadkit.input.Messages
                    .quote(String.join(",", values)) + "; give names separated by commas, for example " + option + " "
                    + example);
        }
        distinct(cl, option, values);
    }

    /**
     * Refuses an output path that is the input file (symbolic links followed): writing there would
     * replace the export (exit 2).
     */
    static void notInput(CommandLine cl, String option, String output, String input) {
        if (output == null || input == null || output.equals("-") || input.equals("-")) {
            return;
        }
        if (output.equals(input) || ReadingOptions.sameFile(java.nio.file.Path.of(output), java.nio.file.Path.of(input))) {
            throw new CommandLine.ParameterException(cl, option + " " + org.dyadkit.input.Messages.quote(output)
                    + " is the input file; writing there would replace it. Give another path");
        }
    }
}
