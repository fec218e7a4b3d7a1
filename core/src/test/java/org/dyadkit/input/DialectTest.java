package org.dyadkit.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dyadkit.InputException;
import org.dyadkit.survey.ItemCells;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reading dialect: each option, the hints when it is absent, and the same cell rules in every path. */
class DialectTest {
    @TempDir
    Path dir;

    private Path file(String text, Charset cs) throws IOException {
        Path p = dir.resolve("t.csv");
        Files.write(p, text.getBytes(cs));
        return p;
    }

    private static DataTable table(String text, ReadOptions o) {
        return DataTable.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv", o);
    }

    @Test
    void semicolonsWithDecimalCommasAndMissingCodes() {
        ReadOptions o = ReadOptions.csv().withDelimiter(';').withDecimalComma(true).withNa("-99", "999");
        DataTable t = table("id;x;y\n1;3,5;-99\n2;-0,25;999.0\n3;4;-99,0\n", o);
        assertArrayEquals(new double[] {3.5, -0.25, 4}, t.numeric("x"));
        double[] y = t.numeric("y");
        assertTrue(Double.isNaN(y[0]) && Double.isNaN(y[1]) && Double.isNaN(y[2]), "codes, also as 999.0 and -99,0");
        assertTrue(t.notes().isEmpty(), t.notes().toString());
    }

    @Test
    void aMissingCodeIsNeverANumber() {
        DataTable without = table("id,y\n1,-99\n2,3\n", ReadOptions.csv());
        assertEquals(-99, without.numeric("y")[0]);
        DataTable with = table("id,y\n1,-99\n2,3\n", ReadOptions.csv().withNa("-99"));
        assertTrue(Double.isNaN(with.numeric("y")[0]));
        assertEquals(3, with.numeric("y")[1]);
    }

    @Test
    void hintsNameTheOptionToAdd() {
        InputException ragged = assertThrows(InputException.class, () -> table("id;x\n1;2,5\n", ReadOptions.csv()));
        assertTrue(ragged.getMessage().contains("--delimiter ';'"), ragged.getMessage());
        DataTable semi = table("id;x\n1;2\n", ReadOptions.csv());
        InputException e = assertThrows(InputException.class, () -> semi.columnIndex("x"));
        assertTrue(e.getMessage().contains("--delimiter ';'"), e.getMessage());
        assertTrue(semi.notes().get(0).contains("--delimiter ';'"), semi.notes().toString());
        DataTable tab = table("id\tx\n1\t2\n", ReadOptions.csv());
        assertTrue(tab.notes().get(0).contains("--delimiter tab"), tab.notes().toString());
        DataTable comma = table("id;x\n1;2,5\n", ReadOptions.csv().withDelimiter(';'));
        assertTrue(comma.notes().get(0).contains("--decimal comma"), comma.notes().toString());
        InputException notNumber = assertThrows(InputException.class, () -> comma.numeric("x"));
        assertTrue(notNumber.getMessage().contains("--decimal comma"), notNumber.getMessage());
        DataTable q = table("id,q1\nResponse ID,Question 1\n{\"ImportId\":\"_recordId\"},{\"ImportId\":\"QID1\"}\n"
                + "R_1,4\n", ReadOptions.csv());
        assertTrue(q.notes().get(0).contains("--qualtrics"), q.notes().toString());
    }

