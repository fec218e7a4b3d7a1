package org.dyadkit.apim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dyadkit.InputException;
import org.dyadkit.dyad.DyadArrays;
import org.junit.jupiter.api.Test;

/**
 * Simple slopes, Johnson-Neyman bounds and plot data of the Garcia workshop's moderated Acitelli APIM
 * against golden/apim_tests/make_slopes.R (by hand from vcov() of nlme::gls, estimates and SEs checked there
 * against emmeans::emtrends); and the same model from raw columns with grand-mean centring equal to the fit
 * on the hand-centred columns. The moderated fits are iterative (the interaction columns break the
 * sum/difference split), so: estimates and predictions 1e-6, SEs and what depends on them (t, p,
 * Johnson-Neyman bounds) 1e-5 relative.
 */
class SimpleSlopesGoldenTest {
    private static final Map<String, String> ROLES = Map.of("-1", "wife", "1", "husband");
    private static final Map<String, Double> G = new LinkedHashMap<>();

    static {
        List<String[]> rows = TestData.rowsAt("/golden/apim_tests/slopes_goldens.csv");
        for (String[] r : rows.subList(1, rows.size())) {
            G.put(r[0] + "#" + r[1], Double.parseDouble(r[2]));
        }
    }

    private static DyadArrays centred() {
        DyadArrays raw = TestData.acitelli();
        return Centring.of(raw).withCentre("other_pos", CentreMode.GRAND).withCentre("tension", CentreMode.GRAND)
                .apply().data();
    }

    private static Apim moderated(Apim b) {
        return b.withOutcome("satisfaction").withPredictor("other_pos").withCovariate("tension").withCovariate("partner.tension")
                .withInteraction("other_pos:tension").withInteraction("partner.other_pos:partner.tension");
    }

    private static void rel(String key, double actual) {
        Double e = G.get(key);
        if (e == null) {
            throw new IllegalStateException("no golden " + key);
        }
        double tol = key.endsWith("#estimate") || key.endsWith("#predicted") ? 1e-6 : 1e-5;
        assertEquals(e, actual, tol * Math.max(Math.abs(e), 1e-3), key);
    }

    @Test
    void centringFromRawColumnsEqualsHandCentredColumns() {
        DyadArrays hand = TestData.individualAt("/golden/apim_tests/acitelli_centred.csv", "cuplid", "gender", ROLES);
        for (boolean dist : new boolean[] {false, true}) {
            ApimFit a = moderated(dist ? Apim.distinguishable(centred()).withRoles("husband", "wife")
                    : Apim.indistinguishable(centred())).fit();
            ApimFit b = moderated(dist ? Apim.distinguishable(hand).withRoles("husband", "wife")
                    : Apim.indistinguishable(hand)).fit();
            for (int j = 0; j < a.coefficients().size(); j++) {
                Coefficient x = a.coefficients().get(j);
                Coefficient y = b.coefficients().get(j);
                assertEquals(y.estimate(), x.estimate(), 1e-10 * Math.max(1, Math.abs(y.estimate())), x.term());
                assertEquals(y.se(), x.se(), 1e-10 * y.se(), x.term());
            }
            assertEquals(b.logLik(), a.logLik(), 1e-9 * Math.abs(b.logLik()));
        }
    }

    @Test
    void indistinguishableSlopesRegionsAndPlot() {
        Apim m = moderated(Apim.indistinguishable(centred()));
        SimpleSlopesResult r = SimpleSlopes.of(m, m.fit()).fit();
        List<SimpleSlope> actor = r.slopes().stream().filter(s -> s.focal().equals("actor")).toList();
        assertEquals(3, actor.size());
        for (int i = 0; i < 3; i++) {
            String k = "indist/actor|tension/" + (i + 1) + "#";
            SimpleSlope s = actor.get(i);
            assertEquals("tension", s.moderator());
            assertEquals("all", s.role());
            assertEquals(G.get(k + "at"), s.at(), 1e-12);
            rel(k + "estimate", s.estimate());
            rel(k + "se", s.se());
            rel(k + "t", s.t());
            rel(k + "p", s.p());
        }
        List<SimpleSlope> partner = r.slopes().stream().filter(s -> s.focal().equals("partner")).toList();
        assertEquals("partner.tension", partner.get(0).moderator());
        rel("indist/partner|partner.tension/3#estimate", partner.get(2).estimate());
        rel("indist/partner|partner.tension/3#se", partner.get(2).se());
        JohnsonNeyman jn = r.regions().get(0);
        rel("indist/actor|tension/jn#lower", jn.lower().getAsDouble());
        rel("indist/actor|tension/jn#upper", jn.upper().getAsDouble());
        assertEquals(JohnsonNeyman.Region.OUTSIDE, jn.region());
        JohnsonNeyman jp = r.regions().get(1);
        rel("indist/partner|partner.tension/jn#lower", jp.lower().getAsDouble());
        rel("indist/partner|partner.tension/jn#upper", jp.upper().getAsDouble());
        assertEquals(JohnsonNeyman.Region.INSIDE, jp.region());
        List<PlotPoint> pts = r.plot().stream().filter(p -> p.focal().equals("actor")).toList();
        assertEquals(6, pts.size());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                rel("indist/actor|tension/plot/" + (i + 1) + "/" + (j + 1) + "#predicted", pts.get(2 * i + j).predicted());
            }
        }
    }

    @Test
    void distinguishableSlopesPerRole() {
        Apim m = moderated(Apim.distinguishable(centred()).withRoles("husband", "wife"));
        SimpleSlopesResult r = SimpleSlopes.of(m, m.fit()).withFocal("actor").withModerator("tension").fit();
        assertEquals(6, r.slopes().size());
        for (String role : List.of("husband", "wife")) {
            List<SimpleSlope> s = r.slopes().stream().filter(x -> x.role().equals(role)).toList();
            for (int i = 0; i < 3; i++) {
                String k = "dist/actor|tension/" + role + "/" + (i + 1) + "#";
                assertEquals(G.get(k + "at"), s.get(i).at(), 1e-12);
                rel(k + "estimate", s.get(i).estimate());
                rel(k + "se", s.get(i).se());
                rel(k + "p", s.get(i).p());
            }
            JohnsonNeyman jn = r.regions().stream().filter(x -> x.role().equals(role)).findFirst().orElseThrow();
            rel("dist/actor|tension/" + role + "/jn#lower", jn.lower().getAsDouble());
            rel("dist/actor|tension/" + role + "/jn#upper", jn.upper().getAsDouble());
        }
        SimpleSlopesResult given = SimpleSlopes.of(m, m.fit()).withFocal("actor").withAt(0.5).fit();
        assertEquals("given", given.slopes().get(0).atLabel());
        assertThrows(InputException.class, () -> SimpleSlopes.of(m, m.fit()).withFocal("tension")
                .withModerator("nothing").fit());
    }
}
