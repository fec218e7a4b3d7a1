package org.dyadkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.dyadkit.InputException;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of valid survey files (cut lines, stray quotes, binary bytes, huge cells, a missing
 * header, dropped or doubled delimiters) must end either as a run whose output has every row with the
 * right number of cells, or as an {@link InputException}: never another exception, never a hang.
 */
class BatchFuzzTest {
    private static final int CASES = 400;

    @Test
    void mutatedFilesEndAsRowProblemsOrWholeFileErrors() {
        long seed = 20261125L;
        // a guard against an endless loop in the reader, not a speed test
        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            int errors = 0;
            int problemRuns = 0;
            for (int c = 0; c < CASES; c++) {
                byte[] file = mutate(valid(rng), rng);
                boolean small = rng.nextInt(4) == 0;
                SurveyFormat f = small ? SurveyFormat.csv().withMaxRowBytes(4096) : SurveyFormat.csv();
                String what = "seed " + seed + ", case " + c + ", file:\n"
                        + new String(file, 0, Math.min(file.length, 2000), StandardCharsets.ISO_8859_1);
                try {
                    BatchSummary s = runOnce(file, f, what);
                    if (s.problemCount() > 0) {
                        problemRuns++;
                    }
                } catch (InputException e) {
                    errors++;
                } catch (RuntimeException | Error e) {
                    fail("uncaught " + e + " at " + what, e);
                }
            }
            // both outcomes must occur, or the mutations are too weak to mean anything
            if (errors == 0 || problemRuns == 0) {
                fail("seed " + seed + ": errors " + errors + ", runs with problems " + problemRuns);
            }
        });
    }

    private static BatchSummary runOnce(byte[] file, SurveyFormat f, String what) throws IOException {
        BatchScoring b = BatchScoring.of(f)
                .withInstrument("t", new MeanScorer(5, 1, 5, 4), ItemColumns.pattern("q{n}"))
                .withId("id").withCounts(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Problem> problems = new ArrayList<>();
        BatchSummary s;
        int width;
        try (SurveyReader r = SurveyReader.open(new ByteArrayInputStream(file), "fuzz.csv", f)) {
            width = r.header().size();
            s = b.run(r, out, problems::add);
        }
        assertEquals(s.problemCount(), problems.size(), what);
        List<CSVRecord> records;
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(out.toString(StandardCharsets.UTF_8)))
                .setFormat(CSVFormat.DEFAULT).get()) {
            records = p.getRecords();
        }
        assertEquals(s.rowsRead() + 1, records.size(), "rows out = rows in, " + what);
        for (CSVRecord rec : records) {
            assertEquals(width + 3, rec.size(), "cells in output row " + rec.getRecordNumber() + ", " + what);
        }
        return s;
    }

    static byte[] valid(UniformRandomProvider rng) {
        StringBuilder sb = new StringBuilder("id,q1,q2,q3,q4,q5,note\n");
        int rows = 1 + rng.nextInt(40);
        for (int r = 0; r < rows; r++) {
            sb.append(r + 1);
            for (int i = 0; i < 5; i++) {
                sb.append(',');
                if (rng.nextInt(20) > 0) {
                    sb.append(1 + rng.nextInt(5));
                }
            }
            sb.append(rng.nextBoolean() ? ",plain\n" : ",\"quoted, \"\"text\"\"\"\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] mutate(byte[] file, UniformRandomProvider rng) {
        int n = 1 + rng.nextInt(3);
        for (int m = 0; m < n; m++) {
            int at = rng.nextInt(file.length + 1);
            switch (rng.nextInt(8)) {
                case 0 -> file = Arrays.copyOf(file, at); // cut
                case 1 -> file = insert(file, at, new byte[] {'"'}); // stray quote
                case 2 -> { // binary bytes
                    byte[] junk = new byte[1 + rng.nextInt(8)];
                    rng.nextBytes(junk);
                    file = insert(file, at, junk);
                }
                case 3 -> { // huge cell
                    byte[] huge = new byte[5000 + rng.nextInt(200_000)];
                    Arrays.fill(huge, (byte) 'x');
                    file = insert(file, at, huge);
                }
                case 4 -> { // missing header
                    int nl = indexOf(file, (byte) '\n', 0);
                    file = nl < 0 ? new byte[0] : Arrays.copyOfRange(file, nl + 1, file.length);
                }
                case 5 -> { // a dropped delimiter
                    int comma = indexOf(file, (byte) ',', at);
                    if (comma >= 0) {
                        file = remove(file, comma);
                    }
                }
                case 6 -> file = insert(file, at, new byte[] {','}); // an extra delimiter
                default -> file = insert(file, at, new byte[] {'\n'}); // a cut line
            }
        }
        return file;
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }

    private static byte[] remove(byte[] b, int at) {
        byte[] out = new byte[b.length - 1];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + 1, out, at, b.length - at - 1);
        return out;
    }
}
