package org.dyadkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The Acitelli couples as SPSS files written by PSPP ({@code src/test/resources/spss/make.sh}) give the
 * same output as the CSV they were made from.
 */
class SpssInputTest {
    static final String CSV = "../data-samples/acitelli_individual.csv";

    @ParameterizedTest
    @ValueSource(strings = {"acitelli.sav", "acitelli.zsav"})
    void analysesGiveTheCsvNumbers(String file) {
        String sav = "src/test/resources/spss/" + file;
        for (String[] args : new String[][] {
            {"apim", "--dyad", "cuplid", "--role", "gender", "--y", "satisfaction", "--x", "other_pos", "--format", "json"},
            {"nonindependence", "--dyad", "cuplid", "--role", "gender", "--var", "satisfaction", "--format", "json"},
            {"correlate", "--dyad", "cuplid", "--role", "gender", "--vars", "other_pos,satisfaction", "--format", "json"},
        }) {
            Run fromCsv = Run.run(with(args, CSV));
            String[] codes = java.util.Arrays.copyOf(args, args.length + 1);
            codes[args.length] = "--role-codes";
            Run fromSav = Run.run(with(codes, sav));
            assertEquals(0, fromSav.exit(), fromSav.err());
            assertEquals(fromCsv.out().replace(CSV, "INPUT"), fromSav.out().replace(sav, "INPUT"), args[0]);
            // without --role-codes the value labels name the roles: -1 wife, 1 husband
            Run labelled = Run.run(with(args, sav));
            assertEquals(0, labelled.exit(), labelled.err());
            assertTrue(labelled.out().contains("\"wife\"") && labelled.out().contains("\"husband\""), labelled.out());
            assertTrue(!labelled.out().contains("\"-1\""), labelled.out());
        }
    }

    /**
     * Reliability by a labelled role column names its groups by the labels: couples-ras.sav (role 1 'man', 2
     * 'woman', -9 user-missing) gives the output of the CSV it was made from, whose role column says man/woman.
     */
    @Test
    void reliabilityGroupsAreNamedByTheirLabels() {
        String sav = "src/test/resources/spss/couples-ras.sav";
        String csv = "../data-samples/simulated_couples.csv";
        for (String format : new String[] {"json", "text", "csv"}) {
            String[] args = {"reliability", "--instrument", "ras", "--items", "ras{n}", "--by", "role", "--format", format,
                "--input", null};
            args[args.length - 1] = csv;
            Run fromCsv = Run.run(args);
            args[args.length - 1] = sav;
            Run fromSav = Run.run(args);
            assertEquals(0, fromSav.exit(), fromSav.err());
            assertEquals(fromCsv.out().replace(csv, "INPUT"), fromSav.out().replace(sav, "INPUT"), format);
            assertTrue(fromSav.out().contains("woman"), fromSav.out());
        }
    }

    /** 9 is user-missing in ras.sav: scored as a missing answer, exactly as the empty cell of ras.csv. */
    @Test
    void scoreGivesTheCsvScores(@TempDir Path tmp) throws IOException {
        String[] out = new String[2];
        String[] names = {"ras.sav", "ras.csv"};
        for (int i = 0; i < 2; i++) {
            Path scored = tmp.resolve(names[i] + ".scored.csv");
            Run r = Run.run("score", "--input", "src/test/resources/spss/" + names[i], "--output", scored.toString(),
                    "--id", "id", "--instrument", "ras", "--items", "ras{n}");
            assertEquals(0, r.exit(), r.err());
            out[i] = Files.readString(scored);
        }
        assertEquals(out[1], out[0]);
        assertTrue(out[0].contains("1,5,4,5,1,4,5,2,4.571428571428571,"), out[0]);
        assertTrue(out[0].contains("2,3,3,,3,3,3,3,,"), out[0]);
    }

    @Test
    void damagedFileIsOneLineWithTheOffset(@TempDir Path tmp) throws IOException {
        byte[] b = Files.readAllBytes(Path.of("src/test/resources/spss/acitelli.sav"));
        Path cut = tmp.resolve("cut.sav");
        Files.write(cut, java.util.Arrays.copyOf(b, b.length - 5));
        Run r = Run.run("apim", "--input", cut.toString(), "--dyad", "cuplid", "--role", "gender",
                "--y", "satisfaction", "--x", "other_pos");
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().startsWith("dyadkit: " + cut + ": damaged SPSS file at byte offset "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    private static String[] with(String[] args, String input) {
        String[] out = new String[args.length + 2];
        out[0] = args[0];
        out[1] = "--input";
        out[2] = input;
        System.arraycopy(args, 1, out, 3, args.length - 1);
        return out;
    }
}
