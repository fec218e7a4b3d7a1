package org.dyadkit.apim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dyadkit.InputException;

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
    private final int[] partner;
    private final List<String> roles;

    private ApimData(String[] dyad, String[] role, Map<String, double[]> variables) {
        this.dyad = dyad;
        this.role = role;
        this.variables = variables;
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
        return new ApimData(dyad.clone(), role == null ? null : role.clone(), copy);
    }

    /** Number of persons. */
    public int size() {
        return dyad.length;
    }

    /** Role labels in order of first appearance (empty without roles). */
    public List<String> roles() {
        return roles;
    }

    /** Variable names. */
    public Set<String> variables() {
        return variables.keySet();
    }

    /** Whether the data carry roles. */
    public boolean hasRoles() {
        return role != null && roles.size() > 0;
    }

    double[] values(String name) {
        double[] v = variables.get(name);
        if (v == null) {
            throw new InputException("no variable \"" + name + "\" in the dyadic data; available: "
                    + String.join(", ", variables.keySet()));
        }
        return v;
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
