package org.dyadkit.examples.selfcompassion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.Coefficient;
import org.dyadkit.apim.KEstimate;
import org.dyadkit.cli.Main;
import org.dyadkit.examples.selfcompassion.CouplesSelfCompassion.Analysis;
import org.dyadkit.nonindependence.CorrelationRow;
import org.dyadkit.nonindependence.CorrelationType;
import org.dyadkit.nonindependence.DistinguishableNonindependence;
import org.dyadkit.nonindependence.RoleSummary;
import org.dyadkit.reliability.ScaleReliability;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The self-compassion reanalysis of the simulated couples: its estimates are consistent with the values the
 * generating model implies for observed scores (docs/samples.md, "What analyses should find", computed from
 * 100,000 simulated couples), and every number equals the one the corresponding {@code dyadkit} command prints.
 *
 * <p>Consistency: |estimate - population value| < 3.5 standard errors, with the SE the analysis reports
 * (APIM coefficients, alpha), SD / sqrt(n) for means, and 1 / sqrt(n - 3) on Fisher's z scale for
 * correlations. The population values carry their own simulation error (about 0.003), negligible here.
 */
class CouplesSelfCompassionTest {
    private static final double BOUND = 3.5;
    private static final String MAN = "man";
    private static final String WOMAN = "woman";
    private static final String CARING = "partner_behaviour_caring";
    private static final String CONTROLLING = "partner_behaviour_controlling";
    private static final String ACCEPTING = "partner_behaviour_accepting";

    @TempDir
    static Path dir;
    static Path survey;
    static Path behaviour;
    static Analysis a;

    @BeforeAll
    static void run() throws IOException {
        Path samples = CouplesSelfCompassion.samples();
        survey = samples.resolve("simulated_couples.csv");
        behaviour = samples.resolve("partner-behaviour.json");
        a = CouplesSelfCompassion.run(survey, behaviour, Files.createDirectories(dir.resolve("example")));
    }

    // ------------------------------------------------------------ consistency with the generating model

    static void withinSe(double population, double estimate, double se, String what) {
        double z = (estimate - population) / se;
        assertTrue(Math.abs(z) < BOUND, what + ": estimate " + estimate + ", population value " + population + ", SE "
                + se + ", " + z + " SEs away");
    }

    static void correlationNear(double population, double r, int n, String what) {
        withinSe(atanh(population), atanh(r), 1 / Math.sqrt(n - 3), what + " (Fisher z; r = " + r + ", n = " + n + ")");
    }

