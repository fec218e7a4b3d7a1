package org.dyadkit.dyad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.dyadkit.InputException;

/**
 * The fast array view of {@link DyadicData} that the dyadic analyses and the dyad bootstrap read: one entry
 * per person, dyad by dyad in member order (persons of arrays given directly keep their order), with each
 * person's dyad index, partner index ({@code -1} for the only member of a dyad), role, and the numeric values
 * of every variable ({@code NaN} = missing), read once per variable and cached.
 *
 * <p>Immutable and safe to share between threads. {@link #resample} makes the persons of a bootstrap
 * resample (each drawn copy of a dyad a dyad of its own) without going back to the table.
 *
 * <p>{@link #sample} turns each person's {@link ExclusionReason} into the {@link Sample} every result
 * carries; {@link #scoreMissingUnderRule} tells a score the scorer left missing by its rule (the row's
 * {@code <prefix>_problems} cell names it) from a blank cell.
 */
public final class DyadArrays {
    private static final String PROBLEMS = "_problems";

    private final String source;
    private final String[] dyadId;
    private final int[] dyadIndex;
    private final int[] partner;
    private final String[] role;
    private final List<String> roles;
    private final int[][] members;
    private final Map<String, double[]> cache = new ConcurrentHashMap<>();
    private final Function<String, double[]> loader;
    private final Function<String, String[]> texts;
    private final List<String> variables;

