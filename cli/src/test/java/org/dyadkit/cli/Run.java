package org.dyadkit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the dyadkit command line: its exit status and what it wrote to stdout and stderr. */
record Run(int exit, String out, String err) {
    /** Runs {@code dyadkit ARGS} with captured output streams. */
    static Run run(String... args) {
        CommandLine cl = Main.commandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
