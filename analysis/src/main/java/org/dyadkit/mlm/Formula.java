package org.dyadkit.mlm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dyadkit.InputException;

/**
 * A model formula in R's syntax (Wilkinson and Rogers 1973; Chambers and Hastie 1992, ch. 2), parsed by
 * dyadkit: {@code y ~ 0 + man + woman + man:time + woman:time}, {@code y ~ x * role}, {@code y ~ (a + b):c - 1}.
 *
 * <p>Supported: {@code +} (add a term), {@code -} (remove a term; {@code - 1} removes the intercept),
 * {@code :} (interaction), {@code *} ({@code a * b} is {@code a + b + a:b}), parentheses, {@code 0 +} and
 * {@code 1 +}; a variable is a column name or a derived variable of {@code DiaryData} such as
 * {@code partner(x)}, {@code lag(y)}, {@code within(x)} or {@code I(time^2)}. Not supported: {@code ^} on
 * terms, {@code %in%}, {@code /}, {@code .}, {@code offset()}. As in R, terms are ordered by their number of
 * variables (main effects, then two-way interactions, ...), keeping the written order within each
 * degree, and a repeated term (also {@code b:a} after {@code a:b}) counts once. Unlike R, an interaction
 * keeps its variables in the order written, so that a coefficient's name is the term as written.
 *
 * @param response the response expression (empty for a one-sided formula such as a random part)
 * @param terms the terms in R's order, each the list of its variables
 * @param intercept whether the model has an intercept
 * @param group the grouping variable after {@code |} (random-effects formulas), if any
 */
public record Formula(Optional<String> response, List<List<String>> terms, boolean intercept, Optional<String> group) {

    /** Copies the lists. */
    public Formula {
        Objects.requireNonNull(response);
        Objects.requireNonNull(group);
        List<List<String>> t = new ArrayList<>();
        for (List<String> term : terms) {
            t.add(List.copyOf(term));
        }
        terms = List.copyOf(t);
    }

    /** The label of a term, its variables joined by {@code :} ({@code man:time}). */
    public static String label(List<String> term) {
        return String.join(":", term);
    }

    /** The term labels in order. */
    public List<String> labels() {
        return terms.stream().map(Formula::label).toList();
    }

    /**
     * Parses a formula.
     *
     * @throws InputException naming the formula and the position of what cannot be read
     */
    public static Formula parse(String text) {
        Objects.requireNonNull(text, "formula");
        String s = text.strip();
        Optional<String> group = Optional.empty();
        int bar = topLevelIndex(s, '|');
        if (bar >= 0) {
            String g = s.substring(bar + 1).strip();
            if (g.isEmpty() || !g.matches("[A-Za-z._][A-Za-z0-9._]*")) {
                throw new InputException("formula \"" + text + "\": the grouping after '|' must be one column name");
            }
            group = Optional.of(g);
            s = s.substring(0, bar).strip();
        }
        int tilde = topLevelIndex(s, '~');
        if (tilde < 0) {
            throw new InputException("formula \"" + text + "\": no '~'; write it as y ~ terms (or ~ terms | dyad)");
        }
        String lhs = s.substring(0, tilde).strip();
        Optional<String> response = lhs.isEmpty() ? Optional.empty() : Optional.of(lhs.replaceAll("\\s+", ""));
        Parser p = new Parser(text, s.substring(tilde + 1), tilde + 1);
        Parser.Terms rhs = p.parseAll();
        List<List<String>> terms = new ArrayList<>(rhs.terms);
        terms.sort(Comparator.comparingInt(List::size)); // stable: written order within a degree
        return new Formula(response, terms, rhs.intercept, group);
    }

