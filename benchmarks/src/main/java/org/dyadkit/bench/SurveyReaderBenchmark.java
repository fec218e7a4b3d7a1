package org.dyadkit.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
 * Reading a survey file and parsing its 26 item cells: the byte-level {@link SurveyReader} against
 * Commons CSV with {@code Integer.parseInt}. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar SurveyReaderBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SurveyReaderBenchmark {
    @Param({"100000"})
    public int rows;

    private Path file;

    /** Writes the seeded file. */
    @Setup
    public void setup() {
        file = SurveyData.scs(rows, 20261125L);
    }

    /** The byte-level reader: every row, the item cells summed as integers. */
    @Benchmark
    public long byteLevelReader() {
        long sum = 0;
        try (SurveyReader r = SurveyReader.open(file, SurveyFormat.csv())) {
            while (r.next()) {
                for (int i = 1; i <= 26; i++) {
                    String c = r.cell(i);
                    if (!c.isEmpty()) {
                        sum += Integer.parseInt(c);
                    }
                }
            }
        }
        return sum;
    }

    /** The byte-level reader without turning cells into strings (what batch scoring does). */
    @Benchmark
    public long byteLevelReaderRowsOnly() {
        long cells = 0;
        try (SurveyReader r = SurveyReader.open(file, SurveyFormat.csv())) {
            while (r.next()) {
                cells += r.cellCount();
            }
        }
        return cells;
    }

    /** Commons CSV 1.14: every record, the item cells summed as integers. */
    @Benchmark
    public long commonsCsv() throws IOException {
        long sum = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.builder().setReader(in).setFormat(CSVFormat.DEFAULT).get()) {
            boolean header = true;
            for (CSVRecord rec : p) {
                if (header) {
                    header = false;
                    continue;
                }
                for (int i = 1; i <= 26; i++) {
                    String c = rec.get(i);
                    if (!c.isEmpty()) {
                        sum += Integer.parseInt(c);
                    }
                }
            }
        }
        return sum;
    }
}
