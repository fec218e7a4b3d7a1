package org.dyadkit.mediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contrasts of indirect effects, delta-method SEs of total indirect and total effects and the proportion
 * mediated on the Acitelli APIMeM, against golden/mediation_contrasts/make_goldens.R (nlme gls fits, gradients
 * by hand): values 1e-8 relative (dyadkit's closed form; gls's estimates agree to 1e-9), SEs 1e-5 relative
 * (they rest on gls's iterative variance estimates, as in ApimemGoldenTest). Intervals: the contrasts' Monte Carlo and
 * bootstrap intervals are those of the differences of the same draws; each estimate is the difference of
 * the two effects and lies inside its intervals.
 */
class IndirectContrastsTest {
    private static Map<String, Double> golden() {
        Map<String, Double> g = new HashMap<>();
        try (InputStream in = IndirectContrastsTest.class.getResourceAsStream(
                "/golden/mediation_contrasts/delta_goldens.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].replace("\"", "").split(",");
                g.put(f[0] + "#" + f[1], Double.parseDouble(f[2]));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return g;
    }

    @Test
    void deltaMethodAndProportionsAgainstR() {
        Map<String, Double> g = golden();
        IndirectContrastsResult r = IndirectContrasts.of(ApimemGoldenTest.acitelli(true)).fit();
        Map<String, String> role = Map.of("1", "H", "-1", "W");
        for (DeltaEffect d : r.delta()) {
            String key = d.effect() + "/" + role.get(d.role()) + "#" + d.kind();
            assertEquals(g.get(key), d.estimate(), 1e-8 * Math.abs(g.get(key)), key);
            assertEquals(g.get(key + "_se"), d.se(), 1e-5 * g.get(key + "_se"), key + " se");
        }
        assertEquals(4, r.proportions().size());
        for (ProportionMediated p : r.proportions()) {
            String key = p.effect() + "/" + role.get(p.role()) + "#proportion";
            assertEquals(g.get(key), p.estimate(), 1e-8 * Math.abs(g.get(key)), key);
            assertEquals(g.get(key + "_se"), p.se(), 1e-5 * g.get(key + "_se"), key + " se");
            assertTrue(p.percentile().isEmpty());
        }
        assertEquals(28, r.contrasts().size());
        for (IndirectContrast c : r.contrasts()) {
            assertTrue(c.monteCarlo().isEmpty());
        }
    }

    @Test
    void contrastsUseTheSameDraws() {
        IndirectContrastsResult r = IndirectContrasts.of(ApimemGoldenTest.acitelli(false)
                .withMonteCarlo(200_000, 12345).withBootstrap(300, 777)).fit();
        assertEquals(6, r.contrasts().size());
        ApimemResult a = r.apimem();
        for (IndirectContrast c : r.contrasts()) {
            double e1 = a.indirect(Effect.parse(c.first()), "all").estimate();
            double e2 = a.indirect(Effect.parse(c.second()), "all").estimate();
            assertEquals(e1 - e2, c.estimate(), 1e-14);
            assertTrue(c.monteCarlo().isPresent());
            assertTrue(c.percentile().isPresent());
            assertTrue(c.monteCarlo().get().contains(c.estimate()), c.toString());
        }
        IndirectContrast aaPp = r.contrasts().get(0);
        assertEquals("actor_actor", aaPp.first());
        assertEquals("partner_partner", aaPp.second());
        for (ProportionMediated p : r.proportions()) {
            assertTrue(p.percentile().isPresent());
            assertTrue(p.percentile().get().contains(p.estimate()));
        }
        for (DeltaEffect d : r.delta()) {
            assertTrue(d.ci().lower() < d.estimate() && d.estimate() < d.ci().upper());
        }
    }
}