    private static int topLevelIndex(String s, char c) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == c && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        response.ifPresent(r -> sb.append(r).append(' '));
        sb.append("~ ").append(intercept ? "1" : "0");
        for (List<String> t : terms) {
            sb.append(" + ").append(label(t));
        }
        group.ifPresent(g -> sb.append(" | ").append(g));
        return sb.toString();
    }

    /** Recursive descent over the right-hand side. */
    private static final class Parser {
        private final String whole;
        private final String s;
        private final int offset;
        private int pos;

        /** A set of terms with an intercept flag (null: not stated). */
        static final class Terms {
            final LinkedHashSet<List<String>> terms = new LinkedHashSet<>();
            Boolean interceptStated;
            boolean intercept = true;

            void add(List<String> t) {
                for (List<String> have : terms) {
                    if (new LinkedHashSet<>(have).equals(new LinkedHashSet<>(t))) {
                        return;
                    }
                }
                terms.add(t);
            }

            void remove(List<String> t) {
                terms.removeIf(have -> new LinkedHashSet<>(have).equals(new LinkedHashSet<>(t)));
            }
        }

        Parser(String whole, String s, int offset) {
            this.whole = whole;
            this.s = s;
            this.offset = offset;
        }

        Terms parseAll() {
            Terms t = sum();
            skip();
            if (pos < s.length()) {
                throw bad("unexpected '" + s.charAt(pos) + "'");
            }
            if (t.interceptStated != null) {
                t.intercept = t.interceptStated;
            }
            return t;
        }

        private InputException bad(String what) {
            return new InputException("formula \"" + whole + "\", position " + (offset + pos + 1) + ": " + what
                    + "; supported are +, -, :, *, parentheses, 0, 1 and variable names");
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private Terms sum() {
            Terms out = new Terms();
            boolean negative = false;
            skip();
            if (pos < s.length() && s.charAt(pos) == '-') {
                negative = true;
                pos++;
            }
            while (true) {
                Terms part = product();
                merge(out, part, negative);
                skip();
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    negative = s.charAt(pos) == '-';
                    pos++;
                } else {
                    return out;
                }
            }
        }

        private static void merge(Terms out, Terms part, boolean negative) {
            if (part.interceptStated != null) {
                boolean v = part.interceptStated;
                out.interceptStated = negative ? !v : v;
            }
            for (List<String> t : part.terms) {
                if (negative) {
                    out.remove(t);
                } else {
                    out.add(t);
                }
            }
        }

        private Terms product() {
            Terms left = colon();
            while (true) {
                skip();
                if (pos < s.length() && s.charAt(pos) == '*') {
                    pos++;
                    Terms right = colon();
                    Terms both = new Terms();
                    for (List<String> a : left.terms) {
                        both.add(a);
                    }
                    for (List<String> b : right.terms) {
                        both.add(b);
                    }
                    for (List<String> a : interact(left, right).terms) {
                        both.add(a);
                    }
                    left = both;
                } else {
                    return left;
                }
            }
        }

        private Terms colon() {
            Terms left = atom();
            while (true) {
                skip();
                if (pos < s.length() && s.charAt(pos) == ':') {
                    pos++;
                    left = interact(left, atom());
                } else {
                    return left;
                }
            }
        }

        private Terms interact(Terms a, Terms b) {
            if (a.interceptStated != null || b.interceptStated != null) {
                throw bad("0 or 1 cannot be part of an interaction");
            }
            Terms out = new Terms();
            for (List<String> x : a.terms) {
                for (List<String> y : b.terms) {
                    LinkedHashSet<String> vars = new LinkedHashSet<>(x);
                    vars.addAll(y);
                    out.add(new ArrayList<>(vars));
                }
            }
            return out;
        }

        private Terms atom() {
            skip();
            if (pos >= s.length()) {
                throw bad("a term was expected");
            }
            char c = s.charAt(pos);
            Terms out = new Terms();
            if (c == '(') {
                pos++;
                Terms inner = sum();
                skip();
                if (pos >= s.length() || s.charAt(pos) != ')') {
                    throw bad("a closing parenthesis is missing");
                }
                pos++;
                return inner;
            }
            if (Character.isDigit(c)) {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                String num = s.substring(start, pos);
                if (num.equals("0")) {
                    out.interceptStated = false;
                } else if (num.equals("1")) {
                    out.interceptStated = true;
                } else {
                    pos = start;
                    throw bad("only 0 and 1 may stand as numbers (no intercept, intercept)");
                }
                return out;
            }
            if (Character.isLetter(c) || c == '.' || c == '_') {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '.'
                        || s.charAt(pos) == '_')) {
                    pos++;
                }
                if (pos < s.length() && s.charAt(pos) == '(') {
                    int depth = 0;
                    while (pos < s.length()) {
                        char ch = s.charAt(pos++);
                        if (ch == '(') {
                            depth++;
                        } else if (ch == ')' && --depth == 0) {
                            break;
                        }
                    }
                    if (depth != 0) {
                        throw bad("a closing parenthesis is missing");
                    }
                }
                String name = s.substring(start, pos).replaceAll("\\s+", "");
                out.add(List.of(name));
                return out;
            }
            throw bad("unexpected '" + c + "'");
        }
    }
}
