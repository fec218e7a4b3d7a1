package org.dyadkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;

/**
 * Alpha, lambda 6, the Feldt interval and item statistics against psych::alpha 2.2.9 on seeded simulated data
 * with missing cells (golden/reliability/make_goldens.R). Tolerance 1e-8 relative.
 */
class AlphaGoldenTest {
    static final double TOL = 1e-8;

    static void close(double expected, double actual, String what) {
        double tol = TOL * Math.max(1, Math.abs(expected));
        assertEquals(expected, actual, tol, what);
    }

    static void check(JsonNode g, AlphaResult a, String label) {
        JsonNode t = g.get("total");
        close(t.get("raw_alpha").asDouble(), a.rawAlpha(), label + " raw alpha");
        close(t.get("std.alpha").asDouble(), a.stdAlpha(), label + " std alpha");
        close(t.get("G6(smc)").asDouble(), a.g6Smc(), label + " G6");
        close(t.get("average_r").asDouble(), a.averageR(), label + " average r");
        close(t.get("S/N").asDouble(), a.signalNoise(), label + " S/N");
        close(t.get("ase").asDouble(), a.alphaSe(), label + " ase");
        close(t.get("mean").asDouble(), a.scaleMean(), label + " mean");
        close(t.get("sd").asDouble(), a.scaleSd(), label + " sd");
        close(t.get("median_r").asDouble(), a.medianR(), label + " median r");
        if (g.get("var_r").isNull()) {
            assertTrue(a.varR().isEmpty(), label + " var r empty");
        } else {
            close(g.get("var_r").asDouble(), a.varR().orElseThrow(), label + " var r");
        }
        close(g.get("feldt").get("lower").asDouble(), a.feldt().lower(), label + " Feldt lower");
        close(g.get("feldt").get("upper").asDouble(), a.feldt().upper(), label + " Feldt upper");
        for (int j = 0; j < a.items().size(); j++) {
            JsonNode it = g.get("items").get(j);
            JsonNode dr = g.get("drop").get(j);
            ItemStatistics s = a.itemStatistics().get(j);
            String w = label + " item " + s.name() + " ";
            assertEquals(it.get("n").asInt(), s.n(), w + "n");
            close(it.get("raw.r").asDouble(), s.rawR(), w + "raw.r");
            close(it.get("std.r").asDouble(), s.stdR(), w + "std.r");
            close(it.get("r.cor").asDouble(), s.rCor(), w + "r.cor");
            close(it.get("r.drop").asDouble(), s.rDrop(), w + "r.drop");
            close(it.get("mean").asDouble(), s.mean(), w + "mean");
            close(it.get("sd").asDouble(), s.sd(), w + "sd");
            AlphaIfDropped d = s.ifDropped();
            close(dr.get("raw_alpha").asDouble(), d.rawAlpha(), w + "drop raw alpha");
            close(dr.get("std.alpha").asDouble(), d.stdAlpha(), w + "drop std alpha");
            close(dr.get("G6(smc)").asDouble(), d.g6Smc(), w + "drop G6");
            close(dr.get("average_r").asDouble(), d.averageR(), w + "drop average r");
            close(dr.get("S/N").asDouble(), d.signalNoise(), w + "drop S/N");
            close(dr.get("med.r").asDouble(), d.medianR(), w + "drop med r");
            if (dr.get("alpha se").isNull()) {
                assertTrue(d.alphaSe().isEmpty(), w + "drop alpha se empty");
            } else {
                close(dr.get("alpha se").asDouble(), d.alphaSe().orElseThrow(), w + "drop alpha se");
            }
            if (dr.get("var.r").isNull()) {
                assertTrue(d.varR().isEmpty(), w + "drop var r empty");
            } else {
                close(dr.get("var.r").asDouble(), d.varR().orElseThrow(), w + "drop var r");
            }
        }
    }

