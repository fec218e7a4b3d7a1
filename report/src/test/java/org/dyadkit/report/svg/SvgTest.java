package org.dyadkit.report.svg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** The SVG writer and charts: round ticks, escaping, titles and axis labels, deterministic bytes. */
class SvgTest {
    @Test
    void ticksAreRoundAndCoverTheRange() {
        assertArrayEquals(new double[] {1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5}, Charts.ticks(1.04, 4.9, 9), 1e-12);
        assertArrayEquals(new double[] {0, 10, 20, 30, 40}, Charts.ticks(0, 37, 5), 1e-12);
        long seed = System.nanoTime();
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        for (int i = 0; i < 500; i++) {
            double lo = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(6) - 2);
            double hi = lo + rng.nextDouble() * Math.pow(10, rng.nextInt(6) - 2) + 1e-9;
            double[] t = Charts.ticks(lo, hi, 1 + rng.nextInt(10));
            assertTrue(t[0] <= lo && t[t.length - 1] >= hi, "seed " + seed + ": " + lo + " " + hi);
            assertTrue(t.length >= 2 && t.length <= 60, "seed " + seed + ": " + t.length + " ticks");
        }
    }

    @Test
    void textIsEscaped() {
        Svg s = new Svg("x", "chart", 100, 100, "a < b & \"c\"", "d > e");
        s.text(1, 1, "start", 10, "<script>", null);
        String out = s.toString();
        assertFalse(out.contains("<script>"));
        assertTrue(out.contains("a &lt; b &amp; &quot;c&quot;"));
        Document d = Jsoup.parse(out, "", Parser.xmlParser());
        assertEquals("a < b & \"c\"", d.selectFirst("title").text());
    }

    @Test
    void chartsHaveTitlesAxisLabelsAndTheSameBytesEachTime() {
        Map<String, double[]> g = new LinkedHashMap<>();
        g.put("men", new double[] {1, 2, 2, 3, Double.NaN, 4});
        g.put("women", new double[] {2, 3, 3, 5});
        List<Svg> charts = List.of(Charts.histogram("h", "Histogram", "score", g),
                Charts.scatter("s", "Scatter", "his", "hers", new double[] {1, 2, 3, Double.NaN}, new double[] {2, 4, 5, 1}),
                Charts.dots("d", "Dots", "r.drop", "Item", List.of("i1", "i2"), g),
                Charts.intervals("i", "Intervals", "k", "Interval", List.of(new Charts.Interval("a", 0.5, 0.1, 0.9, "g")), 0));
        for (Svg c : charts) {
            Document d = Jsoup.parse(c.toString(), "", Parser.xmlParser());
            assertFalse(d.select("svg > title").text().isBlank());
            assertFalse(d.select("text.x-label").text().isBlank(), c.id());
            assertFalse(d.select("text.y-label").text().isBlank(), c.id());
            assertFalse(c.toString().contains("NaN"), c.id());
        }
        assertEquals(Charts.histogram("h", "Histogram", "score", g).toString(), charts.get(0).toString());
        // the scatter's line is the least-squares line of the three complete pairs: y = 0.667 + 1.5 x
        assertTrue(charts.get(1).description().contains("y = 0.667 + 1.500 x"), charts.get(1).description());
    }
}
