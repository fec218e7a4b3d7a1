package org.dyadkit.bench.mlm;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.dyadkit.diary.DiaryData;
import org.dyadkit.mlm.Mlm;
import org.dyadkit.mlm.MlmFit;
import org.dyadkit.power.LongitudinalApimPower;
import org.dyadkit.power.PowerResult;
import org.dyadkit.table.DataTable;
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
 * In-process mixed-model fits on {@code data-samples/diary_couples.csv} (100 couples x 14 days): the dyadic
 * growth curve (4 x 4 random covariance, CS, varIdent; as {@code benchmarks/r/diary_growth_fit.R}) and the
 * distinguishable longitudinal APIM (as {@code benchmarks/r/diary_lapim_fit.R}), each {@code fit()} from the
 * diary (formula, design, optimisation, fitted values); and 20 replicates of the longitudinal APIM power
 * simulation on one thread (100 couples x 14 days). Run from the repository root:
 * {@code java -jar benchmarks/target/benchmarks.jar MlmBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MlmBenchmark {
    @Param({"data-samples/diary_couples.csv"})
    String file;

    DiaryData diary;

    @Setup
    public void setup() {
        diary = DiaryData.of(DataTable.read(Path.of(file))).dyad("couple").role("gender").person("person")
                .occasion("day").build();
    }

    @Benchmark
    public MlmFit growthCurve() {
        return Mlm.growthCurve(diary, "closeness", "time").fit();
    }

    @Benchmark
    public MlmFit longitudinalApim() {
        return Mlm.longitudinalApim(diary, "closeness", "stress").fit();
    }

    @Benchmark
    public PowerResult longitudinalApimPower20() {
        return LongitudinalApimPower.distinguishable("man", "woman").withDyads(100).withOccasions(14)
                .withReplicates(20).withSeed(1).withThreads(1).fit();
    }
}
