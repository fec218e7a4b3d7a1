package org.dyadkit.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits respondents into groups (a partner's role in dyadic data, a sample, a site) for per-group
 * reliability, as R's {@code split(x, group)}: groups in sorted order of their labels, rows in input order.
 * Rows with a blank label belong to no group and are left out.
 */
public final class Groups {
    private Groups() {
    }

    /**
     * The item set of each group.
     *
     * @param labels one label per respondent (row) of {@code items}
     * @throws IllegalArgumentException when the labels and rows differ in number
     */
    public static Map<String, ItemSet> split(ItemSet items, String[] labels) {
        if (labels.length != items.respondentCount()) {
            throw new IllegalArgumentException(labels.length + " group labels for " + items.respondentCount()
                    + " respondents");
        }
        Map<String, List<Integer>> rows = new TreeMap<>();
        for (int r = 0; r < labels.length; r++) {
            String label = labels[r] == null ? "" : labels[r].strip();
            if (!label.isEmpty()) {
                rows.computeIfAbsent(label, k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, ItemSet> out = new LinkedHashMap<>();
        for (var e : rows.entrySet()) {
            out.put(e.getKey(), items.rows(e.getValue().stream().mapToInt(Integer::intValue).toArray()));
        }
        return out;
    }
}
