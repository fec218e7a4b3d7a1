package org.dyadkit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Instruments;
import org.junit.jupiter.api.Test;

/**
 * Hand-made rows for every bundled instrument other than the SCS-26 (which has its own tests and an R
 * golden). Each expected value is derived in the comment beside it. Rows are written by item number:
 * {@code row(in, v1, v2, ...)} puts v_n at {@code in.itemIndex(n)}.
 */
class BundledScoresTest {
    private static final int M = Scorer.MISSING;

    private static int[] row(Instrument in, int... byNumber) {
        assertEquals(in.items().size(), byNumber.length);
        int[] r = new int[byNumber.length];
        for (int n = 1; n <= byNumber.length; n++) {
            r[in.itemIndex(n)] = byNumber[n - 1];
        }
        return r;
    }

    private static double v(ScoredRow row, String name) {
        return row.value(name).getAsDouble();
    }

    @Test
    void scsShortForm() {
        Instrument in = Instruments.bundled("scs-sf");
        // items 1..12; SJ 11, 12 = 2; OI 1 = 5, 9 = 1; all others 4
        ScoredRow r = Scorer.of(in).score(row(in, 5, 4, 4, 4, 4, 4, 4, 4, 1, 4, 2, 2));
        assertEquals(4.0, v(r, "self_kindness")); // items 2, 6
        assertEquals(2.0, v(r, "self_judgment")); // items 11, 12 reported un-reversed
        assertEquals(4.0, v(r, "isolation")); // items 4, 8 un-reversed
        assertEquals(3.0, v(r, "over_identification")); // (5 + 1) / 2
        // default item-mean: reversed 1->1, 4->2, 8->2, 9->5, 11->4, 12->4 (sum 18) + six items at 4 (24) = 42 / 12
        assertEquals(TotalMethod.ITEM_MEAN, Scorer.of(in).total().orElseThrow());
        assertEquals(3.5, v(r, "total"), 1e-15);
        // mean of subscales in the total's direction: 4, 4, 4, 2, 4, 3 -> 21 / 6, equal because all have 2 items
        assertEquals(3.5, v(Scorer.of(in).withTotal(TotalMethod.MEAN_OF_SUBSCALES)
                .score(row(in, 5, 4, 4, 4, 4, 4, 4, 4, 1, 4, 2, 2)), "total"), 1e-15);
        assertEquals(List.of(1, 4, 8, 9, 11, 12), r.get("total").reversedItems());
    }

    @Test
    void stateScaleLongAndShort() {
        Instrument l = Instruments.bundled("sscs-l");
        // odd items 5, even (reverse-keyed) items 1, except item 13 = 2
        int[] byNumber = new int[18];
        for (int n = 1; n <= 18; n++) {
            byNumber[n - 1] = n % 2 == 1 ? 5 : 1;
        }
        byNumber[12] = 2;
        ScoredRow r = Scorer.of(l).score(row(l, byNumber));
        assertEquals(4.0, v(r, "self_kindness")); // (5 + 5 + 2) / 3
        assertEquals(1.0, v(r, "self_judgment")); // items 4, 10, 16 un-reversed
        // total: SK 4, every other subscale 5 in the total's direction -> 29 / 6
        assertEquals(29.0 / 6, v(r, "total"), 1e-15);

        Instrument s = Instruments.bundled("sscs-s");
        assertEquals(List.of("total"), Scorer.of(s).scoreNames());
        // 4, 2, 5, 1, 3, 2 with 2, 4, 5 reversed: 4, 4, 5, 5, 3, 2 -> 23
        int[] rs = row(s, 4, 2, 5, 1, 3, 2);
        assertEquals(23.0 / 6, v(Scorer.of(s).score(rs), "total"), 1e-15);
        assertEquals(23.0, v(Scorer.of(s).withTotal(TotalMethod.ITEM_SUM).score(rs), "total"));
        assertThrows(IllegalArgumentException.class, () -> Scorer.of(s).withTotal(TotalMethod.MEAN_OF_SUBSCALES));
    }

