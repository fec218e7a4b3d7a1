package org.dyadkit.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dyadkit.AnalysisException;

/**
 * The entry point for a scale's reliability: alpha (psych::alpha), omega total (psych::omega with one
 * factor) and, when the scale has group factors, omega hierarchical (psych::omega, Schmid-Leiman), overall
 * or per group (for example each partner's role in couple data).
 *
 * <pre>{@code
 * ItemSet items = ItemSet.of(List.of("q1", "q2", "q3", "q4"), answers, List.of("q3"), 1, 5);
 * ScaleReliability r = Reliability.scale("total", items, MissingData.PAIRWISE, 1);
 * r.alpha().rawAlpha(); r.alpha().feldt().lower(); r.omegaTotal().orElseThrow().omegaTotal();
 * }</pre>
 */
public final class Reliability {
    private Reliability() {
    }

    /**
     * Alpha and omega of one item set.
     *
     * @param name the scale's name for the result
     * @param groupFactors the number of group factors (an instrument's subscales) for omega hierarchical;
     *     0 or 1 for none
     * @throws AnalysisException when alpha cannot be computed (see {@link Alpha#of(ItemSet, MissingData)}); an
     *     omega that cannot be computed (too few items, no convergence) is left empty with a note instead
     */
    public static ScaleReliability scale(String name, ItemSet items, MissingData missing, int groupFactors) {
        return scale(name, "all", items, missing, groupFactors);
    }

    /** As {@link #scale(String, ItemSet, MissingData, int)}, labelled with a group. */
    public static ScaleReliability scale(String name, String group, ItemSet items, MissingData missing,
            int groupFactors) {
        AlphaResult alpha = Alpha.of(items, missing);
        List<String> notes = new ArrayList<>();
        Optional<OmegaResult> total = Optional.empty();
        if (items.itemCount() < 3) {
            notes.add("omega needs at least 3 items; this scale has " + items.itemCount());
        } else {
            try {
                total = Optional.of(Omega.total(items, missing));
                total.get().warnings().forEach(w -> notes.add("omega total: " + w));
            } catch (AnalysisException e) {
                notes.add("omega total not computed (" + reason(e) + "): " + e.getMessage());
            }
        }
        Optional<OmegaResult> hier = Optional.empty();
        if (groupFactors >= 2) {
            if (groupFactors >= items.itemCount()) {
                notes.add("omega hierarchical needs fewer group factors (" + groupFactors + ") than items ("
                        + items.itemCount() + ")");
            } else {
                try {
                    hier = Optional.of(Omega.hierarchical(items, groupFactors, missing));
                    hier.get().warnings().forEach(w -> notes.add("omega hierarchical: " + w));
                } catch (AnalysisException e) {
                    notes.add("omega hierarchical not computed (" + reason(e) + "): " + e.getMessage());
                }
            }
        }
        return new ScaleReliability(name, group, alpha, total, hier, notes);
    }

    /**
     * The same scale in each group (rows split by a label per respondent, groups in sorted label order, blank
     * labels left out), as {@code lapply(split(x, group), psych::alpha)}.
     */
    public static Map<String, ScaleReliability> byGroup(String name, ItemSet items, String[] labels,
            MissingData missing, int groupFactors) {
        Map<String, ScaleReliability> out = new LinkedHashMap<>();
        for (var e : Groups.split(items, labels).entrySet()) {
            out.put(e.getKey(), scale(name, e.getKey(), e.getValue(), missing, groupFactors));
        }
        return out;
    }

    private static String reason(AnalysisException e) {
        return e.reason().name().toLowerCase(java.util.Locale.ROOT);
    }
}
