package org.dyadkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.dyadkit.AnalysisException;
import org.dyadkit.reliability.ItemSet;
import org.dyadkit.reliability.MissingData;
import org.dyadkit.reliability.Omega;
import org.dyadkit.reliability.OmegaResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The minres factor fits behind omega on one-factor data like the benchmark generator's
 * ({@code benchmarks/batch/generate_scs.R}: 26 items 1-5 loading 0.9 on one normal factor, noise 0.9, 5 %
 * blank cells): {@code hierarchicalSixFactors} is the default run's omega hierarchical of the SCS total
 * with the six subscales as group factors (a misspecified, flat fit), {@code totalOneFactor} the omega
 * total of the 26 items. Both are independent of the number of rows once the correlations are known; the
 * rows here only make the correlations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FactoringBenchmark {
    /** Respondents. */
    @Param({"2000"})
    public int rows;

    private ItemSet items;

    /** Simulates the answers from a fixed seed. */
    @Setup
    public void setup() {
        Random rng = new Random(20261202L);
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= 26; j++) {
            names.add("scs" + j);
        }
        double[][] x = new double[rows][26];
        for (int r = 0; r < rows; r++) {
            double f = rng.nextGaussian();
            for (int j = 0; j < 26; j++) {
                double v = Math.max(1, Math.min(5, Math.rint(3 + 0.9 * f + 0.9 * rng.nextGaussian())));
                x[r][j] = rng.nextDouble() < 0.05 ? Double.NaN : v;
            }
        }
        items = ItemSet.of(names, x, List.of(), 1, 5);
    }

    /** Omega hierarchical with six group factors (a result, or the named refusal of a fit that fails). */
    @Benchmark
    public Object hierarchicalSixFactors() {
        try {
            return Omega.hierarchical(items, 6, MissingData.PAIRWISE);
        } catch (AnalysisException e) {
            return e;
        }
    }

    /** Omega total from one factor. */
    @Benchmark
    public OmegaResult totalOneFactor() {
        return Omega.total(items, MissingData.PAIRWISE);
    }
}
