package org.dyadkit.dyad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dyadkit.InputException;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;

/** The dyad (wide) layout's column names: each pattern, inference, and refusal when the split is ambiguous. */
class WideNamesTest {
    private static DataTable table(String header, String... rows) {
        List<String[]> r = new ArrayList<>();
        for (String row : rows) {
            r.add(row.split(",", -1));
        }
        return DataTable.of("w.csv", Arrays.asList(header.split(",")), r);
    }

    private static void sameCouples(DyadicData d, String variable) {
        assertEquals(List.of("H", "W"), d.roles());
        assertArrayEquals(new double[] {3, 5}, d.values(variable, "H"));
        assertArrayEquals(new double[] {4, 6}, d.values(variable, "W"));
    }

    @Test
    void eachPatternReadsTheSameCouples() {
        sameCouples(DyadicData.dyad(table("id,sat_H,sat_W,age", "1,3,4,30", "2,5,6,40")).dyad("id").build(), "sat");
        sameCouples(DyadicData.dyad(table("id,sat.H,sat.W", "1,3,4", "2,5,6")).dyad("id").names("{var}.{role}")
                .build(), "sat");
        sameCouples(DyadicData.dyad(table("id,H_sat,W_sat", "1,3,4", "2,5,6")).dyad("id").names("{role}_{var}")
                .build(), "sat");
        DyadicData inside = DyadicData.dyad(table("id,sat.g.H_3,sat.g.W_3,sat.g.H_4,sat.g.W_4", "1,3,4,1,1",
                "2,5,6,2,2")).dyad("id").names("sat.g.{role}_{item}").build();
        sameCouples(inside, "sat.g_3");
        assertTrue(inside.hasVariable("sat.g_4"));
        // inferred without a pattern: the role last, or inside the name
        sameCouples(DyadicData.dyad(table("id,sat.H,sat.W", "1,3,4", "2,5,6")).dyad("id").build(), "sat");
        sameCouples(DyadicData.dyad(table("id,scs_1_H,scs_1_W,scs_2_H,scs_2_W", "1,3,4,1,1", "2,5,6,1,1"))
                .dyad("id").build(), "scs_1");
    }

    @Test
    void givenRolesRestrictThePattern() {
        DyadicData d = DyadicData.dyad(table("id,x_m,x_w,y_m_total", "1,3,4,9", "2,2,5,9")).dyad("id")
                .roles("m", "w").build();
        assertEquals(List.of("m", "w"), d.roles());
        assertTrue(d.hasVariable("y_m_total"), "a column of one role only is dyad level: " + d.variables());
    }

    @Test
    void ambiguousRolesAreRefusedNamingThePatterns() {
        // PRQC item 1 and 2 of partners 1 and 2, or partners 1 and 2 of items 1 and 2?
        DataTable t = table("id,PRQC_1.1,PRQC_1.2,PRQC_2.1,PRQC_2.2", "1,1,2,3,4", "2,2,3,4,5");
        InputException e = assertThrows(InputException.class, () -> DyadicData.dyad(t).dyad("id").build());
        assertTrue(e.getMessage().contains("--names '{var}.{role}'") && e.getMessage().contains("--names '{var}_{role}.{item}'"),
                e.getMessage());
        DyadicData chosen = DyadicData.dyad(t).dyad("id").names("{var}.{role}").build();
        assertEquals(List.of("PRQC_1", "PRQC_2"), chosen.variables().stream().filter(v -> v.startsWith("PRQC")).toList());
        assertFalse(chosen.distinguishable(), "roles 1 and 2 only number the members");
        DyadicData other = DyadicData.dyad(t).dyad("id").names("{var}_{role}.{item}").build();
        assertTrue(other.hasVariable("PRQC.1") && other.hasVariable("PRQC.2"), other.variables().toString());
        // more than two item numbers: only one split fits
        DataTable six = table("id,PRQC_1.1,PRQC_1.2,PRQC_2.1,PRQC_2.2,PRQC_3.1,PRQC_3.2", "1,1,2,3,4,5,6");
        assertTrue(DyadicData.dyad(six).dyad("id").build().hasVariable("PRQC_3"));
    }

    @Test
    void badPatternsAndNoFitAreNamed() {
        DataTable t = table("id,sat_H,sat_W", "1,3,4");
        InputException noRole = assertThrows(InputException.class,
                () -> DyadicData.dyad(t).dyad("id").names("{var}").build());
        assertTrue(noRole.getMessage().contains("{role}"), noRole.getMessage());
        InputException noFit = assertThrows(InputException.class,
                () -> DyadicData.dyad(t).dyad("id").names("{var}.{role}").build());
        assertTrue(noFit.getMessage().contains("--names"), noFit.getMessage());
        InputException none = assertThrows(InputException.class,
                () -> DyadicData.dyad(table("id,a,b", "1,3,4")).dyad("id").build());
        assertTrue(none.getMessage().contains("--names"), none.getMessage());
    }

    @Test
    void aWideFileWithoutAnIdGetsRowNumbers() {
        DyadicData d = DyadicData.dyad(table("sat_H,sat_W", "3,4", "5,6")).build();
        assertEquals(List.of("1", "2"), d.dyads().stream().map(Dyad::id).toList());
        assertTrue(d.warnings().get(0).contains("numbered by its line"), d.warnings().toString());
        sameCouples(d, "sat");
        assertThrows(IllegalStateException.class, () -> DyadicData.individual(table("x", "1")).build());
    }
}
