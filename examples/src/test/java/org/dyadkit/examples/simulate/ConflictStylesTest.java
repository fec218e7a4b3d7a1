package org.dyadkit.examples.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.dyadkit.apim.Apim;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.Coefficient;
import org.dyadkit.apim.Method;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Instruments;
import org.dyadkit.instrument.Item;
import org.dyadkit.instrument.Subscale;
import org.dyadkit.scoring.MissingRule;
import org.dyadkit.scoring.ScoredRow;
import org.dyadkit.scoring.Scorer;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample's conflict-style items ({@code cs1..cs30}) and their user-defined instrument
 * {@code data-samples/conflict-styles.json}: the key, hand-derived scores for every style, and the
 * recovery of the generating model by the APIM on the committed 150-couple sample.
 *
 * <p>This is not the Romantic Partner Conflict Scale: its key could not be verified in any source (see
 * {@code docs/instruments-research.md}); the sample's styles carry the RPCS subscale names only.
 */
class ConflictStylesTest {
    private static final Path DATA = Path.of("..", "data-samples");
    private static final List<String> STYLES = List.of("compromise", "domination", "submission", "avoidance",
            "separation", "interactional_reactivity");

    /** Per data row of the sample: couple_id, role, scs_total and the six styles (absent scores blank). */
    private static final List<String[]> SCORED = new ArrayList<>();

    private static Instrument conflictStyles() {
        return Instruments.read(DATA.resolve("conflict-styles.json"));
    }

    @Test
    void definitionMatchesTheGeneratorsFacets() {
        Instrument cs = conflictStyles();
        assertEquals("conflict-styles", cs.id());
        assertEquals(Instrument.Status.USER_DEFINED, cs.status());
        assertEquals(30, cs.items().size());
        for (Item item : cs.items()) {
            assertEquals(1, item.min(), "item " + item.number());
            assertEquals(5, item.max(), "item " + item.number());
        }
        assertTrue(cs.reverseKeyed().isEmpty(), "no reverse-keyed items");
        assertTrue(cs.totalMethods().isEmpty(), "no total");
        assertEquals(STYLES, Scorer.of(cs).scoreNames());
        // the instrument's key is the generator's: same names, same items, in the same order
        assertEquals(SimulationModel.CONFLICT_STYLES.stream().map(SimulationModel.Facet::name).toList(),
                cs.subscales().stream().map(Subscale::name).toList());
        assertEquals(SimulationModel.CONFLICT_STYLES.stream().map(SimulationModel.Facet::items).toList(),
                cs.subscales().stream().map(Subscale::items).toList());
        assertTrue(cs.keySource().contains("NOT the RPCS key"), "key_source says it is not the RPCS");
    }

    /**
     * One hand-derived vector per style. Every answer is 3 except the five items of the style under test,
     * which are 5, 4, 3, 2, 1 (sum 15, mean 3.0) in the first vector, and 5, 5, 4, 4, blank in the second
     * (4 of 5 answered: mean 18 / 4 = 4.5, present under the file's rule "at least 4 answered"). A third
     * vector blanks two of the style's items (3 of 5 answered): the style is absent, every other style is
     * still 3.0. Items of style k are 5k-4..5k: compromise 1-5, domination 6-10, submission 11-15,
     * avoidance 16-20, separation 21-25, interactional reactivity 26-30.
     */
    @Test
    void handDerivedScoresForEveryStyle() {
        Scorer scorer = Scorer.of(conflictStyles());
        for (int k = 0; k < STYLES.size(); k++) {
            int first = 5 * k; // index of item 5k+1
            int[] r = filled(3);
            int[] spread = {5, 4, 3, 2, 1};
            System.arraycopy(spread, 0, r, first, 5);
            ScoredRow row = scorer.score(r);
            assertEquals(3.0, row.value(STYLES.get(k)).orElseThrow(), 1e-12, STYLES.get(k) + " 5,4,3,2,1");

            int[] high = filled(3);
            high[first] = 5;
            high[first + 1] = 5;
            high[first + 2] = 4;
            high[first + 3] = 4;
            high[first + 4] = Scorer.MISSING;
            row = scorer.score(high);
            assertEquals(4.5, row.value(STYLES.get(k)).orElseThrow(), 1e-12, STYLES.get(k) + " 5,5,4,4,-");
            for (String other : STYLES) {
                if (!other.equals(STYLES.get(k))) {
                    assertEquals(3.0, row.value(other).orElseThrow(), 1e-12, other + " beside " + STYLES.get(k));
                }
            }

            int[] sparse = filled(3);
            sparse[first] = Scorer.MISSING;
            sparse[first + 1] = Scorer.MISSING;
            row = scorer.score(sparse);
            assertFalse(row.value(STYLES.get(k)).isPresent(), STYLES.get(k) + " with 3 of 5 answered");
        }
    }

