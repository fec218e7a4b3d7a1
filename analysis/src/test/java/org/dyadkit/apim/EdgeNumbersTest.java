package org.dyadkit.apim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;
import org.dyadkit.dyad.DyadArrays;
import org.dyadkit.resample.DyadBootstrap;
import org.junit.jupiter.api.Test;

/**
 * Numbers at the edges: values whose squares overflow, a residual correlation on its boundary, a bootstrap
 * in which most replicates fail, and a huge thread request.
 */
class EdgeNumbersTest {
    private static final long SEED = 4242L;

    /** The simulated couples with column values changed by f (person index, value) -> value. */
    private static DyadArrays changed(DyadArrays base, String column, java.util.function.IntToDoubleFunction f,
            boolean roles) {
        Map<String, double[]> v = new LinkedHashMap<>();
        for (String c : new String[] {"x", "c", "y"}) {
            v.put(c, base.values(c).clone());
        }
        double[] col = v.get(column);
        for (int i = 0; i < col.length; i++) {
            col[i] = f.applyAsDouble(i);
        }
        String[] dyad = new String[col.length];
        String[] role = new String[col.length];
        for (int i = 0; i < col.length; i++) {
            dyad[i] = base.dyadId(i);
            role[i] = base.role(i);
        }
        return DyadArrays.of(dyad, roles ? role : null, v);
    }

    private static Reason reason(Runnable r) {
        return assertThrows(AnalysisException.class, r::run).reason();
    }

    @Test
    void aPredictorMultipliedBy1e150IsStandardisedAndGivesTheScaledCoefficients() {
        DyadArrays base = Simulated.couples(SEED, 60, 0.3, 1.2, 0, 0);
        double[] x = base.values("x");
        DyadArrays big = changed(base, "x", i -> x[i] * 1e150, true);
        for (boolean dist : new boolean[] {true, false}) {
            DyadArrays a = dist ? changed(base, "x", i -> x[i], true) : changed(base, "x", i -> x[i], false);
            DyadArrays b = dist ? big : changed(base, "x", i -> x[i] * 1e150, false);
            ApimFit fa = (dist ? Apim.distinguishable(a) : Apim.indistinguishable(a)).withOutcome("y")
                    .withPredictor("x").fit();
            ApimFit fb = (dist ? Apim.distinguishable(b) : Apim.indistinguishable(b)).withOutcome("y")
                    .withPredictor("x").fit();
            for (Coefficient ca : fa.coefficients()) {
                Coefficient cb = fb.coefficient(ca.term());
                boolean slope = ca.term().startsWith("actor") || ca.term().startsWith("partner");
                double scale = slope ? 1e-150 : 1;
                assertEquals(ca.estimate() * scale, cb.estimate(), 1e-8 * Math.abs(ca.estimate() * scale) + 1e-12,
                        ca.term() + " seed " + SEED);
                assertEquals(ca.t(), cb.t(), 1e-6 * Math.max(1, Math.abs(ca.t())), ca.term() + " t seed " + SEED);
            }
            assertEquals(fa.rho(), fb.rho(), 1e-8, "rho seed " + SEED);
            // the REML log-likelihood has -1/2 log|X'V^-1 X|: each slope column times 1e150 lowers it by log 1e150
            long slopes = fa.coefficients().stream()
                    .filter(c -> c.term().startsWith("actor") || c.term().startsWith("partner")).count();
            assertEquals(fa.logLik() - slopes * Math.log(1e150), fb.logLik(), 1e-8 * Math.abs(fb.logLik()),
                    "REML log-likelihood seed " + SEED);
        }
    }

    @Test
    void aPredictorCellOf1e160FitsOrIsRefusedByName() {
        DyadArrays base = Simulated.couples(SEED, 40, 0.3, 1, 0, 0);
        double[] x = base.values("x");
        DyadArrays d = changed(base, "x", i -> i == 3 ? 1e160 : x[i], true);
        for (boolean dist : new boolean[] {true, false}) {
            try {
                ApimFit f = (dist ? Apim.distinguishable(d) : Apim.indistinguishable(d)).withOutcome("y")
                        .withPredictor("x").fit();
                for (Coefficient c : f.coefficients()) {
                    assertTrue(Double.isFinite(c.estimate()) && Double.isFinite(c.se()), c.toString());
                }
            } catch (AnalysisException e) {
                assertTrue(e.reason() == Reason.OVERFLOW || e.reason() == Reason.SINGULAR_DESIGN, e.toString());
            }
        }
    }

