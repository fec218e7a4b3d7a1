package org.dyadkit.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Number formats of APA style (American Psychological Association 2020, section 6.36): two decimals,
 * no leading zero for statistics that cannot exceed 1 (r, p, alpha), exact p to three decimals with
 * {@code p < .001} below that, degrees of freedom as integers when whole. A missing value is written
 * {@code NA}, never a number.
 */
final class Apa {
    private Apa() {
    }

    static boolean has(JsonNode n) {
        return n != null && n.isNumber() && Double.isFinite(n.asDouble());
    }

    /** Two decimals (or {@code d}), with a minus sign for negatives. */
    static String num(JsonNode n, int d) {
        return has(n) ? num(n.asDouble(), d) : "NA";
    }

    static String num(double v, int d) {
        if (!Double.isFinite(v)) {
            return "NA";
        }
        String s = String.format(Locale.ROOT, "%." + d + "f", v);
        return s.matches("-0\\.0*") ? s.substring(1) : s;
    }

    /** A statistic bounded by 1 without its leading zero ({@code .21}, {@code -.03}). */
    static String r(JsonNode n) {
        return has(n) ? r(n.asDouble()) : "NA";
    }

    static String r(double v) {
        String s = num(v, 2);
        return s.replaceFirst("^(-?)0\\.", "$1.");
    }

    /** {@code p = .024}, {@code p < .001}, {@code p > .999}. */
    static String p(JsonNode n) {
        if (!has(n)) {
            return "p = NA";
        }
        double p = n.asDouble();
        if (p < 0.001) {
            return "p < .001";
        }
        if (p > 0.999) {
            return "p > .999";
        }
        return "p = " + String.format(Locale.ROOT, "%.3f", p).substring(1);
    }

    /** The p value alone for a table cell ({@code .024}, {@code < .001}). */
    static String pCell(JsonNode n) {
        String s = p(n);
        return s.startsWith("p = ") ? s.substring(4) : s.substring(2);
    }

    /** Degrees of freedom: whole numbers without decimals, others to one decimal. */
    static String df(JsonNode n) {
        if (!has(n)) {
            return "NA";
        }
        double d = n.asDouble();
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    /** Stars for p below .05, .01 and .001. */
    static String stars(JsonNode p) {
        if (!has(p)) {
            return "";
        }
        double v = p.asDouble();
        return v < 0.001 ? "***" : v < 0.01 ? "**" : v < 0.05 ? "*" : "";
    }

    /** {@code [0.19, 0.55]}. */
    static String ci(JsonNode lo, JsonNode hi, int d) {
        return "[" + num(lo, d) + ", " + num(hi, d) + "]";
    }

    /** {@code [.03, .38]}. */
    static String ciR(JsonNode lo, JsonNode hi) {
        return "[" + r(lo) + ", " + r(hi) + "]";
    }

    /** An integer with thousands separators ({@code 2,000}). */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A level as a percentage ({@code 95%}). */
    static String level(JsonNode n) {
        if (!has(n)) {
            return "95%";
        }
        double pct = n.asDouble() * 100;
        return (pct == Math.rint(pct) ? Long.toString((long) pct) : num(pct, 1)) + "%";
    }
}
