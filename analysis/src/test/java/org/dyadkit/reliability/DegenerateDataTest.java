package org.dyadkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;
import org.junit.jupiter.api.Test;

/** Degenerate data give a named AnalysisException, never NaN. */
class DegenerateDataTest {
    static final double N = Double.NaN;

    static ItemSet set(double[][] x) {
        List<String> names = new java.util.ArrayList<>();
        for (int j = 1; j <= x[0].length; j++) {
            names.add("q" + j);
        }
        return ItemSet.of(names, x, List.of(), 1, 5);
    }

    static Reason reasonOf(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(AnalysisException.class, e).reason();
    }

    @Test
    void itemWithoutVariance() {
        ItemSet s = set(new double[][] {{1, 3, 2}, {2, 3, 4}, {3, 3, 5}, {4, 3, 4}});
        AnalysisException e = assertThrows(AnalysisException.class, () -> Alpha.of(s));
        assertEquals(Reason.NO_VARIANCE, e.reason());
        assertTrue(e.getMessage().contains("q2"), e.getMessage());
        assertEquals(Reason.NO_VARIANCE, reasonOf(() -> Omega.total(s, MissingData.PAIRWISE)));
    }

    @Test
    void fewerThanTwoItems() {
        ItemSet s = set(new double[][] {{1}, {2}, {3}, {4}});
        assertEquals(Reason.UNDEFINED, reasonOf(() -> Alpha.of(s)));
        ItemSet two = set(new double[][] {{1, 2}, {2, 2}, {3, 4}, {4, 5}});
        assertEquals(Reason.UNDEFINED, reasonOf(() -> Omega.total(two, MissingData.PAIRWISE)));
    }

    @Test
    void fewerThanThreeRespondents() {
        ItemSet s = set(new double[][] {{1, 2, 3}, {2, 3, 5}, {N, N, N}});
        assertEquals(Reason.TOO_FEW_DYADS, reasonOf(() -> Alpha.of(s)));
        ItemSet listwise = set(new double[][] {{1, 2, 3}, {2, 3, 5}, {N, 3, 2}, {4, N, 1}});
        assertEquals(Reason.TOO_FEW_DYADS, reasonOf(() -> Alpha.of(listwise, MissingData.LISTWISE)));
    }

    @Test
    void collinearItemsAreNotPositiveDefinite() {
        ItemSet s = set(new double[][] {{1, 1, 3}, {2, 2, 3}, {3, 3, 5}, {4, 4, 2}, {5, 5, 4}});
        AnalysisException e = assertThrows(AnalysisException.class, () -> Alpha.of(s));
        assertEquals(Reason.SINGULAR_DESIGN, e.reason());
        assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());
        assertEquals(Reason.SINGULAR_DESIGN, reasonOf(() -> Omega.total(s, MissingData.PAIRWISE)));
    }

    @Test
    void itemsWithoutCommonRespondents() {
        ItemSet s = set(new double[][] {{1, N, 3}, {2, N, 3}, {3, N, 5}, {N, 4, 2}, {N, 5, 4}, {N, 1, 1}});
        assertEquals(Reason.UNDEFINED, reasonOf(() -> Alpha.of(s)));
    }

    @Test
    void tooManyFactors() {
        ItemSet s = set(new double[][] {{1, 2, 3}, {2, 3, 5}, {3, 3, 4}, {5, 4, 4}});
        assertEquals(Reason.UNDEFINED, reasonOf(() -> Omega.hierarchical(s, 3, MissingData.PAIRWISE)));
        assertEquals(Reason.UNDEFINED, reasonOf(() -> Omega.hierarchical(s, 1, MissingData.PAIRWISE)));
    }
}
