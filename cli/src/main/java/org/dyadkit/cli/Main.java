package org.dyadkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dyadkit.AnalysisException;
import org.dyadkit.InputException;
import org.dyadkit.Names;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dyadkit} command. Each subcommand is a thin shell over the library calls a researcher
 * makes from Java; nothing is reachable only from here.
 *
 * <p>Start-up: {@link #main} registers only the subcommand named on the command line, so a run loads
 * the classes of one command and not those of the others ({@code --version} loads none).
 *
 * <p>Exit status: 0 done (rows with problems are flagged, not fatal); 2 bad usage; 3 unusable input,
 * with one line saying what and where; 4 the analysis cannot be done on these data, with the reason.
 */
@Command(name = "dyadkit",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Scale scoring and dyadic statistics for relationship science.",
        footer = {"", "Exit status: 0 done; 2 bad usage; 3 unusable input; 4 analysis not possible on these data.",
            "Run 'dyadkit COMMAND --help' for a command's options and an example.",
            "Shell completion: 'source <(dyadkit completion bash)' (or zsh) in your shell's start-up file."})
public final class Main implements Runnable {
    /** Exit status for bad usage (unknown option, missing argument). */
    public static final int EXIT_USAGE = 2;
    /** Exit status for unusable input. */
    public static final int EXIT_INPUT = 3;
    /** Exit status for an analysis that cannot be done on the data. */
    public static final int EXIT_ANALYSIS = 4;

    /** The subcommands in the order the help lists them. */
    static final List<String> COMMANDS = List.of(
            "instruments",
            "restructure",
            "nonindependence",
            "correlate",
            "score",
            "apim",
            "distinguishability",
            "reliability",
            "mediate",
            "apimem",
            "power",
            "mlm",
            "growth",
            "longitudinal-apim",
            "stability-influence",
            "study",
            "completion");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * A new instance of the subcommand called {@code name}. One case per command: a class is loaded
     * only when its case runs, which keeps the start-up of every other command free of it.
     */
    private static Object newCommand(String name) {
        switch (name) {
            case "instruments": return new InstrumentsCommand();
            case "restructure": return new RestructureCommand();
            case "nonindependence": return new NonindependenceCommand();
            case "correlate": return new CorrelateCommand();
            case "score": return new ScoreCommand();
            case "apim": return new ApimCommand();
            case "distinguishability": return new DistinguishabilityCommand();
            case "reliability": return new ReliabilityCommand();
            case "mediate": return new MediateCommand();
            case "apimem": return new ApimemCommand();
            case "power": return new PowerCommand();
            case "mlm": return new MlmCommand();
            case "growth": return new GrowthCommand();
            case "longitudinal-apim": return new LongitudinalApimCommand();
            case "stability-influence": return new StabilityInfluenceCommand();
            case "study": return new org.dyadkit.study.StudyCommand();
            case "completion": return new CompletionCommand();
            default: throw new IllegalArgumentException("no dyadkit command " + name);
        }
    }

    /** Builds the command line with every subcommand registered (help, completion scripts, tests). */
    public static CommandLine commandLine() {
        return build(COMMANDS);
    }

    /**
     * Builds the command line for one run: only the subcommand that {@code args} names is registered;
     * none for {@code --version}; all of them when the arguments name none (the overview help) or an
     * unknown one (so that the message can suggest the nearest).
     */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            return build(List.of(args[0]));
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return build(List.of());
        }
        return build(COMMANDS);
    }

    private static CommandLine build(List<String> names) {
        CommandLine cl = new CommandLine(new Main());
        for (String name : names) {
            cl.addSubcommand(name, newCommand(name));
        }
        ExampleFooter.install(cl);
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("dyadkit: " + message(ex));
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return EXIT_USAGE;
        });
        return cl;
    }

    /** The message of a usage error; an unknown command names the nearest commands. */
    private static String message(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u
                && ex.getCommandLine().getCommandSpec().parent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            String typed = u.getUnmatched().get(0);
            List<String> near = nearest(typed, COMMANDS);
            return "unknown command '" + typed + "'"
                    + (near.isEmpty() ? "; the commands are " + String.join(", ", COMMANDS)
                            : "; did you mean " + String.join(" or ", near.stream().map(n -> "'" + n + "'").toList())
                                    + "?");
        }
        return ex.getMessage();
    }

    /**
     * The names nearest to {@code typed} by edit distance (case-insensitive), at most two, within a
     * distance of a third of the longer name (at least 2), or those that start with what was typed.
     */
    static List<String> nearest(String typed, List<String> names) {
        String t = typed.toLowerCase(Locale.ROOT);
        int best = Integer.MAX_VALUE;
        List<String> out = new ArrayList<>();
        for (String n : names) {
            int d = n.startsWith(t) && t.length() >= 3 ? 0 : Names.distance(t, n);
            if (d > Math.max(2, Math.max(t.length(), n.length()) / 3)) {
                continue;
            }
            if (d < best) {
                best = d;
                out.clear();
            }
            if (d == best && out.size() < 2) {
                out.add(n);
            }
        }
        return out;
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        if (OptionChecks.unwrap(ex) != ex && OptionChecks.unwrap(ex) instanceof Exception inner) {
            // a worker pool's wrapper (its message is the inner exception's class and message): judge the inner one
            return handle(inner, cl, parseResult);
        }
        if (OptionChecks.unwrap(ex) instanceof OutOfMemoryError) {
            // a worker thread's: the same message as the main thread's
            return outOfMemory();
        }
        PrintWriter err = cl.getErr();
        if (ex instanceof InputException) {
            err.println("dyadkit: " + ex.getMessage());
            return EXIT_INPUT;
        }
        if (ex instanceof AnalysisException a) {
            err.println("dyadkit: cannot analyse (" + a.reason().name().toLowerCase(Locale.ROOT) + "): "
                    + a.getMessage());
            return EXIT_ANALYSIS;
        }
        if (ex instanceof CommandLine.ParameterException) {
            err.println("dyadkit: " + ex.getMessage());
            return EXIT_USAGE;
        }
        if (ex instanceof java.io.UncheckedIOException u) {
            err.println("dyadkit: cannot read or write: " + org.dyadkit.input.Messages.cut(String.valueOf(
                    u.getCause() == null ? u.getMessage() : u.getCause().getMessage())));
            return EXIT_INPUT;
        }
        if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException) {
            // a library precondition the options did not check: a usage error, never a stack trace
            err.println("dyadkit: " + org.dyadkit.input.Messages.cut(String.valueOf(ex.getMessage())));
            err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
            return EXIT_USAGE;
        }
        throw new IllegalStateException(ex);
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // the one answer that needs no command-line parser: print it without loading picocli's model
            System.out.println(new Version().getVersion()[0]);
            System.exit(0);
        }
        Output.Format listing = InstrumentsCommand.listingOnly(args);
        if (listing != null) {
            // the bare listing: printed from the catalogue index without building picocli's model
            System.exit(InstrumentsCommand.printListing(listing));
        }
        int status;
        try {
            status = execute(commandLine(args), args);
        } catch (OutOfMemoryError e) {
            status = outOfMemory();
        }
        System.exit(status);
    }

    /**
     * The message for a run that needed more memory than the JVM's heap limit (a very large table read whole,
     * or a duplicate-id check over many millions of rows): what to do instead of a stack trace; exit 3.
     */
    static int outOfMemory() {
        long mb = Runtime.getRuntime().maxMemory() >> 20;
        System.err.println("dyadkit: out of memory: the run needed more than the " + mb + " MB the Java heap may use; "
                + "give it more, e.g. DYADKIT_JAVA_OPTS=-Xmx4g ./dyadkit ... (or java -Xmx4g -jar dyadkit.jar ...); "
                + "no output was written");
        System.err.flush();
        return EXIT_INPUT;
    }

    /**
     * Runs a command and checks that its standard output was written: a failed write (a full disk, a
     * closed pipe; {@code PrintStream} and {@code PrintWriter} only record it) is exit 3 with a message,
     * never 0.
     */
    static int execute(CommandLine cl, String... args) {
        int status = cl.execute(args);
        return checkOutput(cl.getOut(), cl.getErr(), status);
    }

    /**
     * The exit status of a run that ended with {@code status} after writing to {@code out}: exit 3 with a
     * message on {@code err} when {@code out} or standard output recorded a failed write.
     */
    static int checkOutput(PrintWriter out, PrintWriter err, int status) {
        boolean failed = out.checkError();
        System.out.flush();
        failed |= System.out.checkError();
        if (failed) {
            err.println("dyadkit: standard output: cannot be written (is the disk full, or the pipe closed?); "
                    + "the output is incomplete");
            err.flush();
            return status == 0 ? EXIT_INPUT : status;
        }
        return status;
    }

    /** Reports the version set in the build ({@link org.dyadkit.Version#current()}). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dyadkit " + org.dyadkit.Version.current()};
        }
    }

    /** The commands registered on a command line, for tests. */
    static List<String> registered(CommandLine cl) {
        return List.copyOf(cl.getSubcommands().keySet());
    }
}