    @Test
    void scsYouthWithTwoItemOverIdentification() {
        Instrument in = Instruments.bundled("scs-y");
        // all 3 except item 1 (SK) = 5 and item 5 (OI, reverse-keyed) = 1
        int[] byNumber = new int[17];
        java.util.Arrays.fill(byNumber, 3);
        byNumber[0] = 5;
        byNumber[4] = 1;
        ScoredRow r = Scorer.of(in).score(row(in, byNumber));
        assertEquals(11.0 / 3, v(r, "self_kindness"), 1e-15); // (5 + 3 + 3) / 3
        assertEquals(2.0, v(r, "over_identification")); // (1 + 3) / 2 un-reversed
        // total: SK 11/3, OI reversed (5 + 3) / 2 = 4, four subscales at 3 -> (11/3 + 4 + 12) / 6 = 59 / 18
        assertEquals(59.0 / 18, v(r, "total"), 1e-15);
        // item mean: 5 + 5 (item 5 reversed) + 15 * 3 = 55 over 17
        assertEquals(55.0 / 17, v(Scorer.of(in).withTotal(TotalMethod.ITEM_MEAN).score(row(in, byNumber)), "total"),
                1e-15);
    }

    @Test
    void authenticitySumsWithoutTotal() {
        Instrument in = Instruments.bundled("authenticity");
        Scorer s = Scorer.of(in);
        assertEquals(List.of("authentic_living", "accepting_external_influence", "self_alienation"), s.scoreNames());
        ScoredRow r = s.score(row(in, 1, 2, 3, 4, 5, 6, 7, 7, 6, 5, 4, 3));
        assertEquals(18.0, v(r, "authentic_living")); // items 1, 8, 9, 11: 1 + 7 + 6 + 4
        assertEquals(18.0, v(r, "accepting_external_influence")); // items 3..6: 3 + 4 + 5 + 6, no reversal
        assertEquals(17.0, v(r, "self_alienation")); // items 2, 7, 10, 12: 2 + 7 + 5 + 3
        assertEquals(List.of(), r.get("self_alienation").reversedItems());
        // item 8 missing, 3 of 4 answered with a 0.75 rule: prorated (1 + 6 + 4) * 4 / 3
        ScoredRow p = s.withMissing(MissingRule.minAnsweredFraction(0.75)).score(row(in, 1, 2, 3, 4, 5, 6, 7, M, 6, 5,
                4, 3));
        assertEquals(44.0 / 3, v(p, "authentic_living"), 1e-14);
        assertThrows(IllegalArgumentException.class, () -> s.withTotal(TotalMethod.ITEM_SUM));
    }

    @Test
    void relationshipAssessmentScale() {
        Instrument in = Instruments.bundled("ras");
        int[] r = row(in, 5, 4, 5, 2, 4, 5, 1);
        // items 4 and 7 reversed: 2 -> 4, 1 -> 5; 5 + 4 + 5 + 4 + 4 + 5 + 5 = 32
        assertEquals(32.0 / 7, v(Scorer.of(in).score(r), "total"), 1e-15);
        assertEquals(32.0, v(Scorer.of(in).withTotal(TotalMethod.ITEM_SUM).score(r), "total"));
    }

    @Test
    void couplesSatisfactionIndexPointValues() {
        Instrument c4 = Instruments.bundled("csi-4");
        assertEquals(6, c4.item(1).max()); // item 1 scored 0-6
        assertEquals(5, c4.item(2).max()); // the others 0-5
        assertEquals(0, c4.item(2).min());
        // printed points summed, no reversal: 6 + 5 + 3 + 0 = 14
        assertEquals(14.0, v(Scorer.of(c4).score(row(c4, 6, 5, 3, 0)), "total"));
        assertEquals(new ScoreRange(0, 21), exactRange(c4));
        assertThrows(IllegalArgumentException.class, () -> Scorer.of(c4).score(row(c4, 6, 6, 3, 0)));

        Instrument c16 = Instruments.bundled("csi-16");
        int[] max = new int[16];
        java.util.Arrays.fill(max, 5);
        max[0] = 6;
        assertEquals(81.0, v(Scorer.of(c16).score(row(c16, max)), "total")); // 6 + 15 * 5
        // item 1 = 3, items n = 2..16 answered n % 6: 2+3+4+5+0+1+2+3+4+5+0+1+2+3+4 = 39; + 3 = 42
        int[] mixed = new int[16];
        mixed[0] = 3;
        for (int n = 2; n <= 16; n++) {
            mixed[n - 1] = n % 6;
        }
        assertEquals(42.0, v(Scorer.of(c16).score(row(c16, mixed)), "total"));
    }

