package org.dyadkit.nonindependence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;

/**
 * Seeded properties: swapping the partners of indistinguishable dyads changes nothing, and the order of
 * the input rows does not matter, for every statistic of the package.
 */
class InvariancePropertyTest {
    static final List<String> VARS = List.of("x", "y", "z");

    /** Random couples in the individual layout (one row per person), with singletons and missing values. */
    static DataTable couples(UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 6 + rng.nextInt(40);
        double rho = rng.nextDouble() * 1.6 - 0.8;
        List<String[]> rows = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            double[] shared = {g.sample(), g.sample(), g.sample()};
            int members = rng.nextInt(10) == 0 ? 1 : 2;
            for (int m = 0; m < members; m++) {
                String[] row = new String[2 + VARS.size()];
                row[0] = "c" + d;
                row[1] = m == 0 ? "f" : "m";
                for (int v = 0; v < VARS.size(); v++) {
                    double own = Math.sqrt(Math.abs(rho)) * shared[v] * (rho < 0 && m == 1 ? -1 : 1)
                            + Math.sqrt(1 - Math.abs(rho)) * g.sample() + 0.3 * v * (m + 1);
                    row[2 + v] = rng.nextInt(25) == 0 ? "" : String.valueOf(own);
                }
                rows.add(row);
            }
        }
        List<String> cols = new ArrayList<>(List.of("couple", "role"));
        cols.addAll(VARS);
        return DataTable.of("random.csv", cols, rows);
    }

    /** Every statistic of the package as one list of numbers (nulls as NaN). */
    static List<Double> everything(DyadicData data) {
        List<Double> out = new ArrayList<>();
        if (data.distinguishable()) {
            for (String v : VARS) {
                DistinguishableNonindependence r = Nonindependence.distinguishable(data).withVariable(v).fit();
                out.addAll(List.of((double) r.nDyads(), r.pearsonR(), r.fisherCiLower(), r.fisherCiUpper(), r.t(),
                        r.p(), r.pitmanMorgan().t(), r.pitmanMorgan().p(), r.roleSummaries().get(0).mean(),
                        r.roleSummaries().get(1).sd(), r.meanDifference().t(), r.meanDifference().d()));
            }
            for (CorrelationRow row : CrossPartner.distinguishable(data).withVariables(VARS).fit().rows()) {
                out.addAll(List.of((double) row.n(), row.r(), row.ciLower(), row.ciUpper(), row.t(), row.p()));
            }
        } else {
            for (String v : VARS) {
                IndistinguishableNonindependence r = Nonindependence.indistinguishable(data).withVariable(v).fit();
                out.addAll(List.of((double) r.nDyads(), r.anovaIcc(), r.f(), r.df1(), r.p(), r.pairwiseR(), r.z()));
            }
            for (ExchangeableRow row : CrossPartner.exchangeable(data).withVariables(VARS).fit().pairs()) {
                out.addAll(List.of((double) row.n(), row.rXx(), row.overallR(), row.overallZ(), row.crossR(),
                        row.crossZ(), row.individualR(), row.individualT().orElse(Double.NaN), row.dyadR().orElse(Double.NaN),
                        row.dyadZ().orElse(Double.NaN)));
            }
        }
        return out;
    }

    static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }

    static void assertSame(List<Double> a, List<Double> b, String what) {
        assertEquals(a.size(), b.size(), what);
        for (int i = 0; i < a.size(); i++) {
            double x = a.get(i);
            double y = b.get(i);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                assertEquals(Double.isNaN(x), Double.isNaN(y), what + " item " + i);
            } else {
                assertEquals(x, y, 1e-10 * Math.max(1, Math.abs(x)), what + " item " + i);
            }
        }
    }

    static DataTable reorder(DataTable t, int[] order) {
        return t.select(order);
    }

    @Test
    void swappingIndistinguishablePartnersChangesNothing() {
        for (long seed = 1; seed <= 100; seed++) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            DataTable t = couples(rng);
            // swap the two rows of a random subset of dyads (rows of a dyad are adjacent in t)
            int[] order = new int[t.rowCount()];
            int swapped = 0;
            for (int r = 0; r < order.length; r++) {
                order[r] = r;
            }
            for (int r = 0; r + 1 < order.length; r++) {
                if (t.cell(r, 0).equals(t.cell(r + 1, 0))) {
                    if (rng.nextBoolean()) {
                        order[r] = r + 1;
                        order[r + 1] = r;
                        swapped++;
                    }
                    r++;
                }
            }
            DyadicData before = DyadicData.individual(t).dyad("couple").build();
            DyadicData after = DyadicData.individual(reorder(t, order)).dyad("couple").build();
            if (swapped > 0) {
                assertNotEquals(before.toDyad(), after.toDyad(), "seed " + seed + ": the swap changed positions");
            }
            assertSame(everything(before), everything(after), "seed " + seed);
        }
    }

    @Test
    void rowOrderDoesNotMatter() {
        for (long seed = 1; seed <= 100; seed++) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            DataTable t = couples(rng);
            int[] order = PermutationSampler.natural(t.rowCount());
            PermutationSampler.shuffle(rng, order);
            for (boolean roles : new boolean[] {true, false}) {
                DyadicData a = DyadicData.individual(t).dyad("couple").role("role").roles("f", "m")
                        .indistinguishable(!roles).build();
                DyadicData b = DyadicData.individual(reorder(t, order)).dyad("couple").role("role").roles("f", "m")
                        .indistinguishable(!roles).build();
                List<Double> x = everything(a);
                List<Double> y = everything(b);
                assertSame(x, y, "seed " + seed + (roles ? " distinguishable" : " indistinguishable"));
            }
        }
    }
}
