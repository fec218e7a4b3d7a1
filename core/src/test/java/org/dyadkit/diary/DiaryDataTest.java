package org.dyadkit.diary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dyadkit.InputException;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;

/** Linking of partners and the derived variables, on a table small enough to check by hand. */
class DiaryDataTest {
    static final double NA = Double.NaN;
    static final List<String> COLS = List.of("couple", "gender", "day", "x");

    // couple A: man days 1,2,4; woman days 1,2,3. couple B: man only, days 1,2.
    static DataTable table() {
        return DataTable.of("t.csv", COLS, List.of(
                new String[] {"A", "man", "1", "1"},
                new String[] {"A", "woman", "1", "10"},
                new String[] {"A", "man", "2", "3"},
                new String[] {"A", "woman", "2", ""},
                new String[] {"A", "woman", "3", "30"},
                new String[] {"A", "man", "4", "5"},
                new String[] {"B", "man", "2", "8"},
                new String[] {"B", "man", "1", "6"}));
    }

    static DiaryData diary() {
        return DiaryData.of(table()).dyad("couple").role("gender").occasion("day").build();
    }

    @Test
    void partnersAreLinkedAtTheSameOccasion() {
        DiaryData d = diary();
        assertEquals(2, d.dyadCount());
        assertEquals(3, d.personCount());
        assertEquals(4, d.occasionCount());
        assertEquals(1, d.partnerRow(0));
        assertEquals(3, d.partnerRow(2));
        assertEquals(-1, d.partnerRow(4));
        assertEquals(-1, d.partnerRow(6));
        assertArrayEquals(new double[] {10, 1, NA, 3, NA, NA, NA, NA}, d.variable("partner(x)"));
    }

    @Test
    void lagsFollowTheGapRule() {
        DiaryData d = diary();
        assertArrayEquals(new double[] {NA, NA, 1, 10, NA, NA, 6, NA}, d.variable("lag(x)"));
        // within two occasions: the man's day 4 takes day 2; the woman's day 3 skips her missing day 2
        assertArrayEquals(new double[] {NA, NA, 1, 10, 10, 3, 6, NA}, d.variable("lag(x, 2)"));
        assertArrayEquals(new double[] {NA, NA, 10, 1, NA, NA, NA, NA}, d.variable("partner(lag(x))"));
    }

    @Test
    void centringSplitsWithinAndBetween() {
        DiaryData d = diary();
        assertArrayEquals(new double[] {3, 20, 3, 20, 20, 3, 7, 7}, d.variable("between(x)"));
        assertArrayEquals(new double[] {-2, -10, 0, NA, 10, 2, 1, -1}, d.variable("within(x)"), 1e-12);
        double grand = (1 + 10 + 3 + 30 + 5 + 8 + 6) / 7.0;
        assertEquals(1 - grand, d.variable("grand(x)")[0], 1e-12);
        assertArrayEquals(new double[] {0, 0, 1, 1, 2, 3, 1, 0}, d.variable("centre(day, 1)"));
        assertArrayEquals(new double[] {1, 1, 4, 4, 9, 16, 4, 1}, d.variable("I(day^2)"));
        assertArrayEquals(new double[] {1, 0, 1, 0, 0, 1, 1, 1}, d.variable("man"));
    }

    @Test
    void structuralFaultsNameTheLine() {
        DataTable dup = DataTable.of("d.csv", COLS, List.of(new String[] {"A", "man", "1", "1"},
                new String[] {"A", "man", "1", "2"}));
        InputException e = assertThrows(InputException.class,
                () -> DiaryData.of(dup).dyad("couple").role("gender").occasion("day").build());
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("same occasion"), e.getMessage());
        DataTable three = DataTable.of("t.csv", List.of("couple", "person", "day"), List.of(
                new String[] {"A", "p1", "1"}, new String[] {"A", "p2", "1"}, new String[] {"A", "p3", "1"}));
        e = assertThrows(InputException.class, () -> DiaryData.of(three).dyad("couple").person("person").occasion("day")
                .build());
        assertTrue(e.getMessage().contains("more than two persons"), e.getMessage());
        DataTable badDay = DataTable.of("b.csv", COLS, List.<String[]>of(new String[] {"A", "man", "monday", "1"}));
        e = assertThrows(InputException.class, () -> DiaryData.of(badDay).dyad("couple").role("gender")
                .occasion("day").build());
        assertTrue(e.getMessage().contains("line 1, column day, value \"monday\""), e.getMessage());
        assertThrows(InputException.class, () -> diary().variable("lagg(x)"));
        assertThrows(InputException.class, () -> diary().variable("nothere"));
    }
}
