package org.dyadkit.cli;

import java.io.PrintWriter;
import org.dyadkit.AnalysisException;
import org.dyadkit.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dyadkit} command. Each subcommand is a thin shell over the library calls a researcher
 * makes from Java; nothing is reachable only from here.
 *
 * <p>Exit status: 0 done (rows with problems are flagged, not fatal); 2 bad usage; 3 unusable input,
 * with one line saying what and where; 4 the analysis cannot be done on these data, with the reason.
 */
@Command(name = "dyadkit",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Scale scoring and dyadic statistics for relationship science.",
        footer = {"", "Exit status: 0 done; 2 bad usage; 3 unusable input; 4 analysis not possible on these data.",
            "Run 'dyadkit COMMAND --help' for a command's options and an example."})
public final class Main implements Runnable {
    /** Exit status for bad usage (unknown option, missing argument). */
    public static final int EXIT_USAGE = 2;
    /** Exit status for unusable input. */
    public static final int EXIT_INPUT = 3;
    /** Exit status for an analysis that cannot be done on the data. */
    public static final int EXIT_ANALYSIS = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with every subcommand registered. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // subcommands, one per line
        cl.addSubcommand(new InstrumentsCommand());
        cl.addSubcommand(new RestructureCommand());
        cl.addSubcommand(new NonindependenceCommand());
        cl.addSubcommand(new CorrelateCommand());
        cl.addSubcommand(new ScoreCommand());
        cl.addSubcommand(new ApimCommand());
        cl.addSubcommand(new DistinguishabilityCommand());
        cl.addSubcommand(new ReliabilityCommand());
        cl.addSubcommand(new MediateCommand());
        cl.addSubcommand(new ApimemCommand());
        cl.addSubcommand(new PowerCommand());
        cl.addSubcommand(new MlmCommand());
        cl.addSubcommand(new GrowthCommand());
        cl.addSubcommand(new LongitudinalApimCommand());
        cl.addSubcommand(new StabilityInfluenceCommand());
        cl.addSubcommand(new org.dyadkit.study.StudyCommand());
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("dyadkit: " + ex.getMessage());
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return EXIT_USAGE;
        });
        return cl;
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        if (ex instanceof InputException) {
            err.println("dyadkit: " + ex.getMessage());
            return EXIT_INPUT;
        }
        if (ex instanceof AnalysisException a) {
            err.println("dyadkit: cannot analyse (" + a.reason().name().toLowerCase(java.util.Locale.ROOT) + "): "
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
        System.exit(execute(commandLine(), args));
    }

    /**
     * Runs a command and checks that its standard output was written: a failed write (a full disk, a
     * closed pipe; {@code PrintStream} and {@code PrintWriter} only record it) is exit 3 with a message,
     * never 0.
     */
    static int execute(CommandLine cl, String... args) {
        int status = cl.execute(args);
        boolean failed = cl.getOut().checkError();
        System.out.flush();
        failed |= System.out.checkError();
        if (failed) {
            PrintWriter err = cl.getErr();
            err.println("dyadkit: standard output: cannot be written (is the disk full, or the pipe closed?); "
                    + "the output is incomplete");
            err.flush();
            return status == 0 ? EXIT_INPUT : status;
        }
        return status;
    }

    /** Reports the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"dyadkit " + (v == null ? "development build" : v)};
        }
    }
}
