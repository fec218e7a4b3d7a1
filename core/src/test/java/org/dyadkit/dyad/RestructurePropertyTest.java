package org.dyadkit.dyad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;

/** Seeded property: restructuring from any layout to any other and back is the identity. */
class RestructurePropertyTest {

    /**
     * A random data set in the individual layout: between-dyad, within-dyad and mixed variables, blank
     * cells, dyads with one member, roles in random order within dyads.
     */
    static DataTable randomIndividual(UniformRandomProvider rng, boolean roles) {
        int n = 3 + rng.nextInt(30);
        List<String> cols = roles ? List.of("dyad", "site", "role", "x", "y", "share")
                : List.of("dyad", "site", "x", "y", "share");
        List<String[]> rows = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            String id = "d" + rng.nextInt(1_000_000) + "_" + d;
            String site = rng.nextBoolean() ? "" : String.valueOf(rng.nextInt(5));
            double share = rng.nextInt(100);
            int members = rng.nextInt(8) == 0 ? 1 : 2;
            boolean flip = rng.nextBoolean();
            for (int m = 0; m < members; m++) {
                List<String> row = new ArrayList<>();
                row.add(id);
                row.add(site);
                if (roles) {
                    row.add((m == 0) != flip ? "wife" : "husband");
                }
                row.add(String.valueOf(rng.nextInt(1000) / 100.0));
                row.add(rng.nextInt(5) == 0 ? "" : String.valueOf(rng.nextDouble() * 2 - 1));
                row.add(String.valueOf(m == 0 ? share : 100 - share));
                rows.add(row.toArray(new String[0]));
            }
        }
        return DataTable.of("random.csv", cols, rows);
    }

    static DyadicData read(DataTable t, Layout layout, boolean roles) {
        DyadicData.Builder b = DyadicData.layout(t, layout).dyad("dyad");
        if (roles) {
            b.role("role").roles("husband", "wife");
        }
        return b.build();
    }

    @Test
    void everyRoundTripIsTheIdentity() {
        for (long seed = 1; seed <= 200; seed++) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            boolean roles = seed % 2 == 0;
            // dyadkit's own order: read once and write
            DyadicData data = read(randomIndividual(rng, roles), Layout.INDIVIDUAL, roles);
            for (Layout from : Layout.values()) {
                DataTable start = data.to(from);
                for (Layout via : Layout.values()) {
                    DataTable middle = read(start, from, roles).to(via);
                    DataTable back = read(middle, via, roles).to(from);
                    assertEquals(start, back, "seed " + seed + ": " + from + " -> " + via + " -> " + from);
                }
            }
            assertEquals(VariableKind.WITHIN, data.kind("share"), "seed " + seed);
        }
    }
}
