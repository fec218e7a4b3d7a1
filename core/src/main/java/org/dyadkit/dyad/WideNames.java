package org.dyadkit.dyad;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dyadkit.InputException;
import org.dyadkit.InputException.Location;
import org.dyadkit.input.Messages;

/**
 * How the member columns of the dyad (wide) layout are named: a pattern with {@code {var}} and
 * {@code {role}} ({@code {var}_{role}}, {@code {var}.{role}}, {@code {role}_{var}}) or with the role inside
 * the name ({@code sat.g.{role}_{item}}: any other {@code {name}} is a part of the variable's name). A
 * column's variable is its name without the role and one separator ({@code _}, {@code .} or {@code -})
 * beside it: {@code sat.g.1_3} with {@code sat.g.{role}_{item}} is variable {@code sat.g_3} of role
 * {@code 1}. Columns that do not match are dyad-level variables.
 */
final class WideNames {
    /** The default pattern. */
    static final String DEFAULT = "{var}_{role}";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)\\}");
    private static final String SEPARATORS = "_.-";
    /** Patterns tried when neither a pattern nor the roles are given: role last or inside the name. */
    private static final List<String> SUFFIX_CANDIDATES = List.of("{var}_{role}", "{var}.{role}",
            "{var}_{role}_{item}", "{var}_{role}.{item}", "{var}.{role}_{item}", "{var}.{role}.{item}");
    /** Tried only when none of those fits: role first. */
    private static final List<String> PREFIX_CANDIDATES = List.of("{role}_{var}", "{role}.{var}");

    private final String pattern;
    private final Pattern regex;
    private final int roleGroup;

    /** A column split into its variable and role. */
    record Split(String variable, String role) {
    }

    private WideNames(String pattern, Pattern regex, int roleGroup) {
        this.pattern = pattern;
        this.regex = regex;
        this.roleGroup = roleGroup;
    }

    /**
     * A pattern; with {@code roles} given, {@code {role}} matches only those values.
     *
     * @throws IllegalArgumentException when the pattern has no {@code {role}}, two of them, or two {@code {var}}
     */
    static WideNames of(String pattern, List<String> roles) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("the names pattern is empty; give one such as {var}_{role}");
        }
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder re = new StringBuilder();
        int last = 0;
        int group = 0;
        int roleGroup = -1;
        int vars = 0;
        while (m.find()) {
            re.append(Pattern.quote(pattern.substring(last, m.start())).replace("\\Q\\E", ""));
            group++;
            String name = m.group(1);
            if (name.equals("role")) {
                if (roleGroup > 0) {
                    throw new IllegalArgumentException("the names pattern " + Messages.quote(pattern)
                            + " has {role} twice; give it once, for example {var}_{role}");
                }
                roleGroup = group;
                if (roles != null) {
                    re.append('(').append(String.join("|", roles.stream().map(Pattern::quote).toList())).append(')');
                } else {
                    re.append("([^_.\\-]+|-?[0-9]+)");
                }
            } else if (name.equals("var")) {
                vars++;
                re.append("(.+)");
            } else {
                re.append("(.+?)");
            }
            last = m.end();
        }
        re.append(Pattern.quote(pattern.substring(last)).replace("\\Q\\E", ""));
        if (roleGroup < 0) {
            throw new IllegalArgumentException("the names pattern " + Messages.quote(pattern)
                    + " has no {role}; write where the role is, for example {var}_{role} or {role}_{var}");
        }
        if (vars > 1) {
            throw new IllegalArgumentException("the names pattern " + Messages.quote(pattern) + " has {var} twice");
        }
        if (pattern.replace("{role}", "").isEmpty()) {
            throw new IllegalArgumentException("the names pattern " + Messages.quote(pattern)
                    + " is only {role}; write the variable part too, for example {var}_{role}");
        }
        return new WideNames(pattern, Pattern.compile(re.toString()), roleGroup);
    }

    /** The pattern as given. */
    String pattern() {
        return pattern;
    }

    /** The column's variable and role, or null when the column does not match (a dyad-level column). */
    Split split(String column) {
        Matcher m = regex.matcher(column);
        if (!m.matches()) {
            return null;
        }
        int s = m.start(roleGroup);
        int e = m.end(roleGroup);
        if (s > 0 && SEPARATORS.indexOf(column.charAt(s - 1)) >= 0) {
            s--;
        } else if (e < column.length() && SEPARATORS.indexOf(column.charAt(e)) >= 0) {
            e++;
        }
        String variable = column.substring(0, s) + column.substring(e);
        if (variable.isEmpty()) {
            return null;
        }
        return new Split(variable, m.group(roleGroup));
    }

    /** The member's column name of a variable (for messages about a missing member column). */
    String column(String variable, String role) {
        if (pattern.equals(DEFAULT)) {
            return variable + "_" + role;
        }
        return variable + " (" + role + ")";
    }

    /** What a pattern makes of the columns: the role pair, the variables that have both, in order. */
    private record Fit(WideNames names, List<String> roles, List<String> variables) {
        boolean numericRoles() {
            return roles.stream().allMatch(r -> r.matches("-?[0-9]+"));
        }

        String describe() {
            return "--names '" + names.pattern + "' gives roles " + String.join(" and ", roles) + " of "
                    + Messages.list(variables);
        }
    }

    /** The fit of a pattern: null unless some variables have exactly two roles, the same two for all. */
    private static Fit fit(WideNames names, List<String> columns, int dyadIdx) {
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        Set<String> order = new LinkedHashSet<>();
        for (int c = 0; c < columns.size(); c++) {
            if (c == dyadIdx) {
                continue;
            }
            Split s = names.split(columns.get(c));
            if (s != null) {
                roles.computeIfAbsent(s.variable(), k -> new LinkedHashSet<>()).add(s.role());
                order.add(s.role());
            }
        }
        Set<String> pair = null;
        List<String> vars = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : roles.entrySet()) {
            if (e.getValue().size() > 2) {
                return null;
            }
            if (e.getValue().size() == 2) {
                if (pair == null) {
                    pair = e.getValue();
                } else if (!pair.equals(e.getValue())) {
                    return null;
                }
                vars.add(e.getKey());
            }
        }
        if (pair == null) {
            return null;
        }
        List<String> inOrder = new ArrayList<>();
        for (String r : order) {
            if (pair.contains(r)) {
                inOrder.add(r);
            }
        }
        return new Fit(names, inOrder, vars);
    }

    /**
     * Infers the pattern and the two roles from the column names: the role last or inside the name (and
     * only when neither fits, first). When more than one split fits and no one is plainly the roles (two
     * words against two numbers), refuses and names the patterns to choose from.
     *
     * @return the pattern, restricted to the two roles found (first the role seen first)
     * @throws InputException when no split fits or more than one does
     */
    static WideNames infer(List<String> columns, int dyadIdx, String file) {
        for (List<String> candidates : List.of(SUFFIX_CANDIDATES, PREFIX_CANDIDATES)) {
            List<Fit> fits = new ArrayList<>();
            for (String p : candidates) {
                Fit f = fit(of(p, null), columns, dyadIdx);
                if (f != null) {
                    fits.add(f);
                }
            }
            if (fits.isEmpty()) {
                continue;
            }
            if (fits.size() > 1) {
                List<Fit> words = fits.stream().filter(f -> !f.numericRoles()).toList();
                if (words.size() == 1) {
                    fits = words;
                }
            }
            if (fits.size() > 1) {
                List<String> ways = fits.stream().map(Fit::describe).toList();
                throw new InputException(Location.file(file), "the member columns can be split into roles in "
                        + fits.size() + " ways: " + String.join("; ", ways)
                        + "; say which with --names PATTERN (and --roles a,b)");
            }
            Fit f = fits.get(0);
            return of(f.names().pattern(), f.roles());
        }
        throw new InputException(Location.file(file), "cannot tell the member columns apart: no two roles"
                + " (such as _H and _W) share a variable; name the pattern with --names, for example --names"
                + " '{var}_{role}' --roles H,W");
    }

    /** The roles this pattern was restricted to, when it was inferred. */
    static List<String> rolesOf(WideNames names, List<String> columns, int dyadIdx) {
        Fit f = fit(names, columns, dyadIdx);
        return f == null ? null : f.roles();
    }
}
