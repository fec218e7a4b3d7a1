package org.dyadkit.nonindependence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.dyad.Layout;
import org.dyadkit.table.DataTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Goldens from R ({@code golden/nonindependence/make_golden.R}): seeded simulated couples of both kinds, with
 * dyads missing a member and missing values. Closed forms, so 1e-8 relative.
 */
class RGoldenTest {
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "nonindependence");
    static final List<String> VARS = List.of("self_compassion", "caring", "control", "acceptance");

    static JsonNode json(String name) throws IOException {
        return new ObjectMapper().readTree(GOLDEN.resolve(name).toFile());
    }

    static void close(JsonNode expected, double actual, String what) {
        assertFalse(expected == null || expected.isNull(), what + ": no expected value");
        double e = expected.asDouble();
        assertTrue(Math.abs(actual - e) <= 1e-8 * Math.max(Math.abs(e), 1e-300) || actual == e,
                what + ": R " + e + ", dyadkit " + actual);
    }

    static void close(JsonNode expected, java.util.OptionalDouble actual, String what) {
        close(expected, actual.isPresent() ? Double.valueOf(actual.getAsDouble()) : null, what);
    }

    static void close(JsonNode expected, Double actual, String what) {
        if (expected == null || expected.isNull()) {
            assertNull(actual, what);
        } else {
            close(expected, actual.doubleValue(), what);
        }
    }

    static DyadicData distinguishable(DataTable t) {
        return DyadicData.individual(t).dyad("couple").role("gender").roles("man", "woman").build();
    }

    /** Both distinguishable data sets (with and without dyads missing a member), from each layout. */
    static Stream<Arguments> distinguishableLayouts() {
        List<Arguments> out = new java.util.ArrayList<>();
        for (String[] set : new String[][] {{"dist_couples.csv", "dist_expected.json"},
            {"dist_complete.csv", "dist_complete_expected.json"}}) {
            DyadicData ind = distinguishable(DataTable.read(GOLDEN.resolve(set[0])));
            DyadicData wide = set[0].equals("dist_couples.csv")
                    ? DyadicData.dyad(DataTable.read(GOLDEN.resolve("dist_couples_dyad.csv"))).dyad("couple")
                            .role("gender").build()
                    : DyadicData.dyad(ind.toDyad()).dyad("couple").role("gender").build();
            DyadicData pair = DyadicData.pairwise(ind.toPairwise()).dyad("couple").role("gender")
                    .roles("man", "woman").build();
            out.add(Arguments.of(set[1], Layout.INDIVIDUAL, ind));
            out.add(Arguments.of(set[1], Layout.DYAD, wide));
            out.add(Arguments.of(set[1], Layout.PAIRWISE, pair));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("distinguishableLayouts")
    void distinguishableNonindependence(String expected, Layout layout, DyadicData data) throws IOException {
        JsonNode g = json(expected);
        assertEquals(g.get("n_dyads").asInt(), data.size(), layout.label());
        assertEquals(List.of("man", "woman"), data.roles());
        assertEquals(g.get("n_singletons").asInt(), data.singletons().size());
        for (JsonNode e : g.get("nonindependence")) {
            String v = e.get("variable").asText();
            String w = layout.label() + " " + v + " ";
            DistinguishableNonindependence r = Nonindependence.distinguishable(data).withVariable(v).fit();
            assertEquals(e.get("n_dyads").asInt(), r.nDyads(), w + "n");
            close(e.get("pearson_r"), r.pearsonR(), w + "r");
            close(e.get("fisher_ci_lower"), r.fisherCiLower(), w + "ci lower");
            close(e.get("fisher_ci_upper"), r.fisherCiUpper(), w + "ci upper");
            close(e.get("t"), r.t(), w + "t");
            close(e.get("df"), r.df(), w + "df");
            close(e.get("p"), r.p(), w + "p");
            JsonNode pm = e.get("pitman_morgan");
            close(pm.get("sd1"), r.pitmanMorgan().sd1(), w + "pm sd1");
            close(pm.get("sd2"), r.pitmanMorgan().sd2(), w + "pm sd2");
            close(pm.get("t"), r.pitmanMorgan().t(), w + "pm t");
            close(pm.get("df"), r.pitmanMorgan().df(), w + "pm df");
            close(pm.get("p"), r.pitmanMorgan().p(), w + "pm p");
            for (int i = 0; i < 2; i++) {
                JsonNode role = e.get("roles").get(i);
                RoleSummary s = r.roleSummaries().get(i);
                assertEquals(role.get("role").asText(), s.role());
                assertEquals(role.get("n").asInt(), s.n(), w + "role n");
                close(role.get("mean"), s.mean(), w + "mean " + s.role());
                close(role.get("sd"), s.sd(), w + "sd " + s.role());
            }
            JsonNode md = e.get("mean_difference");
            MeanDifference d = r.meanDifference();
            assertEquals(md.get("n").asInt(), d.n());
            close(md.get("mean1"), d.mean1(), w + "paired mean1");
            close(md.get("mean2"), d.mean2(), w + "paired mean2");
            close(md.get("sd1"), d.sd1(), w + "paired sd1");
            close(md.get("sd2"), d.sd2(), w + "paired sd2");
            close(md.get("mean_difference"), d.meanDifference(), w + "mean difference");
            close(md.get("sd_difference"), d.sdDifference(), w + "sd difference");
            close(md.get("t"), d.t(), w + "paired t");
            close(md.get("df"), d.df(), w + "paired df");
            close(md.get("p"), d.p(), w + "paired p");
            close(md.get("d"), d.d(), w + "d");
            close(md.get("d_av"), d.dAv(), w + "d_av");
        }
    }

    @ParameterizedTest
    @MethodSource("distinguishableLayouts")
    void distinguishableCorrelationTable(String expected, Layout layout, DyadicData data) throws IOException {
        JsonNode g = json(expected).get("correlations");
        DistinguishableCorrelations table = CrossPartner.distinguishable(data).withVariables(VARS).fit();
        assertEquals(g.size(), table.rows().size());
        for (int i = 0; i < g.size(); i++) {
            JsonNode e = g.get(i);
            CorrelationRow r = table.rows().get(i);
            String w = layout.label() + " " + r.x() + "(" + r.xRole() + ")~" + r.y() + "(" + r.yRole() + ") ";
            assertEquals(e.get("x").asText(), r.x(), w);
            assertEquals(e.get("x_role").asText(), r.xRole(), w);
            assertEquals(e.get("y").asText(), r.y(), w);
            assertEquals(e.get("y_role").asText(), r.yRole(), w);
            assertEquals(e.get("type").asText(), r.type().label(), w);
            assertEquals(e.get("n").asInt(), r.n(), w + "n");
            close(e.get("r"), r.r(), w + "r");
            close(e.get("ci_lower"), r.ciLower(), w + "ci lower");
            close(e.get("ci_upper"), r.ciUpper(), w + "ci upper");
            close(e.get("t"), r.t(), w + "t");
            close(e.get("df"), r.df(), w + "df");
            close(e.get("p"), r.p(), w + "p");
        }
    }

    /** Both indistinguishable data sets (with and without dyads missing a member), from each layout. */
    static Stream<Arguments> indistinguishableLayouts() {
        List<Arguments> out = new java.util.ArrayList<>();
        for (String[] set : new String[][] {{"indist_couples.csv", "indist_expected.json"},
            {"indist_complete.csv", "indist_complete_expected.json"}}) {
            DyadicData ind = DyadicData.individual(DataTable.read(GOLDEN.resolve(set[0]))).dyad("pair").build();
            out.add(Arguments.of(set[1], Layout.INDIVIDUAL, ind));
            out.add(Arguments.of(set[1], Layout.DYAD, DyadicData.dyad(ind.toDyad()).dyad("pair").build()));
            out.add(Arguments.of(set[1], Layout.PAIRWISE, DyadicData.pairwise(ind.toPairwise()).dyad("pair").build()));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("indistinguishableLayouts")
    void indistinguishable(String expected, Layout layout, DyadicData data) throws IOException {
        JsonNode g = json(expected);
        assertEquals(g.get("n_dyads").asInt(), data.size());
        assertEquals(g.get("n_singletons").asInt(), data.singletons().size());
        for (JsonNode e : g.get("nonindependence")) {
            String v = e.get("variable").asText();
            String w = layout.label() + " " + v + " ";
            IndistinguishableNonindependence r = Nonindependence.indistinguishable(data).withVariable(v).fit();
            assertEquals(e.get("n_dyads").asInt(), r.nDyads(), w + "n");
            close(e.get("anova_icc"), r.anovaIcc(), w + "icc");
            close(e.get("ms_between"), r.msBetween(), w + "msb");
            close(e.get("ms_within"), r.msWithin(), w + "msw");
            close(e.get("f"), r.f(), w + "f");
            close(e.get("df1"), r.df1(), w + "df1");
            close(e.get("df2"), r.df2(), w + "df2");
            close(e.get("p"), r.p(), w + "p");
            close(e.get("pairwise_r"), r.pairwiseR(), w + "pairwise r");
            close(e.get("z"), r.z(), w + "z");
            close(e.get("pairwise_p"), r.pairwiseP(), w + "pairwise p");
        }
        ExchangeableCorrelations table = CrossPartner.exchangeable(data).withVariables(List.of("x", "y", "w")).fit();
        JsonNode pairs = g.get("pairs");
        assertEquals(pairs.size(), table.pairs().size());
        for (int i = 0; i < pairs.size(); i++) {
            JsonNode e = pairs.get(i);
            ExchangeableRow r = table.pairs().get(i);
            String w = layout.label() + " " + r.x() + "~" + r.y() + " ";
            assertEquals(e.get("x").asText(), r.x());
            assertEquals(e.get("y").asText(), r.y());
            assertEquals(e.get("n").asInt(), r.n(), w + "n");
            close(e.get("r_xx"), r.rXx(), w + "r_xx");
            close(e.get("r_yy"), r.rYy(), w + "r_yy");
            close(e.get("overall_r"), r.overallR(), w + "overall r");
            close(e.get("overall_z"), r.overallZ(), w + "overall z");
            close(e.get("overall_p"), r.overallP(), w + "overall p");
            close(e.get("cross_r"), r.crossR(), w + "cross r");
            close(e.get("cross_z"), r.crossZ(), w + "cross z");
            close(e.get("cross_p"), r.crossP(), w + "cross p");
            close(e.get("individual_r"), r.individualR(), w + "individual r");
            close(e.get("individual_t"), r.individualT(), w + "individual t");
            close(e.get("individual_df"), r.individualDf(), w + "individual df");
            close(e.get("individual_p"), r.individualP(), w + "individual p");
            close(e.get("dyad_r"), r.dyadR(), w + "dyad r");
            close(e.get("dyad_z"), r.dyadZ(), w + "dyad z");
            close(e.get("dyad_p"), r.dyadP(), w + "dyad p");
        }
        for (IntraclassRow row : table.intraclass()) {
            IndistinguishableNonindependence ni = Nonindependence.indistinguishable(data).withVariable(row.variable()).fit();
            assertEquals(ni.pairwiseR(), row.r());
        }
    }

    @Test
    void goldenInputsMatchTheirChecksums() throws Exception {
        for (String line : java.nio.file.Files.readAllLines(GOLDEN.resolve("SHA256SUMS"))) {
            String[] parts = line.split("\\s+");
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(java.nio.file.Files.readAllBytes(GOLDEN.resolve(parts[1])));
            assertEquals(parts[0], java.util.HexFormat.of().formatHex(digest), parts[1]);
        }
    }
}
