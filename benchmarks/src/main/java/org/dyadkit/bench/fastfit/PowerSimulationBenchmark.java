package org.dyadkit.bench.fastfit;

import java.util.concurrent.TimeUnit;
import org.dyadkit.power.ApimPower;
import org.dyadkit.power.PowerResult;
import org.dyadkit.power.PowerSimulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The power simulation loop on one thread: 200 replicates of the distinguishable APIM at 100 dyads (actor .25,
 * partner .15, r(X, X') = r(e, e') = .30, as {@code benchmarks/power/sim_gls.R}), and 200 of the
 * indistinguishable one; divide by 200 for the cost of a replicate (draw and fit).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar PowerSimulationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PowerSimulationBenchmark {
    @Benchmark
    public PowerResult distinguishable200() {
        ApimPower d = ApimPower.distinguishable("person1", "person2").withActor(0.25).withPartner(0.15)
                .withPredictorCorrelation(0.3).withErrorCorrelation(0.3).withDyads(100);
        return PowerSimulation.apim(d).withReplicates(200).withSeed(1).withThreads(1).fit();
    }

    @Benchmark
    public PowerResult indistinguishable200() {
        ApimPower d = ApimPower.indistinguishable().withActor(0.25).withPartner(0.15).withPredictorCorrelation(0.3).withErrorCorrelation(0.3)
                .withDyads(100);
        return PowerSimulation.apim(d).withReplicates(200).withSeed(1).withThreads(1).fit();
    }
}
