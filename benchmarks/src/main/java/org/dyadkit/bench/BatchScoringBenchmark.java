package org.dyadkit.bench;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.dyadkit.instrument.Instruments;
import org.dyadkit.scoring.MissingRule;
import org.dyadkit.scoring.Scorer;
import org.dyadkit.survey.BatchScoring;
import org.dyadkit.survey.BatchSummary;
import org.dyadkit.survey.ItemColumns;
import org.dyadkit.survey.SurveyFormat;
import org.dyadkit.survey.SurveyReader;
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
 * Scoring the SCS-26: the scorer alone on parsed rows, and the whole batch pass (read, validate, score,
 * write to a null stream). Run: {@code java -jar benchmarks/target/benchmarks.jar BatchScoringBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchScoringBenchmark {
    @Param({"100000"})
    public int rows;

    private Path file;
    private Scorer scorer;
    private int[][] responses;
    private BatchScoring batch;
    private BatchScoring batchWithId;

    /** Builds the file, the parsed rows and the scorers. */
    @Setup
    public void setup() {
        file = SurveyData.scs(rows, 20261125L);
        scorer = Scorer.of(Instruments.bundled("scs")).withMissing(MissingRule.minAnsweredFraction(0.8));
        SplittableRandom rng = new SplittableRandom(7);
        responses = new int[rows][26];
        for (int[] r : responses) {
            for (int i = 0; i < 26; i++) {
                r[i] = rng.nextInt(20) == 0 ? Scorer.MISSING : 1 + rng.nextInt(5);
            }
        }
        batch = BatchScoring.of(SurveyFormat.csv()).withInstrument("scs", scorer, ItemColumns.pattern("scs{n}"));
        batchWithId = batch.withId("id");
    }

    /** {@code Scorer.scoreInto} over parsed rows (seven scores each). */
    @Benchmark
    public double scorer() {
        double[] values = new double[scorer.scoreCount()];
        int[] answered = new int[scorer.scoreCount()];
        double acc = 0;
        for (int[] r : responses) {
            scorer.scoreInto(r, values, answered);
            acc += values[values.length - 1];
        }
        return acc;
    }

    /** The whole pass without an identifier check. */
    @Benchmark
    public BatchSummary wholePass() {
        try (SurveyReader r = SurveyReader.open(file, SurveyFormat.csv())) {
            return batch.run(r, OutputStream.nullOutputStream(), p -> { });
        }
    }

    /**
     * The whole pass as {@code dyadkit score} runs it without {@code --problems}: the problems are counted
     * for the summary, not listed.
     */
    @Benchmark
    public BatchSummary wholePassNoProblemsFile() {
        try (SurveyReader r = SurveyReader.open(file, SurveyFormat.csv())) {
            return batch.run(r, OutputStream.nullOutputStream(), (Path) null);
        }
    }

    /** The whole pass with the duplicate-identifier check. */
    @Benchmark
    public BatchSummary wholePassWithId() {
        try (SurveyReader r = SurveyReader.open(file, SurveyFormat.csv())) {
            return batchWithId.run(r, OutputStream.nullOutputStream(), p -> { });
        }
    }
}
