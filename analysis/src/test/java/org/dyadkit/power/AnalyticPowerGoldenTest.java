package org.dyadkit.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Analytic power against R code written independently from the same model
 * ({@code golden/power/analytic_power.R}: closed forms for complete dyads, the GLS information with singles,
 * R's {@code pt(ncp =)}), to 1e-8 relative.
 */
class AnalyticPowerGoldenTest {
    private static final String P1 = "person1";
    private static final String P2 = "person2";

    private static Map<String, ApimPower> cases() {
        Map<String, ApimPower> m = new LinkedHashMap<>();
        ApimPower d = ApimPower.distinguishable(P1, P2);
        m.put("d1", d.withDyads(100));
        m.put("d2", d.withActor(P1, .30).withActor(P2, .10).withPartner(P1, .20).withPartner(P2, -.05)
                .withPredictorCorrelation(.45).withErrorCorrelation(-.2).withVarianceRatioX(2).withVarianceRatioErrors(.5)
                .withDyads(57));
        m.put("d3", d.withEffectSize(EffectSize.PARTIAL_R).withActor(P1, .20).withActor(P2, .15).withPartner(P1, .10)
                .withPartner(P2, .05).withPredictorCorrelation(.1).withErrorCorrelation(.5).withVarianceRatioErrors(1.5)
                .withAlpha(.01).withDyads(240));
        m.put("d4", d.withEffectSize(EffectSize.D).withActor(P1, .186).withActor(P2, .3).withPartner(P1, .26)
                .withPartner(P2, .1).withProportion(P1, .5).withProportion(P2, .3).withAlpha(.10).withDyads(200));
        m.put("d5", d.withActor(P1, .25).withActor(P2, .20).withPartner(P1, .15).withPartner(P2, .10)
                .withErrorCorrelation(.4).withVarianceRatioX(1.3).withVarianceRatioErrors(.8).withSingles(P1, 15)
                .withSingles(P2, 6).withDyads(120));
        ApimPower i = ApimPower.indistinguishable();
        m.put("i1", i.withDyads(100));
        m.put("i2", i.withActor(.10).withPartner(.30).withPredictorCorrelation(-.25).withErrorCorrelation(.6).withDyads(33));
        m.put("i3", i.withEffectSize(EffectSize.PARTIAL_R).withActor(.20).withPartner(.12).withPredictorCorrelation(.5)
                .withErrorCorrelation(.1).withAlpha(.01).withDyads(300));
        m.put("i4", i.withEffectSize(EffectSize.D).withActor(.40).withPartner(.25).withProportion(.35)
                .withPredictorCorrelation(.2).withErrorCorrelation(.4).withDyads(80));
        m.put("i5", i.withActor(.20).withPartner(.10).withErrorCorrelation(.2).withSingles(25).withDyads(150));
        return m;
    }

    @Test
    void matchesTheRFormulas() throws IOException {
        Map<String, ApimPower> cases = cases();
        Map<String, PowerResult> fits = new LinkedHashMap<>();
        int compared = 0;
        List<String> bad = new ArrayList<>();
        for (String[] c : rows()) {
            PowerResult r = fits.computeIfAbsent(c[0], k -> cases.get(k).fit());
            PowerRow row = r.row(c[1]);
            compared += close(bad, c[0] + " " + c[1] + " power", Double.parseDouble(c[2]), row.power().getAsDouble());
            compared += close(bad, c[0] + " " + c[1] + " ncp", Double.parseDouble(c[3]), row.ncp().getAsDouble());
            if (!c[4].isEmpty()) {
                compared += close(bad, c[0] + " " + c[1] + " df", Double.parseDouble(c[4]), row.df().getAsDouble());
            } else {
                assertTrue(row.df().isEmpty(), c[0] + " " + c[1] + ": a normal test has no df");
            }
        }
        assertTrue(bad.isEmpty(), "disagreements: " + bad);
        assertEquals(130, compared);
    }

    private static int close(List<String> bad, String what, double expected, double actual) {
        double tol = 1e-8 * Math.max(1e-3, Math.abs(expected));
        if (!(Math.abs(expected - actual) <= tol)) {
            bad.add(what + ": R " + expected + ", ours " + actual);
        }
        return 1;
    }

    private static List<String[]> rows() throws IOException {
        try (InputStream in = AnalyticPowerGoldenTest.class.getResourceAsStream("/golden/power/analytic_power.csv")) {
            List<String[]> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("case,") || line.isBlank()) {
                    continue;
                }
                out.add(line.split(",", -1));
            }
            return out;
        }
    }
}
