package org.dyadkit.bench.apim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.dyadkit.apim.Apim;
import org.dyadkit.dyad.DyadArrays;
import org.dyadkit.apim.ApimFit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process APIM fits (no start-up, no CSV): a distinguishable REML APIM on simulated couples, complete
 * (closed form) and with 5% of persons missing (iterative REML), and a 5000-draw bootstrap of k.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar ApimBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ApimBenchmark {
    @Param({"20000"})
    int couples;

    DyadArrays complete;
    DyadArrays incomplete;
    DyadArrays small;

    @Setup
    public void setup() {
        complete = simulate(couples, 0.0, 1);
        incomplete = simulate(couples, 0.05, 2);
        small = simulate(150, 0.0, 3);
    }

    static DyadArrays simulate(int n, double drop, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        String[] dyad = new String[2 * n];
        String[] role = new String[2 * n];
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double xh = 4 + 0.6 * z.sample();
            double xw = 0.4 * xh + 2.4 + 0.5 * z.sample();
            double e1 = z.sample();
            double e2 = 0.45 * e1 + Math.sqrt(1 - 0.45 * 0.45) * z.sample();
            dyad[2 * i] = "c" + i;
            dyad[2 * i + 1] = "c" + i;
            role[2 * i] = "H";
            role[2 * i + 1] = "W";
            x[2 * i] = xh;
            x[2 * i + 1] = xw;
            y[2 * i] = rng.nextDouble() < drop ? Double.NaN : 0.7 + 0.42 * xh + 0.26 * xw + 0.38 * e1;
            y[2 * i + 1] = rng.nextDouble() < drop ? Double.NaN : 0.6 + 0.38 * xw + 0.32 * xh + 0.46 * e2;
        }
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("x", x);
        v.put("y", y);
        return DyadArrays.of(dyad, role, v);
    }

    @Benchmark
    public ApimFit distinguishableRemlComplete() {
        return Apim.distinguishable(complete).withOutcome("y").withPredictor("x").fit();
    }

    @Benchmark
    public ApimFit distinguishableRemlWithMissingPersons() {
        return Apim.distinguishable(incomplete).withOutcome("y").withPredictor("x").fit();
    }

    @Benchmark
    public ApimFit bootstrapK5000On150Couples() {
        return Apim.indistinguishable(small).withOutcome("y").withPredictor("x").withBootstrap(5000, 1L).fit();
    }
}
