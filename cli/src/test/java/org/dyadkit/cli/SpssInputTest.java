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
            Run fromSav = Run.run(with(args, sav));
            assertEquals(0, fromSav.exit(), fromSav.err());
            assertEquals(fromCsv.out().replace(CSV, "INPUT"), fromSav.out().replace(sav, "INPUT"), args[0]);
        }
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
