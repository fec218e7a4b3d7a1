package org.dyadkit.nonindependence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.dyad.Layout;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Acitelli rows A5 and A13 and KKC row T1 of {@code shared/data/reference_values.csv}, to every printed
 * digit, from each of the three layouts.
 */
class PublishedValuesTest {
    static final Path SAMPLES = Path.of("..", "data-samples");

    /** Asserts agreement to every digit of the printed value (half a unit in the last printed place). */
    static void printed(String expected, double actual, String what) {
        BigDecimal e = new BigDecimal(expected);
        double tol = 0.5 * Math.pow(10, -Math.max(e.scale(), 0)) + 1e-15;
        assertTrue(Math.abs(actual - e.doubleValue()) <= tol, what + ": expected " + expected + " got " + actual);
    }

    /** The Acitelli couples, read from the given layout's sample file, distinguishable or not. */
    static DyadicData acitelli(Layout layout, boolean distinguishable) {
        DyadicData d = switch (layout) {
            case INDIVIDUAL -> DyadicData.individual(DataTable.read(SAMPLES.resolve("acitelli_individual.csv")))
                    .dyad("cuplid").role("gender").roles("1", "-1").indistinguishable(!distinguishable).build();
            case DYAD -> DyadicData.dyad(DataTable.read(SAMPLES.resolve("acitelli_dyad.csv")))
                    .dyad("cuplid").roles("H", "W").indistinguishable(!distinguishable).build();
            case PAIRWISE -> DyadicData.pairwise(DataTable.read(SAMPLES.resolve("acitelli_pairwise.csv")))
                    .dyad("CoupleID").role("Gender").roles("Husband", "Wife").indistinguishable(!distinguishable)
                    .build();
        };
        assertEquals(148, d.size());
        return d;
    }

    static String satisfaction(Layout layout) {
        return layout == Layout.PAIRWISE ? "Satisfaction" : "satisfaction";
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void acitelliA5andA13Distinguishable(Layout layout) {
        DistinguishableNonindependence r = Nonindependence.distinguishable(acitelli(layout, true)).withVariable(satisfaction(layout)).fit();
        assertEquals(148, r.nDyads());
        printed("0.6234498", r.pearsonR(), "r");
        printed("0.5138", r.fisherCiLower(), "CI lower");
        printed("0.7131", r.fisherCiUpper(), "CI upper");
        printed("9.6349", r.t(), "t");
        assertEquals(146.0, r.df());
        printed("3.618243", r.roleSummaries().get(0).mean(), "husband mean");
        printed("3.591216", r.roleSummaries().get(1).mean(), "wife mean");
        // the SE of the role means in the empty two-intercept model equal SD / sqrt(N) on complete data
        printed("0.03795870", r.roleSummaries().get(0).sd() / Math.sqrt(148), "husband SE");
        printed("0.04356787", r.roleSummaries().get(1).sd() / Math.sqrt(148), "wife SE");
        printed("1.14777", r.pitmanMorgan().sd2() / r.pitmanMorgan().sd1(), "SD ratio wife/husband");
        printed("0.027027", r.meanDifference().meanDifference(), "mean difference");
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void acitelliA13Indistinguishable(Layout layout) {
        IndistinguishableNonindependence r = Nonindependence.indistinguishable(acitelli(layout, false)).withVariable(satisfaction(layout)).fit();
        assertEquals(148, r.nDyads());
        printed("0.61847", r.anovaIcc(), "ICC");
        printed("0.3996828", r.msBetween(), "MSB");
        printed("0.09421922", r.msWithin(), "MSW");
        printed("4.242052", r.f(), "F");
        assertEquals(147.0, r.df1());
        assertEquals(148.0, r.df2());
        printed("0.6163724", r.pairwiseR(), "pairwise r");
        printed("7.4985", r.z(), "z");
    }

    /** KKC Table 2.1 as read from its file (dyad layout with x and xprime), then in the other two layouts. */
    static Stream<Arguments> kkcLayouts() {
        DataTable file = DataTable.read(SAMPLES.resolve("kkc2006_table2_1.csv"));
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < file.rowCount(); r++) {
            rows.add(file.row(r));
        }
        DataTable wide = DataTable.of(file.source(), List.of("dyad", "x_1", "x_2"), rows);
        DyadicData fromWide = DyadicData.dyad(wide).dyad("dyad").build();
        DataTable individual = fromWide.toIndividual();
        DataTable pairwise = fromWide.toPairwise();
        assertEquals(List.of("dyad", "x"), individual.columns());
        assertEquals(List.of("dyad", "x_A", "x_P"), pairwise.columns());
        return Stream.of(Arguments.of(Layout.DYAD, fromWide),
                Arguments.of(Layout.INDIVIDUAL, DyadicData.individual(individual).dyad("dyad").build()),
                Arguments.of(Layout.PAIRWISE, DyadicData.pairwise(pairwise).dyad("dyad").build()));
    }

    @ParameterizedTest
    @MethodSource("kkcLayouts")
    void kkcT1(Layout layout, DyadicData data) {
        IndistinguishableNonindependence r = Nonindependence.indistinguishable(data).withVariable("x").fit();
        assertEquals(10, r.nDyads(), layout.label());
        printed("0.5113122", r.anovaIcc(), "ICC");
        printed("7.422222", r.msBetween(), "MSB");
        printed("2.4", r.msWithin(), "MSW");
        printed("3.0926", r.f(), "F");
        assertEquals(9.0, r.df1());
        assertEquals(10.0, r.df2());
        printed(".0933", r.p(), "p");
        printed("0.4713656", r.pairwiseR(), "pairwise r");
    }
}