    private DyadArrays(String source, String[] dyadId, String[] role, List<String> roles, List<String> variables,
            Function<String, double[]> loader, Function<String, String[]> texts) {
        this.source = source;
        this.dyadId = dyadId;
        this.role = role;
        this.variables = List.copyOf(variables);
        this.loader = loader;
        this.texts = texts;
        int n = dyadId.length;
        dyadIndex = new int[n];
        partner = new int[n];
        Arrays.fill(partner, -1);
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (dyadId[i] == null) {
                throw new InputException("person " + (i + 1) + " has no dyad id; every person needs one");
            }
            groups.computeIfAbsent(dyadId[i], k -> new ArrayList<>(2)).add(i);
        }
        members = new int[groups.size()][];
        int g = 0;
        for (Map.Entry<String, List<Integer>> e : groups.entrySet()) {
            List<Integer> mem = e.getValue();
            if (mem.size() > 2) {
                throw new InputException("dyad \"" + e.getKey() + "\" has more than two persons; dyadic analyses "
                        + "need dyads of at most two members");
            }
            members[g] = mem.stream().mapToInt(Integer::intValue).toArray();
            for (int i : members[g]) {
                dyadIndex[i] = g;
            }
            if (mem.size() == 2) {
                int a = mem.get(0);
                int b = mem.get(1);
                partner[a] = b;
                partner[b] = a;
                if (role != null && role[a] != null && role[a].equals(role[b])) {
                    throw new InputException("dyad \"" + e.getKey() + "\": both members have the role \"" + role[a]
                            + "\"; in distinguishable dyads the members' roles differ");
                }
            }
            g++;
        }
        if (roles != null) {
            this.roles = List.copyOf(roles);
        } else {
            List<String> seen = new ArrayList<>();
            if (role != null) {
                for (String r : role) {
                    if (r != null && !seen.contains(r)) {
                        seen.add(r);
                    }
                }
            }
            this.roles = List.copyOf(seen);
        }
    }

    /**
     * The persons of dyads already grouped and checked by {@link DyadicData} (ids distinct, one or two
     * members, distinct roles): the grouping is taken from the dyads instead of being built again.
     */
    private DyadArrays(String source, List<Dyad> dyads, int persons, String[] role, List<String> roles,
            List<String> variables, Function<String, double[]> loader, Function<String, String[]> texts) {
        this.source = source;
        this.role = role;
        this.roles = List.copyOf(roles);
        this.variables = List.copyOf(variables);
        this.loader = loader;
        this.texts = texts;
        dyadId = new String[persons];
        dyadIndex = new int[persons];
        partner = new int[persons];
        members = new int[dyads.size()][];
        int at = 0;
        for (int g = 0; g < members.length; g++) {
            Dyad d = dyads.get(g);
            int size = d.members().size();
            int[] mem = new int[size];
            for (int k = 0; k < size; k++) {
                mem[k] = at;
                dyadId[at] = d.id();
                dyadIndex[at] = g;
                partner[at] = size == 2 ? at + 1 - 2 * k : -1;
                at++;
            }
            members[g] = mem;
        }
    }

    /**
     * The persons of dyadic data, dyad by dyad in member order, with roles when the data are
     * distinguishable. A variable's cells are read when an analysis first uses it (a cell that is not a
     * number is an {@link InputException} naming file, line, column and value). The data make this view
     * once and give the same (immutable) instance to every later call.
     */
    public static DyadArrays of(DyadicData data) {
        return data.arrays();
    }

    /** The array view of dyadic data (made once by {@link DyadicData#arrays()}). */
    static DyadArrays make(DyadicData data) {
        List<Member> people = new ArrayList<>();
        for (Dyad d : data.dyads()) {
            people.addAll(d.members());
        }
        String[] role = null;
        if (data.distinguishable()) {
            role = new String[people.size()];
            for (int i = 0; i < role.length; i++) {
                role[i] = people.get(i).role();
            }
        }
        Function<String, double[]> loader = name -> {
            data.requireVariable(name);
            double[] v = new double[people.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = people.get(i).value(name);
            }
            return v;
        };
        Function<String, String[]> texts = name -> {
            if (!data.hasVariable(name)) {
                return null;
            }
            String[] t = new String[people.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = people.get(i).text(name);
            }
            return t;
        };
        return new DyadArrays(data.source(), data.dyads(), people.size(), role,
                data.distinguishable() ? data.roles() : List.of(), data.variables(), loader, texts);
    }

    /**
     * Persons given as arrays, in this order; each person's partner is the other person with the same dyad
     * id.
     *
     * @param dyad the dyad id of each person
     * @param role the role of each person ({@code null} for indistinguishable data; a {@code null} entry is
     *     an unknown role, and that person is left out of distinguishable models)
     * @param variables each variable's values, one per person, {@code NaN} for missing (copied)
     * @throws InputException for a missing dyad id, a dyad of more than two persons, two members with one
     *     role, or a variable of the wrong length
     */
    public static DyadArrays of(String[] dyad, String[] role, Map<String, double[]> variables) {
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : variables.entrySet()) {
            if (e.getValue().length != dyad.length) {
                throw new InputException("variable " + e.getKey() + " has " + e.getValue().length
                        + " values for " + dyad.length + " persons");
            }
            copy.put(e.getKey(), e.getValue().clone());
        }
        if (role != null && role.length != dyad.length) {
            throw new InputException(role.length + " roles for " + dyad.length + " persons");
        }
        return new DyadArrays("arrays", dyad.clone(), role == null ? null : role.clone(), null,
                List.copyOf(copy.keySet()), name -> {
                    double[] v = copy.get(name);
                    if (v == null) {
                        throw new InputException("no variable " + org.dyadkit.input.Messages.quote(name)
                                + "; variables are: " + org.dyadkit.input.Messages.list(List.copyOf(copy.keySet())));
                    }
                    return v;
                }, name -> null);
    }

    /**
     * These persons with some variables replaced or added (one value per person, {@code NaN} = missing;
     * copied), for example centred predictors; every other variable, and the scorer's problem cells, are read
     * from this data as before.
     *
     * @throws InputException for a variable of the wrong length
     */
    public DyadArrays withValues(Map<String, double[]> replaced) {
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : replaced.entrySet()) {
            if (e.getValue().length != dyadId.length) {
                throw new InputException("variable " + e.getKey() + " has " + e.getValue().length
                        + " values for " + dyadId.length + " persons");
            }
            copy.put(e.getKey(), e.getValue().clone());
        }
        List<String> vars = new ArrayList<>(variables);
        for (String k : copy.keySet()) {
            if (!vars.contains(k)) {
                vars.add(k);
            }
        }
        return new DyadArrays(source, dyadId, role, roles, vars, name -> {
            double[] v = copy.get(name);
            return v != null ? v : values(name);
        }, texts);
    }

    /** The name of the input, for messages. */
    public String source() {
        return source;
    }

    /** Number of persons. */
    public int persons() {
        return dyadId.length;
    }

    /** Number of dyads (including those with one member). */
    public int dyads() {
        return members.length;
    }

    /** The variables that can be read. */
    public List<String> variables() {
        return variables;
    }

    /** Whether the persons carry roles (at least one role value). */
    public boolean distinguishable() {
        return role != null && !roles.isEmpty();
    }

    /** The role values in the data's role order, else in order of first appearance; empty without roles. */
    public List<String> roles() {
        return roles;
    }

    /** The dyad id of a person. */
    public String dyadId(int person) {
        return dyadId[person];
    }

    /** The index (from 0, in order of first appearance) of a person's dyad. */
    public int dyadIndex(int person) {
        return dyadIndex[person];
    }

    /** The index of a person's partner, or {@code -1} for the only member of a dyad. */
    public int partner(int person) {
        return partner[person];
    }

    /** The role of a person; {@code null} without roles or when unknown. */
    public String role(int person) {
        return role == null ? null : role[person];
    }

    /** The persons of a dyad (one or two indices). */
    public int[] members(int dyad) {
        return members[dyad].clone();
    }

    /** The number of members of a dyad (1 or 2). */
    public int memberCount(int dyad) {
        return members[dyad].length;
    }

    /**
     * The values of a variable, one per person, {@code NaN} = missing. The returned array is the cached
     * one and must not be changed; use {@link #copyOf(String)} for a copy.
     *
     * @throws InputException when there is no such variable or a cell is not a number
     */
    public double[] values(String variable) {
        Objects.requireNonNull(variable, "variable");
        double[] v = cache.get(variable);
        if (v == null) {
            v = loader.apply(variable);
            double[] prev = cache.putIfAbsent(variable, v);
            if (prev != null) {
                v = prev;
            }
        }
        return v;
    }

    /** A copy of the values of a variable. */
    public double[] copyOf(String variable) {
        return values(variable).clone();
    }

    /**
     * Whether the score {@code variable} of a person is missing because the scorer's rule left it missing:
     * the data have a {@code <prefix>_problems} column for a variable named {@code <prefix>_<score>} and the
     * person's cell names {@code <score>} (or the whole variable name) as a problem (for example
     * {@code self_kindness:below_min_answered:3/4}). False for data given as arrays.
     */
    public boolean scoreMissingUnderRule(int person, String variable) {
        int u = variable.indexOf('_');
        while (u > 0) {
            String prefix = variable.substring(0, u);
            String score = variable.substring(u + 1);
            String[] cells = problems(prefix + PROBLEMS);
            if (cells != null) {
                String cell = cells[person];
                if (cell != null && !cell.isBlank()) {
                    for (String entry : cell.split(";")) {
                        String name = entry.strip();
                        int c = name.indexOf(':');
                        name = c >= 0 ? name.substring(0, c) : name;
                        if (name.equals(score) || name.equals(variable)) {
                            return true;
                        }
                    }
                }
                return false;
            }
            u = variable.indexOf('_', u + 1);
        }
        return false;
    }

    private final Map<String, Object> problemCells = new ConcurrentHashMap<>();
    private static final Object NONE = new Object();

    private String[] problems(String column) {
        Object o = problemCells.computeIfAbsent(column, c -> {
            String[] t = texts.apply(c);
            return t == null ? NONE : t;
        });
        return o == NONE ? null : (String[]) o;
    }

    /**
     * The sample of an analysis from each person's reason for being left out ({@code null} = used).
     *
     * @param why one entry per person
     */
    public Sample sample(ExclusionReason[] why) {
        if (why.length != persons()) {
            throw new IllegalArgumentException(why.length + " reasons for " + persons() + " persons");
        }
        int used = 0;
        boolean[] dyadUsed = new boolean[dyads()];
        Map<ExclusionReason, Integer> counts = new EnumMap<>(ExclusionReason.class);
        for (int i = 0; i < why.length; i++) {
            if (why[i] == null) {
                used++;
                dyadUsed[dyadIndex[i]] = true;
            } else {
                counts.merge(why[i], 1, Integer::sum);
            }
        }
        int dyadsUsed = 0;
        for (boolean b : dyadUsed) {
            dyadsUsed += b ? 1 : 0;
        }
        List<Sample.Exclusion> ex = new ArrayList<>();
        counts.forEach((r, c) -> ex.add(new Sample.Exclusion(r.label(), c)));
        return new Sample(persons(), dyads(), used, dyadsUsed, ex);
    }

    /**
     * The reason a person cannot be used when {@code variable} is needed and missing: {@link
     * ExclusionReason#SCORE_MISSING_UNDER_RULE} when the scorer's rule left it missing, else {@code kind}.
     */
    public ExclusionReason missing(int person, String variable, ExclusionReason kind) {
        return scoreMissingUnderRule(person, variable) ? ExclusionReason.SCORE_MISSING_UNDER_RULE : kind;
    }

    /**
     * The persons of a bootstrap resample: dyad {@code dyads[j]} copied {@code counts[j]} times, each copy a
     * dyad of its own, with the named variables.
     */
    public DyadArrays resample(int[] dyads, int[] counts, List<String> variableNames) {
        int n = 0;
        for (int j = 0; j < dyads.length; j++) {
            n += counts[j] * members[dyads[j]].length;
        }
        String[] ids = new String[n];
        String[] roles2 = role == null ? null : new String[n];
        Map<String, double[]> src = new LinkedHashMap<>();
        for (String v : variableNames) {
            src.put(v, values(v));
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String v : variableNames) {
            out.put(v, new double[n]);
        }
        int at = 0;
        for (int j = 0; j < dyads.length; j++) {
            for (int c = 0; c < counts[j]; c++) {
                String id = j + "#" + c;
                for (int i : members[dyads[j]]) {
                    ids[at] = id;
                    if (roles2 != null) {
                        roles2[at] = role[i];
                    }
                    for (Map.Entry<String, double[]> e : src.entrySet()) {
                        out.get(e.getKey())[at] = e.getValue()[i];
                    }
                    at++;
                }
            }
        }
        return new DyadArrays(source, ids, roles2, roles, List.copyOf(out.keySet()), out::get, name -> null);
    }

    @Override
    public String toString() {
        return "DyadArrays[" + source + ", " + persons() + " persons in " + dyads() + " dyads"
                + (distinguishable() ? ", roles " + roles : "") + "]";
    }
}
