package org.dyadkit.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The structure of the study report (jsoup): every figure has a title and a caption, every chart both
 * axis labels, every table a caption, nothing refers outside the file, and the numbers in the text are
 * those of {@code results.json}.
 */
class ReportStructureTest {
    static Path out;
    static Document doc;
    static JsonNode results;

    @BeforeAll
    static void read() throws IOException {
        out = StudyFixture.shared();
        doc = Jsoup.parse(out.resolve("report.html").toFile(), "UTF-8");
        results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    }

    @Test
    void everyFigureHasATitleACaptionAndChartsHaveAxisLabels() {
        List<Element> figures = doc.select("figure");
        assertTrue(figures.size() >= 10, "figures: " + figures.size());
        int charts = 0;
        for (Element f : figures) {
            Element svg = f.selectFirst("svg");
            assertTrue(svg != null, f.id());
            assertFalse(svg.select("title").text().isBlank(), f.id() + " has no title");
            assertFalse(svg.select(".figure-title").text().isBlank(), f.id() + " shows no title");
            assertFalse(f.select("figcaption").text().isBlank(), f.id() + " has no caption");
            if (svg.hasClass("chart")) {
                charts++;
                assertFalse(svg.select("text.x-label").text().isBlank(), f.id() + " has no x-axis label");
                assertFalse(svg.select("text.y-label").text().isBlank(), f.id() + " has no y-axis label");
                assertTrue(svg.select("text.tick").size() >= 2, f.id() + " has no tick labels");
            } else {
                assertTrue(svg.hasClass("diagram"), f.id());
                assertTrue(svg.select("text.node").size() >= 4, f.id() + " has no labelled boxes");
                assertTrue(svg.select("text.estimate").size() >= 4, f.id() + " has no estimates on its arrows");
            }
        }
        assertTrue(charts >= 8, "charts: " + charts);
        for (String kind : List.of("distribution-", "partners-", "apim-", "apimem-", "k-", "indirect-", "items-",
                "bootstrap-k-", "bootstrap-indirect-", "power-", "growth-", "lapim-within-", "lapim-between-",
                "stability-")) {
            assertTrue(figures.stream().anyMatch(f -> f.id().startsWith("fig-" + kind)), "no figure " + kind);
        }
    }

    @Test
    void everyFigureIsAlsoAStandaloneSvgFile() throws IOException {
        List<Element> figures = doc.select("figure");
        try (Stream<Path> s = Files.list(out.resolve("figures"))) {
            assertEquals(figures.size(), s.count());
        }
        for (Element f : figures) {
            Path svg = out.resolve("figures").resolve(f.id().substring("fig-".length()) + ".svg");
            Document x = Jsoup.parse(Files.readString(svg), "", Parser.xmlParser());
            assertEquals("http://www.w3.org/2000/svg", x.selectFirst("svg").attr("xmlns"));
            assertFalse(x.select("svg > title").text().isBlank(), svg.toString());
        }
    }

    @Test
    void everyTableHasACaption() {
        assertTrue(doc.select("table").size() >= 8);
        for (Element t : doc.select("table")) {
            Element c = t.selectFirst("caption");
            assertTrue(c != null && !c.text().isBlank(), t.outerHtml().substring(0, 80));
            assertTrue(c.text().startsWith("Table "), c.text());
            assertFalse(t.select("thead th").isEmpty());
        }
    }

