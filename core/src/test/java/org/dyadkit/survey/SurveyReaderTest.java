package org.dyadkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dyadkit.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurveyReaderTest {
    @TempDir
    Path dir;

    private static List<List<String>> rows(byte[] bytes, SurveyFormat f) {
        try (SurveyReader r = SurveyReader.open(new ByteArrayInputStream(bytes), "t.csv", f)) {
            List<List<String>> out = new ArrayList<>();
            out.add(r.header());
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < r.cellCount(); i++) {
                    row.add(r.cell(i));
                }
                out.add(row);
            }
            return out;
        }
    }

    private static List<List<String>> rows(String text) {
        return rows(text.getBytes(StandardCharsets.UTF_8), SurveyFormat.csv());
    }

    private static InputException fails(byte[] bytes, SurveyFormat f) {
        return assertThrows(InputException.class, () -> rows(bytes, f));
    }

    private static InputException fails(String text) {
        return fails(text.getBytes(StandardCharsets.UTF_8), SurveyFormat.csv());
    }

    @Test
    void readsBomCrlfQuotesAndBlankLines() {
        List<List<String>> r = rows("\uFEFFid,x,note\r\n1,2,\"a, b\"\r\n\r\n2,,\"line\nbreak \"\"q\"\"\"\r\n3,4,\n");
        assertEquals(List.of("id", "x", "note"), r.get(0));
        assertEquals(List.of("1", "2", "a, b"), r.get(1));
        assertEquals(List.of("2", "", "line\nbreak \"q\""), r.get(2));
        assertEquals(List.of("3", "4", ""), r.get(3));
        assertEquals(4, r.size());
    }

    @Test
    void reportsBomAndLineEnds() {
        try (SurveyReader r = SurveyReader.open(new ByteArrayInputStream(
                "\uFEFFa,b\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8)), "t", SurveyFormat.csv())) {
            assertTrue(r.hasByteOrderMark());
            assertTrue(r.usesCrlf());
        }
        try (SurveyReader r = SurveyReader.open(new ByteArrayInputStream("a,b\n1,2".getBytes(StandardCharsets.UTF_8)),
                "t", SurveyFormat.csv())) {
            assertFalse(r.hasByteOrderMark());
            assertFalse(r.usesCrlf());
            assertTrue(r.next());
            assertEquals("2", r.cell(1));
            assertFalse(r.next());
        }
    }

    @Test
    void semicolonsAndLoneCarriageReturns() {
        List<List<String>> r = rows("id;x\r1;\"2;3\"\r".getBytes(StandardCharsets.UTF_8), SurveyFormat.csv().withDelimiter(';'));
        assertEquals(List.of(List.of("id", "x"), List.of("1", "2;3")), r);
    }

    @Test
    void lenientWithStrayQuotes() {
        List<List<String>> r = rows("a,b\nx\"y,\"p\"q\n");
        assertEquals(List.of("x\"y", "pq"), r.get(1));
    }

    @Test
    void raggedRowsComeBackAsRead() {
        List<List<String>> r = rows("a,b,c\n1,2\n1,2,3,4\n");
        assertEquals(List.of("1", "2"), r.get(1));
        assertEquals(List.of("1", "2", "3", "4"), r.get(2));
    }

    @Test
    void qualtricsExtraHeaderRows() {
        String text = "id,q1\n\"ID\",\"How often, ...\"\n\"{\"\"ImportId\"\":\"\"QID1\"\"}\",x\n7,3\n";
        try (SurveyReader r = SurveyReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "q",
                SurveyFormat.csv().withQualtrics(true))) {
            assertEquals(2, r.extraHeaderRows().size());
            assertEquals("How often, ...", r.extraHeaderRows().get(0).get(1));
            assertTrue(r.next());
            assertEquals(1, r.line());
            assertEquals("7", r.cell(0));
        }
        InputException e = fails("id,q1\nID,Q\n".getBytes(StandardCharsets.UTF_8), SurveyFormat.csv().withQualtrics(true));
        assertTrue(e.getMessage().contains("Qualtrics"), e.getMessage());
    }

    @Test
    void wholeFileFaultsNameTheFileAndTheFault() throws IOException {
        assertTrue(fails("").getMessage().contains("empty"));
        assertTrue(fails("\uFEFF").getMessage().contains("empty"));
        assertTrue(fails("\n\n").getMessage().contains("empty"));
        assertTrue(fails("1,2,3\n4,5,6\n").getMessage().contains("no header"));
        assertTrue(fails(",,\n1,2,3\n").getMessage().contains("no header"));
        InputException dup = fails("id,x,x\n1,2,3\n");
        assertTrue(dup.getMessage().contains("x") && dup.getMessage().contains("twice"), dup.getMessage());
        InputException latin1 = fails(new byte[] {'i', 'd', '\n', 'J', 'o', (byte) 0xE9, '\n'}, SurveyFormat.csv());
        assertTrue(latin1.getMessage().contains("bad encoding") && latin1.getMessage().contains("0xE9")
                && latin1.getMessage().contains("data row 1"), latin1.getMessage());
        InputException utf16 = fails(new byte[] {(byte) 0xFF, (byte) 0xFE, 'i', 0, 'd', 0}, SurveyFormat.csv());
        assertTrue(utf16.getMessage().contains("UTF-16"), utf16.getMessage());
        InputException cut = fails(new byte[] {'i', 'd', '\n', 'a', (byte) 0xC3}, SurveyFormat.csv());
        assertTrue(cut.getMessage().contains("bad encoding"), cut.getMessage());
        InputException unclosed = fails("id,x\n1,\"abc\n2,3\n");
        assertTrue(unclosed.getMessage().contains("never closed") && unclosed.getMessage().contains("data row 1"),
                unclosed.getMessage());
        byte[] longRow = ("id,x\n1,\"" + "y".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        InputException tooLong = fails(longRow, SurveyFormat.csv().withMaxRowBytes(1024));
        assertTrue(tooLong.getMessage().contains("longer than"), tooLong.getMessage());

        InputException missing = assertThrows(InputException.class,
                () -> SurveyReader.open(dir.resolve("nope.csv"), SurveyFormat.csv()));
        assertTrue(missing.getMessage().contains("nope.csv") && missing.getMessage().contains("not found"));
        InputException folder = assertThrows(InputException.class, () -> SurveyReader.open(dir, SurveyFormat.csv()));
        assertTrue(folder.getMessage().contains("folder"));
    }

    @Test
    void multiByteCharactersAcrossBufferBoundaries() {
        StringBuilder sb = new StringBuilder("id,name\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append(i).append(",Zoë \"ł\" 日本\n");
        }
        List<List<String>> r = rows(sb.toString());
        assertEquals(20_001, r.size());
        assertEquals(List.of("19999", "Zoë \"ł\" 日本"), r.get(20_000));
    }

    @Test
    void readsFromAFile() throws IOException {
        Path p = dir.resolve("s.csv");
        Files.writeString(p, "id,x\n1,2\n");
        try (SurveyReader r = SurveyReader.open(p, SurveyFormat.csv())) {
            assertEquals(1, r.columnIndex(" x "));
            assertEquals(-1, r.columnIndex("y"));
            assertTrue(r.next());
            assertEquals("2", r.cell(1));
            assertEquals("", r.cell(5));
        }
    }
}
