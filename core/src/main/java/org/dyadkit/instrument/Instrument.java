package org.dyadkit.instrument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dyadkit.scoring.MissingRule;
import org.dyadkit.scoring.TotalMethod;

/**
 * A scoring key as data: items (by published number), subscales, reverse-keyed items, the total-score
 * methods the instrument supports with its default, the default missing-data rule, and where the key
 * was verified. Instances come from {@link Instruments#bundled(String)} or {@link Instruments#read} (the
 * same JSON format, described in {@code docs/scoring.md}); they are immutable and validated.
 */
public final class Instrument {
    /** How far the key can be trusted. */
    public enum Status {
        /** Key verified in a primary or authoritative source. */
        VALIDATED("validated"),
        /** Key taken from secondary sources (sites or code quoting the primary); check before relying on it. */
        SECONDARY_SOURCE("secondary_source"),
        /** An unfinished key the user completes from the article; never scored as shipped. */
        TEMPLATE("template"),
        /** A key written by the user. */
        USER_DEFINED("user_defined");

        private final String fileName;

        Status(String fileName) {
            this.fileName = fileName;
        }

        /** The name used in instrument files. */
        public String fileName() {
            return fileName;
        }

        /** A human-readable description. */
        public String describe() {
            return switch (this) {
                case VALIDATED -> "validated";
                case SECONDARY_SOURCE -> "key from secondary source";
                case TEMPLATE -> "template (key to be filled in)";
                case USER_DEFINED -> "user defined";
            };
        }
    }

    /**
     * The publication that introduced the instrument.
     *
     * @param text the reference in APA style
     * @param doi the DOI without a resolver prefix (may be empty when the article has none)
     */
    public record Citation(String text, String doi) {
        /** Checks for nulls. */
        public Citation {
            Objects.requireNonNull(text, "text");
            doi = doi == null ? "" : doi;
        }
    }

    /** The only reversal rule dyadkit applies. */
    public static final String REVERSAL = "min + max - x";

    private final String id;
    private final String name;
    private final String version;
    private final Status status;
    private final Citation citation;
    private final String keySource;
    private final String licence;
    private final int min;
    private final int max;
    private final Map<Integer, String> anchors;
    private final List<Item> items;
    private final List<Subscale> subscales;
    private final List<Subscale> composites;
    private final List<CategoryTally> tallies;
    private final List<TotalMethod> totalMethods;
    private final TotalMethod defaultTotal;
    private final MissingRule defaultMissing;
    private final List<String> notes;
    private final String source;
    private final int[] indexByNumber;

    Instrument(String id, String name, String version, Status status, Citation citation, String keySource,
            String licence, int min, int max, Map<Integer, String> anchors, List<Item> items,
            List<Subscale> subscales, List<Subscale> composites, List<CategoryTally> tallies,
            List<TotalMethod> totalMethods, TotalMethod defaultTotal, MissingRule defaultMissing,
            List<String> notes, String source) {
        this.id = id;
        this.name = name;
        this.version = version;
        this.status = status;
        this.citation = citation;
        this.keySource = keySource;
        this.licence = licence;
        this.min = min;
        this.max = max;
        this.anchors = Map.copyOf(anchors);
        this.items = List.copyOf(items);
        this.subscales = List.copyOf(subscales);
        this.composites = List.copyOf(composites);
        this.tallies = List.copyOf(tallies);
        this.totalMethods = List.copyOf(totalMethods);
        this.defaultTotal = defaultTotal;
        this.defaultMissing = defaultMissing;
        this.notes = List.copyOf(notes);
        this.source = source;
        int top = 0;
        for (Item it : items) {
            top = Math.max(top, it.number());
        }
        int[] idx = new int[top + 1];
        Arrays.fill(idx, -1);
        for (int i = 0; i < items.size(); i++) {
            idx[items.get(i).number()] = i;
        }
        this.indexByNumber = idx;
    }

    /** The short id, for example {@code scs}. */
    public String id() {
        return id;
    }

    /** The full name, for example {@code Self-Compassion Scale (SCS-26)}. */
    public String name() {
        return name;
    }

