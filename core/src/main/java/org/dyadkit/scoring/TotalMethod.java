package org.dyadkit.scoring;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How an instrument's overall score ({@code total}) is formed. The choice is explicit because the
 * conventions in circulation give different numbers whenever subscales have unequal item counts (for
 * the SCS-26: item mean 88/26 = 3.3846 against mean of subscale means 20/6 = 3.3333 on the same
 * answers). Reverse-keyed items are reversed ({@code min + max - x}) before they enter any total.
 */
public enum TotalMethod {
    /**
     * Mean of the subscale scores, each in the instrument's direction (negative subscales reversed).
     * Missing data: every subscale must meet its own missing-data rule, else the total is missing.
     */
    MEAN_OF_SUBSCALES("mean-of-subscales"),
    /**
     * Mean of all items after reversal. Missing data: the rule is applied to all k items of the
     * instrument (for example 0.8 of 26 needs 21 answered); the mean is over the answered items.
     */
    ITEM_MEAN("item-mean"),
    /**
     * Sum of the subscale scores, each in the instrument's direction (Neff 2003 summed the six SCS
     * subscale means, range 6-30). Missing data: every subscale must be present.
     */
    SUM_OF_SUBSCALES("sum-of-subscales"),
    /**
     * Sum of all items after reversal. Missing data: the rule is applied to all k items; with missing
     * items the sum is prorated (mean of the answered items times k), keeping it on the scale's range.
     */
    ITEM_SUM("item-sum");

    private final String cliName;

    TotalMethod(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in instrument files, for example {@code mean-of-subscales}. */
    public String cliName() {
        return cliName;
    }

    /** Whether the total is formed from subscale scores (rather than directly from items). */
    public boolean fromSubscales() {
        return this == MEAN_OF_SUBSCALES || this == SUM_OF_SUBSCALES;
    }

    /**
     * Parses a command-line name ({@code item-mean}) or the enum constant name ({@code ITEM_MEAN}).
     *
     * @throws IllegalArgumentException for an unknown name; the message lists the valid names
     */
    public static TotalMethod parse(String name) {
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (TotalMethod m : values()) {
                if (m.cliName.equals(n)) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("unknown total method \"" + name + "\"; use one of " + names());
    }

    /** The valid command-line names, comma separated. */
    public static String names() {
        return Arrays.stream(values()).map(TotalMethod::cliName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
