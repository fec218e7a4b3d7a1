package org.dyadkit.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.dyadkit.InputException;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Instruments;
import org.dyadkit.scoring.MissingRule;
import org.dyadkit.scoring.Scorer;
import org.dyadkit.scoring.SubscaleTallies;
import org.dyadkit.scoring.TotalMethod;
import org.junit.jupiter.api.Test;

/**
 * Batch scoring through subscale tallies gives the bytes, problems and summary that the response-array
 * path gives ({@link RowScorer#scoreInto}), on seeded random SCS-26 files with every kind of cell fault,
 * for the SCS's 1-5 range and for a 0-20 range (where two-digit answers and cells such as {@code A}, whose
 * byte lies just above the digits, leave the one-digit path).
 */
class SubscaleTalliesBatchTest {
    private static final int CASES = 60;

    @Test
    void talliesScoreLikeTheResponseArray() {
        long seed = 20261203L;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Instrument scs = Instruments.bundled("scs");
        Instrument wide = wide(scs);
        for (int c = 0; c < CASES; c++) {
            boolean w = c % 2 == 1;
            Instrument ins = w ? wide : scs;
            Scorer scorer = Scorer.of(ins)
                    .withTotal(rng.nextBoolean() ? TotalMethod.MEAN_OF_SUBSCALES : TotalMethod.SUM_OF_SUBSCALES)
                    .withMissing(MissingRule.minAnsweredFraction(rng.nextInt(3) * 0.4 + 0.2));
            assertTrue(scorer.subscaleTallies().isPresent());
            byte[] file = file(rng, w ? 20 : 5);
            int threads = 1 + rng.nextInt(3);
            boolean counts = rng.nextBoolean();
            String what = "seed " + seed + ", case " + c + ", " + scorer;
            RowScorer tallied = RowScorer.of(scorer);
            assertTrue(tallied.subscaleTallies().isPresent());
            assertEquals(outcome(file, withoutTallies(tallied), counts, 1), outcome(file, tallied, counts, threads), what);
        }
    }

    @Test
    void aLetterInAWideRangeIsNotANumber() {
        Scorer scorer = Scorer.of(wide(Instruments.bundled("scs"))).withTotal(TotalMethod.MEAN_OF_SUBSCALES);
        StringBuilder sb = new StringBuilder("id");
        for (int i = 1; i <= 26; i++) {
            sb.append(",scs").append(i);
        }
        sb.append("\n1");
        for (int i = 1; i <= 26; i++) {
            sb.append(',').append(i == 1 ? "A" : i == 2 ? ":" : i == 3 ? "12" : "3");
        }
        sb.append('\n');
        String out = outcome(sb.toString().getBytes(StandardCharsets.UTF_8), RowScorer.of(scorer), false, 1);
        assertTrue(out.contains("scs1:non_numeric:A"), out);
        assertTrue(out.contains("scs2:non_numeric::"), out);
        assertTrue(!out.contains("scs3:"), out);
    }

    /** The SCS with every item answered on 0..20. */
    private static Instrument wide(Instrument scs) {
        String json = Instruments.toJson(scs).replaceFirst("\"min\"\\s*:\\s*1", "\"min\" : 0")
                .replaceFirst("\"max\"\\s*:\\s*5", "\"max\" : 20");
        Instrument w = Instruments.parse(json, "scs on 0..20");
        assertEquals(20, w.items().get(0).max());
        return w;
    }

    /** The same scorer without its tallies: batch scoring falls back to {@code scoreInto}. */
    private static RowScorer withoutTallies(RowScorer s) {
        return new RowScorer() {
            @Override
            public int itemCount() {
                return s.itemCount();
            }

            @Override
            public int itemNumber(int i) {
                return s.itemNumber(i);
            }

            @Override
            public int itemMin(int i) {
                return s.itemMin(i);
            }

            @Override
            public int itemMax(int i) {
                return s.itemMax(i);
            }

            @Override
            public List<String> scoreNames() {
                return s.scoreNames();
            }

            @Override
            public void scoreInto(int[] responses, double[] values, int[] answered) {
                s.scoreInto(responses, values, answered);
            }

            @Override
            public int scoreItems(int j) {
                return s.scoreItems(j);
            }

            @Override
            public Optional<SubscaleTallies> subscaleTallies() {
                return Optional.empty();
            }

            @Override
            public String describe() {
                return s.describe();
            }
        };
    }

    private static String outcome(byte[] file, RowScorer scorer, boolean counts, int threads) {
        BatchScoring b = BatchScoring.of(SurveyFormat.csv())
                .withInstrument("scs", scorer, ItemColumns.pattern("scs{n}"))
                .withCounts(counts).withThreads(threads).withId("id");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Problem> problems = new ArrayList<>();
        try (SurveyReader r = SurveyReader.open(new ByteArrayInputStream(file), "t.csv", SurveyFormat.csv())) {
            BatchSummary s = b.run(r, out, problems::add);
            return out.toString(StandardCharsets.UTF_8) + "\n--problems\n" + problems + "\n--summary\n" + s;
        } catch (InputException e) {
            return "error: " + e.getMessage();
        }
    }

    private static byte[] file(UniformRandomProvider rng, int max) {
        StringBuilder sb = new StringBuilder("id");
        for (int i = 1; i <= 26; i++) {
            sb.append(",scs").append(i);
        }
        sb.append('\n');
        int rows = rng.nextInt(5) == 0 ? 4100 + rng.nextInt(2000) : 1 + rng.nextInt(80);
        double blank = rng.nextDouble() * 0.3;
        for (int r = 0; r < rows; r++) {
            int cells = rng.nextInt(15) == 0 ? rng.nextInt(30) : 27;
            for (int i = 0; i < cells; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                if (i == 0) {
                    sb.append(rng.nextInt(50) == 0 ? "" : Integer.toString(rng.nextInt(20) == 0 ? r / 2 : r));
                } else if (rng.nextDouble() < blank) {
                    sb.append("");
                } else {
                    sb.append(cell(rng, max));
                }
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(UniformRandomProvider rng, int max) {
        return switch (rng.nextInt(40)) {
            case 0 -> "A";
            case 1 -> ":";
            case 2 -> "2.5";
            case 3 -> "3.0";
            case 4 -> Integer.toString(max + 1);
            case 5 -> "-1";
            case 6 -> " 4";
            case 7 -> "\"2\"";
            case 8 -> "0";
            case 9 -> "x";
            case 10 -> "12";
            default -> Integer.toString(1 + rng.nextInt(Math.min(max, 9)));
        };
    }
}