    @Test
    void qualtricsRowsAreSkippedAndLinesCountRespondents() {
        DataTable q = table("id,q1\nResponse ID,Question 1\n{\"ImportId\":\"_recordId\"},{\"ImportId\":\"QID1\"}\n"
                + "R_1,4\nR_2,x\n", ReadOptions.csv().withQualtrics(true));
        assertEquals(2, q.rowCount());
        assertEquals("R_1", q.cell(0, 0));
        InputException e = assertThrows(InputException.class, () -> q.numeric("q1"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(q.notes().isEmpty());
        InputException tooShort = assertThrows(InputException.class,
                () -> table("id,q1\nResponse ID,Question 1\n", ReadOptions.csv().withQualtrics(true)));
        assertTrue(tooShort.getMessage().contains("--qualtrics"), tooShort.getMessage());
    }

    @Test
    void windows1252IsConvertedOnlyWhenAsked() throws IOException {
        Path p = file("id,name,x\n1,Zo\u00eb,2\n", Charset.forName("windows-1252"));
        InputException e = assertThrows(InputException.class, () -> DataTable.read(p, ReadOptions.csv()));
        assertTrue(e.getMessage().contains("--encoding windows-1252"), e.getMessage());
        DataTable t = DataTable.read(p, ReadOptions.csv().withEncoding(ReadOptions.encoding("windows-1252")));
        assertEquals("Zo\u00eb", t.cell(0, 1));
        assertTrue(t.notes().get(0).contains("converted to UTF-8"), t.notes().toString());
        Path bom = file("\uFEFFid,x\n1,2\n", StandardCharsets.UTF_8);
        assertEquals(List.of("id", "x"), DataTable.read(bom, ReadOptions.csv()).columns());
        assertEquals(StandardCharsets.ISO_8859_1, ReadOptions.encoding("latin-1"));
        assertThrows(IllegalArgumentException.class, () -> ReadOptions.encoding("klingon"));
    }

    @Test
    void duplicateColumnNamesNameBothPositions() {
        InputException e = assertThrows(InputException.class, () -> table("id,x,y,x\n1,2,3,4\n", ReadOptions.csv()));
        assertTrue(e.getMessage().contains("columns 2 and 4") && e.getMessage().contains("rename"), e.getMessage());
    }

    @Test
    void onlyTheFourSeparatorsAreAccepted() {
        for (char c : new char[] {',', ';', '\t', '|'}) {
            assertEquals(c, ReadOptions.csv().withDelimiter(c).delimiter());
        }
        for (char c : new char[] {'.', '-', '1', '"', '\'', 'a', ' ', '\n'}) {
            assertThrows(IllegalArgumentException.class, () -> ReadOptions.csv().withDelimiter(c), "'" + c + "'");
        }
        assertThrows(IllegalArgumentException.class, () -> ReadOptions.csv().withNa(" "));
        assertEquals(List.of("-99"), ReadOptions.csv().withNa("-99", " -99 ").naCodes());
    }

    @Test
    void itemCellsFollowTheScoringRules() {
        ItemCells plain = ItemCells.of(ReadOptions.csv());
        assertEquals(ItemCells.Kind.WHOLE, plain.classify(" 3.0 "));
        assertEquals(3, plain.value());
        assertEquals(ItemCells.Kind.MISSING, plain.classify("NA"));
        assertEquals(ItemCells.Kind.MISSING, plain.classify("."));
        assertEquals(ItemCells.Kind.TEXT, plain.classify("3,0"));
        assertEquals(ItemCells.Kind.FRACTION, plain.classify("2.5"));
        assertEquals(ItemCells.Kind.WHOLE, plain.classify("-99"));
        ItemCells dialect = ItemCells.of(ReadOptions.csv().withDecimalComma(true).withNa("-99"));
        assertEquals(ItemCells.Kind.WHOLE, dialect.classify("3,0"));
        assertEquals(ItemCells.Kind.FRACTION, dialect.classify("2,5"));
        assertEquals(ItemCells.Kind.MISSING, dialect.classify("-99.0"));
    }

    @Test
    void messagesQuoteAtMost80CharactersAndListAtMost10() {
        String big = "x".repeat(1_000_000);
        String q = Messages.quote(big);
        assertTrue(q.length() < 120 && q.contains("1000000 characters"), q);
        InputException e = new InputException(new InputException.Location("f.csv", 3, "c", big), "not a number");
        assertTrue(e.getMessage().length() < 200, e.getMessage().substring(0, 100));
        List<String> lines = java.util.stream.IntStream.rangeClosed(1, 5000).mapToObj(Integer::toString).toList();
        String l = Messages.list(lines);
        assertTrue(l.endsWith("1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 4990 more".substring(0, 0)) && l.endsWith("and 4990 more"), l);
        assertFalse(l.contains("11"), l);
    }
}
