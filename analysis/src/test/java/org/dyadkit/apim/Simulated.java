package org.dyadkit.apim;

import org.dyadkit.dyad.DyadArrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/** Seeded simulated couples (roles A and B; variables x, c, y) for property tests. */
final class Simulated {
    private Simulated() {
    }

    /**
     * n couples; residual correlation rho, SD of B over SD of A = ratio; each person dropped with
     * probability dropPerson and each outcome set missing with probability dropY.
     */
    static DyadArrays couples(long seed, int n, double rho, double ratio, double dropPerson, double dropY) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        int m = 2 * n;
        String[] dyad = new String[m];
        String[] role = new String[m];
        double[] x = new double[m];
        double[] c = new double[m];
        double[] y = new double[m];
        for (int i = 0; i < n; i++) {
            double xa = 3 + z.sample();
            double xb = 0.4 * xa + 1.8 + 0.9 * z.sample();
            double ca = z.sample();
            double cb = z.sample();
            double e1 = z.sample();
            double e2 = ratio * (rho * e1 + Math.sqrt(1 - rho * rho) * z.sample());
            double ya = 1 + 0.5 * xa + 0.2 * xb + 0.3 * ca + e1;
            double yb = 2 + 0.3 * xb + 0.35 * xa - 0.2 * cb + e2;
            dyad[2 * i] = "d" + i;
            dyad[2 * i + 1] = "d" + i;
            role[2 * i] = "A";
            role[2 * i + 1] = "B";
            x[2 * i] = xa;
            x[2 * i + 1] = xb;
            c[2 * i] = ca;
            c[2 * i + 1] = cb;
            y[2 * i] = rng.nextDouble() < dropY ? Double.NaN : ya;
            y[2 * i + 1] = rng.nextDouble() < dropY ? Double.NaN : yb;
        }
        int kept = 0;
        boolean[] keep = new boolean[m];
        for (int i = 0; i < m; i++) {
            keep[i] = !(rng.nextDouble() < dropPerson);
            kept += keep[i] ? 1 : 0;
        }
        String[] d2 = new String[kept];
        String[] r2 = new String[kept];
        double[] x2 = new double[kept];
        double[] c2 = new double[kept];
        double[] y2 = new double[kept];
        int k = 0;
        for (int i = 0; i < m; i++) {
            if (keep[i]) {
                d2[k] = dyad[i];
                r2[k] = role[i];
                x2[k] = x[i];
                c2[k] = c[i];
                y2[k] = y[i];
                k++;
            }
        }
        Map<String, double[]> vars = new LinkedHashMap<>();
        vars.put("x", x2);
        vars.put("c", c2);
        vars.put("y", y2);
        return DyadArrays.of(d2, r2, vars);
    }
}