    private static int[] filled(int value) {
        int[] r = new int[30];
        Arrays.fill(r, value);
        return r;
    }

    /**
     * Scores the committed sample as {@code data-samples/run.sh} does: the bundled SCS and the
     * conflict-style file, each with at least 80 % of a score's items answered.
     */
    @BeforeAll
    static void scoreTheSample() throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve("simulated_couples.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        MissingRule rule = MissingRule.minAnsweredFraction(0.8);
        Scorer scs = Scorer.of(Instruments.bundled("scs")).withMissing(rule);
        Scorer cs = Scorer.of(conflictStyles()).withMissing(rule);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            ScoredRow s = scs.score(responses(scs.instrument(), "scs", header, cells));
            ScoredRow c = cs.score(responses(cs.instrument(), "cs", header, cells));
            String[] row = new String[3 + STYLES.size()];
            row[0] = cells[0];
            row[1] = cells[2];
            row[2] = text(s.value("total"));
            for (int k = 0; k < STYLES.size(); k++) {
                row[3 + k] = text(c.value(STYLES.get(k)));
            }
            SCORED.add(row);
        }
    }

    private static int[] responses(Instrument in, String prefix, List<String> header, String[] cells) {
        int[] r = new int[in.items().size()];
        for (int i = 0; i < r.length; i++) {
            Item item = in.items().get(i);
            String cell = cells[header.indexOf(prefix + item.number())];
            boolean valid = cell.matches("[0-9]+") && Integer.parseInt(cell) >= item.min()
                    && Integer.parseInt(cell) <= item.max();
            r[i] = valid ? Integer.parseInt(cell) : Scorer.MISSING;
        }
        return r;
    }

    private static String text(OptionalDouble v) {
        return v.isPresent() ? Double.toString(v.getAsDouble()) : "";
    }

    private static ApimFit apim(String outcome) {
        List<String> columns = new ArrayList<>(List.of("couple_id", "role", "scs_total"));
        columns.addAll(STYLES);
        DataTable t = DataTable.of("simulated_couples.csv (scored)", columns, SCORED);
        DyadicData data = DyadicData.individual(t).dyad("couple_id").role("role").roles("man", "woman").build();
        return Apim.distinguishable(data).withOutcome(outcome).withPredictor("scs_total").withMethod(Method.REML).fit();
    }

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "conflict-styles");

    /**
     * Every row's SCS total and six style scores against R ({@code golden/conflict-styles/make_golden.R},
     * which types both keys and the 80 % rule in independently; R and package versions and the input's
     * sha256 in {@code VERSIONS.txt}), within 1e-10; an absent score must be absent in both.
     */
    @Test
    void scoresAgreeWithTheIndependentRScript() throws Exception {
        String versions = Files.readString(GOLDEN.resolve("VERSIONS.txt"));
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(DATA.resolve("simulated_couples.csv")));
        StringBuilder hex = new StringBuilder();
        for (byte b : digest) {
            hex.append(String.format("%02x", b));
        }
        assertTrue(versions.contains(hex.toString()), "the golden was made from this input (sha256 " + hex + ")");
        List<String> lines = Files.readAllLines(GOLDEN.resolve("scores_golden.csv"));
        List<String> expectedHeader = new ArrayList<>(List.of("line", "couple_id", "role", "scs_total"));
        expectedHeader.addAll(STYLES);
        assertEquals(String.join(",", expectedHeader), lines.get(0));
        assertEquals(SCORED.size(), lines.size() - 1);
        int present = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] g = lines.get(i).split(",", -1);
            String[] d = SCORED.get(i - 1);
            assertEquals(g[1], d[0], "couple_id, line " + i);
            assertEquals(g[2], d[1], "role, line " + i);
            for (int k = 0; k < 1 + STYLES.size(); k++) {
                String what = expectedHeader.get(3 + k) + ", line " + i;
                assertEquals(g[3 + k].isEmpty(), d[2 + k].isEmpty(), what + " present in both or in neither");
                if (!g[3 + k].isEmpty()) {
                    assertEquals(Double.parseDouble(g[3 + k]), Double.parseDouble(d[2 + k]), 1e-10, what);
                    present++;
                }
            }
        }
        assertTrue(present > 1900, "scores compared: " + present);
    }

    /**
     * The APIMs of compromise and submission on the SCS totals against nlme::gls (REML, compound
     * symmetry, varIdent by role; {@code golden/conflict-styles/apim_golden.csv}): estimates within 1e-6,
     * standard errors within 1e-5, the same 111 dyads and 222 persons, log-likelihood within 1e-6.
     */
    @Test
    void apimAgreesWithNlme() throws IOException {
        List<String> lines = Files.readAllLines(GOLDEN.resolve("apim_golden.csv"));
        assertEquals("outcome,term,estimate,se,n_obs,n_dyads,loglik", lines.get(0));
        assertEquals(13, lines.size());
        Map<String, ApimFit> fits = Map.of("compromise", apim("compromise"), "submission", apim("submission"));
        for (String line : lines.subList(1, lines.size())) {
            String[] g = line.split(",", -1);
            ApimFit fit = fits.get(g[0]);
            Coefficient c = fit.coefficient(g[1]);
            String what = g[0] + " " + g[1];
            assertEquals(Double.parseDouble(g[2]), c.estimate(), 1e-6, what + " estimate");
            assertEquals(Double.parseDouble(g[3]), c.se(), 1e-5, what + " SE");
            assertEquals(Integer.parseInt(g[4]), fit.nObs(), what + " persons");
            assertEquals(Integer.parseInt(g[5]), fit.nDyads(), what + " dyads");
            assertEquals(Double.parseDouble(g[6]), fit.logLik(), 1e-6, what + " logLik");
        }
    }

    /**
     * The generating model, recovered by the APIM on the committed sample (150 couples, seed 2013). The
     * latent model has self-compassion raising one's own compromise (weight 0.45) and lowering one's own
     * submission (weight -0.40), with no partner effect. On the observed scores (SCS total, style means)
     * the "population" values, from a clean run of 100,000 couples scored by
     * {@code data-samples/simulated_couples_population.R} (R 4.2.2, base R; docs/samples.md), are:
     * compromise actor 0.480 (man) / 0.485 (woman), partner 0.032 / 0.035; submission actor -0.449 /
     * -0.459, partner -0.026 / -0.025. Each sample estimate must lie within 2.5 standard errors of its
     * population value (the sample's own REML standard errors, about 0.10-0.12), and the actor effects
     * must have the model's signs; this fails if the generator, the scoring or the APIM drifts.
     */
    @Test
    void apimRecoversTheGeneratingActorAndPartnerEffects() {
        Map<String, Double> compromise = Map.of("actor:man", 0.480, "actor:woman", 0.485,
                "partner:man", 0.032, "partner:woman", 0.035);
        Map<String, Double> submission = Map.of("actor:man", -0.449, "actor:woman", -0.459,
                "partner:man", -0.026, "partner:woman", -0.025);
        for (Map.Entry<String, Map<String, Double>> model : Map.of("compromise", compromise,
                "submission", submission).entrySet()) {
            ApimFit fit = apim(model.getKey());
            assertEquals(111, fit.nDyads(), "dyads with both partners' SCS total and " + model.getKey());
            for (Map.Entry<String, Double> e : model.getValue().entrySet()) {
                Coefficient c = fit.coefficient(e.getKey());
                String what = model.getKey() + " " + e.getKey() + ": estimate " + c.estimate() + ", SE " + c.se()
                        + ", population " + e.getValue();
                assertTrue(c.se() > 0.05 && c.se() < 0.2, what);
                assertTrue(Math.abs(c.estimate() - e.getValue()) < 2.5 * c.se(), what);
                if (e.getKey().startsWith("actor")) {
                    assertEquals(Math.signum(e.getValue()), Math.signum(c.estimate()), what);
                    assertTrue(Math.abs(c.estimate()) > 2 * c.se(), what + ": the actor effect is detected");
                }
            }
        }
    }
}
