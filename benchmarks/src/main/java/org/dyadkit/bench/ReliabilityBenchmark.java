package org.dyadkit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.dyadkit.input.ReadOptions;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Instruments;
import org.dyadkit.reliability.InstrumentReliability;
import org.dyadkit.reliability.ItemSet;
import org.dyadkit.reliability.MissingData;
import org.dyadkit.reliability.Reliability;
import org.dyadkit.reliability.ScaleDefinition;
import org.dyadkit.reliability.ScaleReliability;
import org.dyadkit.table.DataTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reliability of the six SCS-26 subscales (alpha, item statistics, omega total each) on simulated
 * one-factor answers (1-5, 5 % blank cells), pairwise deletion:
 * {@code rows}: the two-pass computation over each subscale's rows (what {@code reliability} did before it
 * streamed, after reading the table); {@code streamedTable}: the streamed sums over the same table
 * ({@link Reliability#of}, cells classified from their text); {@code streamedFile}: the same streamed from
 * a CSV file with the byte-level survey reader ({@link Reliability#read}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReliabilityBenchmark {
    /** Respondents. */
    @Param({"100000"})
    public int rows;

    private Instrument scs;
    private DataTable table;
    private List<ScaleDefinition> subscales;
    private List<ItemSet> itemSets;
    private Path file;

    /** Simulates the answers from a fixed seed and writes them to a temporary file. */
    @Setup
    public void setup() throws IOException {
        scs = Instruments.bundled("scs");
        SplittableRandom rng = new SplittableRandom(20261202L);
        List<String> cols = new ArrayList<>();
        for (int j = 1; j <= 26; j++) {
            cols.add("scs" + j);
        }
        List<String[]> data = new ArrayList<>();
        StringBuilder csv = new StringBuilder(String.join(",", cols)).append('\n');
        for (int r = 0; r < rows; r++) {
            String[] row = new String[26];
            double f = rng.nextDouble() * 4 - 2;
            for (int j = 0; j < 26; j++) {
                long v = Math.max(1, Math.min(5, Math.round(3 + 0.8 * f + 2 * (rng.nextDouble() - 0.5))));
                row[j] = rng.nextDouble() < 0.05 ? "" : Long.toString(v);
            }
            data.add(row);
            csv.append(String.join(",", row)).append('\n');
        }
        table = DataTable.of("scs.csv", cols, data);
        file = Files.createTempFile("dyadkit-rel-bench", ".csv");
        Files.writeString(file, csv);
        subscales = new ArrayList<>(ScaleDefinition.defaults(scs));
        subscales.removeIf(d -> d.name().equals("total"));
        itemSets = new ArrayList<>();
        for (ScaleDefinition def : subscales) {
            List<String> names = new ArrayList<>();
            double[][] x = new double[rows][def.items().size()];
            for (int j = 0; j < def.items().size(); j++) {
                names.add("scs" + def.items().get(j));
                int c = table.columnIndex(names.get(j));
                for (int r = 0; r < rows; r++) {
                    String t = table.cell(r, c);
                    x[r][j] = t.isEmpty() ? Double.NaN : Integer.parseInt(t);
                }
            }
            itemSets.add(def.itemSet(scs, names, x));
        }
    }

    /** Removes the temporary file. */
    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    /** The two-pass computation over each subscale's rows. */
    @Benchmark
    public void rows(Blackhole bh) {
        for (int s = 0; s < subscales.size(); s++) {
            ScaleReliability r = Reliability.scale(subscales.get(s).name(), itemSets.get(s), MissingData.PAIRWISE, 0);
            bh.consume(r.alpha().rawAlpha());
        }
    }

    /** The streamed sums over the table in memory. */
    @Benchmark
    public InstrumentReliability streamedTable() {
        return Reliability.of(scs, table).withScales(subscales).fit();
    }

    /** The streamed sums from the file. */
    @Benchmark
    public InstrumentReliability streamedFile() {
        return Reliability.read(scs, file, ReadOptions.csv()).withScales(subscales).fit();
    }
}