    static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }

    static void meanNear(double population, RoleSummary s, String what) {
        withinSe(population, s.mean(), s.sd() / Math.sqrt(s.n()), what + " " + s.role());
    }

    @Test
    void scoreMeansMatchThePopulation() {
        DistinguishableNonindependence scs = CouplesSelfCompassion.partnerCorrelation(a, "scs_total");
        meanNear(3.065, scs.roleSummaries().get(0), "SCS total mean");
        meanNear(2.934, scs.roleSummaries().get(1), "SCS total mean");
        double[] pop = {5.057, 3.090, 4.764};
        String[] names = {CARING, CONTROLLING, ACCEPTING};
        for (int i = 0; i < 3; i++) {
            for (RoleSummary s : CouplesSelfCompassion.partnerCorrelation(a, names[i]).roleSummaries()) {
                meanNear(pop[i], s, names[i] + " mean");
            }
        }
        for (RoleSummary s : CouplesSelfCompassion.partnerCorrelation(a, "ras_total").roleSummaries()) {
            meanNear(3.964, s, "RAS total mean");
        }
    }

    @Test
    void partnerCorrelationsMatchThePopulation() {
        DistinguishableNonindependence scs = CouplesSelfCompassion.partnerCorrelation(a, "scs_total");
        correlationNear(0.245, scs.pearsonR(), scs.nDyads(), "partner r of the SCS total");
        DistinguishableNonindependence ras = CouplesSelfCompassion.partnerCorrelation(a, "ras_total");
        correlationNear(0.359, ras.pearsonR(), ras.nDyads(), "partner r of the RAS total");
    }

    /** Self-compassion goes with being rated caring, not controlling and accepting by the partner (Neff & Beretvas). */
    @Test
    void selfCompassionWithPartnerRatedBehaviourMatchesThePopulation() {
        double[] pop = {0.325, -0.285, 0.328};
        String[] names = {CARING, CONTROLLING, ACCEPTING};
        for (String[] pair : new String[][] {{MAN, WOMAN}, {WOMAN, MAN}}) {
            for (int i = 0; i < 3; i++) {
                CorrelationRow r = CouplesSelfCompassion.correlation(a, pair[0], names[i], pair[1]);
                assertEquals(CorrelationType.CROSS_PARTNER, r.type());
                correlationNear(pop[i], r.r(), r.n(), pair[0] + "'s SCS with " + names[i] + " rated by the " + pair[1]);
            }
            CorrelationRow own = CouplesSelfCompassion.correlation(a, pair[0], CARING, pair[0]);
            assertEquals(CorrelationType.WITHIN_PERSON, own.type());
            correlationNear(0.099, own.r(), own.n(), pair[0] + "'s SCS with own rating of the partner's caring");
        }
    }

    @Test
    void apimMatchesThePopulation() {
        ApimFit pooled = a.pooled();
        Coefficient intercept = pooled.coefficient("intercept");
        withinSe(2.123, intercept.estimate(), intercept.se(), "pooled intercept");
        withinSe(0.398, pooled.coefficient("actor").estimate(), pooled.coefficient("actor").se(), "pooled actor");
        withinSe(0.216, pooled.coefficient("partner").estimate(), pooled.coefficient("partner").se(), "pooled partner");
        // per role: actor 0.394 / 0.401, partner 0.219 / 0.214 (men / women)
        ApimFit d = a.apim();
        withinSe(0.394, d.coefficient("actor:man").estimate(), d.coefficient("actor:man").se(), "actor, men");
        withinSe(0.401, d.coefficient("actor:woman").estimate(), d.coefficient("actor:woman").se(), "actor, women");
        withinSe(0.219, d.coefficient("partner:man").estimate(), d.coefficient("partner:man").se(), "partner, men");
        withinSe(0.214, d.coefficient("partner:woman").estimate(), d.coefficient("partner:woman").se(), "partner, women");
        // k implied by the population effects, 0.216 / 0.398, against the delta-method SE of k
        KEstimate k = pooled.k("all");
        withinSe(0.216 / 0.398, k.k().getAsDouble(), k.se().getAsDouble(), "k");
        assertTrue(k.percentile().orElseThrow().contains(0.216 / 0.398), "bootstrap interval of k " + k.percentile());
        // the true model is indistinguishable in slopes and residual variances: the LR test should not reject
        // (at the level matching the 3.5 SE bound, p > .0005)
        assertTrue(a.distinguishability().p() > 0.0005, "distinguishability p = " + a.distinguishability().p());
        assertEquals(4, a.distinguishability().df());
    }

    @Test
    void reliabilityMatchesThePopulation() {
        Map<String, Double> pop = Map.of("scs/total", 0.930, "ras/total", 0.901, "partner-behaviour/caring", 0.821,
                "partner-behaviour/controlling", 0.822, "partner-behaviour/accepting", 0.823);
        int checked = 0;
        for (var e : a.reliability().entrySet()) {
            for (ScaleReliability r : e.getValue()) {
                Double p = pop.get(e.getKey() + "/" + r.scale());
                if (p != null) {
                    withinSe(p, r.alpha().rawAlpha(), r.alpha().alphaSe(), e.getKey() + " " + r.scale() + " alpha, "
                            + r.group());
                    checked++;
                }
            }
        }
        assertEquals(10, checked);
        // the SCS: six subscales and the total, for each partner
        assertEquals(14, a.reliability().get("scs").size());
    }

    @Test
    void scoringFindsTheDocumentedFaults() {
        assertEquals(299, a.scoring().rowsRead());
        assertEquals(298, a.scoring().rowsScored());
        assertEquals(150, a.couples().size());
        assertEquals(1, a.couples().singletons().size());
    }

    // ------------------------------------------------------------ the same numbers as the commands

    static String cli(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        assertEquals(0, code, "dyadkit " + String.join(" ", args) + "\n" + err);
        return out.toString();
    }

    static JsonNode json(String... args) throws IOException {
        return new ObjectMapper().readTree(cli(args));
    }

    private static String[] couples(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--input", a.scored().toString(), "--dyad", "couple_id",
                "--role", "role", "--roles", "man,woman", "--format", "json"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Exact equality: the example and the command make the same library calls on the same data. */
    static void same(double expected, JsonNode actual, String what) {
        assertTrue(actual != null && actual.isNumber(), what + ": no number in the command's output: " + actual);
        assertEquals(expected, actual.asDouble(), 0.0, what);
    }

    /**
     * Equality to rounding (1e-10 relative): the reliability command streams the items' moments from the file as
     * exact integer pair sums, the example computes them from the rows of its table; the two sum in another order.
     */
    static void streamed(double expected, JsonNode actual, String what) {
        assertTrue(actual != null && actual.isNumber(), what + ": no number in the command's output: " + actual);
        assertEquals(expected, actual.asDouble(), 1e-10 * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void scoreCommandWritesTheSameScoredFileAndProblems() throws IOException {
        Path out = Files.createDirectories(dir.resolve("cli"));
        cli("score", "--input", survey.toString(), "--output", out.resolve("scored.csv").toString(), "--id", "person_id",
                "--instrument", "scs", "--items", "scs{n}", "--instrument", "ras", "--items", "ras{n}",
                "--instrument", behaviour.toString(), "--items", "pb{n}", "--min-answered", "0.8",
                "--problems", out.resolve("problems.csv").toString());
        assertArrayEquals(Files.readAllBytes(out.resolve("scored.csv")), Files.readAllBytes(a.scored()));
        assertArrayEquals(Files.readAllBytes(out.resolve("problems.csv")),
                Files.readAllBytes(a.scored().resolveSibling("problems.csv")));
    }

    @Test
    void nonindependenceCommandGivesTheSameNumbers() throws IOException {
        List<String> more = new ArrayList<>();
        for (String v : CouplesSelfCompassion.variables()) {
            more.add("--var");
            more.add(v);
        }
        JsonNode vars = json(couples("nonindependence", more.toArray(String[]::new))).get("variables");
        assertEquals(a.partnerCorrelations().size(), vars.size());
        for (int i = 0; i < vars.size(); i++) {
            DistinguishableNonindependence r = a.partnerCorrelations().get(i);
            JsonNode j = vars.get(i);
            assertEquals(r.variable(), j.get("variable").asText());
            assertEquals(r.nDyads(), j.get("n_dyads").asInt());
            same(r.pearsonR(), j.get("pearson_r"), r.variable() + " r");
            same(r.fisherCiLower(), j.get("fisher_ci_lower"), r.variable() + " CI lower");
            same(r.fisherCiUpper(), j.get("fisher_ci_upper"), r.variable() + " CI upper");
            same(r.p(), j.get("p"), r.variable() + " p");
            for (int k = 0; k < 2; k++) {
                RoleSummary s = r.roleSummaries().get(k);
                JsonNode js = j.get("role_summaries").get(k);
                assertEquals(s.role(), js.get("role").asText());
                assertEquals(s.n(), js.get("n").asInt());
                same(s.mean(), js.get("mean"), r.variable() + " mean " + s.role());
                same(s.sd(), js.get("sd"), r.variable() + " SD " + s.role());
            }
            same(r.meanDifference().t(), j.get("mean_difference").get("t"), r.variable() + " paired t");
            same(r.meanDifference().dAv(), j.get("mean_difference").get("d_av"), r.variable() + " d_av");
        }
    }

    @Test
    void correlateCommandGivesTheSameTable() throws IOException {
        String vars = String.join(",", "scs_total", CARING, CONTROLLING, ACCEPTING);
        JsonNode rows = json(couples("correlate", "--vars", vars)).get("rows");
        List<CorrelationRow> mine = a.crossPartner().rows();
        assertEquals(mine.size(), rows.size());
        for (int i = 0; i < mine.size(); i++) {
            CorrelationRow r = mine.get(i);
            JsonNode j = rows.get(i);
            String what = r.x() + " (" + r.xRole() + ") with " + r.y() + " (" + r.yRole() + ")";
            assertEquals(r.x(), j.get("x").asText(), what);
            assertEquals(r.xRole(), j.get("x_role").asText(), what);
            assertEquals(r.y(), j.get("y").asText(), what);
            assertEquals(r.yRole(), j.get("y_role").asText(), what);
            assertEquals(r.n(), j.get("n").asInt(), what);
            same(r.r(), j.get("r"), what + " r");
            same(r.ciLower(), j.get("ci_lower"), what + " CI lower");
            same(r.ciUpper(), j.get("ci_upper"), what + " CI upper");
            same(r.p(), j.get("p"), what + " p");
        }
    }

    static void sameFit(ApimFit f, JsonNode j, String what) {
        assertEquals(f.nObs(), j.get("n_obs").asInt(), what);
        assertEquals(f.nDyads(), j.get("n_dyads").asInt(), what);
        JsonNode cs = j.get("coefficients");
        assertEquals(f.coefficients().size(), cs.size(), what);
        for (int i = 0; i < cs.size(); i++) {
            Coefficient c = f.coefficients().get(i);
            JsonNode jc = cs.get(i);
            assertEquals(c.term(), jc.get("term").asText(), what);
            same(c.estimate(), jc.get("estimate"), what + " " + c.term());
            same(c.se(), jc.get("se"), what + " SE " + c.term());
            same(c.df(), jc.get("df"), what + " df " + c.term());
            same(c.p(), jc.get("p"), what + " p " + c.term());
            same(c.ciLower(), jc.get("ci_lower"), what + " CI " + c.term());
        }
        for (String role : f.residual().sd().keySet()) {
            same(f.residualSd(role), byRole(j.get("residual").get("sd"), role).get("sd"), what + " residual SD " + role);
            same(f.pseudoR2().get(role), byRole(j.get("pseudo_r2"), role).get("pseudo_r2"), what + " pseudo R2 " + role);
        }
        same(f.rho(), j.get("residual").get("rho"), what + " rho");
        same(f.logLik(), j.get("log_lik"), what + " logLik");
        for (KEstimate k : f.k()) {
            JsonNode jk = byRole(j.get("k"), k.role());
            same(k.k().orElse(Double.NaN), jk.get("k"), what + " k " + k.role());
            same(k.se().orElse(Double.NaN), jk.get("se"), what + " SE(k) " + k.role());
            assertEquals(k.pattern().name().toLowerCase().replace('_', '-'), jk.get("pattern").asText(), what);
            if (k.percentile().isPresent()) {
                same(k.percentile().get().lower(), jk.get("bootstrap").get("percentile").get("lower"), what + " k boot lower");
                same(k.percentile().get().upper(), jk.get("bootstrap").get("percentile").get("upper"), what + " k boot upper");
            }
        }
    }

    @Test
    void apimCommandGivesTheSameDistinguishableFit() throws IOException {
        sameFit(a.apim(), json(couples("apim", "--y", "ras_total", "--x", "scs_total", "--k")), "distinguishable");
    }

    @Test
    void apimCommandGivesTheSameIndistinguishableFitAndBootstrap() throws IOException {
        String[] args = {"apim", "--input", a.scored().toString(), "--dyad", "couple_id", "--indistinguishable",
            "--y", "ras_total", "--x", "scs_total", "--k", "--bootstrap",
            Integer.toString(CouplesSelfCompassion.BOOTSTRAP_REPLICATES), "--seed",
            Long.toString(CouplesSelfCompassion.SEED), "--format", "json"};
        sameFit(a.pooled(), json(args), "indistinguishable");
    }

    @Test
    void distinguishabilityCommandGivesTheSameTest() throws IOException {
        JsonNode j = json(couples("distinguishability", "--y", "ras_total", "--x", "scs_total"));
        same(a.distinguishability().chiSquare(), j.get("chi_square"), "chi-square");
        assertEquals(a.distinguishability().df(), j.get("df").asInt());
        same(a.distinguishability().p(), j.get("p"), "p");
        same(a.distinguishability().distinguishable().logLik(), j.get("distinguishable").get("log_lik"), "ML logLik");
        same(a.distinguishability().indistinguishable().logLik(), j.get("indistinguishable").get("log_lik"),
                "ML logLik indistinguishable");
    }

    @Test
    void reliabilityCommandGivesTheSameAlphaAndOmega() throws IOException {
        for (String[] ins : new String[][] {{"scs", "scs{n}"}, {"ras", "ras{n}"}, {behaviour.toString(), "pb{n}"}}) {
            JsonNode scales = json("reliability", "--instrument", ins[0], "--input", survey.toString(), "--items", ins[1],
                    "--by", "role", "--format", "json").get("scales");
            List<ScaleReliability> mine = a.reliability().values().stream()
                    .filter(l -> l.size() == scales.size() && l.get(0).alpha().items().get(0)
                            .equals(scales.get(0).get("items").get(0).asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no matching instrument for " + ins[0]));
            for (int i = 0; i < scales.size(); i++) {
                ScaleReliability r = mine.get(i);
                JsonNode j = scales.get(i);
                String what = ins[0] + " " + r.scale() + " " + r.group();
                assertEquals(r.scale(), j.get("scale").asText(), what);
                assertEquals(r.group(), j.get("group").asText(), what);
                streamed(r.alpha().rawAlpha(), j.get("alpha").get("raw_alpha"), what + " alpha");
                streamed(r.alpha().feldt().lower(), j.get("alpha").get("feldt").get("lower"), what + " Feldt lower");
                streamed(r.omegaTotal().orElseThrow().omegaTotal(), j.get("omega_total").get("omega_total"),
                        what + " omega total");
                r.omegaHierarchical().ifPresent(o -> streamed(o.omegaHierarchical().orElseThrow(),
                        j.get("omega_hierarchical").get("omega_h"), what + " omega_h"));
            }
        }
    }

    @Test
    void printsTheReport() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CouplesSelfCompassion.print(a, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        for (String section : List.of("1. Scoring", "2. Descriptive", "3. Self-reported self-compassion", "4. APIM",
                "Test of distinguishability", "k = partner / actor", "5. Reliability")) {
            assertTrue(text.contains(section), section + " missing from\n" + text);
        }
    }

    /** The row with this role of a JSON array of per-role rows. */
    private static JsonNode byRole(JsonNode rows, String role) {
        for (JsonNode r : rows) {
            if (r.get("role").asText().equals(role)) {
                return r;
            }
        }
        throw new AssertionError("no row for role " + role + " in " + rows);
    }
}