    @Test
    void scale6PairwiseAndListwise() {
        JsonNode g = GoldenData.json("scale6.json");
        DataTable t = GoldenData.table("scale6.csv");
        ItemSet items = GoldenData.items(t, GoldenData.names("it", 1, 2, 3, 4, 5, 6), List.of("it4"));
        AlphaResult pw = Alpha.of(items, MissingData.PAIRWISE);
        check(g.get("pairwise"), pw, "scale6 pairwise");
        assertEquals(240, pw.respondents());
        AlphaResult lw = Alpha.of(items, MissingData.LISTWISE);
        check(g.get("listwise"), lw, "scale6 listwise");
        assertEquals(lw.completeRespondents(), lw.respondents());
        assertTrue(lw.respondents() < 240);
    }

    @Test
    void scale6TwoAndThreeItems() {
        JsonNode g = GoldenData.json("scale6.json");
        DataTable t = GoldenData.table("scale6.csv");
        check(g.get("two_items"), Alpha.of(GoldenData.items(t, List.of("it1", "it2"), List.of())), "two items");
        check(g.get("three_items"), Alpha.of(GoldenData.items(t, List.of("it1", "it3", "it4"), List.of("it4"))),
                "three items");
    }

    @Test
    void scale6ByRole() {
        JsonNode g = GoldenData.json("scale6.json");
        DataTable t = GoldenData.table("scale6.csv");
        ItemSet items = GoldenData.items(t, GoldenData.names("it", 1, 2, 3, 4, 5, 6), List.of("it4"));
        Map<String, ItemSet> byRole = Groups.split(items, t.text("role"));
        assertEquals(List.of("partner_a", "partner_b"), List.copyOf(byRole.keySet()));
        for (var e : byRole.entrySet()) {
            check(g.get("by_role").get(e.getKey()).get("alpha"), Alpha.of(e.getValue()), "role " + e.getKey());
        }
    }

    @Test
    void scs26TotalAndSubscales() {
        JsonNode g = GoldenData.json("scs26.json");
        DataTable t = GoldenData.table("scs26.csv");
        List<String> rev = GoldenData.names("scs", 1, 8, 11, 16, 21, 4, 13, 18, 25, 2, 6, 20, 24);
        ItemSet all = GoldenData.items(t, GoldenData.names("scs", GoldenData.range(1, 26)), rev);
        check(g.get("total_pairwise"), Alpha.of(all, MissingData.PAIRWISE), "scs pairwise");
        check(g.get("total_listwise"), Alpha.of(all, MissingData.LISTWISE), "scs listwise");
        Map<String, int[]> sub = Scs.SUBSCALES;
        for (var e : sub.entrySet()) {
            ItemSet s = GoldenData.items(t, GoldenData.names("scs", e.getValue()), rev.stream()
                    .filter(GoldenData.names("scs", e.getValue())::contains).toList());
            check(g.get("subscales").get(e.getKey()).get("alpha"), Alpha.of(s), "subscale " + e.getKey());
        }
        Map<String, ItemSet> byRole = Groups.split(all, t.text("role"));
        for (var e : byRole.entrySet()) {
            check(g.get("by_role").get(e.getKey()).get("alpha"), Alpha.of(e.getValue()), "role " + e.getKey());
        }
    }

    @Test
    void heavyMissingnessWithAZeroToSixRange() {
        JsonNode g = GoldenData.json("sparse8.json");
        DataTable t = GoldenData.table("sparse8.csv");
        ItemSet items = GoldenData.items(t, GoldenData.names("m", GoldenData.range(1, 8)), List.of("m2", "m7"), 0, 6);
        check(g.get("pairwise"), Alpha.of(items, MissingData.PAIRWISE), "sparse pairwise");
        AlphaResult lw = Alpha.of(items, MissingData.LISTWISE);
        check(g.get("listwise"), lw, "sparse listwise");
        assertEquals(24, lw.respondents());
        OmegaGoldenTest.check(g.get("omega_pairwise"), Omega.total(items, MissingData.PAIRWISE), "sparse omega");
        OmegaGoldenTest.check(g.get("omega2_pairwise"), Omega.hierarchical(items, 2, MissingData.PAIRWISE),
                "sparse omega 2 factors");
    }
}
