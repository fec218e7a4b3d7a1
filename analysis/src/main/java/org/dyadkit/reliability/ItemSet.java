package org.dyadkit.reliability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.dyadkit.AnalysisException;
import org.dyadkit.AnalysisException.Reason;

/**
 * The item responses a reliability analysis works on: a respondents x items matrix of raw answers
 * ({@code Double.NaN} = missing), each item's response range and whether it is reverse-keyed.
 *
 * <p>Reverse-keyed items are reversed as {@code min + max - x} with the item's own published range
 * (not the observed range) by {@link #keyed()}; every statistic in this package is computed on the keyed
 * responses. Instances are immutable: the arrays are copied in and out.
 *
 * @param names item labels used in results (for example the column names {@code scs1 ... scs26})
 * @param responses raw answers, one row per respondent, one column per item, NaN for a missing answer
 * @param reverseKeyed whether each item is reversed before analysis
 * @param min lowest possible answer of each item
 * @param max highest possible answer of each item
 */
public record ItemSet(List<String> names, double[][] responses, boolean[] reverseKeyed, double[] min, double[] max) {

    /**
     * Validates and copies the parts.
     *
     * @throws IllegalArgumentException when the parts disagree in size, a row is ragged, a range is empty or
     *     a response is infinite
     */
    public ItemSet {
        names = List.copyOf(names);
        int k = names.size();
        if (reverseKeyed.length != k || min.length != k || max.length != k) {
            throw new IllegalArgumentException("names, reverse keys and ranges must have one entry per item");
        }
        double[][] copy = new double[responses.length][];
        for (int r = 0; r < responses.length; r++) {
            if (responses[r].length != k) {
                throw new IllegalArgumentException("respondent " + (r + 1) + " has " + responses[r].length
                        + " answers for " + k + " items");
            }
            copy[r] = responses[r].clone();
            for (double v : copy[r]) {
                if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException("respondent " + (r + 1) + " has an infinite answer");
                }
            }
        }
        for (int j = 0; j < k; j++) {
            if (!(min[j] < max[j])) {
                throw new IllegalArgumentException("item " + names.get(j) + " has an empty range " + min[j]
                        + ".." + max[j]);
            }
        }
        responses = copy;
        reverseKeyed = reverseKeyed.clone();
        min = min.clone();
        max = max.clone();
    }

    /**
     * Items that share one response range, for example a 1-5 Likert scale.
     *
     * @param reverseKeyed the reverse-keyed items' names (each must be in {@code names})
     * @throws IllegalArgumentException when a reverse-keyed name is not an item, or as the constructor
     */
    public static ItemSet of(List<String> names, double[][] responses, List<String> reverseKeyed, double min,
            double max) {
        boolean[] rev = new boolean[names.size()];
        for (String name : reverseKeyed) {
            int j = names.indexOf(name);
            if (j < 0) {
                throw new IllegalArgumentException("reverse-keyed item " + name + " is not among the items");
            }
            rev[j] = true;
        }
        double[] lo = new double[names.size()];
        double[] hi = new double[names.size()];
        Arrays.fill(lo, min);
        Arrays.fill(hi, max);
        return new ItemSet(names, responses, rev, lo, hi);
    }

    /** The number of items. */
    public int itemCount() {
        return names.size();
    }

    /** The number of respondents (rows), including rows with missing answers. */
    public int respondentCount() {
        return responses.length;
    }

    /** A copy of the raw responses. */
    @Override
    public double[][] responses() {
        return deepCopy(responses);
    }

    /** A copy of the reverse-key flags. */
    @Override
    public boolean[] reverseKeyed() {
        return reverseKeyed.clone();
    }

    /** A copy of the item minima. */
    @Override
    public double[] min() {
        return min.clone();
    }

    /** A copy of the item maxima. */
    @Override
    public double[] max() {
        return max.clone();
    }

    /** The names of the reverse-keyed items, in item order. */
    public List<String> reverseKeyedNames() {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            if (reverseKeyed[j]) {
                out.add(names.get(j));
            }
        }
        return List.copyOf(out);
    }

    /** The responses with reverse-keyed items reversed ({@code min + max - x}); missing stays missing. */
    public double[][] keyed() {
        double[][] out = deepCopy(responses);
        for (double[] row : out) {
            for (int j = 0; j < row.length; j++) {
                if (reverseKeyed[j] && !Double.isNaN(row[j])) {
                    row[j] = min[j] + max[j] - row[j];
                }
            }
        }
        return out;
    }

    /**
     * The same items with every reverse-keyed item's answers reversed and its flag cleared: the keyed data
     * as a plain set. Reversing twice ({@code reversed().reversed()} after setting the flags again) gives
     * the raw answers back.
     */
    public ItemSet reversed() {
        return new ItemSet(names, keyed(), new boolean[names.size()], min, max);
    }

    /** The items at the given positions, in that order (for subscales and item-dropped analyses). */
    public ItemSet select(int... items) {
        List<String> n = new ArrayList<>();
        boolean[] rev = new boolean[items.length];
        double[] lo = new double[items.length];
        double[] hi = new double[items.length];
        double[][] data = new double[responses.length][items.length];
        for (int i = 0; i < items.length; i++) {
            int j = items[i];
            n.add(names.get(j));
            rev[i] = reverseKeyed[j];
            lo[i] = min[j];
            hi[i] = max[j];
            for (int r = 0; r < responses.length; r++) {
                data[r][i] = responses[r][j];
            }
        }
        return new ItemSet(n, data, rev, lo, hi);
    }

    /** The respondents at the given row positions, in that order (for groups and roles). */
    public ItemSet rows(int... rows) {
        double[][] data = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            data[i] = responses[rows[i]];
        }
        return new ItemSet(names, data, reverseKeyed, min, max);
    }

    /**
     * The respondents who answered every item (listwise deletion).
     */
    public ItemSet complete() {
        int[] keep = Arrays.stream(indices(responses.length)).filter(r -> {
            for (double v : responses[r]) {
                if (Double.isNaN(v)) {
                    return false;
                }
            }
            return true;
        }).toArray();
        return rows(keep);
    }

    /** Checks that there are at least two items; used by every analysis. */
    void requireItems(int needed) {
        requireItems(names, needed);
    }

    /** Checks that a scale has at least {@code needed} items. */
    static void requireItems(List<String> names, int needed) {
        if (names.size() < needed) {
            throw new AnalysisException(Reason.UNDEFINED, "reliability needs at least " + needed
                    + " items; " + names.size() + " given" + (names.isEmpty() ? "" : " (" + String.join(", ", names)
                    + ")") + "; choose a larger item set");
        }
    }

    private static int[] indices(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemSet s && names.equals(s.names) && Arrays.deepEquals(responses, s.responses)
                && Arrays.equals(reverseKeyed, s.reverseKeyed) && Arrays.equals(min, s.min)
                && Arrays.equals(max, s.max);
    }

    @Override
    public int hashCode() {
        return Objects.hash(names, Arrays.deepHashCode(responses), Arrays.hashCode(reverseKeyed));
    }

    @Override
    public String toString() {
        return "ItemSet[" + names.size() + " items x " + responses.length + " respondents, reversed "
                + reverseKeyedNames() + "]";
    }
}
