package org.dyadkit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Instruments;
import org.junit.jupiter.api.Test;

/** The SCS-26 key, the three total conventions and the missing-data rules on hand-made rows. */
class ScsScorerTest {
    private static final Instrument SCS = Instruments.bundled("scs");
    private static final int[] SELF_KINDNESS = {5, 12, 19, 23, 26};

    /** A row keyed by item number: {@code row[number - 1]}. */
    private static int[] testVector() {
        int[] r = new int[26];
        Arrays.fill(r, 3);
        for (int n : SELF_KINDNESS) {
            r[SCS.itemIndex(n)] = 5;
        }
        return r;
    }

    @Test
    void scoreNamesAreSubscalesThenTotal() {
        assertEquals(List.of("self_kindness", "self_judgment", "common_humanity", "isolation", "mindfulness",
                "over_identification", "total"), Scorer.of(SCS).scoreNames());
        assertEquals(TotalMethod.MEAN_OF_SUBSCALES, Scorer.of(SCS).total().orElseThrow());
    }

    @Test
    void testVectorGivesTheThreePublishedConventions() {
        int[] r = testVector();
        // item mean: 5 SK items at 5 + 21 items at 3 (reversed 3 stays 3) = 25 + 63 = 88; 88 / 26
        assertEquals(88.0 / 26, Scorer.of(SCS).withTotal(TotalMethod.ITEM_MEAN).score(r).value("total").getAsDouble(),
                1e-15);
        assertEquals(3.3846, Scorer.of(SCS).withTotal(TotalMethod.ITEM_MEAN).score(r).value("total").getAsDouble(),
                5e-5);
        // subscale means 5, 3, 3, 3, 3, 3: mean 20 / 6, sum 20
        assertEquals(20.0 / 6, Scorer.of(SCS).score(r).value("total").getAsDouble(), 1e-15);
        assertEquals(3.3333, Scorer.of(SCS).score(r).value("total").getAsDouble(), 5e-5);
        assertEquals(20.0, Scorer.of(SCS).withTotal(TotalMethod.SUM_OF_SUBSCALES).score(r).value("total")
                .getAsDouble(), 0);
        // item sum 88
        assertEquals(88.0, Scorer.of(SCS).withTotal(TotalMethod.ITEM_SUM).score(r).value("total").getAsDouble(), 0);
    }

    @Test
    void negativeSubscalesAreReportedUnreversedAndReversedInsideTotals() {
        int[] r = new int[26];
        Arrays.fill(r, 3);
        for (int n : new int[] {1, 8, 11, 16, 21}) { // self-judgment all 5
            r[SCS.itemIndex(n)] = 5;
        }
        ScoredRow row = Scorer.of(SCS).score(r);
        // reported as answered: mean 5 (high self-judgment)
        assertEquals(5.0, row.value("self_judgment").getAsDouble());
        assertTrue(row.get("self_judgment").reversedItems().isEmpty());
        // in the total the subscale counts as 6 - 5 = 1: (1 + 3 * 5) / 6 = 16 / 6
        assertEquals(16.0 / 6, row.value("total").getAsDouble(), 1e-15);
        assertEquals(List.of(1, 2, 4, 6, 8, 11, 13, 16, 18, 20, 21, 24, 25), row.get("total").reversedItems());
        // item mean: 5 items reversed to 1, 21 items 3: (5 + 63) / 26
        assertEquals(68.0 / 26,
                Scorer.of(SCS).withTotal(TotalMethod.ITEM_MEAN).score(r).value("total").getAsDouble(), 1e-15);
    }

    @Test
    void minAnsweredFractionUsesExactCeiling() {
        MissingRule r = MissingRule.minAnsweredFraction(0.8);
        assertEquals(4, r.required(5));
        assertEquals(4, r.required(4)); // ceil(3.2)
        assertEquals(21, r.required(26)); // ceil(20.8)
        assertEquals(2, r.required(2)); // ceil(1.6)
        assertEquals(3, MissingRule.minAnsweredFraction(0.6).required(5)); // exactly 3, no float creep to 4
        assertEquals(7, MissingRule.minAnsweredFraction(0.7).required(10)); // 0.7 * 10 = 7.000000000000001 in doubles
        assertEquals(5, MissingRule.allRequired().required(5));
        assertEquals(2, MissingRule.minAnswered(3).required(2));
        assertEquals(3, MissingRule.minAnswered(3).required(5));
    }