    @Test
    void nothingRefersOutsideTheFile() throws IOException {
        assertTrue(doc.select("script, link, iframe, object, embed, img, audio, video, source, base").isEmpty());
        for (Element e : doc.getAllElements()) {
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                String k = a.getKey().toLowerCase(Locale.ROOT);
                String v = a.getValue().strip();
                if (k.equals("xmlns")) {
                    continue;
                }
                if (k.equals("src") || k.equals("href") || k.endsWith(":href") || k.equals("srcset")) {
                    assertTrue(v.startsWith("#"), e.tagName() + " " + k + "=" + v);
                }
                if (v.contains("url(")) {
                    assertTrue(v.matches(".*url\\(#[^)]*\\).*"), e.tagName() + " " + k + "=" + v);
                }
                assertFalse(k.startsWith("on"), "event handler " + k);
            }
        }
        String style = doc.select("style").html();
        assertFalse(style.contains("@import") || style.contains("url(") || style.contains("@font-face"), style);
        assertFalse(Files.readString(out.resolve("report.html")).contains("<script"));
    }

    @Test
    void theTextCarriesTheResultsNumbers() {
        String text = doc.text();
        JsonNode apim = analysis("apim").get("result");
        JsonNode actor = apim.get("coefficients").get(2);
        assertEquals("actor:man", actor.get("term").asText());
        String b = String.format(Locale.ROOT, "b = %.2f, SE = %.2f, t(%d) = %.2f", actor.get("estimate").asDouble(),
                actor.get("se").asDouble(), actor.get("df").asInt(), actor.get("t").asDouble());
        assertTrue(text.contains("Men's self-compassion predicted their own ras_total (actor effect), " + b), b);
        JsonNode ni = analysis("nonindependence").get("result").get("variables").get(0);
        String r = String.format(Locale.ROOT, "r(%d) = %s", ni.get("df").asInt(),
                String.format(Locale.ROOT, "%.2f", ni.get("pearson_r").asDouble()).replace("0.", "."));
        assertTrue(text.contains(r), r);
        JsonNode dist = analysis("distinguishability").get("result");
        String chi = String.format(Locale.ROOT, "\u03c7\u00b2(%d) = %.2f", dist.get("df").asInt(),
                dist.get("chi_square").asDouble());
        assertTrue(text.contains(chi), chi);
        JsonNode k = org.dyadkit.cli.Roles.row(apim.get("k"), "woman");
        assertTrue(text.contains(String.format(Locale.ROOT, "k = %.2f for women", k.get("k").asDouble())));
        JsonNode rel = analysis("reliability").get("result").get("scales").get(0);
        assertTrue(text.contains(String.format(Locale.ROOT, "%.2f", rel.get("alpha").get("raw_alpha").asDouble())
                .replace("0.", ".") + " for men"));
        // methods: instruments with citations, rule, estimator, bootstrap and seed
        String methods = doc.selectFirst("p.methods").text();
        for (String s : List.of("Neff, 2003", "Hendrick, 1988", "at least ceil(0.8 * k) of k items answered", "REML",
                "nlme::gls", "200 bootstrap resamples of whole dyads (seed 11)", "residual (N - p")) {
            assertTrue(methods.contains(s), s + " in " + methods);
        }
    }

    @Test
    void bootstrapHistogramsMarkTheEstimateAndInterval() {
        Element k = doc.getElementById("fig-bootstrap-k-apim-satisfaction");
        assertTrue(k != null, "no bootstrap figure of k");
        // one panel per role, each with its bars, the estimate and the two interval bounds
        assertEquals(2, k.select("text.panel-title").size());
        assertTrue(k.select("rect").size() > 20, "bars");
        assertTrue(k.select("desc").text().contains("200 values"), k.select("desc").text());
        assertTrue(k.select("figcaption").text().contains("200 resamples"), k.select("figcaption").text());
        Element ind = doc.getElementById("fig-bootstrap-indirect-mediation-authenticity");
        // 8 simple and 4 total indirect effects of distinguishable dyads
        assertEquals(12, ind.select("text.panel-title").size());
        assertTrue(doc.getElementById("fig-bootstrap-indirect-single-level") != null);
    }

    @Test
    void powerAndDiarySectionsCarryTheirNumbers() {
        String text = doc.text();
        JsonNode power = byId("power-curve").get("result");
        JsonNode row = power.get("rows").get(0);
        assertEquals("actor", row.get("effect").asText());
        String p = String.format(Locale.ROOT, "%.2f", row.get("power").asDouble()).replace("0.", ".");
        assertTrue(text.contains("With 50 couples there is " + p + " power to detect the actor effect (\u03b2 = .30)"),
                p);
        assertTrue(doc.getElementById("fig-power-power-curve").select("text.legend").text().contains("target power .80"));
        assertTrue(doc.select("h2").eachText().contains("Diary: over-time analyses"));
        assertTrue(doc.select("h2").eachText().contains("Power and sample size"));
        JsonNode growth = byId("growth").get("result");
        JsonNode slope = growth.get("coefficients").get(2);
        assertEquals("man:time", slope.get("term").asText());
        assertTrue(text.contains(String.format(Locale.ROOT, "Slope of time, men: b = %.2f, SE = %.2f, t(%d) = %.2f",
                slope.get("estimate").asDouble(), slope.get("se").asDouble(), slope.get("df").asInt(),
                slope.get("t").asDouble())), "growth sentence");
        String methods = doc.select("p.methods").text();
        for (String s : List.of("fitted by REML as nlme::lme", "compound symmetry", "varIdent",
                "between-within (containment)", "noncentral t", "100 data sets per sample size",
                "share of replicates with p < .05, with its Monte Carlo standard error")) {
            assertTrue(methods.contains(s), s);
        }
        // fixed effects and random/residual tables of each over-time analysis
        for (String id : List.of("growth", "lapim", "stability", "mlm-intercepts")) {
            assertTrue(doc.select("caption").eachText().stream().anyMatch(c -> c.contains("Fixed effects")
                    && c.contains(id)), id);
            assertTrue(doc.select("caption").eachText().stream().anyMatch(c -> c.contains("Random effects and residual")
                    && c.contains(id)), id);
        }
    }

    @Test
    void apimProbesAndRestrictionsHaveTheirTables() {
        JsonNode res = byId("apim-probes").get("result");
        JsonNode t = res.get("constraint_tests").get("tests").get(0);
        String chi = String.format(Locale.ROOT, "\u03c7\u00b2(%d) = %.2f", t.get("df").asInt(), t.get("chi2").asDouble());
        assertTrue(doc.text().contains("restriction (actor:man - actor:woman = 0) gave " + chi), chi);
        List<String> captions = doc.select("caption").eachText();
        assertTrue(captions.stream().anyMatch(c -> c.contains("Tests of restrictions") && c.contains("apim-probes")));
        assertTrue(captions.stream().anyMatch(c -> c.contains("Simple slopes (apim-probes)")));
        assertTrue(doc.text().contains("Johnson-Neyman regions: the actor effect for men"));
    }

    private static JsonNode byId(String id) {
        for (JsonNode a : results.get("analyses")) {
            if (a.get("id").asText().equals(id)) {
                return a;
            }
        }
        throw new AssertionError(id);
    }

    private static JsonNode analysis(String type) {
        for (JsonNode a : results.get("analyses")) {
            if (a.get("type").asText().equals(type)) {
                return a;
            }
        }
        throw new AssertionError(type);
    }
}
