package org.dyadkit.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dyadkit.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataTableTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path p = dir.resolve("t.csv");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsBomCrlfQuotedAndBlankCells() throws IOException {
        DataTable t = DataTable.read(write("\uFEFFid,x,note\r\n1,2.5,\"a, b\"\r\n2,,\"line\nbreak\"\r\n"));
        assertEquals(java.util.List.of("id", "x", "note"), t.columns());
        assertEquals(2, t.rowCount());
        double[] x = t.numeric("x");
        assertEquals(2.5, x[0]);
        assertTrue(Double.isNaN(x[1]));
        assertEquals("line\nbreak", t.cell(1, 2));
    }

    @Test
    void byteOrderMarkBeforeAQuotedHeaderName() throws IOException {
        DataTable t = DataTable.read(write("\uFEFF\"dyad\",\"x\"\r\n1,2\r\n"));
        assertEquals(java.util.List.of("dyad", "x"), t.columns());
        assertEquals(0, t.columnIndex("dyad"));
    }

    @Test
    void headerWithoutDataRowsIsAnInputError() throws IOException {
        Path p = write("dyad,x\n");
        InputException e = assertThrows(InputException.class, () -> DataTable.read(p));
        assertTrue(e.getMessage().contains("no data rows"), e.getMessage());
    }

    @Test
    void nonNumericCellNamesFileLineColumnAndValue() throws IOException {
        Path p = write("id,x\n1,2\n2,two\n");
        InputException e = assertThrows(InputException.class, () -> DataTable.read(p).numeric("x"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("column x"), e.getMessage());
        assertTrue(e.getMessage().contains("\"two\""), e.getMessage());
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
    }

    @Test
    void missingColumnSuggestsNearMatch() throws IOException {
        DataTable t = DataTable.read(write("CoupleID,satisfaction\n1,3\n"));
        InputException e = assertThrows(InputException.class, () -> t.columnIndex("coupleid"));
        assertTrue(e.getMessage().contains("did you mean CoupleID"), e.getMessage());
    }

    @Test
    void raggedRowDuplicateHeaderEmptyFileAndMissingFileAreErrors() throws IOException {
        assertThrows(InputException.class, () -> DataTable.read(write("a,b\n1,2,3\n")));
        assertThrows(InputException.class, () -> DataTable.read(write("a,a\n1,2\n")));
        assertThrows(InputException.class, () -> DataTable.read(write("")));
        assertThrows(InputException.class, () -> DataTable.read(dir.resolve("absent.csv")));
    }

    @Test
    void selectReordersRows() throws IOException {
        DataTable t = DataTable.read(write("a\n1\n2\n3\n"));
        assertArrayEquals(new double[] {3, 1}, t.select(new int[] {2, 0}).numeric("a"));
    }
}
