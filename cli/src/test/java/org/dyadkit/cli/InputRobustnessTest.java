package org.dyadkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 18's input and output items: options checked where parsed, no data loss, failed writes, pipes. */
class InputRobustnessTest {
    private static final Path ACITELLI = Path.of("..", "data-samples", "acitelli_individual.csv");

    @TempDir
    Path dir;

    private static String items(String stem) {
        return IntStream.rangeClosed(1, 7).mapToObj(i -> stem + i).collect(Collectors.joining(","));
    }

    private Path survey() throws IOException {
        Path p = dir.resolve("survey.csv");
        Files.writeString(p, "id," + items("ras") + "\na,1,2,3,4,5,1,2\nb,2,2,2,2,2,2,2\nc,3,3,3,3,3,3,3\n");
        return p;
    }

    /** Exit 2 with one short message and no stack trace. */
    private static void usage(Run r, String mustContain) {
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(mustContain), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertTrue(r.err().lines().count() <= 2, r.err());
    }

    @Test
    void blankNamesAndPrefixesAreUsageErrors() throws IOException {
        String in = survey().toString();
        String out = dir.resolve("o.csv").toString();
        for (String blank : new String[] {"", " ", "\t"}) {
            usage(Run.run("score", "--instrument", "ras", "--input", in, "--output", out, "--prefix", blank), "--prefix");
            usage(Run.run("restructure", "--input", ACITELLI.toString(), "--from", "individual", "--to", "dyad",
                    "--dyad", blank, "--role", "gender"), "--dyad");
            usage(Run.run("correlate", "--input", ACITELLI.toString(), "--dyad", blank, "--vars", "tension,satisfaction"),
                    "--dyad");
            usage(Run.run("nonindependence", "--input", ACITELLI.toString(), "--dyad", blank, "--var", "tension"),
                    "--dyad");
        }
        usage(Run.run("correlate", "--input", ACITELLI.toString(), "--dyad", "cuplid", "--vars", ","), "--vars");
        usage(Run.run("correlate", "--input", ACITELLI.toString(), "--dyad", "cuplid", "--vars", "tension,,satisfaction"),
                "--vars");
        usage(Run.run("nonindependence", "--input", ACITELLI.toString(), "--dyad", "cuplid", "--var", "tension",
                "--var", "tension"), "twice");
        usage(Run.run("score", "--instrument", "ras", "--instrument", "ras", "--input", in, "--output", out,
                "--prefix", "r", "--prefix", "r"), "twice");
        usage(Run.run("score", "--instrument", "ras", "--input", in, "--output", out, "--na", ""), "--na");
        usage(Run.run("score", "--instrument", "ras", "--input", in, "--output", out, "--decimal", "dot"), "--decimal");
        usage(Run.run("score", "--instrument", "ras", "--input", in, "--output", out, "--encoding", "klingon"),
                "--encoding");
        usage(Run.run("nonindependence", "--input", ACITELLI.toString(), "--var", "tension"), "--dyad");
        assertFalse(Files.exists(Path.of(out)));
    }

    @Test
    void separatorsThatCollideWithCellsAreRefused() throws IOException {
        String in = survey().toString();
        String out = dir.resolve("o.csv").toString();
        for (String bad : new String[] {".", "1", "-", "\"", "'", "a", "::", " ", ""}) {
            usage(Run.run("score", "--instrument", "ras", "--input", in, "--output", out, "--output-delimiter", bad),
                    "--output-delimiter");
            usage(Run.run("score", "--instrument", "ras", "--input", in, "--output", out, "--delimiter", bad),
                    "--delimiter");
            usage(Run.run("apim", "--input", ACITELLI.toString(), "--dyad", "cuplid", "--y", "satisfaction",
                    "--delimiter", bad), "--delimiter");
        }
        for (String good : new String[] {",", ";", "tab", "|", "semicolon"}) {
            Run r = Run.run("score", "--instrument", "ras", "--input", in, "--output", out, "--output-delimiter", good);
            assertEquals(0, r.exit(), good + ": " + r.err());
        }
    }

