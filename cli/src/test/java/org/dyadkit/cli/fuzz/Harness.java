package org.dyadkit.cli.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dyadkit.cli.Main;
import picocli.CommandLine;

/**
 * Runs one {@link FuzzCase} in process through {@link Main#commandLine(String...)} (no {@code System.exit}),
 * with standard input empty, standard output and error captured and a timeout, and judges the outcome:
 * a documented exit status (0, 2, 3, 4), at most {@value #MAX_ERR_LINES} lines on standard error, none longer
 * than {@value #MAX_LINE} characters, no {@code Exception} and no {@code \tat } anywhere, and after exit 0 no
 * {@code NaN}, {@code Infinity} or {@code Inf} in any output (standard output and every file written) unless
 * the same word is in the case's input files or arguments (a label, a copied cell, a prefix).
 */
final class Harness implements AutoCloseable {
    static final int MAX_ERR_LINES = 12;
    static final int MAX_LINE = 600;
    private static final Set<Integer> DOCUMENTED = Set.of(0, 2, 3, 4);
    /** A non-finite number as Java, R or JavaScript would print it, not inside a word. */
    static final Pattern NON_FINITE = Pattern.compile("(?<![A-Za-z])(NaN|-?Infinity|-?Inf)(?![A-Za-z])");

    /** What a run did. */
    record Outcome(int exit, String out, String err, Map<String, String> files, Throwable thrown, boolean hung,
            long millis) {
    }

    private ExecutorService pool = newPool();
    private final Duration timeout;

    Harness(Duration timeout) {
        this.timeout = timeout;
    }

    private static ExecutorService newPool() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the case in {@code dir} (created). */
    Outcome run(FuzzCase c, Path dir) throws IOException {
        String[] args = c.materialize(dir);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
        ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        long start = System.nanoTime();
        int exit = -1;
        Throwable thrown = null;
        boolean hung = false;
        System.setOut(new PrintStream(sysOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(new byte[0]));
        try {
            Future<Integer> f = pool.submit(() -> {
                CommandLine cl = Main.commandLine(args);
                cl.setOut(new PrintWriter(out, true));
                cl.setErr(new PrintWriter(err, true));
                return cl.execute(args);
            });
            try {
                exit = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                hung = true;
                f.cancel(true);
                pool.shutdownNow();
                pool = newPool();
            } catch (ExecutionException e) {
                thrown = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                thrown = e;
            }
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, String> files = new LinkedHashMap<>();
        Path outDir = dir.resolve("out");
        if (Files.isDirectory(outDir)) {
            try (Stream<Path> s = Files.walk(outDir)) {
                for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                    files.put(outDir.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
                }
            }
        }
        return new Outcome(exit, out + sysOut.toString(StandardCharsets.UTF_8),
                err + sysErr.toString(StandardCharsets.UTF_8), files, thrown, hung, millis);
    }

    /** What is wrong with an outcome; empty when it is acceptable. */
    static List<String> problems(FuzzCase c, Outcome o) {
        List<String> p = new ArrayList<>();
        if (o.hung()) {
            p.add("no answer within the timeout (hang)");
            return p;
        }
        if (o.thrown() != null) {
            p.add("threw " + o.thrown());
        }
        if (!DOCUMENTED.contains(o.exit()) && o.thrown() == null) {
            p.add("undocumented exit status " + o.exit());
        }
        for (String stream : List.of("stdout", "stderr")) {
            String text = stream.equals("stdout") ? o.out() : o.err();
            if (text.contains("Exception") || text.contains("\tat ")) {
                p.add(stream + " shows an exception or a stack trace");
            }
        }
        long errLines = o.err().lines().count();
        if (errLines > MAX_ERR_LINES) {
            p.add("stderr has " + errLines + " lines (at most " + MAX_ERR_LINES + ")");
        }
        o.err().lines().filter(l -> l.length() > MAX_LINE).findFirst()
                .ifPresent(l -> p.add("stderr line of " + l.length() + " characters (at most " + MAX_LINE + ")"));
        if (o.exit() == 0) {
            String input = c.files().values().stream().map(b -> new String(b, StandardCharsets.ISO_8859_1))
                    .reduce(String.join(" ", c.args()), String::concat);
            // a token that is in the input or the arguments may be echoed (a label, a role, a copied cell, a
            // --prefix NaN naming the column NaN_total); the readers refuse
            // NaN and Inf as numbers (exit 3), so an echo is never a computed value
            nonFinite("stdout", o.out(), input).ifPresent(p::add);
            o.files().forEach((name, text) -> nonFinite(name, text, input).ifPresent(p::add));
        }
        return p;
    }

    private static java.util.Optional<String> nonFinite(String where, String text, String input) {
        Matcher m = NON_FINITE.matcher(text);
        while (m.find()) {
            if (!input.contains(m.group(1))) {
                int from = Math.max(0, m.start() - 60);
                int to = Math.min(text.length(), m.end() + 20);
                return java.util.Optional.of(where + " shows " + m.group(1) + " after exit 0: ..."
                        + text.substring(from, to).replace("\n", "\\n") + "...");
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
