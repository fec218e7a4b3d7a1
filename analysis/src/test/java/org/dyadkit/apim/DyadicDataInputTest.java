package org.dyadkit.apim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;

/** The APIM read through the dyadic data model gives the same fit from all three layouts (Acitelli, A4 and A1). */
class DyadicDataInputTest {
    private static final Path SAMPLES = Path.of("..", "data-samples");

    private static void sameA4(DyadicData couples, String husband, String wife, String y, String x) {
        ApimFit f = Apim.distinguishable(couples).withOutcome(y).withPredictor(x).fit();
        assertEquals(husband, f.roles().get(0), "role order from the data model");
        assertEquals(0.4243866, f.coefficient("actor:" + husband).estimate(), 5e-8);
        assertEquals(0.3777000, f.coefficient("actor:" + wife).estimate(), 5e-8);
        assertEquals(0.0815225, f.coefficient("partner:" + wife).se(), 5e-8);
        assertEquals(0.3783372, f.residualSd(husband), 5e-8);
        assertEquals(-150.1108, f.logLik(), 5e-5);
        ApimFit i = Apim.indistinguishable(couples).withOutcome(y).withPredictor(x).fit();
        assertEquals(0.4004231, i.coefficient("actor").estimate(), 5e-8);
        assertEquals(0.4693414, i.rho(), 5e-8);
    }

    @Test
    void individualLayout() {
        DyadicData d = DyadicData.individual(DataTable.read(SAMPLES.resolve("acitelli_individual.csv")))
                .dyad("cuplid").role("gender").roles("1", "-1").build();
        sameA4(d, "1", "-1", "satisfaction", "other_pos");
    }

    @Test
    void dyadLayout() {
        DyadicData d = DyadicData.dyad(DataTable.read(SAMPLES.resolve("acitelli_dyad.csv"))).dyad("cuplid")
                .roles("H", "W").build();
        sameA4(d, "H", "W", "satisfaction", "other_pos");
    }

    @Test
    void pairwiseLayout() {
        DyadicData d = DyadicData.pairwise(DataTable.read(SAMPLES.resolve("acitelli_pairwise.csv")))
                .dyad("CoupleID").role("Gender_A").roles("Husband", "Wife").build();
        sameA4(d, "Husband", "Wife", "Satisfaction", "OtherPos");
    }
}
