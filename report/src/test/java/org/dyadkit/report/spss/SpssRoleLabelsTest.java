package org.dyadkit.report.spss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dyadkit.apim.Apim;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.Coefficient;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.nonindependence.DistinguishableNonindependence;
import org.dyadkit.nonindependence.Nonindependence;
import org.dyadkit.report.apim.ApimRenderer;
import org.dyadkit.report.nonindependence.NonindependenceRenderer;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;

/**
 * A role coded -1/1 with SPSS value labels wife/husband is reported as wife/husband: in the data, every
 * analysis's role names, its text and JSON. The file is the Acitelli sample written by PSPP
 * ({@code src/test/resources/spss/make.sh}); the numbers are the CSV's.
 */
class SpssRoleLabelsTest {
    private static final DataTable SAV = DataTable.read(Path.of("src/test/resources/spss/acitelli.sav"));
    private static final DataTable CSV = DataTable.read(Path.of("../data-samples/acitelli_individual.csv"));

    @Test
    void theReaderKeepsTheValueLabels() {
        assertEquals(Map.of("-1", "wife", "1", "husband"), SAV.valueLabels("gender"));
        assertEquals(Map.of(), SAV.valueLabels("cuplid"));
        assertEquals(Map.of(), CSV.valueLabels("gender"));
        assertEquals("-1", SAV.cell(0, SAV.columnIndex("gender")), "cells hold the codes");
    }

    @Test
    void rolesAreNamedByTheirLabelsAndTheNumbersAreTheCsvs() {
        DyadicData sav = DyadicData.individual(SAV).dyad("cuplid").role("gender").build();
        DyadicData csv = DyadicData.individual(CSV).dyad("cuplid").role("gender").build();
        assertEquals(List.of("wife", "husband"), sav.roles());
        assertEquals(List.of("-1", "1"), csv.roles());
        ApimFit a = Apim.distinguishable(sav).withOutcome("satisfaction").withPredictor("other_pos").fit();
        ApimFit b = Apim.distinguishable(csv).withOutcome("satisfaction").withPredictor("other_pos").fit();
        assertEquals(b.coefficients().size(), a.coefficients().size());
        for (int i = 0; i < a.coefficients().size(); i++) {
            Coefficient x = a.coefficients().get(i);
            Coefficient y = b.coefficients().get(i);
            assertEquals(y.term().replace("-1", "wife").replace(":1", ":husband"), x.term());
            assertEquals(y.role().equals("-1") ? "wife" : "husband", x.role());
            assertEquals(y.estimate(), x.estimate(), 1e-12 * Math.max(1, Math.abs(y.estimate())), x.term());
            assertEquals(y.se(), x.se(), 1e-12, x.term());
        }
        assertEquals(b.residualSd("-1"), a.residualSd("wife"), 1e-12);
        assertEquals(b.rho(), a.rho(), 1e-12);

        String text = ApimRenderer.of("acitelli.sav", false).text(a);
        assertTrue(text.contains("wife") && text.contains("husband"), text);
        String json = ApimRenderer.of("acitelli.sav", false).json(a).toString();
        assertTrue(json.contains("\"role\":\"wife\"") && json.contains("\"role\":\"husband\""), json);
        assertFalse(json.contains("\"role\":\"-1\""), json);

        DistinguishableNonindependence n = Nonindependence.distinguishable(sav).withVariable("satisfaction").fit();
        assertEquals(List.of("wife", "husband"), n.roles());
        String nt = NonindependenceRenderer.of("acitelli.sav").text(List.of(n));
        assertTrue(nt.contains("wife") && nt.contains("husband"), nt);
    }

    @Test
    void codesGivenForTheRoleOrderAreAcceptedAndRoleCodesKeepsTheCodes() {
        DyadicData byCode = DyadicData.individual(SAV).dyad("cuplid").role("gender").roles("1", "-1").build();
        assertEquals(List.of("husband", "wife"), byCode.roles());
        DyadicData byLabel = DyadicData.individual(SAV).dyad("cuplid").role("gender").roles("husband", "wife").build();
        assertEquals(List.of("husband", "wife"), byLabel.roles());
        DyadicData codes = DyadicData.individual(SAV).dyad("cuplid").role("gender").roleCodes().build();
        assertEquals(List.of("-1", "1"), codes.roles());
        ApimFit a = Apim.distinguishable(codes).withOutcome("satisfaction").withPredictor("other_pos").fit();
        assertEquals(Apim.distinguishable(DyadicData.individual(CSV).dyad("cuplid").role("gender").build())
                .withOutcome("satisfaction").withPredictor("other_pos").fit().coefficient("actor:-1").estimate(),
                a.coefficient("actor:-1").estimate(), 1e-12);
    }
}
