package org.dyadkit.input;

import java.math.BigDecimal;
import java.util.List;

/**
 * The dialect's rules for one analysis cell, applied once as a table is read: a missing-value code
 * becomes a blank cell, a decimal comma a decimal point. Item cells of the scoring path follow the same
 * rules byte by byte ({@code org.dyadkit.survey.ItemCells}).
 */
public final class Cells {
    private final ReadOptions options;
    private final BigDecimal[] numericCodes;

    private Cells(ReadOptions options) {
        this.options = options;
        List<String> codes = options.naCodes();
        numericCodes = new BigDecimal[codes.size()];
        for (int i = 0; i < codes.size(); i++) {
            numericCodes[i] = number(codes.get(i));
        }
    }

    /** The rules of a dialect. */
    public static Cells of(ReadOptions options) {
        return new Cells(options);
    }

    /** Whether a cell is missing: blank, or one of the codes (a numeric code also as {@code -99.0}). */
    public boolean missingCode(String cell) {
        String s = cell.strip();
        if (s.isEmpty()) {
            return true;
        }
        List<String> codes = options.naCodes();
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i).equals(s)) {
                return true;
            }
        }
        if (numericCodes.length == 0) {
            return false;
        }
        BigDecimal v = number(options.decimalComma() ? s.replace(',', '.') : s);
        if (v == null) {
            return false;
        }
        for (BigDecimal c : numericCodes) {
            if (c != null && c.compareTo(v) == 0) {
                return true;
            }
        }
        return false;
    }

    /** The cell as the analyses see it: blank for a missing-value code, a decimal point for a decimal comma. */
    public String normalize(String cell) {
        if (options.naCodes().isEmpty() && !options.decimalComma()) {
            return cell;
        }
        if (!options.naCodes().isEmpty() && missingCode(cell)) {
            return "";
        }
        if (options.decimalComma() && DialectHints.decimalComma(cell)) {
            return cell.strip().replace(',', '.');
        }
        return cell;
    }

    private static BigDecimal number(String s) {
        if (s.isEmpty() || s.length() > 40) {
            return null;
        }
        char c = s.charAt(0);
        if (!(c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'))) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
