package org.dyadkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellParserTest {
    private static int kind(CellParser p, String cell) {
        byte[] b = cell.getBytes(StandardCharsets.UTF_8);
        return p.classify(b, 0, b.length);
    }

    @Test
    void classifiesCellsAsTheBatchRulesSay() {
        CellParser p = new CellParser(List.of(), false);
        String[][] table = {
            {"3", "1"}, {"3.0", "1"}, {" 4 ", "1"}, {"+2", "1"}, {"-1", "1"}, {"3.", "1"}, {"3e0", "1"}, {"30e-1", "1"},
            {"", "0"}, {"   ", "0"},
            {"2.5", "3"}, {".5", "3"}, {"2.50", "3"}, {"2,5", "4"},
            {"three", "4"}, {"n/a", "4"}, {"4a", "4"}, {"NA", "0"}, {"-", "4"}, {".", "0"}, {"na", "4"}, {"..", "4"}, {"1e", "4"}, {"NaN", "4"},
            {"Infinity", "4"}, {"3 4", "4"},
            {"99999999999", "2"}, {"1e12", "2"}, {"-99999999999", "2"},
        };
        for (String[] row : table) {
            assertEquals(Integer.parseInt(row[1]), kind(p, row[0]), "cell \"" + row[0] + "\"");
        }
        kind(p, "3.0");
        assertEquals(3, p.value);
        kind(p, "-1");
        assertEquals(-1, p.value);
        kind(p, "30e-1");
        assertEquals(3, p.value);
    }

    @Test
    void missingValueCodesMatchTextAndTheSameWholeNumber() {
        CellParser p = new CellParser(List.of("99", "-9", "NA"), false);
        assertEquals(CellParser.MISSING, kind(p, "99"));
        assertEquals(CellParser.MISSING, kind(p, "99.0"));
        assertEquals(CellParser.MISSING, kind(p, " -9 "));
        assertEquals(CellParser.MISSING, kind(p, "NA"));
        assertEquals(CellParser.WHOLE, kind(p, "9"));
        assertEquals(CellParser.TEXT, kind(p, "na"));
    }

    @Test
    void decimalCommaOnlyWhenTheDialectSaysSo() {
        assertEquals(CellParser.TEXT, kind(new CellParser(List.of(), false), "3,0"));
        CellParser p = new CellParser(List.of(), true);
        assertEquals(CellParser.WHOLE, kind(p, "3,0"));
        assertEquals(CellParser.FRACTION, kind(p, "2,5"));
    }
}
