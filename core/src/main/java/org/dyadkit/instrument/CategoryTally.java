package org.dyadkit.instrument;

import java.util.List;
import java.util.Objects;

/**
 * Per-person tallies of categorical answers: for each category of the items, how many items were
 * answered with it ({@code <prefix><category>_count}) and which share of the answered items that is
 * ({@code <prefix><category>_proportion}). Used for the resolution chosen in each relationship context
 * of Yarnell and Neff (2013). A count is over answered items (not prorated); a proportion is the count
 * divided by the number answered. Both need the missing-data rule to be met over the tally's items.
 *
 * @param prefix prepended to the category names in score names (may be empty)
 * @param items the categorical items counted; they must share one set of categories
 * @param counts whether count scores are produced
 * @param proportions whether proportion scores are produced
 */
public record CategoryTally(String prefix, List<Integer> items, boolean counts, boolean proportions) {
    /** Copies the item list. */
    public CategoryTally {
        prefix = prefix == null ? "" : prefix;
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }
}
