package org.dyadkit.report.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.dyadkit.power.ApimPower;
import org.dyadkit.power.PowerResult;
import org.dyadkit.report.TidyTable;
import org.junit.jupiter.api.Test;

/** The power renderer: explicit JSON keys, null for absent values, one tidy row per effect and N. */
class PowerRendererTest {
    @Test
    void analyticCurve() {
        PowerResult r = ApimPower.distinguishable("h", "w").withDyads(50, 100, 50).fit();
        ObjectNode j = PowerRenderer.INSTANCE.json(r);
        assertEquals("analytic", j.get("method").asText());
        JsonNode rows = j.get("rows");
        assertEquals(16, rows.size());
        JsonNode first = rows.get(0);
        for (String k : new String[] {"effect", "role", "n_dyads", "power", "mc_se", "ncp", "df", "beta", "summary"}) {
            assertTrue(first.has(k), k);
        }
        assertTrue(first.get("mc_se").isNull());
        assertTrue(rows.get(4).get("df").isNull(), "the difference is a normal test");
        assertTrue(rows.get(4).get("role").isNull());
        assertEquals(50, first.get("n_dyads").asInt());
        TidyTable t = PowerRenderer.INSTANCE.tables(r);
        assertEquals(16, t.rows().size());
        Map<String, Object> row = t.rows().get(8);
        assertEquals("power", row.get("table"));
        assertEquals(100, row.get("n_dyads"));
        String text = PowerRenderer.INSTANCE.text(r);
        assertTrue(text.startsWith("Analytic power for the APIM with distinguishable dyads (h, w)"), text);
        assertTrue(text.contains("There is .692 power to detect an actor effect for h"), text);
    }

    @Test
    void unreachableTargetIsNullNotNaN() {
        PowerResult r = ApimPower.indistinguishable().withPartner(0).withTargetPower(0.8).fit();
        JsonNode p = PowerRenderer.INSTANCE.json(r).get("rows").get(1);
        assertTrue(p.get("n_dyads").isNull());
        assertTrue(p.get("power").isNull());
        assertTrue(PowerRenderer.INSTANCE.tables(r).csv().contains("partner"));
    }
}
