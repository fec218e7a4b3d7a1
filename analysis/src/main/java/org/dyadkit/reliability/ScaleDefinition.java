package org.dyadkit.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Item;
import org.dyadkit.instrument.Subscale;

/**
 * Which items of an instrument form a scale for a reliability analysis, and which of them are reversed.
 *
 * <p>An item is reversed ({@code min + max - x} with its own range) where the instrument's scoring reverses
 * it: in the total and in positive subscales when it is reverse-keyed; a negative subscale (for example the
 * SCS self-judgment subscale, reported un-reversed) takes its items as answered. Reversing every item of a
 * scale changes item means but no correlation, so alpha and omega are the same either way.
 *
 * @param name the scale's score name ({@code self_kindness}, {@code total}, or {@code items})
 * @param items the item numbers, in the order given
 * @param reversed for each item, whether it is reversed
 * @param groupFactors number of group factors for omega hierarchical (the instrument's subscales, for a
 *     total of an instrument with at least two subscales), else 0
 */
public record ScaleDefinition(String name, List<Integer> items, List<Boolean> reversed, int groupFactors) {

    /** Copies the lists. */
    public ScaleDefinition {
        items = List.copyOf(items);
        reversed = List.copyOf(reversed);
        if (items.size() != reversed.size()) {
            throw new IllegalArgumentException("one reversal flag per item is needed");
        }
    }

    /** A subscale or composite of the instrument. */
    public static ScaleDefinition subscale(Instrument instrument, Subscale subscale) {
        List<Boolean> rev = new ArrayList<>();
        for (int n : subscale.items()) {
            rev.add(instrument.item(n).reverseKeyed() && subscale.direction() == Subscale.Direction.POSITIVE);
        }
        return new ScaleDefinition(subscale.name(), subscale.items(), rev, 0);
    }

    /**
     * All the instrument's scored items (those in a subscale, or every non-categorical item when it has no
     * subscales), reverse-keyed items reversed; with two or more subscales, omega hierarchical uses one group
     * factor per subscale.
     */
    public static ScaleDefinition total(Instrument instrument) {
        List<Integer> numbers = new ArrayList<>();
        List<Boolean> rev = new ArrayList<>();
        for (Item it : instrument.items()) {
            boolean inSubscale = instrument.subscales().stream().anyMatch(s -> s.items().contains(it.number()));
            if (!it.categorical() && (instrument.subscales().isEmpty() || inSubscale)) {
                numbers.add(it.number());
                rev.add(it.reverseKeyed());
            }
        }
        int factors = instrument.subscales().size() >= 2 ? instrument.subscales().size() : 0;
        return new ScaleDefinition("total", numbers, rev, factors);
    }

    /**
     * A user-chosen set of the instrument's items, reverse-keyed items reversed.
     *
     * @throws IllegalArgumentException when the instrument has no item with one of the numbers
     */
    public static ScaleDefinition items(Instrument instrument, List<Integer> numbers, int groupFactors) {
        List<Boolean> rev = new ArrayList<>();
        for (int n : numbers) {
            if (!instrument.hasItem(n)) {
                throw new IllegalArgumentException(instrument.id() + " has no item " + n);
            }
            rev.add(instrument.item(n).reverseKeyed());
        }
        return new ScaleDefinition("items", numbers, rev, groupFactors);
    }

    /**
     * A scale by name: a subscale, a composite or {@code total}.
     */
    public static Optional<ScaleDefinition> named(Instrument instrument, String name) {
        if (name.equals("total")) {
            return Optional.of(total(instrument));
        }
        Optional<Subscale> s = instrument.subscale(name);
        if (s.isEmpty()) {
            s = instrument.composites().stream().filter(c -> c.name().equals(name)).findFirst();
        }
        return s.map(sub -> subscale(instrument, sub));
    }

    /**
     * The scales a reliability report covers by default: every subscale, then the total when the
     * instrument has a total score (or no subscales). Categorical items never enter.
     */
    public static List<ScaleDefinition> defaults(Instrument instrument) {
        List<ScaleDefinition> out = new ArrayList<>();
        for (Subscale s : instrument.subscales()) {
            out.add(subscale(instrument, s));
        }
        if (!instrument.totalMethods().isEmpty() || instrument.subscales().isEmpty()) {
            ScaleDefinition t = total(instrument);
            if (!t.items().isEmpty()) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The item set of this scale.
     *
     * @param names a label per item of the scale (in {@link #items()} order), usually its column name
     * @param responses respondents x the scale's items, NaN for missing
     */
    public ItemSet itemSet(Instrument instrument, List<String> names, double[][] responses) {
        int k = items.size();
        boolean[] rev = new boolean[k];
        double[] lo = new double[k];
        double[] hi = new double[k];
        for (int j = 0; j < k; j++) {
            Item it = instrument.item(items.get(j));
            rev[j] = reversed.get(j);
            lo[j] = it.min();
            hi[j] = it.max();
        }
        return new ItemSet(names, responses, rev, lo, hi);
    }
}