    @Test
    void explainedNonindependenceIsScaleFree() {
        DyadArrays base = Simulated.couples(SEED, 60, 0.3, 1, 0, 0);
        double[] x = base.values("x");
        double[] y = base.values("y");
        for (boolean dist : new boolean[] {true, false}) {
            DyadArrays plain = changed(base, "x", i -> x[i], dist);
            // x times 2^520 and y times 2^-40 are exact; 2^520 (about 3e156) squared overflows
            DyadArrays big = changed(changed(base, "y", i -> Math.scalb(y[i], -40), dist), "x",
                    i -> Math.scalb(x[i], 520), dist);
            Apim ma = (dist ? Apim.distinguishable(plain) : Apim.indistinguishable(plain)).withOutcome("y")
                    .withPredictor("x");
            Apim mb = (dist ? Apim.distinguishable(big) : Apim.indistinguishable(big)).withOutcome("y")
                    .withPredictor("x");
            ExplainedNonindependence a = ExplainedNonindependence.of(ma, ma.fit());
            ExplainedNonindependence b = ExplainedNonindependence.of(mb, mb.fit());
            assertEquals(a.rawR(), b.rawR(), 1e-12, "raw r, seed " + SEED);
            assertEquals(a.predictorR(), b.predictorR(), 1e-12, "predictor r, seed " + SEED);
            assertEquals(a.explained(), b.explained(), 1e-8, "explained, seed " + SEED);
            assertEquals(a.residualR(), b.residualR(), 1e-8, "residual r, seed " + SEED);
        }
    }