    /** The version of this definition (not of the published instrument). */
    public String version() {
        return version;
    }

    /** How far the key can be trusted. */
    public Status status() {
        return status;
    }

    /** The publication that introduced the instrument. */
    public Citation citation() {
        return citation;
    }

    /** Where the key was verified. */
    public String keySource() {
        return keySource;
    }

    /** Licence and permission notes. */
    public String licence() {
        return licence;
    }

    /** The instrument-wide lowest response (items may override it). */
    public int min() {
        return min;
    }

    /** The instrument-wide highest response (items may override it). */
    public int max() {
        return max;
    }

    /** Instrument-wide anchor labels of response values. */
    public Map<Integer, String> anchors() {
        return anchors;
    }

    /** The reversal rule, always {@value #REVERSAL}. */
    public String reversal() {
        return REVERSAL;
    }

    /** The items in ascending number order; {@code responses[i]} of a scorer answers {@code items().get(i)}. */
    public List<Item> items() {
        return items;
    }

    /** The subscales in published order; each item belongs to at most one. */
    public List<Subscale> subscales() {
        return subscales;
    }

    /** Optional composite scores (may overlap subscales), produced only when a scorer asks for them. */
    public List<Subscale> composites() {
        return composites;
    }

    /** Tallies of categorical items. */
    public List<CategoryTally> tallies() {
        return tallies;
    }

    /** The total-score methods the instrument supports (empty when it has no total). */
    public List<TotalMethod> totalMethods() {
        return totalMethods;
    }

    /** The default total method, empty when the instrument has no total score. */
    public Optional<TotalMethod> defaultTotal() {
        return Optional.ofNullable(defaultTotal);
    }

    /** Whether a total method is supported. */
    public boolean supports(TotalMethod method) {
        return totalMethods.contains(method);
    }

    /** The default missing-data rule. */
    public MissingRule defaultMissing() {
        return defaultMissing;
    }

    /** Free notes (scoring conventions, norms, cautions). */
    public List<String> notes() {
        return notes;
    }

    /** Where the definition was read from: {@code bundled:scs.json} or a file path. */
    public String source() {
        return source;
    }

    /** The numbers of the reverse-keyed items, ascending. */
    public List<Integer> reverseKeyed() {
        List<Integer> out = new ArrayList<>();
        for (Item it : items) {
            if (it.reverseKeyed()) {
                out.add(it.number());
            }
        }
        return List.copyOf(out);
    }

    /**
     * The position in {@link #items()} of the item with this published number.
     *
     * @throws IllegalArgumentException when the instrument has no such item
     */
    public int itemIndex(int number) {
        if (number < 1 || number >= indexByNumber.length || indexByNumber[number] < 0) {
            throw new IllegalArgumentException(id + " has no item " + number);
        }
        return indexByNumber[number];
    }

    /** Whether the instrument has an item with this number. */
    public boolean hasItem(int number) {
        return number >= 1 && number < indexByNumber.length && indexByNumber[number] >= 0;
    }

    /** The item with this published number. */
    public Item item(int number) {
        return items.get(itemIndex(number));
    }

    /** A subscale by score name. */
    public Optional<Subscale> subscale(String scoreName) {
        return subscales.stream().filter(s -> s.name().equals(scoreName)).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Instrument other && id.equals(other.id) && name.equals(other.name)
                && version.equals(other.version) && status == other.status && citation.equals(other.citation)
                && keySource.equals(other.keySource) && licence.equals(other.licence) && min == other.min
                && max == other.max && anchors.equals(other.anchors) && items.equals(other.items)
                && subscales.equals(other.subscales) && composites.equals(other.composites)
                && tallies.equals(other.tallies) && totalMethods.equals(other.totalMethods)
                && Objects.equals(defaultTotal, other.defaultTotal) && defaultMissing.equals(other.defaultMissing)
                && notes.equals(other.notes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version, items, subscales);
    }

    @Override
    public String toString() {
        return id + " (" + name + ", " + items.size() + " items, " + status.describe() + ")";
    }
}
