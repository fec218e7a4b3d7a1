package org.dyadkit.apim;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import org.dyadkit.InputException;

/**
 * Reads a linear constraint on APIM coefficients written with the term names of the output, for example
 * {@code actor:wife = actor:husband}, {@code partner:1 = -actor:1}, {@code actor = 2 * partner} or
 * {@code partner.tension:1 = 0}: each side a sum of terms, each term a coefficient name with an optional
 * numeric multiplier ({@code 2*actor}, {@code 0.5 actor}), or a number. Term names are matched longest
 * first, so names that contain {@code -} or {@code :} (such as {@code actor:-1}) read as one term.
 */
final class ConstraintParser {
    private ConstraintParser() {
    }

    /** One constraint row: {@code sum coef[j] beta[j] = rhs}, and its normalised text. */
    record Row(double[] coef, double rhs, String text) {
    }

    static Row parse(String expr, String[] names) {
        String[] sides = expr.split("=", -1);
        if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
            throw new InputException("constraint \"" + expr + "\" is not of the form LEFT = RIGHT (for example "
                    + "'actor:" + "wife = actor:husband'); terms: " + String.join(", ", names));
        }
        String[] sorted = names.clone();
        Arrays.sort(sorted, Comparator.comparingInt(String::length).reversed());
        int p = names.length;
        double[] coef = new double[p];
        double[] rhs = new double[1];
        side(expr, sides[0], sorted, names, coef, rhs, 1);
        side(expr, sides[1], sorted, names, coef, rhs, -1);
        boolean any = false;
        for (double v : coef) {
            any |= v != 0;
        }
        if (!any) {
            throw new InputException("constraint \"" + expr + "\" has no coefficient left once both sides are "
                    + "collected; it restricts nothing");
        }
        return new Row(coef, rhs[0], text(coef, rhs[0], names));
    }

    /** Adds sign * (the side) to the left-hand coefficients (numbers go to the right-hand side). */
    private static void side(String expr, String s, String[] sorted, String[] names, double[] coef, double[] rhs,
            int sign) {
        int i = 0;
        int n = s.length();
        boolean expectTerm = true;
        double termSign = 1;
        while (i < n) {
            char ch = s.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
                continue;
            }
            if (expectTerm && (ch == '+' || ch == '-')) {
                termSign *= ch == '-' ? -1 : 1;
                i++;
                continue;
            }
            if (!expectTerm) {
                if (ch == '+' || ch == '-') {
                    termSign = ch == '-' ? -1 : 1;
                    expectTerm = true;
                    i++;
                    continue;
                }
                throw bad(expr, s, i, names);
            }
            // a term: [number [*]] name | number
            String name = matchName(s, i, sorted);
            if (name != null) {
                coef[index(names, name)] += sign * termSign;
                i += name.length();
            } else {
                int j = numberEnd(s, i);
                if (j == i) {
                    throw bad(expr, s, i, names);
                }
                double v = Double.parseDouble(s.substring(i, j));
                i = j;
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i < n && s.charAt(i) == '*') {
                    i++;
                    while (i < n && Character.isWhitespace(s.charAt(i))) {
                        i++;
                    }
                }
                String nm = i < n ? matchName(s, i, sorted) : null;
                if (nm != null) {
                    coef[index(names, nm)] += sign * termSign * v;
                    i += nm.length();
                } else {
                    rhs[0] -= sign * termSign * v;
                }
            }
            expectTerm = false;
            termSign = 1;
        }
        if (expectTerm) {
            throw new InputException("constraint \"" + expr + "\": the side \"" + s.trim() + "\" ends without a "
                    + "term");
        }
    }

    private static String matchName(String s, int i, String[] sorted) {
        for (String nm : sorted) {
            if (s.startsWith(nm, i)) {
                int e = i + nm.length();
                if (e == s.length() || " \t+-=*".indexOf(s.charAt(e)) >= 0) {
                    return nm;
                }
            }
        }
        return null;
    }

    private static int numberEnd(String s, int i) {
        int j = i;
        int n = s.length();
        while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
            j++;
        }
        if (j > i && j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                k++;
            }
            int d = k;
            while (k < n && Character.isDigit(s.charAt(k))) {
                k++;
            }
            if (k > d) {
                j = k;
            }
        }
        if (j > i) {
            try {
                Double.parseDouble(s.substring(i, j));
            } catch (NumberFormatException e) {
                return i;
            }
        }
        return j;
    }

    private static int index(String[] names, String nm) {
        for (int j = 0; j < names.length; j++) {
            if (names[j].equals(nm)) {
                return j;
            }
        }
        throw new IllegalStateException(nm);
    }

    private static InputException bad(String expr, String s, int i, String[] names) {
        String rest = s.substring(i).trim();
        String tok = rest.split("[\\s+=*]", 2)[0];
        return new InputException("constraint \"" + expr + "\": \"" + tok + "\" is not a term of the model or a "
                + "number; terms: " + String.join(", ", names));
    }

    /** The row as {@code 1*a - 1*b = 0} text. */
    static String text(double[] coef, double rhs, String[] names) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < coef.length; j++) {
            double v = coef[j];
            if (v == 0) {
                continue;
            }
            if (b.length() == 0) {
                b.append(v < 0 ? "-" : "");
            } else {
                b.append(v < 0 ? " - " : " + ");
            }
            double a = Math.abs(v);
            if (a != 1) {
                b.append(num(a)).append(" * ");
            }
            b.append(names[j]);
        }
        return b.append(" = ").append(num(rhs)).toString();
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