    /** The exact range of an item sum with per-item ranges: sum of minima to sum of maxima. */
    private static ScoreRange exactRange(Instrument in) {
        int lo = 0;
        int hi = 0;
        for (var it : in.items()) {
            lo += it.min();
            hi += it.max();
        }
        return new ScoreRange(lo, hi);
    }

    @Test
    void perceivedRelationshipQualityComponents() {
        Instrument in = Instruments.bundled("prqc");
        ScoredRow r = Scorer.of(in).score(row(in, 7, 7, 4, 1, 2, 3, 5, 5, 5, 7, 6, 5, 3, 3, 4, 7, 7, 7));
        assertEquals(6.0, v(r, "satisfaction")); // (7 + 7 + 4) / 3
        assertEquals(2.0, v(r, "commitment"));
        assertEquals(5.0, v(r, "intimacy"));
        assertEquals(6.0, v(r, "trust"));
        assertEquals(10.0 / 3, v(r, "passion"), 1e-15);
        assertEquals(7.0, v(r, "love"));
        // item mean 88 / 18 (18 + 6 + 15 + 18 + 10 + 21)
        assertEquals(88.0 / 18, v(r, "total"), 1e-15);
    }

    @Test
    void experiencesInCloseRelationshipsShortForm() {
        Instrument in = Instruments.bundled("ecr-s");
        ScoredRow r = Scorer.of(in).score(row(in, 7, 6, 2, 5, 1, 4, 3, 7, 6, 2, 5, 1));
        // anxiety 2, 4, 6, 8R, 10, 12: 6 + 5 + 4 + (8 - 7) + 2 + 1 = 19
        assertEquals(19.0 / 6, v(r, "anxiety"), 1e-15);
        assertEquals(List.of(8), r.get("anxiety").reversedItems());
        // avoidance 1R, 3, 5R, 7, 9R, 11: (8 - 7) + 2 + (8 - 1) + 3 + (8 - 6) + 5 = 20
        assertEquals(20.0 / 6, v(r, "avoidance"), 1e-15);
        assertEquals(List.of(1, 5, 9), r.get("avoidance").reversedItems());
        assertEquals(List.of("anxiety", "avoidance"), Scorer.of(in).scoreNames());
    }

    @Test
    void conflictResolutionTallies() {
        Instrument in = Instruments.bundled("conflict-resolution");
        Scorer s = Scorer.of(in);
        assertEquals(List.of("subordinate_count", "subordinate_proportion", "self_prioritize_count",
                "self_prioritize_proportion", "compromise_count", "compromise_proportion"), s.scoreNames());
        // mother compromise, father subordinate, best friend compromise, partner self-prioritize
        ScoredRow r = s.score(row(in, 3, 1, 3, 2));
        assertEquals(1.0, v(r, "subordinate_count"));
        assertEquals(0.25, v(r, "subordinate_proportion"));
        assertEquals(2.0, v(r, "compromise_count"));
        assertEquals(0.5, v(r, "compromise_proportion"));
        // father missing: all-required gives nothing; with 3 of 4 allowed, 2 of 3 answered contexts compromise
        assertFalse(s.score(row(in, 3, M, 3, 2)).value("compromise_count").isPresent());
        ScoredRow partial = s.withMissing(MissingRule.minAnswered(3)).score(row(in, 3, M, 3, 2));
        assertEquals(2.0, v(partial, "compromise_count"));
        assertEquals(2.0 / 3, v(partial, "compromise_proportion"), 1e-15);
        assertEquals(3, partial.get("compromise_count").answered());
        // a category code outside 1..3 is refused
        assertThrows(IllegalArgumentException.class, () -> s.score(row(in, 4, 1, 1, 1)));
    }
}
