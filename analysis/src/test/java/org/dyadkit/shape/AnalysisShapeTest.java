package org.dyadkit.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dyadkit.apim.Apim;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.dyad.DyadArrays;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.dyad.Sample;
import org.dyadkit.instrument.Instruments;
import org.dyadkit.mediation.Apimem;
import org.dyadkit.mediation.ApimemResult;
import org.dyadkit.mediation.Mediation;
import org.dyadkit.mediation.MediationResult;
import org.dyadkit.nonindependence.CrossPartner;
import org.dyadkit.nonindependence.DistinguishableNonindependence;
import org.dyadkit.nonindependence.Nonindependence;
import org.dyadkit.reliability.InstrumentReliability;
import org.dyadkit.reliability.Reliability;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;

/** The one analysis shape: immutable configuration, a result with its sample, readable text. */
class AnalysisShapeTest {
    private static final double NA = Double.NaN;

    /**
     * Six couples: dyad 1 complete; dyad 2 the wife's outcome missing; dyad 3 the husband's predictor missing
     * (so the wife misses her partner's predictor); dyad 4 one member only; dyads 5 to 8 complete.
     */
    private static DyadArrays couples() {
        String[] dyad = {"1", "1", "2", "2", "3", "3", "4", "5", "5", "6", "6", "7", "7", "8", "8"};
        String[] role = {"h", "w", "h", "w", "h", "w", "h", "h", "w", "h", "w", "h", "w", "h", "w"};
        double[] x = {1, 2, 3, 1, NA, 2, 4, 2, 5, 1, 1, 3, 4, 5, 2};
        double[] y = {2, 3, 4, NA, 1, 3, 5, 1, 4, 2, 2, 5, 3, 4, 1};
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("x", x);
        v.put("y", y);
        return DyadArrays.of(dyad, role, v);
    }

    @Test
    void apimSampleCountsEveryReasonOnce() {
        ApimFit f = Apim.distinguishable(couples()).withOutcome("y").withPredictor("x").fit();
        Sample s = f.sample();
        assertEquals(15, s.personsInFile());
        assertEquals(8, s.dyadsInFile());
        assertEquals(f.nObs(), s.personsUsed());
        assertEquals(f.nDyads(), s.dyadsUsed());
        assertEquals(List.of(new Sample.Exclusion("missing outcome", 1), new Sample.Exclusion("missing own predictor", 1),
                new Sample.Exclusion("only member of the dyad", 1),
                new Sample.Exclusion("missing partner's predictor", 1)), s.excluded());
        assertEquals(s.personsExcluded(), s.excluded().stream().mapToInt(Sample.Exclusion::persons).sum());
    }

    @Test
    void configurationIsImmutable() {
        Apim base = Apim.distinguishable(couples()).withOutcome("y");
        Apim withX = base.withPredictor("x");
        assertNotEquals(base.toString(), withX.toString());
        ApimFit empty = base.fit();
        assertTrue(empty.predictors().isEmpty(), "adding a predictor to a copy leaves the original as it was");
        assertEquals(List.of("x"), withX.fit().predictors());
    }

    @Test
    void resultsPrintReadably() {
        ApimFit f = Apim.distinguishable(couples()).withOutcome("y").withPredictor("x").fit();
        assertFalse(f.toString().contains("[[D@"), f.toString());
        assertTrue(f.covariance().toString().startsWith("CoefficientCovariance[intercept:h:"), f.covariance().toString());
        double[][] copy = f.covariance().toArray();
        copy[0][0] = -1;
        assertNotEquals(-1, f.covariance().get(0, 0), "the result hands out a copy");
    }

    @Test
    void aScoreMissingUnderItsRuleIsNamed() {
        String[][] cells = {{"1", "h", "3.1", "", "1"}, {"1", "w", "", "total:below_min_answered:20/26", "2"},
            {"2", "h", "2.5", "", "3"}, {"2", "w", "2.9", "", "1"}, {"3", "h", "", "", "2"}, {"3", "w", "3.3", "", "2"},
            {"4", "h", "3.0", "", "4"}, {"4", "w", "2.2", "", "5"}, {"5", "h", "3.4", "", "1"}, {"5", "w", "2.8", "", "3"},
            // three more complete dyads: with three, the residuals of the six-coefficient model are collinear and
            // the residual correlation runs to its boundary (refused as BOUNDARY since issue 18)
            {"6", "h", "2.7", "", "2"}, {"6", "w", "3.1", "", "4"}, {"7", "h", "3.6", "", "5"}, {"7", "w", "2.4", "", "1"},
            {"8", "h", "2.2", "", "3"}, {"8", "w", "3.0", "", "2"}};
        DataTable t = DataTable.of("scored.csv", List.of("couple", "role", "scs_total", "scs_problems", "x"),
                List.of(cells));
        DyadicData d = DyadicData.individual(t).dyad("couple").role("role").build();
        ApimFit f = Apim.distinguishable(d).withOutcome("scs_total").withPredictor("x").fit();
        assertEquals(List.of(new Sample.Exclusion("a score missing under its rule", 1),
                new Sample.Exclusion("missing outcome", 1)), f.sample().excluded());
    }

    @Test
    void everyAnalysisCarriesItsSample() {
        DataTable t = DataTable.read(Path.of("../data-samples/acitelli_individual.csv"));
        DyadicData d = DyadicData.individual(t).dyad("cuplid").role("gender").build();
        DistinguishableNonindependence n = Nonindependence.distinguishable(d).withVariable("satisfaction").fit();
        assertEquals(Sample.complete(296, 148), n.sample());
        assertEquals(Sample.complete(296, 148), CrossPartner.of(d).withVariables(List.of("satisfaction", "tension"))
                .fit().sample());
        ApimemResult m = Apimem.distinguishable(d).withPredictor("other_pos").withMediator("tension")
                .withOutcome("satisfaction").fit();
        assertEquals(Sample.complete(296, 148), m.sample());
        MediationResult s = Mediation.of(d).withPredictor("other_pos").withMediator("tension")
                .withOutcome("satisfaction").fit();
        assertEquals(Sample.complete(296, 148), s.sample());
    }

    @Test
    void reliabilityFromAnInstrumentAndATable() {
        DataTable t = DataTable.read(Path.of("../data-samples/simulated_couples.csv"));
        InstrumentReliability r = Reliability.of(Instruments.bundled("scs"), t).withGroups("role").fit();
        assertEquals(2 * 7, r.scales().size(), "six subscales and the total, for each role");
        assertEquals(t.rowCount(), r.sample().personsInFile());
        assertFalse(r.problems().isEmpty(), "the sample has deliberate dirty cells");
        assertTrue(r.problems().stream().allMatch(p -> List.of("non_numeric", "non_integer", "out_of_range")
                .contains(p.problem())), r.problems().toString());
    }
}