    @Test
    void anOutputThatIsTheInputIsRefusedAlsoThroughALink() throws IOException {
        Path in = survey();
        byte[] before = Files.readAllBytes(in);
        usage(Run.run("score", "--instrument", "ras", "--input", in.toString(), "--output", in.toString()), "input file");
        usage(Run.run("score", "--instrument", "ras", "--input", in.toString(), "--output", dir.resolve("o.csv").toString(),
                "--problems", in.toString()), "input file");
        Path link = dir.resolve("link.csv");
        Files.createSymbolicLink(link, in);
        usage(Run.run("score", "--instrument", "ras", "--input", in.toString(), "--output", link.toString()), "input file");
        usage(Run.run("score", "--instrument", "ras", "--input", link.toString(), "--output", dir.resolve("o.csv").toString(),
                "--problems", in.toString()), "input file");
        Path copy = dir.resolve("couples.csv");
        Files.copy(ACITELLI, copy);
        Path copyLink = dir.resolve("couples-link.csv");
        Files.createSymbolicLink(copyLink, copy);
        usage(Run.run("restructure", "--input", copy.toString(), "--from", "individual", "--to", "dyad", "--dyad",
                "cuplid", "--role", "gender", "--output", copyLink.toString()), "input file");
        assertTrue(Files.isSymbolicLink(copyLink));
        assertEquals(Files.readString(ACITELLI), Files.readString(copy));
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(in));
    }

    /** A stream that fails every write, as standard output on a full disk ({@code > /dev/full}). */
    private static final class Full extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    @Test
    void aFailedWriteToStandardOutputIsExitThree() throws IOException {
        // commands that print through picocli's writer
        for (String[] args : List.of(
                new String[] {"apim", "--input", ACITELLI.toString(), "--dyad", "cuplid", "--role", "gender",
                    "--y", "satisfaction", "--x", "other_pos"},
                new String[] {"restructure", "--input", ACITELLI.toString(), "--from", "individual", "--to", "dyad",
                    "--dyad", "cuplid", "--role", "gender"},
                new String[] {"instruments"})) {
            CommandLine cl = Main.commandLine();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(new Full(), true));
            cl.setErr(new PrintWriter(err, true));
            assertEquals(3, Main.execute(cl, args), args[0] + ": " + err);
            assertTrue(err.toString().contains("standard output"), err.toString());
        }
        // score writes the scored rows to System.out itself
        PrintStream saved = System.out;
        try {
            System.setOut(new PrintStream(new Full(), true));
            CommandLine cl = Main.commandLine();
            StringWriter err = new StringWriter();
            cl.setErr(new PrintWriter(err, true));
            assertEquals(3, Main.execute(cl, "score", "--instrument", "ras", "--input", survey().toString(), "--output",
                    "-"), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    private static Run withStdin(String text, String... args) {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            return Run.run(args);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void standardInputWorksForEveryCommand() throws IOException {
        String couples = Files.readString(ACITELLI);
        Run ni = withStdin(couples, "nonindependence", "--input", "-", "--dyad", "cuplid", "--role", "gender", "--var",
                "satisfaction");
        assertEquals(0, ni.exit(), ni.err());
        assertEquals(Run.run("nonindependence", "--input", ACITELLI.toString(), "--dyad", "cuplid", "--role", "gender",
                "--var", "satisfaction").out().replace(ACITELLI.toString(), "-"), ni.out());
        Run re = withStdin(couples, "restructure", "--input", "-", "--from", "individual", "--to", "dyad", "--dyad",
                "cuplid", "--role", "gender");
        assertEquals(0, re.exit(), re.err());
        assertTrue(re.out().startsWith("cuplid,"), re.out());
        Run ap = withStdin(couples, "apim", "--input", "-", "--dyad", "cuplid", "--role", "gender", "--y",
                "satisfaction", "--x", "other_pos");
        assertEquals(0, ap.exit(), ap.err());
        Run me = withStdin(couples, "mediate", "--input", "-", "--x", "other_pos", "--m", "tension", "--y",
                "satisfaction");
        assertEquals(0, me.exit(), me.err());
        String sample = Files.readString(Path.of("..", "data-samples", "simulated_couples.csv"));
        Run rel = withStdin(sample, "reliability", "--instrument", "ras", "--input", "-", "--items", "ras{n}");
        assertEquals(0, rel.exit(), rel.err());
        String survey = Files.readString(survey());
        Path o = dir.resolve("scored.csv");
        Run sc = withStdin(survey, "score", "--instrument", "ras", "--input", "-", "--output", o.toString());
        assertEquals(0, sc.exit(), sc.err());
        assertEquals(4, Files.readAllLines(o).size());
    }

    @Test
    void aNamedPipeIsReadLikeAFile() throws Exception {
        Path fifo = dir.resolve("couples.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        byte[] data = Files.readAllBytes(ACITELLI);
        for (String[] args : List.of(
                new String[] {"nonindependence", "--input", fifo.toString(), "--dyad", "cuplid", "--role", "gender",
                    "--var", "satisfaction"},
                new String[] {"score", "--instrument", "ras", "--input", fifo.toString(), "--output",
                    dir.resolve("s.csv").toString(), "--items", "ras{n}"})) {
            byte[] payload = args[0].equals("score") ? Files.readAllBytes(survey()) : data;
            Thread writer = new Thread(() -> {
                try (OutputStream w = Files.newOutputStream(fifo)) {
                    w.write(payload);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.start();
            Run r = Run.run(args);
            writer.join(10_000);
            assertEquals(0, r.exit(), args[0] + ": " + r.err());
        }
    }

    @Test
    void staleTemporaryFilesOfAKilledRunAreRemovedAndNamed() throws IOException {
        Path in = survey();
        Path out = dir.resolve("scored.csv");
        Path stale = dir.resolve(".scored.csv.1234567890.tmp");
        Files.writeString(stale, "partial");
        Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L));
        Path fresh = dir.resolve(".scored.csv.42.tmp");
        Files.writeString(fresh, "being written");
        Path other = dir.resolve(".other.csv.99.tmp");
        Files.writeString(other, "not ours");
        Files.setLastModifiedTime(other, FileTime.fromMillis(0));
        Run r = Run.run("score", "--instrument", "ras", "--input", in.toString(), "--output", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(Files.exists(stale));
        assertTrue(r.err().contains("removed " + stale), r.err());
        assertTrue(Files.exists(fresh) && r.err().contains("left in place"), r.err());
        assertTrue(Files.exists(other));
        List<String> leftovers = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".tmp")).forEach(p -> leftovers.add(p.getFileName().toString()));
        }
        assertEquals(2, leftovers.size(), leftovers.toString());
    }

    @Test
    void aHugeCellIsQuotedShort() throws IOException {
        Path p = dir.resolve("huge.csv");
        String cell = "x".repeat(1_000_000);
        Files.writeString(p, "cuplid,gender,y\n1,1,3\n1,2," + cell + "\n");
        Run r = Run.run("apim", "--input", p.toString(), "--dyad", "cuplid", "--role", "gender", "--y", "y");
        assertEquals(3, r.exit(), r.err().substring(0, Math.min(300, r.err().length())));
        assertTrue(r.err().length() < 400, r.err().length() + " characters");
    }

    @Test
    void ambiguousWideNamesAreRefusedAndAPatternReadsThem() throws IOException {
        Path p = dir.resolve("prqc.csv");
        Files.writeString(p, "PRQC_1.1,PRQC_1.2,PRQC_2.1,PRQC_2.2\n1,2,3,4\n2,3,4,5\n3,3,3,1\n");
        Run refused = Run.run("restructure", "--input", p.toString(), "--from", "dyad", "--to", "individual");
        assertEquals(3, refused.exit());
        assertTrue(refused.err().contains("--names '{var}.{role}'") && refused.err().contains("2 ways"), refused.err());
        assertTrue(refused.out().isEmpty());
        Run read = Run.run("restructure", "--input", p.toString(), "--from", "dyad", "--to", "individual", "--names",
                "{var}.{role}");
        assertEquals(0, read.exit(), read.err());
        assertTrue(read.out().startsWith("dyad,PRQC_1,PRQC_2"), read.out());
        assertTrue(read.err().contains("numbered by its line"), read.err());
        usage(Run.run("restructure", "--input", p.toString(), "--from", "individual", "--to", "dyad", "--names",
                "{var}.{role}", "--dyad", "x"), "--names");
    }

    @Test
    void theModelFittedWithoutRoleOrIndistinguishableIsNamed() {
        Run r = Run.run("apim", "--input", ACITELLI.toString(), "--dyad", "cuplid", "--y", "satisfaction", "--x",
                "other_pos");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("indistinguishable") && r.err().contains("--role"), r.err());
        Run quiet = Run.run("apim", "--input", ACITELLI.toString(), "--dyad", "cuplid", "--indistinguishable", "--y",
                "satisfaction", "--x", "other_pos");
        assertFalse(quiet.err().contains("fitted the model"), quiet.err());
        Run roles = Run.run("apim", "--input", ACITELLI.toString(), "--dyad", "cuplid", "--role", "gender", "--y",
                "satisfaction", "--x", "other_pos");
        assertFalse(roles.err().contains("fitted the model"), roles.err());
    }
}
