package org.dyadkit.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.junit.jupiter.api.Test;

/** APA number formats of the report (APA 2020, 6.36). */
class ApaTest {
    @Test
    void pValues() {
        assertEquals("p < .001", Apa.p(DoubleNode.valueOf(0.00099)));
        assertEquals("p = .001", Apa.p(DoubleNode.valueOf(0.001)));
        assertEquals("p = .024", Apa.p(DoubleNode.valueOf(0.0241)));
        assertEquals("p = .050", Apa.p(DoubleNode.valueOf(0.04951)));
        assertEquals("p > .999", Apa.p(DoubleNode.valueOf(0.9996)));
        assertEquals("p = NA", Apa.p(NullNode.getInstance()));
        assertEquals("p = NA", Apa.p(DoubleNode.valueOf(Double.NaN)));
        assertEquals("< .001", Apa.pCell(DoubleNode.valueOf(1e-9)));
        assertEquals(".166", Apa.pCell(DoubleNode.valueOf(0.16629)));
    }

    @Test
    void boundedStatisticsLoseTheLeadingZero() {
        assertEquals(".21", Apa.r(0.21394));
        assertEquals("-.03", Apa.r(-0.0329));
        assertEquals("1.00", Apa.r(0.9999));
        assertEquals(".00", Apa.r(-0.001));
        assertEquals("NA", Apa.r(NullNode.getInstance()));
    }

    @Test
    void numbersDegreesOfFreedomAndIntervals() {
        assertEquals("0.37", Apa.num(0.36739, 2));
        assertEquals("0.00", Apa.num(-0.004, 2));
        assertEquals("-0.01", Apa.num(-0.006, 2));
        assertEquals("215", Apa.df(DoubleNode.valueOf(215.0)));
        assertEquals("146.3", Apa.df(DoubleNode.valueOf(146.27)));
        assertEquals("[0.19, 0.55]", Apa.ci(DoubleNode.valueOf(0.18625), DoubleNode.valueOf(0.54853), 2));
        assertEquals("***", Apa.stars(DoubleNode.valueOf(0.0009)));
        assertEquals("*", Apa.stars(DoubleNode.valueOf(0.049)));
        assertEquals("", Apa.stars(DoubleNode.valueOf(0.05)));
        assertEquals("2,000", Apa.count(2000));
        assertEquals("95%", Apa.level(DoubleNode.valueOf(0.95)));
        assertEquals("99.5%", Apa.level(DoubleNode.valueOf(0.995)));
    }

    @Test
    void descriptiveMomentsUseNMinusOneAndSkipMissing() {
        double[] m = StudyReport.moments(new double[] {1, 2, Double.NaN, 3, 6});
        assertEquals(3.0, m[0], 1e-15);
        assertEquals(Math.sqrt(14.0 / 3), m[1], 1e-15);
        assertEquals(4, m[2]);
    }
}
