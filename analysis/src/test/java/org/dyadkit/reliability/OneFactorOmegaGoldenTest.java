package org.dyadkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;

/**
 * The six-group omega hierarchical on one-factor data (2,000 rows of the benchmark generator), against
 * psych::omega 2.2.9 (golden/reliability/make_onefactor_golden.R): a misspecified six-factor minres fit whose
 * valley is flat, which psych's L-BFGS-B leaves after 53 evaluations. The minres fit follows the same
 * iterations (same evaluations, uniquenesses to 1e-6); omega agrees to the golden tolerance of 1e-3, and what
 * psych warns of (oblimin not converged, ultra-Heywood items, no items for one group factor) is in the warnings.
 */
class OneFactorOmegaGoldenTest {
    static final double TOL = OmegaGoldenTest.TOL;

    static ItemSet items() {
        DataTable t = GoldenData.table("onefactor2000.csv");
        return OmegaGoldenTest.scs(t, GoldenData.range(1, 26));
    }

    @Test
    void sixFactorMinresFitFollowsPsychsLbfgsb() {
        JsonNode run = GoldenData.json("onefactor2000.json").get("omega6_pairwise").get("optim").get(0);
        double[][] r = Moments.correlation(new RowData(items(), MissingData.PAIRWISE));
        Lbfgsb.Result fit = Factoring.minresFit(r, 6);
        assertEquals(Lbfgsb.Status.CONVERGED, fit.status(), run.get("message").asText());
        assertEquals(run.get("counts").get(0).asInt(), fit.evaluations(), "function evaluations");
        for (int i = 0; i < r.length; i++) {
            // optim works on psi / parscale (0.01) and returns psi
            assertEquals(run.get("par").get(i).asDouble(), fit.x()[i] * 0.01, 1e-6, "uniqueness " + i);
        }
        assertEquals(run.get("value").asDouble(), fit.value(), 1e-9, "objective");
    }

    @Test
    void sixGroupOmegaAgreesWithPsych() {
        JsonNode g = GoldenData.json("onefactor2000.json").get("omega6_pairwise");
        OmegaResult o = Omega.hierarchical(items(), 6, MissingData.PAIRWISE);
        assertEquals(g.get("omega_tot").asDouble(), o.omegaTotal(), TOL, "omega total");
        assertEquals(g.get("omega_h").asDouble(), o.omegaHierarchical().orElseThrow(), TOL, "omega h");
        assertEquals(g.get("omega_lim").asDouble(), o.omegaLimit().orElseThrow(), TOL, "omega limit");
        assertEquals(g.get("ecv").asDouble(), o.explainedCommonVariance().orElseThrow(), TOL, "ECV");
        for (int i = 0; i < o.items().size(); i++) {
            assertEquals(g.get("h2").get(i).asDouble(), o.communalities().get(i), TOL, "h2 " + i);
            assertEquals(g.get("g").get(i).asDouble(), o.generalLoadings().get(i), TOL, "g " + i);
        }
        // psych's group columns against ours, up to order and sign
        for (int f = 0; f < 6; f++) {
            double best = OmegaGoldenTest.closestGroupColumn(g.get("group"), f, o);
            assertTrue(best < TOL, "group factor " + (f + 1) + " differs by " + best);
        }
        // psych: one group factor has no items (its omega row is NA); ours lists the other five and says so
        List<double[]> expected = new ArrayList<>();
        int empty = 0;
        JsonNode og = g.get("omega_group");
        for (int i = 1; i < og.size(); i++) {
            if (og.get(i).get("total").isNull()) {
                empty++;
                continue;
            }
            expected.add(new double[] {og.get(i).get("total").asDouble(), og.get(i).get("general").asDouble(),
                og.get(i).get("group").asDouble()});
        }
        assertEquals(1, empty, "psych's NA group rows");
        List<double[]> actual = new ArrayList<>();
        for (GroupOmega go : o.groups()) {
            actual.add(new double[] {go.total(), go.general(), go.group()});
        }
        expected.sort(Comparator.comparingDouble(a -> a[0]));
        actual.sort(Comparator.comparingDouble(a -> a[0]));
        assertEquals(expected.size(), actual.size(), "groups");
        for (int i = 0; i < expected.size(); i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(expected.get(i)[c], actual.get(i)[c], TOL, "omega group " + i + "," + c);
            }
        }
        String w = String.join("\n", o.warnings());
        assertTrue(w.contains("oblimin rotation did not converge"), w);
        assertTrue(w.contains("Heywood case: item scs8"), w);
        assertTrue(w.contains("Heywood case: item scs19"), w);
        assertTrue(w.contains("no items"), w);
    }

    @Test
    void oneFactorOmegaAgreesWithPsych() {
        JsonNode g = GoldenData.json("onefactor2000.json").get("omega1_pairwise");
        OmegaGoldenTest.check(g, Omega.total(items(), MissingData.PAIRWISE), "one factor");
    }
}
