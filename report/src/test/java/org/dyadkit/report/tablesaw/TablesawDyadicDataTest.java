package org.dyadkit.report.tablesaw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.dyadkit.InputException;
import org.dyadkit.apim.Apim;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.dyad.Layout;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** {@code DyadicData} from a Tablesaw table is the {@code DyadicData} of the same CSV file, in every layout. */
class TablesawDyadicDataTest {
    private static final Path SAMPLES = Path.of("../data-samples");

    /** The table as a Tablesaw user reads it: Tablesaw's own CSV reader, its own column types. */
    private static Table tablesawRead(String file) {
        // named by its path, as DataTable.read names it, so that messages name the same file
        return Table.read().usingOptions(CsvReadOptions.builder(SAMPLES.resolve(file).toFile()).build())
                .setName(SAMPLES.resolve(file).toString());
    }

    private static void same(DyadicData csv, DyadicData ts) {
        assertEquals(csv.size(), ts.size(), "dyads");
        assertEquals(csv.roles(), ts.roles(), "roles");
        assertEquals(csv.variables(), ts.variables(), "variables");
        assertEquals(csv.singletons().size(), ts.singletons().size(), "singletons");
        for (String v : csv.variables()) {
            assertEquals(csv.kind(v), ts.kind(v), v);
            for (String role : csv.distinguishable() ? csv.roles() : List.<String>of()) {
                assertEquals(values(() -> csv.values(v, role)), values(() -> ts.values(v, role)), v + " " + role);
            }
            for (int pos = 0; pos < 2; pos++) {
                int p = pos;
                assertEquals(values(() -> csv.values(v, p)), values(() -> ts.values(v, p)), v + " member " + pos);
            }
        }
        assertEquals(csv.toIndividual().rowCount(), ts.toIndividual().rowCount());
    }

    /** The values as a list, or the message when the variable is not numeric. */
    private static Object values(java.util.function.Supplier<double[]> get) {
        try {
            return java.util.Arrays.stream(get.get()).boxed().toList();
        } catch (InputException e) {
            return e.getMessage();
        }
    }

    private static void sameApim(DyadicData csv, DyadicData ts, String y, String x) {
        Function<DyadicData, Apim> m = d -> (d.distinguishable() ? Apim.distinguishable(d) : Apim.indistinguishable(d))
                .withOutcome(y).withPredictor(x);
        ApimFit a = m.apply(csv).fit();
        ApimFit b = m.apply(ts).fit();
        assertEquals(a.coefficients(), b.coefficients());
        assertEquals(a.rho(), b.rho(), 0.0);
        assertEquals(a.residual().sd(), b.residual().sd());
        assertEquals(a.logLik(), b.logLik(), 0.0);
        assertEquals(a.sample(), b.sample());
    }

    @Test
    void individualLayout() {
        DataTable csv = DataTable.read(SAMPLES.resolve("acitelli_individual.csv"));
        DyadicData a = DyadicData.individual(csv).dyad("cuplid").role("gender").build();
        DyadicData b = Tablesaw.individual(tablesawRead("acitelli_individual.csv")).dyad("cuplid").role("gender").build();
        same(a, b);
        sameApim(a, b, "satisfaction", "other_pos");
    }

    @Test
    void dyadLayout() {
        DataTable csv = DataTable.read(SAMPLES.resolve("acitelli_dyad.csv"));
        DyadicData a = DyadicData.dyad(csv).dyad("cuplid").roles("H", "W").build();
        DyadicData b = Tablesaw.dyad(tablesawRead("acitelli_dyad.csv")).dyad("cuplid").roles("H", "W").build();
        same(a, b);
        sameApim(a, b, "satisfaction", "other_pos");
        DyadicData c = Tablesaw.layout(tablesawRead("acitelli_dyad.csv"), Layout.DYAD).dyad("cuplid").roles("H", "W")
                .build();
        same(a, c);
    }

    @Test
    void pairwiseLayout() {
        DataTable csv = DataTable.read(SAMPLES.resolve("acitelli_pairwise.csv"));
        DyadicData a = DyadicData.pairwise(csv).dyad("CoupleID").indistinguishable().build();
        DyadicData b = Tablesaw.pairwise(tablesawRead("acitelli_pairwise.csv")).dyad("CoupleID").indistinguishable()
                .build();
        same(a, b);
        sameApim(a, b, "Satisfaction", "OtherPos");
    }

    @Test
    void missingValuesAndSingletonsAsInTheCsv() {
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        for (int c = 1; c <= 20; c++) {
            for (String role : List.of("h", "w")) {
                // the partners' outcomes differ by more than a constant, so the residual correlation is inside (-1, 1)
                double y = (role.equals("h") ? (c * 37 % 11) / 2.0 + 0.3 : (c * 23 % 13) / 3.0 - 0.1) + c % 3 * 0.25;
                double x = role.equals("h") ? (c * 13 % 7) / 4.0 : (c * 5 % 9) / 3.0;
                boolean single = c == 5 && role.equals("w");
                if (!single) {
                    rows.add(new String[] {Integer.toString(c), role, c == 3 && role.equals("w") ? "" : Double.toString(y),
                        c == 8 && role.equals("h") ? "" : Double.toString(x)});
                }
            }
        }
        DataTable csv = DataTable.of("t.csv", List.of("couple", "role", "y", "x"), rows);
        DyadicData a = DyadicData.individual(csv).dyad("couple").role("role").build();
        DyadicData b = Tablesaw.individual(Tablesaw.toTablesaw(csv)).dyad("couple").role("role").build();
        same(a, b);
        sameApim(a, b, "y", "x");
    }

    @Test
    void sameValidationAndMessagesAsTheCsvPath() {
        DataTable csv = DataTable.read(SAMPLES.resolve("acitelli_individual.csv"));
        Table ts = Tablesaw.toTablesaw(csv);
        for (Function<DyadicData.Builder, DyadicData.Builder> bad : List.<Function<DyadicData.Builder, DyadicData.Builder>>of(
                b -> b.dyad("cuplid").role("gendr"), b -> b.dyad("couple").role("gender"),
                b -> b.dyad("Yearsmar").role("gender"), b -> b.dyad("cuplid").role("simhob"))) {
            InputException fromCsv = assertThrows(InputException.class, () -> bad.apply(DyadicData.individual(csv)).build());
            InputException fromTs = assertThrows(InputException.class, () -> bad.apply(Tablesaw.individual(ts)).build());
            assertEquals(fromCsv.getMessage(), fromTs.getMessage());
        }
    }
}
