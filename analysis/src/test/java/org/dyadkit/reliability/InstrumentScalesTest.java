package org.dyadkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Instruments;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;

/** Scales taken from the bundled SCS-26 definition give psych's numbers on the golden data. */
class InstrumentScalesTest {
    static ItemSet load(Instrument scs, ScaleDefinition def, DataTable t) {
        List<String> names = new ArrayList<>();
        double[][] cols = new double[def.items().size()][];
        for (int j = 0; j < def.items().size(); j++) {
            names.add("scs" + def.items().get(j));
            cols[j] = t.numeric(names.get(j));
        }
        double[][] x = new double[t.rowCount()][names.size()];
        for (int r = 0; r < x.length; r++) {
            for (int j = 0; j < names.size(); j++) {
                x[r][j] = cols[j][r];
            }
        }
        return def.itemSet(scs, names, x);
    }

    @Test
    void scsDefaultsAreTheSixSubscalesAndTheTotal() {
        Instrument scs = Instruments.bundled("scs");
        List<ScaleDefinition> defs = ScaleDefinition.defaults(scs);
        assertEquals(List.of("self_kindness", "self_judgment", "common_humanity", "isolation", "mindfulness",
                "over_identification", "total"), defs.stream().map(ScaleDefinition::name).toList());
        ScaleDefinition total = defs.get(6);
        assertEquals(26, total.items().size());
        assertEquals(6, total.groupFactors());
        assertEquals(13, total.reversed().stream().filter(b -> b).count());
        // the self-judgment subscale is reported un-reversed, so its items enter as answered
        assertFalse(defs.get(1).reversed().contains(true));
        assertTrue(ScaleDefinition.named(scs, "rus").isPresent());
    }

    @Test
    void scsTotalMatchesPsych() {
        Instrument scs = Instruments.bundled("scs");
        DataTable t = GoldenData.table("scs26.csv");
        JsonNode g = GoldenData.json("scs26.json");
        ScaleDefinition total = ScaleDefinition.total(scs);
        ItemSet items = load(scs, total, t);
        // golden columns are in item-number order, as the definition's items
        ScaleReliability r = Reliability.scale("total", items, MissingData.PAIRWISE, total.groupFactors());
        AlphaGoldenTest.check(g.get("total_pairwise"), r.alpha(), "instrument total");
        OmegaGoldenTest.check(g.get("omega6_pairwise"), r.omegaHierarchical().orElseThrow(), "instrument omega h");
        OmegaGoldenTest.check(g.get("omega1_pairwise"), r.omegaTotal().orElseThrow(), "instrument omega total");
        assertTrue(r.notes().isEmpty(), r.notes().toString());
    }

    @Test
    void scsSubscalesMatchPsych() {
        Instrument scs = Instruments.bundled("scs");
        DataTable t = GoldenData.table("scs26.csv");
        JsonNode g = GoldenData.json("scs26.json");
        for (var e : Scs.SUBSCALES.entrySet()) {
            ScaleDefinition def = ScaleDefinition.named(scs, e.getKey()).orElseThrow();
            ScaleReliability r = Reliability.scale(def.name(), load(scs, def, t), MissingData.PAIRWISE, 0);
            JsonNode ga = g.get("subscales").get(e.getKey()).get("alpha");
            if (def.reversed().contains(true) || !List.of("self_judgment", "isolation", "over_identification")
                    .contains(e.getKey())) {
                AlphaGoldenTest.check(ga, r.alpha(), "subscale " + e.getKey());
            } else {
                // un-reversed negative subscale: the same correlations, mirrored means
                AlphaGoldenTest.close(ga.get("total").get("raw_alpha").asDouble(), r.alpha().rawAlpha(), e.getKey());
                AlphaGoldenTest.close(ga.get("total").get("G6(smc)").asDouble(), r.alpha().g6Smc(), e.getKey());
                AlphaGoldenTest.close(6 - ga.get("total").get("mean").asDouble(), r.alpha().scaleMean(), e.getKey());
            }
            OmegaGoldenTest.check(g.get("subscales").get(e.getKey()).get("omega"), r.omegaTotal().orElseThrow(),
                    "subscale omega " + e.getKey());
        }
    }
}
