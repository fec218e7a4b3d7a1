package org.dyadkit.cli;

import java.io.PrintWriter;
import org.dyadkit.power.PowerSimulation;

/** A progress bar on standard error, drawn only when the process runs on a terminal. */
final class ProgressBar implements PowerSimulation.Progress {
    private final PrintWriter err;
    private int shown = -1;

    private ProgressBar(PrintWriter err) {
        this.err = err;
    }

    /** A bar on this stream when standard input and output are a terminal, else null. */
    static ProgressBar onTerminal(PrintWriter err) {
        return System.console() != null ? new ProgressBar(err) : null;
    }

    @Override
    public synchronized void update(int done, int total) {
        int pct = (int) (100L * done / total);
        if (pct == shown) {
            return;
        }
        shown = pct;
        int width = 40;
        int fill = pct * width / 100;
        err.print("\r[" + "#".repeat(fill) + " ".repeat(width - fill) + "] " + pct + "% (" + done + "/" + total + ")");
        err.flush();
    }

    /** Clears the bar's line. */
    synchronized void finish() {
        if (shown >= 0) {
            err.print("\r" + " ".repeat(70) + "\r");
            err.flush();
        }
    }
}