    @Test
    void anOutcomeCellOf1e200IsRefusedAsOverflow() {
        DyadArrays base = Simulated.couples(SEED, 40, 0.3, 1, 0, 0);
        double[] y = base.values("y");
        DyadArrays d = changed(base, "y", i -> i == 5 ? 1e200 : y[i], true);
        DyadArrays di = changed(base, "y", i -> i == 5 ? 1e200 : y[i], false);
        assertEquals(Reason.OVERFLOW, reason(() -> Apim.distinguishable(d).withOutcome("y").withPredictor("x").fit()));
        assertEquals(Reason.OVERFLOW, reason(() -> Apim.indistinguishable(di).withOutcome("y").withPredictor("x").fit()));
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> Apim.distinguishable(d).withOutcome("y").withPredictor("x").fit());
        assertTrue(e.getMessage().contains("outcome") && e.getMessage().contains("1.00e+200"), e.getMessage());
        // a predictor cell of 1e200 in a product term: after centring and scaling x and x:c both only mark that
        // person, so the design is singular (or, had the product overflowed, OVERFLOW); never a stack trace
        double[] x = base.values("x");
        DyadArrays dx = changed(base, "x", i -> i == 5 ? 1e200 : x[i], true);
        Reason r = reason(() -> Apim.distinguishable(dx).withOutcome("y").withPredictor("x").withPredictor("c")
                .withInteraction("x:c").fit());
        assertTrue(r == Reason.OVERFLOW || r == Reason.SINGULAR_DESIGN, r.toString());
    }

    @Test
    void identicalPartnersOutcomesAreTheSameBoundaryInBothModels() {
        DyadArrays base = Simulated.couples(SEED, 50, 0.3, 1, 0, 0);
        double[] y = base.values("y");
        // role B's outcome is its partner's
        DyadArrays d = changed(base, "y", i -> base.role(i).equals("B") ? y[base.partner(i)] : y[i], true);
        DyadArrays di = changed(base, "y", i -> base.role(i).equals("B") ? y[base.partner(i)] : y[i], false);
        assertEquals(Reason.BOUNDARY, reason(() -> Apim.indistinguishable(di).withOutcome("y").withPredictor("x").fit()));
        assertEquals(Reason.BOUNDARY, reason(() -> Apim.distinguishable(d).withOutcome("y").withPredictor("x").fit()));
        assertEquals(Reason.BOUNDARY, reason(() -> Apim.distinguishable(d).withOutcome("y").withPredictor("x")
                .withMethod(Method.ML).fit()));
        // opposite outcomes (y_B = 10 - y_A) are the other boundary
        DyadArrays o = changed(base, "y", i -> base.role(i).equals("B") ? 10 - y[base.partner(i)] : y[i], true);
        assertEquals(Reason.BOUNDARY, reason(() -> Apim.distinguishable(o).withOutcome("y").withPredictor("x").fit()));
        // a high but ordinary residual correlation is still fitted
        DyadArrays high = Simulated.couples(SEED, 200, 0.95, 1, 0, 0);
        ApimFit f = Apim.distinguishable(high).withOutcome("y").withPredictor("x").fit();
        assertTrue(f.rho() > 0.9 && f.rho() < 0.99, "rho " + f.rho() + " seed " + SEED);
    }

    @Test
    void aBootstrapWhereMostReplicatesFailGivesNoIntervalAndSaysWhy() {
        // covariates that vary only within one dyad each: a replicate without that dyad has a constant
        // column and cannot be fitted (about 60% of replicates with 30 dyads)
        DyadArrays base = Simulated.couples(SEED, 30, 0.3, 1, 0, 0);
        double[] c = base.values("c");
        String first = base.dyadId(0);
        String second = base.dyadId(2);
        DyadArrays d0 = changed(base, "c", i -> base.dyadId(i).equals(first) && base.role(i).equals("A") ? 1 : 0, false);
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("x", d0.values("x"));
        v.put("y", d0.values("y"));
        v.put("c", d0.values("c"));
        double[] c2 = new double[c.length];
        for (int i = 0; i < c2.length; i++) {
            c2[i] = base.dyadId(i).equals(second) && base.role(i).equals("A") ? 1 : 0;
        }
        v.put("c2", c2);
        String[] dyad = new String[c.length];
        for (int i = 0; i < c.length; i++) {
            dyad[i] = base.dyadId(i);
        }
        DyadArrays d = DyadArrays.of(dyad, null, v);
        int reps = 200;
        ApimFit f = Apim.indistinguishable(d).withOutcome("y").withPredictor("x").withCovariate("c")
                .withCovariate("c2").withBootstrap(reps, SEED).withThreads(2).fit();
        KEstimate k = f.k("all");
        assertTrue(k.bootstrapFailed() > reps / 2, "failed " + k.bootstrapFailed() + " seed " + SEED);
        assertTrue(k.percentile().isEmpty() && k.biasCorrected().isEmpty(), k.toString());
        String why = k.reason().orElseThrow();
        assertTrue(why.contains(k.bootstrapFailed() + " of " + reps) && why.contains("no bootstrap interval")
                && why.contains("singular"), why);
        assertEquals("delta-method interval", k.patternBasis().orElseThrow());
    }

    @Test
    void aBootstrapWhereNoReplicateFitsCountsThemAll() {
        DyadBootstrap.Replicates r = DyadBootstrap.run(10, 50, SEED, 3, counts -> {
            throw new AnalysisException(Reason.SINGULAR_DESIGN, "singular");
        });
        assertEquals(50, r.failed(0));
        assertEquals(0, r.finite(0).length);
        assertFalse(r.enough(0));
        assertEquals(Map.of("singular", 50), r.failures());
        assertTrue(r.summary(0).orElseThrow().startsWith("50 of 50 bootstrap replicates could not be fitted (50: "
                + "singular)"), r.summary(0).orElseThrow());
        assertEquals(50, r.values(0).length);
        // half fitted is enough, fewer than half is not
        assertTrue(DyadBootstrap.enough(50, 100));
        assertFalse(DyadBootstrap.enough(49, 100));
        assertFalse(DyadBootstrap.enough(1, 1));
    }

    @Test
    void aHugeThreadRequestIsBoundedAndGivesTheSameAnswer() {
        DyadArrays d = TestData.acitelli();
        ApimFit one = Apim.indistinguishable(d).withOutcome("satisfaction").withPredictor("other_pos")
                .withBootstrap(100, SEED).withThreads(1).fit();
        ApimFit many = Apim.indistinguishable(d).withOutcome("satisfaction").withPredictor("other_pos")
                .withBootstrap(100, SEED).withThreads(100_000).fit();
        assertEquals(one.k("all"), many.k("all"));
        assertTrue(DyadBootstrap.usableThreads(100_000, 1000) <= DyadBootstrap.MAX_THREADS);
        assertEquals(1, DyadBootstrap.usableThreads(8, 1));
    }
}
