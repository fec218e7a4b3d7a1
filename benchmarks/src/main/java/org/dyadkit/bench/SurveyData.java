package org.dyadkit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Seeded SCS-26 survey files for the benchmarks: id, scs1..scs26 (1-5), about 5% blank cells. */
final class SurveyData {
    private SurveyData() {
    }

    /** Writes {@code rows} rows to a temporary file deleted on exit. */
    static Path scs(int rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(rows * 62);
        sb.append("id");
        for (int i = 1; i <= 26; i++) {
            sb.append(",scs").append(i);
        }
        sb.append('\n');
        for (int r = 1; r <= rows; r++) {
            sb.append('p').append(r);
            for (int i = 0; i < 26; i++) {
                sb.append(',');
                if (rng.nextInt(20) != 0) {
                    sb.append(1 + rng.nextInt(5));
                }
            }
            sb.append('\n');
        }
        try {
            Path p = Files.createTempFile("dyadkit-bench-", ".csv");
            p.toFile().deleteOnExit();
            Files.writeString(p, sb, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
