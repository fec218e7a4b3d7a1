package org.dyadkit.nonindependence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;

/**
 * Values whose squares overflow: the scale-free statistics (partner r, ICCs, Griffin-Gonzalez correlations)
 * are computed on values scaled by a power of two, so a cell of 1e200 or data multiplied by 1e150 give the
 * same correlations as the unscaled data, never r = 0.
 */
class EdgeScalingTest {
    private static final long SEED = 20261202L;

    /** n dyads of x (and y) in dyad layout; column values multiplied by factor, cell (0, x_m) set to cell. */
    private static DyadicData data(long seed, int n, double factor, double cell, boolean roles) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = z.sample();
            double b = 0.5 * a + z.sample();
            double c = 0.3 * a + z.sample();
            double d = 0.3 * b + 0.4 * c + z.sample();
            double xm = i == 0 && !Double.isNaN(cell) ? cell : (3 + a) * factor;
            rows.add(new String[] {"d" + i, Double.toString(xm), Double.toString((3 + b) * factor),
                Double.toString((1 + c) * factor), Double.toString((1 + d) * factor)});
        }
        DyadicData.Builder bld = DyadicData.dyad(DataTable.of("t.csv", List.of("id", "x_m", "x_w", "y_m", "y_w"),
                rows)).dyad("id").roles("m", "w");
        return (roles ? bld : bld.indistinguishable()).build();
    }

    private static void close(double want, double got, double rel, String what) {
        assertEquals(want, got, rel * Math.max(1, Math.abs(want)), what + " (seed " + SEED + ")");
    }

    @Test
    void dataMultipliedBy1e150GiveTheSameCorrelations() {
        DyadicData plain = data(SEED, 40, 1, Double.NaN, true);
        DyadicData big = data(SEED, 40, 1e150, Double.NaN, true);
        DistinguishableNonindependence a = Nonindependence.distinguishable(plain).withVariable("x").fit();
        DistinguishableNonindependence b = Nonindependence.distinguishable(big).withVariable("x").fit();
        close(a.pearsonR(), b.pearsonR(), 1e-13, "partner r");
        close(a.p(), b.p(), 1e-10, "p");
        close(a.pitmanMorgan().t(), b.pitmanMorgan().t(), 1e-10, "Pitman-Morgan t");
        close(a.meanDifference().t(), b.meanDifference().t(), 1e-10, "paired t");
        close(a.roleSummaries().get(0).mean() * 1e150, b.roleSummaries().get(0).mean(), 1e-13 * 1e150, "mean");
        assertTrue(Double.isFinite(b.roleSummaries().get(0).sd()), "sd " + b.roleSummaries().get(0).sd());

        DyadicData plainI = data(SEED, 40, 1, Double.NaN, false);
        DyadicData bigI = data(SEED, 40, 1e150, Double.NaN, false);
        IndistinguishableNonindependence ia = Nonindependence.indistinguishable(plainI).withVariable("x").fit();
        IndistinguishableNonindependence ib = Nonindependence.indistinguishable(bigI).withVariable("x").fit();
        close(ia.anovaIcc(), ib.anovaIcc(), 1e-12, "ICC");
        close(ia.pairwiseR(), ib.pairwiseR(), 1e-12, "pairwise r");

        CorrelationRow ca = CrossPartner.distinguishable(plain).withVariables(List.of("x", "y")).fit().rows().get(0);
        CorrelationRow cb = CrossPartner.distinguishable(big).withVariables(List.of("x", "y")).fit().rows().get(0);
        close(ca.r(), cb.r(), 1e-13, "cross-partner r");
        ExchangeableRow ea = CrossPartner.exchangeable(plainI).withVariables(List.of("x", "y")).fit().pairs().get(0);
        ExchangeableRow eb = CrossPartner.exchangeable(bigI).withVariables(List.of("x", "y")).fit().pairs().get(0);
        close(ea.overallR(), eb.overallR(), 1e-12, "overall r");
        close(ea.rXx(), eb.rXx(), 1e-12, "r_xx");
    }

    @Test
    void oneCellOf1e200GivesTheCorrelationOfTheScaledData() {
        // r(x, y) = r(x * 2^-600, y) exactly; 1e200 * 2^-600 is about 2.4e19, whose squares do not overflow
        double cell = 1e200;
        DyadicData huge = data(SEED, 30, 1, cell, true);
        DyadicData scaled = data(SEED, 30, 1, Math.scalb(cell, -600), true);
        DistinguishableNonindependence a = Nonindependence.distinguishable(huge).withVariable("x").fit();
        DistinguishableNonindependence b = Nonindependence.distinguishable(scaled).withVariable("x").fit();
        assertNotEquals(0.0, a.pearsonR(), "seed " + SEED);
        assertTrue(a.p() < 1, "p " + a.p());
        close(b.pearsonR(), a.pearsonR(), 1e-14, "partner r with a cell of 1e200");
        close(b.p(), a.p(), 1e-12, "p with a cell of 1e200");
        // the other role's mean and SD are those of its own values (each role is scaled by its own power of two)
        DistinguishableNonindependence plain = Nonindependence.distinguishable(data(SEED, 30, 1, Double.NaN, true))
                .withVariable("x").fit();
        assertEquals(plain.roleSummaries().get(1), a.roleSummaries().get(1));
        assertEquals(plain.pitmanMorgan().sd2(), a.pitmanMorgan().sd2());
        assertTrue(Double.isFinite(a.pitmanMorgan().t()) && a.pitmanMorgan().t() > 1e100, a.pitmanMorgan().toString());
        CorrelationRow ca = CrossPartner.distinguishable(huge).withVariables(List.of("x", "y")).fit().rows().get(0);
        CorrelationRow cb = CrossPartner.distinguishable(scaled).withVariables(List.of("x", "y")).fit().rows().get(0);
        close(cb.r(), ca.r(), 1e-14, "cross-partner r with a cell of 1e200");
    }

    /** golden/edges/huge-cell.csv (individual layout), the y columns multiplied by {@code yFactor}. */
    private static DyadicData golden(double yFactor) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("src/test/resources/golden/edges/huge-cell.csv"));
        List<String> head = List.of(lines.get(0).split(","));
        int y = head.indexOf("y");
        List<String[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",");
            c[y] = Double.toString(Double.parseDouble(c[y]) * yFactor);
            rows.add(c);
        }
        return DyadicData.individual(DataTable.of("huge-cell.csv", head, rows)).dyad("d").role("role").build();
    }

    @Test
    void matchesROnACellOf1e200AndOnData1e150TimesLarger() throws java.io.IOException {
        // golden/edges/huge_cell.R (R 4.2.2; R sums in long double, so 1e200^2 does not overflow there)
        com.fasterxml.jackson.databind.JsonNode g = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Path.of("src/test/resources/golden/edges/huge_cell.json").toFile());
        DistinguishableNonindependence x = Nonindependence.distinguishable(golden(1)).withVariable("x").fit();
        close(g.get("x_r").asDouble(), x.pearsonR(), 1e-8, "r with a cell of 1e200");
        close(g.get("x_t").asDouble(), x.t(), 1e-8, "t with a cell of 1e200");
        close(g.get("x_p").asDouble(), x.p(), 1e-8, "p with a cell of 1e200");
        close(g.get("x_ci").get(0).asDouble(), x.fisherCiLower(), 1e-8, "CI with a cell of 1e200");
        close(g.get("sd_B").asDouble(), x.roleSummaries().get(1).sd(), 1e-8, "the other role's SD");
        close(g.get("mean_B").asDouble(), x.roleSummaries().get(1).mean(), 1e-8, "the other role's mean");
        DistinguishableNonindependence y = Nonindependence.distinguishable(golden(1)).withVariable("y").fit();
        DistinguishableNonindependence big = Nonindependence.distinguishable(golden(1e150)).withVariable("y").fit();
        close(g.get("y_r").asDouble(), y.pearsonR(), 1e-8, "r");
        close(g.get("y_r_times_1e150").asDouble(), big.pearsonR(), 1e-8, "r of the data times 1e150");
        close(y.pearsonR(), big.pearsonR(), 1e-14, "r of the data times 1e150 against the unscaled r");
        CorrelationRow cw = CrossPartner.distinguishable(golden(1)).withVariables(List.of("x", "y")).fit().rows()
                .stream().filter(r -> r.x().equals("x") && r.xRole().equals("A") && r.yRole().equals("B")
                        && r.y().equals("y")).findFirst().orElseThrow();
        close(g.get("x_A_with_y_B_r").asDouble(), cw.r(), 1e-8, "cross-partner r with a cell of 1e200");
        close(g.get("x_A_with_y_B_p").asDouble(), cw.p(), 1e-8, "cross-partner p with a cell of 1e200");
    }

    @Test
    void meanSquaresBeyondTheDoubleRangeAreRefusedByName() {
        DyadicData huge = data(SEED, 30, 1, 1e200, false);
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> Nonindependence.indistinguishable(huge).withVariable("x").fit());
        assertEquals(Reason.OVERFLOW, e.reason());
        assertTrue(e.getMessage().contains("mean squares"), e.getMessage());
        // the Griffin-Gonzalez correlations are scale-free and still computed
        ExchangeableRow r = CrossPartner.exchangeable(huge).withVariables(List.of("x", "y")).fit().pairs().get(0);
        assertTrue(Double.isFinite(r.overallR()) && Double.isFinite(r.rXx()), r.toString());
    }
}
