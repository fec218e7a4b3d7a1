package org.dyadkit.spss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dyadkit.InputException;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The files under {@code spss/} were written by GNU PSPP from {@code couples.sps} (see {@code make.sh}). */
class SpssFileTest {
    static final Path DIR = Path.of("src/test/resources/spss");
    static final String ESSAY = "C" + ".".repeat(298) + "Z";

    @ParameterizedTest
    @ValueSource(strings = {"couples.sav", "couples-bytecode.sav", "couples.zsav"})
    void readsTheValuesPsppWrote(String file) {
        SpssFile f = SpssFile.read(DIR.resolve(file));
        DataTable t = f.table();
        assertEquals(List.of("cuplid", "gender", "satisfaction", "relationship_satisfaction", "note", "essay"),
                t.columns());
        assertEquals(4, t.rowCount());
        assertArrayEquals(new String[] {"1", "1", "4.5", "5.25", "first", "A"}, t.row(0));
        assertArrayEquals(new String[] {"1", "2", "", "6", "", "B"}, t.row(1));      // -99 and 'none' user-missing
        assertArrayEquals(new String[] {"2", "1", "3.125", "", "third note", ESSAY}, t.row(2)); // 999 in 900 THRU HI
        assertArrayEquals(new String[] {"2", "2", "", "7.5", "fourth", "D"}, t.row(3)); // system-missing
        double[] sat = t.numeric("satisfaction");
        assertEquals(4.5, sat[0]);
        assertTrue(Double.isNaN(sat[1]) && Double.isNaN(sat[3]));
        assertEquals("UTF-8", f.encoding());
    }

    @ParameterizedTest
    @ValueSource(strings = {"couples.sav", "couples-bytecode.sav", "couples.zsav"})
    void keepsLabelsAndMissingValueDeclarations(String file) {
        SpssFile f = SpssFile.read(DIR.resolve(file));
        SpssVariable gender = f.variable("gender").orElseThrow();
        assertEquals(Optional.of("Gender of the partner"), gender.label());
        assertEquals(Map.of("1", "husband", "2", "wife"), gender.valueLabels());
        assertEquals(Optional.of("wife"), gender.valueLabel("2"));
        assertEquals(SpssVariable.Kind.NUMERIC, gender.kind());
        SpssVariable sat = f.variable("satisfaction").orElseThrow();
        assertEquals(Optional.of("Relationship satisfaction (RAS mean)"), sat.label());
        assertEquals(Map.of("-99", "refused"), sat.valueLabels());
        assertEquals(List.of("-99"), sat.missing());
        assertEquals(1, sat.userMissing());
        SpssVariable rel = f.variable("relationship_satisfaction").orElseThrow();
        assertEquals(List.of("900 THRU HI"), rel.missing());
        assertEquals(1, rel.userMissing());
        assertEquals(Optional.empty(), rel.label());
        SpssVariable note = f.variable("note").orElseThrow();
        assertEquals(SpssVariable.Kind.STRING, note.kind());
        assertEquals(12, note.width());
        assertEquals(List.of("'none'"), note.missing());
        assertEquals(1, note.userMissing());
        assertEquals(300, f.variable("essay").orElseThrow().width());
        assertEquals(6, f.variables().size());
        assertTrue(f.documents().stream().anyMatch(d -> d.contains("Test file written by make.sh with GNU PSPP.")),
                f.documents().toString());
    }