    @Test
    void subscaleMissingUnderFractionRuleAndTotalNeedsEverySubscale() {
        int[] r = testVector();
        r[SCS.itemIndex(5)] = Scorer.MISSING; // one SK item: 4 of 5 answered, 0.8 rule met
        r[SCS.itemIndex(3)] = Scorer.MISSING; // one CH item: 3 of 4 answered, needs 4 (ceil 3.2)
        Scorer s = Scorer.of(SCS).withMissing(MissingRule.minAnsweredFraction(0.8));
        ScoredRow row = s.score(r);
        assertEquals(5.0, row.value("self_kindness").getAsDouble());
        assertEquals(4, row.get("self_kindness").answered());
        assertEquals(5, row.get("self_kindness").of());
        assertEquals("min-answered-fraction 0.8: 4 of 5", row.get("self_kindness").rule());
        assertFalse(row.value("common_humanity").isPresent());
        assertFalse(row.value("total").isPresent(), "mean-of-subscales needs every subscale");
        assertEquals(24, row.get("total").answered());
        // item mean over 24 of 26 answered (21 needed): (4 * 5 + 20 * 3) / 24
        ScoredRow im = s.withTotal(TotalMethod.ITEM_MEAN).score(r);
        assertEquals(80.0 / 24, im.value("total").getAsDouble(), 1e-15);
        // prorated item sum: 80 / 24 * 26
        assertEquals(80.0 * 26 / 24, s.withTotal(TotalMethod.ITEM_SUM).score(r).value("total").getAsDouble(), 1e-12);
        // all-required: nothing with a missing item
        ScoredRow strict = Scorer.of(SCS).score(r);
        assertFalse(strict.value("self_kindness").isPresent());
        assertTrue(strict.value("mindfulness").isPresent());
    }

    @Test
    void scoreIntoMatchesScoreAndMarksMissingWithNaN() {
        int[] r = testVector();
        for (int n : new int[] {1, 8}) {
            r[SCS.itemIndex(n)] = Scorer.MISSING;
        }
        Scorer s = Scorer.of(SCS).withMissing(MissingRule.minAnsweredFraction(0.8));
        double[] v = new double[s.scoreCount()];
        int[] a = new int[s.scoreCount()];
        s.scoreInto(r, v, a);
        ScoredRow row = s.score(r);
        for (int j = 0; j < v.length; j++) {
            Score sc = row.scores().get(j);
            assertEquals(sc.value().isPresent() ? sc.value().getAsDouble() : Double.NaN, v[j]);
            assertEquals(sc.answered(), a[j]);
        }
        assertTrue(Double.isNaN(v[1]), "self_judgment 3 of 5 < 4");
    }

    @Test
    void compositesAreOptionalAndFlagged() {
        int[] r = testVector();
        Scorer s = Scorer.of(SCS).withComposites(true);
        assertEquals(List.of("self_kindness", "self_judgment", "common_humanity", "isolation", "mindfulness",
                "over_identification", "cs", "rus", "total"), s.scoreNames());
        ScoredRow row = s.score(r);
        // CS: 5 SK items at 5 and 8 CH/MI items at 3: (25 + 24) / 13
        assertEquals(49.0 / 13, row.value("cs").getAsDouble(), 1e-15);
        assertEquals(3.0, row.value("rus").getAsDouble());
        assertEquals(13, row.get("rus").reversedItems().size());
    }

    @Test
    void outOfRangeAndWrongLengthAreRefused() {
        int[] r = testVector();
        r[0] = 6;
        assertThrows(IllegalArgumentException.class, () -> Scorer.of(SCS).score(r));
        assertThrows(IllegalArgumentException.class, () -> Scorer.of(SCS).score(new int[25]));
    }

    @Test
    void totalMethodNamesParse() {
        for (TotalMethod m : TotalMethod.values()) {
            assertEquals(m, TotalMethod.parse(m.cliName()));
            assertEquals(m, TotalMethod.parse(m.name()));
        }
        assertThrows(IllegalArgumentException.class, () -> TotalMethod.parse("median"));
    }
}
