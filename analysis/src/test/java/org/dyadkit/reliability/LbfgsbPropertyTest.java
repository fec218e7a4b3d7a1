package org.dyadkit.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Seeded property test of the L-BFGS-B port (each failure message names its seed): on random strictly convex
 * quadratics in random boxes, started anywhere (also outside the box), the fit ends within its iterations, and
 * the result is feasible and meets the
 * first-order conditions of the bound-constrained minimum: a free variable's gradient is zero, one at its
 * lower bound has a gradient at least zero and one at its upper bound at most zero.
 */
class LbfgsbPropertyTest {
    @Test
    void convexQuadraticsInBoxesEndAtTheirKktPoint() {
        for (long seed = 1; seed <= 300; seed++) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            int n = 1 + rng.nextInt(30);
            double[][] q = new double[n][n];
            for (double[] row : q) {
                for (int j = 0; j < n; j++) {
                    row[j] = rng.nextDouble() * 2 - 1;
                }
            }
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < n; k++) {
                        a[i][j] += q[k][i] * q[k][j];
                    }
                }
                a[i][i] += 0.05 + rng.nextDouble();
            }
            double[] b = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            double[] start = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = (rng.nextDouble() * 2 - 1) * 5;
                lo[i] = rng.nextDouble() * 2 - 1.5;
                hi[i] = lo[i] + 0.01 + rng.nextDouble() * 2;
                start[i] = rng.nextDouble() * 6 - 3;
            }
            Lbfgsb.Result r = Lbfgsb.minimize(x -> {
                double[] g = new double[n];
                double f = 0;
                for (int i = 0; i < n; i++) {
                    double ax = 0;
                    for (int j = 0; j < n; j++) {
                        ax += a[i][j] * x[j];
                    }
                    g[i] = ax - b[i];
                    f += 0.5 * x[i] * ax - b[i] * x[i];
                }
                return new Lbfgsb.ValueGradient(f, g);
            }, start, lo, hi, 5, 10, 0, 2000);
            String label = "seed " + seed + " (n " + n + ", " + r.status() + " after " + r.iterations() + ")";
            // at factr 10 the last steps are at rounding level: a line search that finds no lower point there
            // (abnormal termination) is allowed, running out of iterations is not
            assertTrue(r.status() != Lbfgsb.Status.MAX_ITERATIONS, label);
            for (int i = 0; i < n; i++) {
                double x = r.x()[i];
                double g = r.gradient()[i];
                assertTrue(x >= lo[i] && x <= hi[i], label + ": x" + i + " outside the box");
                double tol = 1e-5 * (1 + Math.abs(b[i]));
                if (x == lo[i]) {
                    assertTrue(g >= -tol, label + ": x" + i + " at its lower bound with gradient " + g);
                } else if (x == hi[i]) {
                    assertTrue(g <= tol, label + ": x" + i + " at its upper bound with gradient " + g);
                } else {
                    assertTrue(Math.abs(g) <= tol, label + ": free x" + i + " with gradient " + g);
                }
            }
        }
    }
}
