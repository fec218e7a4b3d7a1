package org.dyadkit.examples.simulate;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Command line of the couple-survey simulator. From the repository root:
 *
 * <pre>
 * mvn -q -pl examples -am process-classes -Psimulate -Dexec.args="--output data-samples/simulated_couples.csv"
 * mvn -q -pl examples -am process-classes -Psimulate -Dexec.args="--couples 20000 --output /tmp/couples-20000.csv"
 * </pre>
 *
 * <p>Options: {@code --seed S} (default 2013), {@code --couples N} (default 150), {@code --clean} (no faults,
 * no missing answers), {@code --output FILE} (default standard output), {@code --latent FILE} (the true
 * latent scores). Files are written to a temporary file beside the target and moved into place, so an
 * interrupted run leaves no partial file. Exit status 0 done, 2 bad usage, 1 write error.
 */
public final class SimulateCouples {
    private SimulateCouples() {
    }

    private static final String USAGE = String.join("\n",
            "Usage: SimulateCouples [--seed S] [--couples N] [--clean] [--output FILE] [--latent FILE]",
            "Writes a simulated item-level couple survey (SCS-26, Authenticity Scale, RAS, partner-rated",
            "behaviour, conflict styles; one row per person) generated from the model in docs/samples.md.",
            "  --seed S       random seed (default 2013, the seed of data-samples/simulated_couples.csv)",
            "  --couples N    number of couples (default 150)",
            "  --clean        no deliberate faults and no missing answers",
            "  --output FILE  survey CSV (default: standard output)",
            "  --latent FILE  also write each person's true latent scores",
            "Example: --couples 20000 --clean --output /tmp/couples-20000.csv");

    /** Runs the simulator and exits with its status. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the simulator with command-line arguments; returns the exit status (0 done, 2 bad usage,
     * 1 when a file cannot be written), with messages on {@code err}.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        long seed = CoupleSurveySimulator.SAMPLE_SEED;
        int couples = CoupleSurveySimulator.SAMPLE_COUPLES;
        boolean clean = false;
        Path output = null;
        Path latent = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                    case "--couples" -> couples = Integer.parseInt(value(args, ++i, "--couples"));
                    case "--clean" -> clean = true;
                    case "--output" -> output = Path.of(value(args, ++i, "--output"));
                    case "--latent" -> latent = Path.of(value(args, ++i, "--latent"));
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            CoupleSurveySimulator simulator =
                    CoupleSurveySimulator.of(new CoupleSurveySimulator.Options(seed, couples, clean));
            if (output == null) {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                if (latent == null) {
                    simulator.write(w, null);
                } else {
                    try (Writer lw = Files.newBufferedWriter(temp(latent), StandardCharsets.UTF_8)) {
                        simulator.write(w, lw);
                    }
                    moveIntoPlace(latent);
                }
                w.flush();
                return 0;
            }
            try (Writer w = Files.newBufferedWriter(temp(output), StandardCharsets.UTF_8);
                 Writer lw = latent == null ? null : Files.newBufferedWriter(temp(latent), StandardCharsets.UTF_8)) {
                simulator.write(w, lw);
            }
            moveIntoPlace(output);
            if (latent != null) {
                moveIntoPlace(latent);
            }
            err.println("wrote " + simulator.rowCount() + " rows (" + couples + " couples, seed " + seed
                    + (clean ? ", clean" : "") + ") to " + output);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("SimulateCouples: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("SimulateCouples: cannot write: " + e.getMessage());
            return 1;
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static Path temp(Path target) {
        Path abs = target.toAbsolutePath();
        return abs.resolveSibling(abs.getFileName() + ".tmp");
    }

    private static void moveIntoPlace(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        try {
            Files.move(temp(target), abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp(target), abs, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