    @Test
    void csvStreamHasTheSameCells() throws IOException {
        SpssFile f = SpssFile.read(DIR.resolve("couples.zsav"));
        String csv = new String(f.csv().readAllBytes(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals("cuplid,gender,satisfaction,relationship_satisfaction,note,essay", lines.get(0));
        assertEquals("1,2,,6,,B", lines.get(2));
        assertEquals(5, lines.size());
    }

    @Test
    void extensionDecidesAndDataTableDispatches() {
        assertTrue(SpssFile.isSpssFile(Path.of("a/b/Couples.SAV")));
        assertTrue(SpssFile.isSpssFile(Path.of("x.zsav")));
        assertTrue(!SpssFile.isSpssFile(Path.of("x.csv")));
        DataTable t = DataTable.read(DIR.resolve("couples-bytecode.sav"));
        assertEquals("3.125", t.cell(2, 2));
    }

    /** Every truncation of a file is refused with one message naming the file and a byte offset. */
    @ParameterizedTest
    @ValueSource(strings = {"couples.sav", "couples-bytecode.sav", "couples.zsav"})
    void truncatedFileNamesTheOffset(String file, @TempDir Path tmp) throws IOException {
        byte[] whole = Files.readAllBytes(DIR.resolve(file));
        for (int cut : new int[] {100, 200, 400, whole.length / 2, whole.length - 3}) {
            Path p = tmp.resolve("cut" + cut + "-" + file);
            Files.write(p, Arrays.copyOf(whole, cut));
            InputException e = assertThrows(InputException.class, () -> SpssFile.read(p), "cut at " + cut);
            assertTrue(e.getMessage().startsWith(p + ": damaged SPSS file"), e.getMessage());
            assertTrue(e.getMessage().matches("(?s).*(byte offset|offset) \\d+.*"), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void unknownRecordTypeNamesItsOffset(@TempDir Path tmp) throws IOException {
        byte[] b = Files.readAllBytes(DIR.resolve("couples.sav"));
        b[176] = 9; // the first record after the header: a variable record (type 2) becomes type 9
        Path p = tmp.resolve("bad.sav");
        Files.write(p, b);
        InputException e = assertThrows(InputException.class, () -> SpssFile.read(p));
        assertEquals(p + ": damaged SPSS file at byte offset 176: unknown record type 9; save it again from SPSS or"
                + " PSPP, or export it as CSV", e.getMessage());
    }

    @Test
    void caseSizeInTheHeaderIsCheckedUnlessUnknown(@TempDir Path tmp) throws IOException {
        byte[] b = Files.readAllBytes(DIR.resolve("couples.sav"));
        DataTable reference = DataTable.read(DIR.resolve("couples.sav"));
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int slots = header.getInt(68);
        // -1 (PSPP's "not known") and 0 (left by early ReadStat writers, so by early haven) are read as unknown
        for (int unknown : new int[] {-1, 0}) {
            header.putInt(68, unknown);
            Path p = tmp.resolve("unknown" + (unknown + 1) + ".sav");
            Files.write(p, b);
            DataTable t = DataTable.read(p);
            for (int c = 0; c < reference.columns().size(); c++) {
                assertArrayEquals(reference.text(reference.columns().get(c)), t.text(t.columns().get(c)), "case size " + unknown);
            }
        }
        header.putInt(68, slots + 1);
        Path wrong = tmp.resolve("wrong.sav");
        Files.write(wrong, b);
        InputException e = assertThrows(InputException.class, () -> SpssFile.read(wrong));
        assertTrue(e.getMessage().startsWith(wrong + ": damaged SPSS file at byte offset 68: the header gives "
                + (slots + 1) + " slots per case"), e.getMessage());
    }

    @Test
    void notAnSpssFile(@TempDir Path tmp) throws IOException {
        Path p = tmp.resolve("x.sav");
        Files.writeString(p, "a,b\n1,2\n" + "x".repeat(200));
        InputException e = assertThrows(InputException.class, () -> SpssFile.read(p));
        assertTrue(e.getMessage().contains("not an SPSS system file"), e.getMessage());
        InputException missing = assertThrows(InputException.class, () -> SpssFile.read(tmp.resolve("none.sav")));
        assertTrue(missing.getMessage().endsWith("file not found; check the path"), missing.getMessage());
    }

    @Test
    void surveyReaderDispatches() {
        try (var in = org.dyadkit.survey.SurveyReader.open(DIR.resolve("couples.sav"),
                org.dyadkit.survey.SurveyFormat.csv().withDelimiter(';'))) {
            assertEquals(List.of("cuplid", "gender", "satisfaction", "relationship_satisfaction", "note", "essay"),
                    in.header());
            assertTrue(in.next());
            assertEquals("4.5", in.cell(2));
            assertTrue(in.next());
            assertEquals("", in.cell(2));
            assertEquals(2, in.line());
        }
    }

    @Test
    void numbersAreShortestDecimals() {
        assertEquals("3", SpssFile.number(3.0));
        assertEquals("-0.125", SpssFile.number(-0.125));
        assertEquals("0.1", SpssFile.number(0.1));
        assertEquals("1234567.25", SpssFile.number(1234567.25));
        assertEquals("0.00001", SpssFile.number(1e-5));
    }
}
