package org.dyadkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;

/**
 * Omega total and omega hierarchical against psych::omega 2.2.9 (minres, oblimin via GPArotation 2022.10.2)
 * on seeded simulated data with missing cells (golden/reliability/make_goldens.R). Tolerance 1e-3 absolute:
 * psych's minres stops at L-BFGS-B's default tolerance and GPArotation's at a gradient norm of 1e-5.
 */
class OmegaGoldenTest {
    static final double TOL = 1e-3;
    static final List<String> REV = GoldenData.names("scs", 1, 8, 11, 16, 21, 4, 13, 18, 25, 2, 6, 20, 24);

    static void check(JsonNode g, OmegaResult o, String label) {
        assertEquals(g.get("nfactors").asInt(), o.factors(), label);
        assertEquals(g.get("omega_tot").asDouble(), o.omegaTotal(), TOL, label + " omega total");
        for (int i = 0; i < o.items().size(); i++) {
            assertEquals(g.get("h2").get(i).asDouble(), o.communalities().get(i), TOL, label + " h2 " + i);
            assertEquals(g.get("g").get(i).asDouble(), o.generalLoadings().get(i), TOL, label + " g " + i);
        }
        if (o.factors() == 1) {
            assertTrue(o.omegaHierarchical().isEmpty(), label);
            return;
        }
        assertEquals(g.get("omega_h").asDouble(), o.omegaHierarchical().orElseThrow(), TOL, label + " omega h");
        assertEquals(g.get("omega_lim").asDouble(), o.omegaLimit().orElseThrow(), TOL, label + " omega limit");
        assertEquals(g.get("ecv").asDouble(), o.explainedCommonVariance().orElseThrow(), TOL, label + " ECV");
        // group factors may come in another order or sign: match each psych column to the closest one
        for (int f = 0; f < o.factors(); f++) {
            double best = closestGroupColumn(g.get("group"), f, o);
            assertTrue(best < TOL, label + " group factor " + (f + 1) + " differs by " + best);
        }
        List<double[]> expected = new ArrayList<>();
        JsonNode og = g.get("omega_group");
        for (int i = 1; i < og.size(); i++) {
            expected.add(new double[] {og.get(i).get("total").asDouble(), og.get(i).get("general").asDouble(),
                og.get(i).get("group").asDouble()});
        }
        List<double[]> actual = new ArrayList<>();
        for (GroupOmega go : o.groups()) {
            actual.add(new double[] {go.total(), go.general(), go.group()});
        }
        expected.sort(Comparator.comparingDouble(a -> a[0]));
        actual.sort(Comparator.comparingDouble(a -> a[0]));
        assertEquals(expected.size(), actual.size(), label + " groups");
        for (int i = 0; i < expected.size(); i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(expected.get(i)[c], actual.get(i)[c], TOL, label + " omega group " + i + "," + c);
            }
        }
    }

    static ItemSet scs(DataTable t, int... numbers) {
        List<String> names = GoldenData.names("scs", numbers);
        return GoldenData.items(t, names, REV.stream().filter(names::contains).toList());
    }

    @Test
    void scale6OneFactor() {
        JsonNode g = GoldenData.json("scale6.json");
        DataTable t = GoldenData.table("scale6.csv");
        ItemSet items = GoldenData.items(t, GoldenData.names("it", 1, 2, 3, 4, 5, 6), List.of("it4"));
        check(g.get("omega_pairwise"), Omega.total(items, MissingData.PAIRWISE), "scale6 pairwise");
        check(g.get("omega_listwise"), Omega.total(items, MissingData.LISTWISE), "scale6 listwise");
        Map<String, ItemSet> byRole = Groups.split(items, t.text("role"));
        for (var e : byRole.entrySet()) {
            check(g.get("by_role").get(e.getKey()).get("omega"), Omega.total(e.getValue(), MissingData.PAIRWISE),
                    "role " + e.getKey());
        }
    }

    @Test
    void scsSixFactorsPairwiseAndListwise() {
        JsonNode g = GoldenData.json("scs26.json");
        DataTable t = GoldenData.table("scs26.csv");
        ItemSet all = scs(t, GoldenData.range(1, 26));
        check(g.get("omega6_pairwise"), Omega.hierarchical(all, 6, MissingData.PAIRWISE), "scs 6 pairwise");
        check(g.get("omega6_listwise"), Omega.hierarchical(all, 6, MissingData.LISTWISE), "scs 6 listwise");
        check(g.get("omega1_pairwise"), Omega.total(all, MissingData.PAIRWISE), "scs 1 factor");
    }

    @Test
    void scsThreeAndTwoFactors() {
        JsonNode g = GoldenData.json("scs26.json");
        DataTable t = GoldenData.table("scs26.csv");
        check(g.get("omega3_pairwise"), Omega.hierarchical(scs(t, 5, 12, 19, 23, 26, 1, 8, 11, 16, 21, 3, 7, 10, 15),
                3, MissingData.PAIRWISE), "scs 3 factors");
        OmegaResult two = Omega.hierarchical(scs(t, 5, 12, 19, 23, 26, 1, 8, 11, 16, 21), 2, MissingData.PAIRWISE);
        check(g.get("omega2_pairwise"), two, "scs 2 factors");
        assertTrue(two.warnings().get(0).contains("not identified"), two.warnings().toString());
    }

    @Test
    void scsSubscalesAndRoles() {
        JsonNode g = GoldenData.json("scs26.json");
        DataTable t = GoldenData.table("scs26.csv");
        for (var e : Scs.SUBSCALES.entrySet()) {
            check(g.get("subscales").get(e.getKey()).get("omega"), Omega.total(scs(t, e.getValue()),
                    MissingData.PAIRWISE), "subscale " + e.getKey());
        }
        Map<String, ItemSet> byRole = Groups.split(scs(t, GoldenData.range(1, 26)), t.text("role"));
        for (var e : byRole.entrySet()) {
            check(g.get("by_role").get(e.getKey()).get("omega6"), Omega.hierarchical(e.getValue(), 6,
                    MissingData.PAIRWISE), "role " + e.getKey());
        }
    }

    @Test
    void heywoodCaseIsComputedAndFlagged() {
        JsonNode g = GoldenData.json("heywood.json");
        DataTable t = GoldenData.table("heywood.csv");
        ItemSet items = GoldenData.items(t, List.of("h1", "h2", "h3", "h4"), List.of());
        AlphaGoldenTest.check(g.get("alpha"), Alpha.of(items), "heywood alpha");
        OmegaResult o = Omega.total(items, MissingData.PAIRWISE);
        assertEquals(g.get("omega").get("omega_tot").asDouble(), o.omegaTotal(), TOL, "heywood omega total");
        assertTrue(o.communalities().get(0) > 1, "h1 communality " + o.communalities().get(0));
        assertEquals(1, o.warnings().size(), o.warnings().toString());
        assertTrue(o.warnings().get(0).contains("Heywood case: item h1"), o.warnings().get(0));
        ScaleReliability r = Reliability.scale("h", items, MissingData.PAIRWISE, 0);
        assertTrue(r.notes().get(0).startsWith("omega total: Heywood case"), r.notes().toString());
    }

    /**
     * The largest absolute difference between psych's group column {@code f} and the closest of ours, up to
     * sign (group factors come in any order and sign).
     */
    static double closestGroupColumn(JsonNode psychGroup, int f, OmegaResult o) {
        double best = Double.MAX_VALUE;
        for (int h = 0; h < o.factors(); h++) {
            double dPlus = 0;
            double dMinus = 0;
            for (int i = 0; i < o.items().size(); i++) {
                double e = psychGroup.get(i).get(f).asDouble();
                double a = o.groupLoadings().get(i).get(h);
                dPlus = Math.max(dPlus, Math.abs(e - a));
                dMinus = Math.max(dMinus, Math.abs(e + a));
            }
            best = Math.min(best, Math.min(dPlus, dMinus));
        }
        return best;
    }
}
