package org.dyadkit.apim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.dyadkit.InputException;
import org.dyadkit.dyad.Dyad;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.dyad.Member;

/**
 * Persons grouped into dyads, the form the APIM engine reads: one entry per person with the dyad id, the
 * role (null in indistinguishable data) and numeric variables ({@code NaN} = missing). Each person's
 * partner is the other person with the same dyad id.
 *
 * <p>Throws {@link InputException} when a dyad has more than two persons or when two members of a dyad
 * share a role.
 */
public final class ApimData {
    private final String[] dyad;
    private final String[] role;
    private final Map<String, double[]> variables;
    private final Function<String, double[]> loader;
    private final int[] partner;
    private final List<String> roles;
    private final List<String> roleOrder;

    private ApimData(String[] dyad, String[] role, Map<String, double[]> variables,
            Function<String, double[]> loader, List<String> roleOrder) {
        this.roleOrder = roleOrder == null ? null : List.copyOf(roleOrder);
        this.dyad = dyad;
        this.role = role;
        this.variables = variables;
        this.loader = loader;
        int n = dyad.length;
        partner = new int[n];
        Arrays.fill(partner, -1);
        Map<String, Integer> first = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (dyad[i] == null) {
                throw new InputException("person " + (i + 1) + " has no dyad id; every person needs one");
            }
            Integer j = first.putIfAbsent(dyad[i], i);
            if (j != null) {
                if (partner[j] >= 0) {
                    throw new InputException("dyad \"" + dyad[i] + "\" has more than two persons; an APIM needs "
                            + "dyads of at most two members");
                }
                partner[j] = i;
                partner[i] = j;
            }
        }
        List<String> levels = new ArrayList<>();
        if (role != null) {
            for (int i = 0; i < n; i++) {
                if (role[i] != null && !levels.contains(role[i])) {
                    levels.add(role[i]);
                }
                if (partner[i] > i && role[i] != null && role[i].equals(role[partner[i]])) {
                    throw new InputException("dyad \"" + dyad[i] + "\": both members have the role \"" + role[i]
                            + "\"; in distinguishable dyads the members' roles differ");
                }
            }
        }
        this.roles = List.copyOf(levels);
    }

    /**
     * Persons in input order.
     *
     * @param dyad the dyad id of each person
     * @param role the role of each person (null array for indistinguishable data; null entries = unknown)
     * @param variables each variable's values, one per person, {@code NaN} for missing
     */
    public static ApimData of(String[] dyad, String[] role, Map<String, double[]> variables) {
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : variables.entrySet()) {
            if (e.getValue().length != dyad.length) {
                throw new InputException("variable " + e.getKey() + " has " + e.getValue().length
                        + " values for " + dyad.length + " persons");
            }
            copy.put(e.getKey(), e.getValue().clone());
        }
        return new ApimData(dyad.clone(), role == null ? null : role.clone(), copy, null, null);
    }

    /**
     * The persons of dyadic data, dyad by dyad in member order; roles when the data are distinguishable.
     * Variables are read when a model first uses them (a cell that is not a number is an
     * {@link InputException} naming file, line, column and value).
     */
    public static ApimData of(DyadicData data) {
        List<Member> members = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Dyad d : data.dyads()) {
            for (Member m : d.members()) {
                members.add(m);
                ids.add(d.id());
            }
        }
        String[] dyad = ids.toArray(new String[0]);
        String[] role = null;
        if (data.distinguishable()) {
            role = new String[members.size()];
            for (int i = 0; i < role.length; i++) {
                role[i] = members.get(i).role();
            }
        }
        Function<String, double[]> loader = name -> {
            data.requireVariable(name);
            double[] v = new double[members.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = members.get(i).value(name);
            }
            return v;
        };
        return new ApimData(dyad, role, new LinkedHashMap<>(), loader,
                data.distinguishable() ? data.roles() : null);
    }

    /** Number of persons. */
    public int size() {
        return dyad.length;
    }

    /** Role labels in the data's role order, else in order of first appearance (empty without roles). */
    public List<String> roles() {
        return roleOrder != null ? roleOrder : roles;
    }

    /** Variable names read so far (all of them for data made from arrays). */
    public Set<String> variables() {
        return variables.keySet();
    }

    /** Whether the data carry roles. */
    public boolean hasRoles() {
        return role != null && roles.size() > 0;
    }

    synchronized double[] values(String name) {
        double[] v = variables.get(name);
        if (v == null && loader != null) {
            v = loader.apply(name);
            variables.put(name, v);
        }
        if (v == null) {
            throw new InputException("no variable \"" + name + "\" in the dyadic data; available: "
                    + String.join(", ", variables.keySet()));
        }
        return v;
    }

    /**
     * These persons with some variables replaced or added (each array one value per person, {@code NaN} =
     * missing); the other variables are read from this data as before.
     */
    ApimData withValues(Map<String, double[]> replaced) {
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : replaced.entrySet()) {
            if (e.getValue().length != dyad.length) {
                throw new IllegalArgumentException(e.getKey() + ": " + e.getValue().length + " values for "
                        + dyad.length + " persons");
            }
            copy.put(e.getKey(), e.getValue().clone());
        }
        return new ApimData(dyad, role, copy, name -> values(name), roleOrder);
    }

    String dyad(int i) {
        return dyad[i];
    }

    String role(int i) {
        return role == null ? null : role[i];
    }

    int partner(int i) {
        return partner[i];
    }
}
