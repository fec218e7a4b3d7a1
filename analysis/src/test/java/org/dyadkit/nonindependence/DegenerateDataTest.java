package org.dyadkit.nonindependence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;

/** Degenerate data give a named AnalysisException, never NaN. */
class DegenerateDataTest {
    static DyadicData wide(boolean roles, String... rows) {
        List<String[]> r = new ArrayList<>();
        for (String row : rows) {
            r.add(row.split(",", -1));
        }
        DyadicData.Builder b = DyadicData.dyad(DataTable.of("t.csv", List.of("id", "x_m", "x_w", "y_m", "y_w"), r))
                .dyad("id").roles("m", "w");
        return (roles ? b : b.indistinguishable()).build();
    }

    static Reason reason(Runnable r) {
        return assertThrows(AnalysisException.class, r::run).reason();
    }

    @Test
    void fewerThanThreeCompleteDyads() {
        DyadicData d = wide(true, "1,1,2,1,2", "2,2,3,2,1", "3,4,,3,3", "4,,1,4,4");
        assertEquals(Reason.TOO_FEW_DYADS, reason(() -> Nonindependence.distinguishable(d).withVariable("x").fit()));
        assertEquals(Reason.TOO_FEW_DYADS, reason(() -> Nonindependence.indistinguishable(d).withVariable("x").fit()));
        assertEquals(Reason.TOO_FEW_DYADS, reason(() -> CrossPartner.distinguishable(d).withVariables(List.of("x", "y")).fit()));
        assertEquals(Reason.TOO_FEW_DYADS, reason(() -> CrossPartner.exchangeable(d).withVariables(List.of("x", "y")).fit()));
        AnalysisException e = assertThrows(AnalysisException.class, () -> Nonindependence.distinguishable(d).withVariable("x").fit());
        assertTrue(e.getMessage().contains("2 dyads"), e.getMessage());
    }

    @Test
    void noVarianceAndBoundaries() {
        DyadicData constant = wide(true, "1,2,1,1,2", "2,2,3,2,1", "3,2,5,3,3", "4,2,2,5,4");
        assertEquals(Reason.NO_VARIANCE, reason(() -> Nonindependence.distinguishable(constant).withVariable("x").fit()));
        DyadicData same = wide(false, "1,2,2,1,2", "2,3,3,2,1", "3,5,5,3,3", "4,1,1,5,4");
        assertEquals(Reason.BOUNDARY, reason(() -> Nonindependence.indistinguishable(same).withVariable("x").fit()));
        DyadicData flat = wide(false, "1,1,3,1,2", "2,3,1,2,1", "3,0,4,3,3", "4,4,0,5,4");
        assertEquals(Reason.BOUNDARY, reason(() -> Nonindependence.indistinguishable(flat).withVariable("x").fit()));
        DyadicData allSame = wide(false, "1,2,2,1,2", "2,2,2,2,1", "3,2,2,3,3");
        assertEquals(Reason.NO_VARIANCE, reason(() -> Nonindependence.indistinguishable(allSame).withVariable("x").fit()));
        DyadicData perfect = wide(true, "1,1,2,1,2", "2,2,3,2,1", "3,3,4,3,3", "4,5,6,5,4");
        assertEquals(Reason.BOUNDARY, reason(() -> Nonindependence.distinguishable(perfect).withVariable("x").fit()));
    }

    @Test
    void negativeIccIsReturnedWithTheReciprocalF() {
        DyadicData d = wide(false, "1,1,5,1,2", "2,2,4,2,1", "3,6,1,3,3", "4,4,3,5,4", "5,2,3,1,1");
        IndistinguishableNonindependence r = Nonindependence.indistinguishable(d).withVariable("x").fit();
        assertTrue(r.anovaIcc() < 0, "icc " + r.anovaIcc());
        assertEquals(r.msWithin() / r.msBetween(), r.f(), 1e-12);
        assertEquals(5.0, r.df1());
        assertEquals(4.0, r.df2());
        assertTrue(r.pairwiseR() < 0);
    }

    @Test
    void threeDyadsGiveTheWidestInterval() {
        DyadicData d = wide(true, "1,1,2,1,2", "2,2,1,2,1", "3,4,5,3,3");
        DistinguishableNonindependence r = Nonindependence.distinguishable(d).withVariable("x").fit();
        assertEquals(-1.0, r.fisherCiLower());
        assertEquals(1.0, r.fisherCiUpper());
        assertEquals(1.0, r.df());
    }
}
