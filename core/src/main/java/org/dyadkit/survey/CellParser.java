package org.dyadkit.survey;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Classifies an item cell from its bytes: blank, a missing-value code ({@code NA} and {@code .} always,
 * and the dialect's own), a whole number, a number that is
 * not whole, or not a number. Whole numbers may be written with a zero fraction ({@code 3.0}), a sign,
 * an exponent ({@code 3e0}) or surrounding spaces; with the dialect's decimal comma
 * ({@link org.dyadkit.input.ReadOptions#decimalComma()}), {@code 3,0} too. Reused for every cell (not thread-safe, allocation-free on the usual
 * one- or two-digit cells).
 */
final class CellParser {
    /** A blank cell or a missing-value code: missing, not a problem. */
    static final int MISSING = 0;
    /** A whole number that fits an int; see {@link #value}. */
    static final int WHOLE = 1;
    /** A whole number too large for an int (always out of range). */
    static final int HUGE = 2;
    /** A number with a fraction. */
    static final int FRACTION = 3;
    /** Not a number. */
    static final int TEXT = 4;

    /** Cells that are missing in every path (as in R and in SPSS or SAS exports), besides a blank cell. */
    static final List<String> ALWAYS_MISSING = List.of("NA", ".");

    private final byte[][] naText;
    private final long[] naWhole;
    private final boolean decimalComma;
    /** The value of the last {@link #WHOLE} cell. */
    int value;

    CellParser(List<String> naCodes, boolean decimalComma) {
        this.decimalComma = decimalComma;
        List<String> codes = new java.util.ArrayList<>(ALWAYS_MISSING);
        for (String c : naCodes) {
            if (!codes.contains(c.strip())) {
                codes.add(c.strip());
            }
        }
        naText = new byte[codes.size()][];
        long[] whole = new long[codes.size()];
        int nw = 0;
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i).strip();
            naText[i] = code.getBytes(StandardCharsets.UTF_8);
            byte[] t = naText[i];
            int kind = parseNumber(t, 0, t.length, false);
            if (kind == WHOLE) {
                whole[nw++] = value;
            }
        }
        naWhole = java.util.Arrays.copyOf(whole, nw);
    }

    /** Whether the trimmed text b[s, e) is one of the missing-value codes as written. */
    boolean isCode(byte[] b, int s, int e) {
        for (byte[] t : naText) {
            if (t.length == e - s && java.util.Arrays.equals(t, 0, t.length, b, s, e)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a one-byte cell holding a digit is always that whole number (no digit is a missing-value code). */
    boolean plainDigits() {
        return naWhole.length == 0;
    }

    /** Classifies b[s, e). */
    int classify(byte[] b, int s, int e) {
        // the common case first: one digit
        if (e - s == 1) {
            int c = b[s] - '0';
            if (c >= 0 && c <= 9 && naWhole.length == 0) { // a one-digit text code is also in naWhole
                value = c;
                return WHOLE;
            }
        }
        while (s < e && (b[s] == ' ' || b[s] == '\t')) {
            s++;
        }
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
            e--;
        }
        if (s == e) {
            return MISSING;
        }
        for (byte[] t : naText) {
            if (t.length == e - s && java.util.Arrays.equals(t, 0, t.length, b, s, e)) {
                return MISSING;
            }
        }
        int kind = parseNumber(b, s, e, decimalComma);
        if (kind == WHOLE) {
            for (long w : naWhole) {
                if (w == value) {
                    return MISSING;
                }
            }
        }
        return kind;
    }

    private int parseNumber(byte[] b, int s, int e, boolean comma) {
        int p = s;
        boolean neg = false;
        if (b[p] == '+' || b[p] == '-') {
            neg = b[p] == '-';
            p++;
        }
        long acc = 0;
        int digits = 0;
        boolean overflow = false;
        while (p < e && b[p] >= '0' && b[p] <= '9') {
            acc = acc * 10 + (b[p] - '0');
            if (acc > Integer.MAX_VALUE + 1L) {
                overflow = true;
                acc = Integer.MAX_VALUE + 1L;
            }
            digits++;
            p++;
        }
        boolean fraction = false;
        if (p < e && (b[p] == '.' || (comma && b[p] == ','))) {
            p++;
            while (p < e && b[p] >= '0' && b[p] <= '9') {
                if (b[p] != '0') {
                    fraction = true;
                }
                digits++;
                p++;
            }
        }
        if (digits == 0) {
            return TEXT;
        }
        if (p < e && (b[p] == 'e' || b[p] == 'E')) {
            return parseSlow(b, s, e, comma);
        }
        if (p != e) {
            return TEXT;
        }
        if (fraction) {
            return FRACTION;
        }
        long v = neg ? -acc : acc;
        if (overflow || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE + 1) {
            return HUGE;
        }
        value = (int) v;
        return WHOLE;
    }

    private int parseSlow(byte[] b, int s, int e, boolean comma) {
        String t = new String(b, s, e - s, StandardCharsets.US_ASCII);
        if (comma) {
            t = t.replace(',', '.');
        }
        BigDecimal d;
        try {
            d = new BigDecimal(t);
        } catch (NumberFormatException | ArithmeticException ex) {
            return TEXT;
        }
        if (d.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
            return d.stripTrailingZeros().scale() > 0 ? FRACTION : HUGE;
        }
        BigDecimal stripped = d.stripTrailingZeros();
        if (stripped.scale() > 0) {
            return FRACTION;
        }
        long v = stripped.longValueExact();
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE + 1) {
            return HUGE;
        }
        value = (int) v;
        return WHOLE;
    }
}
