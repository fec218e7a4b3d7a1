package org.dyadkit.survey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.dyadkit.InputException;
import org.junit.jupiter.api.Test;

/**
 * Random files (quotes, blank cells and lines, ragged rows, CRLF and CR line ends, long cells, stray
 * text, missing and duplicate identifiers, a byte-order mark, comma or semicolon delimiters, more than
 * one batch and read buffer) must give the same output bytes, the same problems and the same summary,
 * or the same error, with 1 thread (everything on the reading thread) and with 2 and 3 worker threads.
 */
class ThreadCountPropertyTest {
    private static final int CASES = 150;

    @Test
    void workerThreadsScoreLikeOneThread() {
        long seed = 20261202L;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int c = 0; c < CASES; c++) {
            byte[] file = file(rng);
            boolean id = rng.nextBoolean();
            char delim = rng.nextInt(4) == 0 ? ';' : ',';
            if (delim == ';') {
                file = new String(file, StandardCharsets.UTF_8).replace(',', ';').getBytes(StandardCharsets.UTF_8);
            }
            SurveyFormat f = SurveyFormat.csv().withDelimiter(delim);
            if (rng.nextInt(5) == 0) {
                f = f.withMaxRowBytes(4096);
            }
            String what = "seed " + seed + ", case " + c;
            String one = outcome(file, f, id, 1);
            for (int t = 2; t <= 3; t++) {
                assertEquals(one, outcome(file, f, id, t), what + ", threads " + t);
            }
        }
    }

    /** The output, problems and summary of one run as one text, or the error's message. */
    private static String outcome(byte[] file, SurveyFormat f, boolean id, int threads) {
        BatchScoring b = BatchScoring.of(f)
                .withInstrument("t", new MeanScorer(5, 1, 5, 4), ItemColumns.pattern("q{n}"))
                .withCounts(true).withThreads(threads);
        if (id) {
            b = b.withId("id");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Problem> problems = new ArrayList<>();
        try (SurveyReader r = SurveyReader.open(new ByteArrayInputStream(file), "p.csv", f)) {
            BatchSummary s = b.run(r, out, problems::add);
            return out.toString(StandardCharsets.UTF_8) + "\n--problems\n" + problems + "\n--summary\n" + s;
        } catch (InputException e) {
            return "error: " + e.getMessage();
        }
    }

    private static byte[] file(UniformRandomProvider rng) {
        String nl = switch (rng.nextInt(4)) {
            case 0 -> "\r\n";
            case 1 -> "\r";
            default -> "\n";
        };
        StringBuilder sb = new StringBuilder(rng.nextInt(8) == 0 ? "\uFEFF" : "");
        sb.append("id,q1,q2,q3,q4,q5,note").append(nl);
        // sometimes more than one batch and more than one read buffer
        int rows = rng.nextInt(6) == 0 ? 4000 + rng.nextInt(3000) : 1 + rng.nextInt(60);
        for (int r = 0; r < rows; r++) {
            if (rng.nextInt(40) == 0) {
                sb.append(rng.nextInt(3) == 0 ? " " : "").append(nl); // a blank line
                continue;
            }
            int cells = rng.nextInt(10) == 0 ? rng.nextInt(12) : 7; // ragged rows, some very long
            if (rng.nextInt(200) == 0) {
                cells = 80 + rng.nextInt(40);
            }
            for (int i = 0; i < cells; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(cell(rng, i, r));
            }
            sb.append(rng.nextInt(50) == 0 ? "\r\n" : nl);
        }
        if (rng.nextBoolean()) {
            sb.setLength(sb.length() - nl.length()); // no line end after the last row
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(UniformRandomProvider rng, int i, int r) {
        int k = rng.nextInt(30);
        if (i == 0) {
            return switch (k) {
                case 0 -> "";
                case 1 -> " " + (r / 2) + " ";
                case 2 -> "\"" + r + "\"";
                case 3 -> "NA";
                default -> Integer.toString(rng.nextInt(3) == 0 ? r / 2 : r);
            };
        }
        return switch (k) {
            case 0, 1, 2 -> "";
            case 3 -> "\"" + (1 + rng.nextInt(5)) + "\"";
            case 4 -> "\"a, \"\"b\"\"" + (rng.nextBoolean() ? "\nc" : "") + "\"";
            case 5 -> "x".repeat(1 + rng.nextInt(3000)); // long cells
            case 6 -> "2.5";
            case 7 -> "9";
            case 8 -> "caf\u00e9";
            case 9 -> "a\"b";
            case 10 -> " 3";
            case 11 -> "NA";
            default -> Integer.toString(1 + rng.nextInt(5));
        };
    }
}
