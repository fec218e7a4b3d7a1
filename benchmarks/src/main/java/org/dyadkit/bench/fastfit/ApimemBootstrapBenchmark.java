package org.dyadkit.bench.fastfit;

import java.util.concurrent.TimeUnit;
import org.dyadkit.dyad.DyadArrays;
import org.dyadkit.mediation.Apimem;
import org.dyadkit.mediation.ApimemResult;
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
 * The APIMeM dyad bootstrap on the Acitelli couples (distinguishable, other_pos to tension to satisfaction,
 * 1,000 resamples; divide by 1,000 for the cost of a draw), on 1 and 2 threads. Run from the repository root:
 * {@code java -jar benchmarks/target/benchmarks.jar ApimemBootstrapBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ApimemBootstrapBenchmark {
    @Param({"1", "2"})
    int threads;

    DyadArrays couples;

    @Setup
    public void setup() {
        couples = AcitelliData.load();
    }

    @Benchmark
    public ApimemResult bootstrap1000() {
        return Apimem.distinguishable(couples).withRoles("1", "-1").withPredictor("other_pos")
                .withMediator("tension").withOutcome("satisfaction").withBootstrap(1000, 1L).withThreads(threads)
                .fit();
    }
}
