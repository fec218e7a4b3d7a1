package org.dyadkit.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.dyadkit.input.ReadOptions;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Instruments;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamed sums against direct computation: {@link AnswerSums} against brute-force sums (both its
 * histogram and its sums mode, odd and even item counts, mixed ranges, reversals), and the streamed
 * reliability of a table or a file against the two-pass row computation of the same item sets. Seeded;
 * each failure names its seed.
 */
class StreamedMomentsTest {
    @TempDir
    Path dir;

    @Test
    void pairSumsEqualBruteForce() {
        for (long seed : ReliabilityPropertyTest.SEEDS) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            for (int k : new int[] {1, 2, 3, 6, 7}) {
                for (boolean wide : new boolean[] {false, true}) {
                    int[] min = new int[k];
                    int[] max = new int[k];
                    for (int i = 0; i < k; i++) {
                        min[i] = rng.nextInt(3) - 1;
                        max[i] = min[i] + 1 + rng.nextInt(wide && i == k - 1 ? 40 : 6);
                    }
                    AnswerSums sums = new AnswerSums(min, max);
                    int n = 50 + rng.nextInt(200);
                    int[][] rows = new int[n][k];
                    for (int r = 0; r < n; r++) {
                        for (int i = 0; i < k; i++) {
                            rows[r][i] = rng.nextDouble() < 0.2 ? 0 : 1 + rng.nextInt(max[i] - min[i] + 1);
                        }
                        sums.add(rows[r].clone());
                    }
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            for (int f = 0; f < 4; f++) {
                                boolean ri = (f & 1) != 0;
                                boolean rj = (f & 2) != 0;
                                long[] want = new long[6];
                                for (int[] row : rows) {
                                    if (row[i] == 0 || row[j] == 0) {
                                        continue;
                                    }
                                    long x = min[i] + row[i] - 1L;
                                    long y = min[j] + row[j] - 1L;
                                    x = ri ? min[i] + max[i] - x : x;
                                    y = (i == j ? ri : rj) ? min[j] + max[j] - y : y;
                                    want[0]++;
                                    want[1] += x;
                                    want[2] += y;
                                    want[3] += x * x;
                                    want[4] += y * y;
                                    want[5] += x * y;
                                }
                                assertArrayEquals(want, sums.pair(i, j, ri, i == j ? ri : rj), "seed " + seed
                                        + " k " + k + (wide ? " wide" : "") + " pair " + i + "," + j + " flags " + f);
                            }
                        }
                    }
                }
            }
        }
    }

    /** An SCS-26 table: couple, role and 26 items 1-5 from one factor, blank and invalid cells. */
    static DataTable table(UniformRandomProvider rng, int n) {
        List<String> cols = new ArrayList<>(List.of("id", "role"));
        for (int j = 1; j <= 26; j++) {
            cols.add("scs" + j);
        }
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            String[] row = new String[cols.size()];
            row[0] = "p" + r;
            row[1] = rng.nextDouble() < 0.03 ? "" : rng.nextBoolean() ? "wife" : "husband";
            double f = rng.nextDouble() * 4 - 2;
            for (int j = 1; j <= 26; j++) {
                double u = rng.nextDouble();
                int v = (int) Math.max(1, Math.min(5, Math.round(3 + 0.8 * f * (j % 3 == 0 ? -1 : 1)
                        + 2 * (rng.nextDouble() - 0.5))));
                row[j + 1] = u < 0.015 ? "" : u < 0.018 ? "7" : u < 0.02 ? "2.5" : u < 0.021 ? "x" : Integer.toString(v);
            }
            rows.add(row);
        }
        return DataTable.of("scs.csv", cols, rows);
    }

    @Test
    void streamedEqualsRowsOfEachItemSet() throws IOException {
        Instrument scs = Instruments.bundled("scs");
        for (long seed : new long[] {1L, 2026L, 123456789L}) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            DataTable t = table(rng, 300 + rng.nextInt(300));
            Path csv = dir.resolve("scs-" + seed + ".csv");
            StringBuilder sb = new StringBuilder(String.join(",", t.columns())).append('\n');
            for (int r = 0; r < t.rowCount(); r++) {
                sb.append(String.join(",", t.row(r))).append('\n');
            }
            Files.writeString(csv, sb);
            for (MissingData m : MissingData.values()) {
                for (String by : new String[] {null, "role"}) {
                    Reliability streamed = Reliability.of(scs, t).withMissing(m);
                    Reliability file = Reliability.read(scs, csv, ReadOptions.csv()).withMissing(m);
                    if (by != null) {
                        streamed = streamed.withGroups(by);
                        file = file.withGroups(by);
                    }
                    InstrumentReliability a = streamed.fit();
                    InstrumentReliability f = file.fit();
                    String msg = "seed " + seed + " " + m + " by " + by;
                    assertEquals(a.scales(), f.scales(), msg + ": file and table");
                    assertEquals(a.problems(), f.problems(), msg + ": problems");
                    assertEquals(a.sample(), f.sample(), msg + ": sample");
                    int s = 0;
                    for (ScaleDefinition def : ScaleDefinition.defaults(scs)) {
                        for (String group : by == null ? new String[] {"all"} : new String[] {"husband", "wife"}) {
                            ScaleReliability want = Reliability.scale(def.name(), group, rows(t, scs, def, by, group),
                                    m, def.groupFactors());
                            same(want, a.scales().get(s++), msg + " " + def.name() + " " + group);
                        }
                    }
                }
            }
        }
    }

    /** The item set of a scale from the table's cells (invalid answers missing), for one group. */
    private static ItemSet rows(DataTable t, Instrument inst, ScaleDefinition def, String by, String group) {
        List<double[]> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int n : def.items()) {
            names.add("scs" + n);
        }
        for (int r = 0; r < t.rowCount(); r++) {
            if (by != null && !t.cell(r, t.columnIndex(by)).equals(group)) {
                continue;
            }
            double[] x = new double[def.items().size()];
            for (int j = 0; j < x.length; j++) {
                String c = t.cell(r, t.columnIndex(names.get(j)));
                x[j] = c.matches("[1-5]") ? Integer.parseInt(c) : Double.NaN;
            }
            rows.add(x);
        }
        return def.itemSet(inst, names, rows.toArray(new double[0][]));
    }

    private static void same(ScaleReliability want, ScaleReliability got, String msg) {
        assertEquals(want.scale(), got.scale(), msg);
        assertEquals(want.group(), got.group(), msg);
        AlphaResult a = want.alpha();
        AlphaResult b = got.alpha();
        assertEquals(a.respondents(), b.respondents(), msg + " n");
        assertEquals(a.completeRespondents(), b.completeRespondents(), msg + " complete");
        assertEquals(a.reversed(), b.reversed(), msg + " reversed");
        close(a.rawAlpha(), b.rawAlpha(), msg + " raw alpha");
        close(a.stdAlpha(), b.stdAlpha(), msg + " std alpha");
        close(a.g6Smc(), b.g6Smc(), msg + " G6");
        close(a.averageR(), b.averageR(), msg + " average r");
        close(a.alphaSe(), b.alphaSe(), msg + " ase");
        close(a.scaleMean(), b.scaleMean(), msg + " mean");
        close(a.scaleSd(), b.scaleSd(), msg + " sd");
        close(a.feldt().lower(), b.feldt().lower(), msg + " Feldt");
        for (int j = 0; j < a.itemStatistics().size(); j++) {
            ItemStatistics x = a.itemStatistics().get(j);
            ItemStatistics y = b.itemStatistics().get(j);
            assertEquals(x.n(), y.n(), msg + " item n");
            close(x.mean(), y.mean(), msg + " item mean");
            close(x.sd(), y.sd(), msg + " item sd");
            close(x.rawR(), y.rawR(), msg + " raw.r");
            close(x.stdR(), y.stdR(), msg + " std.r");
            close(x.rCor(), y.rCor(), msg + " r.cor");
            close(x.rDrop(), y.rDrop(), msg + " r.drop");
            close(x.ifDropped().rawAlpha(), y.ifDropped().rawAlpha(), msg + " alpha if dropped");
        }
        assertEquals(want.omegaTotal().isPresent(), got.omegaTotal().isPresent(), msg + " omega total");
        // omega is an iterative fit: the standards' 1e-6 for its estimates
        want.omegaTotal().ifPresent(o -> assertEquals(o.omegaTotal(), got.omegaTotal().orElseThrow().omegaTotal(),
                1e-6, msg + " omega total"));
        assertEquals(want.omegaHierarchical().isPresent(), got.omegaHierarchical().isPresent(), msg + " omega h");
        want.omegaHierarchical().ifPresent(o -> assertEquals(o.omegaHierarchical().orElseThrow(),
                got.omegaHierarchical().orElseThrow().omegaHierarchical().orElseThrow(), 1e-6, msg + " omega h"));
    }

    private static void close(double want, double got, String msg) {
        if (Double.isNaN(want)) {
            assertEquals(want, got, msg);
            return;
        }
        assertEquals(want, got, 1e-10 * Math.max(1, Math.abs(want)), msg);
    }
}
