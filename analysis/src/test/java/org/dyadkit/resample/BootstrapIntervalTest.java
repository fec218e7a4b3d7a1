package org.dyadkit.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Interval arithmetic against R's boot 1.3 ({@code boot:::norm.inter}); the reference values come from
 * {@code t <- ((1:999)*0.37) %% 1.7 + sin(1:999); boot:::norm.inter(t, c(.025,.975))}, with the
 * bias-corrected limits at {@code pnorm(2*qnorm(mean(t < 0.5)) + qnorm(c(.025,.975)))}.
 */
class BootstrapIntervalTest {
    private static double[] values(int n) {
        double[] t = new double[n];
        for (int i = 1; i <= n; i++) {
            double v = (i * 0.37) % 1.7;
            t[i - 1] = v + Math.sin(i);
        }
        return t;
    }

    @Test
    void percentileWithIntegerOrderStatisticsMatchesBoot() {
        Interval ci = Interval.percentile(values(999), 0.95);
        assertEquals(-0.74156816446767626, ci.lower(), 1e-12);
        assertEquals(2.42377077336185920, ci.upper(), 1e-12);
    }

    @Test
    void percentileWithInterpolationMatchesBoot() {
        Interval ci = Interval.percentile(values(200), 0.95);
        assertEquals(-0.78702763379892116, ci.lower(), 1e-12);
        assertEquals(2.44287379806964644, ci.upper(), 1e-12);
    }

    @Test
    void biasCorrectedMatchesBoot() {
        Interval ci = Interval.biasCorrected(values(999), 0.5, 0.95).orElseThrow();
        assertEquals(-0.94363143629579671, ci.lower(), 1e-12);
        assertEquals(1.97735176713440719, ci.upper(), 1e-12);
    }

    @Test
    void biasCorrectionUndefinedWhenAllReplicatesOnOneSide() {
        assertTrue(Interval.biasCorrected(new double[] {1, 2, 3}, 0.5, 0.95).isEmpty());
    }

    @Test
    void sameDrawsOnAnyNumberOfThreads() {
        java.util.function.Function<int[], double[]> stat = c -> {
            double s = 0;
            for (int i = 0; i < c.length; i++) {
                s += c[i] * Math.sqrt(i + 1.0);
            }
            return new double[] {s};
        };
        DyadBootstrap.Replicates one = DyadBootstrap.run(50, 400, 99L, 1, stat);
        DyadBootstrap.Replicates four = DyadBootstrap.run(50, 400, 99L, 4, stat);
        assertArrayEquals(one.values()[0], four.values()[0], "seed 99");
        DyadBootstrap.Replicates other = DyadBootstrap.run(50, 400, 100L, 3, stat);
        assertNotEquals(Arrays.toString(one.values()[0]), Arrays.toString(other.values()[0]), "seeds 99 and 100");
        int total = Arrays.stream(DyadBootstrap.draw(50, 99L, 7)).sum();
        assertEquals(50, total, "a replicate draws as many dyads as there are");
    }

    @Test
    void failedReplicatesAreCountedNotUsed() {
        DyadBootstrap.Replicates r = DyadBootstrap.run(10, 100, 5L, 2, c -> {
            if (c[0] == 0) {
                throw new IllegalStateException("singular");
            }
            return new double[] {c[0]};
        });
        int zero = 0;
        for (int i = 0; i < 100; i++) {
            if (DyadBootstrap.draw(10, 5L, i)[0] == 0) {
                zero++;
            }
        }
        assertEquals(zero, r.failed(0), "seed 5");
        assertEquals(100 - zero, r.finite(0).length, "seed 5");
    }
}
