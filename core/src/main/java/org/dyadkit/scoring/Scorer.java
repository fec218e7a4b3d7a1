package org.dyadkit.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.dyadkit.instrument.CategoryTally;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Item;
import org.dyadkit.instrument.Subscale;

/**
 * Scores response rows with an instrument. Immutable and thread-safe; {@code with*} return copies.
 * Pure computation: no I/O.
 *
 * <p>Rules (documented in full in {@code docs/scoring.md}):
 * <ul>
 *   <li>Reversal is {@code min + max - x} with the item's own range. In a positive subscale and in every
 *       total, reverse-keyed items are reversed; a negative subscale (the SCS self-judgment, isolation and
 *       over-identification) is reported in the direction of its own items, un-reversed.</li>
 *   <li>A subscale is the mean of its answered items or their sum, as the instrument prescribes; a sum
 *       with unanswered items is prorated: mean of the answered items times k.</li>
 *   <li>A score is computed only when {@link MissingRule#required(int)} of its k items are answered.
 *       Totals formed from subscales ({@link TotalMethod#MEAN_OF_SUBSCALES},
 *       {@link TotalMethod#SUM_OF_SUBSCALES}) need every subscale present; item totals
 *       ({@link TotalMethod#ITEM_MEAN}, {@link TotalMethod#ITEM_SUM}) apply the rule to all the
 *       instrument's rating items.</li>
 * </ul>
 * Item identity: {@code responses[i]} answers {@code instrument.items().get(i)}; map data columns to
 * items with {@link Instrument#itemIndex(int)}.
 */
public final class Scorer {
    /** Marks an unanswered item in a response array. */
    public static final int MISSING = Integer.MIN_VALUE;

    private static final int ITEMS = 0;
    private static final int COUNT = 1;
    private static final int PROPORTION = 2;
    private static final int TOTAL = 3;

    private final Instrument instrument;
    private final MissingRule missing;
    private final TotalMethod total;
    private final boolean composites;

    // the plan, derived from the four fields above
    private final int[] lo;
    private final int[] hi;
    private final List<String> names;
    private final int[] kind;
    private final int[][] members;
    private final boolean[][] flip;
    private final boolean[] isSum;
    private final int[] required;
    private final int[] category;
    private final int nSubscales;
    private final boolean[][] flipTotal;
    private final int[] totalItems;
    private final boolean[] totalFlip;
    private final List<Score> provenance;
    /** Subscales then a total from subscales, nothing else: scored by {@link #fused}. */
    private final boolean fusedTotal;
    /** min + max of each item, for the branch-free fused pass. */
    private final int[] span;
    /** max - min of each item, as long (ranges near the int limits cannot overflow). */
    private final long[] rangeSpan;
    /**
     * The fused plan flattened over the subscales' items in order: position p is item {@code fItem[p]}
     * with min + max {@code fSpan[p]}, min {@code fLo[p]}, max - min {@code fRange[p]} and reversal flags
     * {@code fFlags[p]} (1: in its subscale, 2: in the total); subscale s ends at {@code fEnd[s]}.
     */
    private final int[] fItem;
    private final int[] fSpan;
    private final int[] fLo;
    private final long[] fRange;
    private final int[] fFlags;
    private final int[] fEnd;
    /** Whether every item is in some subscale, so that the fused pass range-checks every response. */
    private final boolean fusedChecksAll;
    /** Whether all items of the fused plan share one range. */
    private final boolean fUniform;
    /** The plan as per-subscale tallies, or null where {@link SubscaleTallies} does not apply. */
    private final SubscaleTallies tallies;

    private Scorer(Instrument instrument, MissingRule missing, TotalMethod total, boolean composites) {
        this(instrument, missing, total, composites, true);
    }

    private Scorer(Instrument instrument, MissingRule missing, TotalMethod total, boolean composites,
            boolean mayFuse) {
        this.instrument = instrument;
        this.missing = missing;
        this.total = total;
        this.composites = composites;
        List<Item> items = instrument.items();
        lo = new int[items.size()];
        hi = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            lo[i] = items.get(i).min();
            hi[i] = items.get(i).max();
        }
        String tag = instrument.id() + " " + instrument.version();
        List<String> nm = new ArrayList<>();
        List<Integer> kd = new ArrayList<>();
        List<int[]> mem = new ArrayList<>();
        List<boolean[]> fl = new ArrayList<>();
        List<Boolean> sums = new ArrayList<>();
        List<Integer> cats = new ArrayList<>();
        List<Score> prov = new ArrayList<>();
        List<Subscale> itemScores = new ArrayList<>(instrument.subscales());
        if (composites) {
            itemScores.addAll(instrument.composites());
        }
        nSubscales = instrument.subscales().size();
        flipTotal = new boolean[nSubscales][];
        for (int s = 0; s < itemScores.size(); s++) {
            Subscale sc = itemScores.get(s);
            int[] idx = new int[sc.size()];
            boolean[] f = new boolean[sc.size()];
            boolean[] ft = new boolean[sc.size()];
            List<Integer> reversed = new ArrayList<>();
            for (int i = 0; i < idx.length; i++) {
                int number = sc.items().get(i);
                idx[i] = instrument.itemIndex(number);
                boolean rk = items.get(idx[i]).reverseKeyed();
                f[i] = rk != (sc.direction() == Subscale.Direction.NEGATIVE);
                ft[i] = rk;
                if (f[i]) {
                    reversed.add(number);
                }
            }
            if (s < nSubscales) {
                flipTotal[s] = ft;
            }
            nm.add(sc.name());
            kd.add(ITEMS);
            mem.add(idx);
            fl.add(f);
            sums.add(sc.aggregation() == Subscale.Aggregation.SUM);
            cats.add(0);
            prov.add(new Score(sc.name(), OptionalDouble.empty(), 0, idx.length, missing.describe(idx.length),
                    sc.aggregation().fileName(), sorted(reversed), tag));
        }
        for (CategoryTally t : instrument.tallies()) {
            int[] idx = t.items().stream().mapToInt(instrument::itemIndex).toArray();
            TreeMap<Integer, String> categories = new TreeMap<>(items.get(idx[0]).anchors());
            for (var e : categories.entrySet()) {
                for (int stat : new int[] {COUNT, PROPORTION}) {
                    if ((stat == COUNT && !t.counts()) || (stat == PROPORTION && !t.proportions())) {
                        continue;
                    }
                    String name = t.prefix() + e.getValue() + (stat == COUNT ? "_count" : "_proportion");
                    nm.add(name);
                    kd.add(stat);
                    mem.add(idx);
                    fl.add(new boolean[idx.length]);
                    sums.add(false);
                    cats.add(e.getKey());
                    prov.add(new Score(name, OptionalDouble.empty(), 0, idx.length, missing.describe(idx.length),
                            stat == COUNT ? "count" : "proportion", List.of(), tag));
                }
            }
        }
        if (total != null) {
            List<Integer> ti = new ArrayList<>();
            List<Integer> reversed = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).categorical()) {
                    ti.add(i);
                    if (items.get(i).reverseKeyed()) {
                        reversed.add(items.get(i).number());
                    }
                }
            }
            totalItems = ti.stream().mapToInt(Integer::intValue).toArray();
            totalFlip = new boolean[totalItems.length];
            for (int i = 0; i < totalItems.length; i++) {
                totalFlip[i] = items.get(totalItems[i]).reverseKeyed();
            }
            int of = totalItems.length;
            String rule;
            if (total.fromSubscales()) {
                of = 0;
                reversed.clear();
                for (int s = 0; s < nSubscales; s++) {
                    of += mem.get(s).length;
                    for (int i = 0; i < flipTotal[s].length; i++) {
                        if (flipTotal[s][i]) {
                            reversed.add(items.get(mem.get(s)[i]).number());
                        }
                    }
                }
                rule = "every subscale present (" + missing.describe() + " per subscale)";
            } else {
                rule = missing.describe(totalItems.length);
            }
            nm.add("total");
            kd.add(TOTAL);
            mem.add(totalItems);
            fl.add(totalFlip);
            sums.add(total == TotalMethod.ITEM_SUM || total == TotalMethod.SUM_OF_SUBSCALES);
            cats.add(0);
            prov.add(new Score("total", OptionalDouble.empty(), 0, of, rule, total.cliName(), sorted(reversed), tag));
        } else {
            totalItems = new int[0];
            totalFlip = new boolean[0];
        }
        names = List.copyOf(nm);
        kind = kd.stream().mapToInt(Integer::intValue).toArray();
        members = mem.toArray(new int[0][]);
        flip = fl.toArray(new boolean[0][]);
        isSum = new boolean[sums.size()];
        required = new int[sums.size()];
        category = cats.stream().mapToInt(Integer::intValue).toArray();
        for (int j = 0; j < isSum.length; j++) {
            isSum[j] = sums.get(j);
            required[j] = kind[j] == TOTAL && total.fromSubscales() ? 0 : missing.required(members[j].length);
        }
        provenance = List.copyOf(prov);
        span = new int[lo.length];
        rangeSpan = new long[lo.length];
        for (int i = 0; i < lo.length; i++) {
            span[i] = lo[i] + hi[i];
            rangeSpan[i] = (long) hi[i] - lo[i];
        }
        fusedTotal = mayFuse && total != null && total.fromSubscales() && kind.length == nSubscales + 1
                && kind[nSubscales] == TOTAL;
        int flat = 0;
        for (int s = 0; s < nSubscales; s++) {
            flat += members[s].length;
        }
        fItem = new int[flat];
        fSpan = new int[flat];
        fLo = new int[flat];
        fRange = new long[flat];
        fFlags = new int[flat];
        fEnd = new int[nSubscales];
        boolean[] covered = new boolean[lo.length];
        int p = 0;
        for (int s = 0; s < nSubscales; s++) {
            for (int i = 0; i < members[s].length; i++) {
                int q = members[s][i];
                fItem[p] = q;
                fSpan[p] = span[q];
                fLo[p] = lo[q];
                fRange[p] = rangeSpan[q];
                fFlags[p] = (flip[s][i] ? 1 : 0) | (flipTotal[s][i] ? 2 : 0);
                covered[q] = true;
                p++;
            }
            fEnd[s] = p;
        }
        boolean all = true;
        for (boolean c : covered) {
            all &= c;
        }
        fusedChecksAll = all;
        boolean same = flat > 0;
        for (int i = 1; i < flat; i++) {
            same &= fLo[i] == fLo[0] && fRange[i] == fRange[0];
        }
        fUniform = same;
        tallies = fusedTotal ? talliesOrNull() : null;
    }

    /** The tallies form of the fused plan, or null when an item is in two subscales or the packed sums could overflow. */
    private SubscaleTallies talliesOrNull() {
        int[] of = new int[lo.length];
        Arrays.fill(of, -1);
        boolean[] fs = new boolean[lo.length];
        boolean[] ft = new boolean[lo.length];
        int[] size = new int[nSubscales];
        for (int s = 0; s < nSubscales; s++) {
            int[] m = members[s];
            long top = 0;
            for (int i = 0; i < m.length; i++) {
                int q = m[i];
                if (of[q] >= 0 || lo[q] < 0) {
                    return null;
                }
                of[q] = s;
                fs[q] = flip[s][i];
                ft[q] = flipTotal[s][i];
                top = Math.max(top, hi[q]);
            }
            if (m.length >= 1 << 16 || top * m.length >= 1L << 24) {
                return null;
            }
            size[s] = m.length;
        }
        return new SubscaleTallies(of, span.clone(), fs, ft, size, Arrays.copyOf(required, nSubscales),
                Arrays.copyOf(isSum, nSubscales), total == TotalMethod.MEAN_OF_SUBSCALES);
    }

    private static List<Integer> sorted(List<Integer> xs) {
        List<Integer> out = new ArrayList<>(xs);
        out.sort(Integer::compare);
        return out;
    }

    /**
     * A scorer with the instrument's default missing-data rule and default total method.
     *
     * @throws NullPointerException when the instrument is null
     */
    public static Scorer of(Instrument instrument) {
        Objects.requireNonNull(instrument, "instrument");
        return new Scorer(instrument, instrument.defaultMissing(), instrument.defaultTotal().orElse(null), false);
    }

    /** A copy with another missing-data rule. */
    public Scorer withMissing(MissingRule rule) {
        return new Scorer(instrument, Objects.requireNonNull(rule, "rule"), total, composites);
    }

    /**
     * A copy with another total method.
     *
     * @throws IllegalArgumentException when the instrument has no total or does not support the method
     */
    public Scorer withTotal(TotalMethod method) {
        Objects.requireNonNull(method, "method");
        if (instrument.totalMethods().isEmpty()) {
            throw new IllegalArgumentException("instrument " + instrument.id() + " has no total score (its scores: "
                    + names + ")");
        }
        if (!instrument.supports(method)) {
            throw new IllegalArgumentException("instrument " + instrument.id() + " does not support total method "
                    + method.cliName() + "; it supports " + instrument.totalMethods());
        }
        return new Scorer(instrument, missing, method, composites);
    }

    /**
     * A copy that also produces the instrument's optional composite scores (for the SCS: {@code cs},
     * compassionate self-responding, and {@code rus}, reduced uncompassionate self-responding), placed
     * after the subscales. Instruments without composites are unaffected.
     */
    public Scorer withComposites(boolean include) {
        return new Scorer(instrument, missing, total, include);
    }

    /** The instrument. */
    public Instrument instrument() {
        return instrument;
    }

    /** The missing-data rule in force. */
    public MissingRule missing() {
        return missing;
    }

    /** The total method in force; empty when the instrument has no total. */
    public Optional<TotalMethod> total() {
        return Optional.ofNullable(total);
    }

    /**
     * The output score names in order: subscales in instrument order, composites when asked for, tallies,
     * then {@code total}. Single-score instruments have only {@code total}.
     */
    public List<String> scoreNames() {
        return names;
    }

    /** The number of items score {@code j} is computed from (its k in "answered of k"). */
    public int scoreItemCount(int j) {
        return provenance.get(j).of();
    }

    /** The number of scores ({@code scoreNames().size()}). */
    public int scoreCount() {
        return names.size();
    }

    /**
     * The interval score j can take: a mean runs from the lowest item minimum to the highest item
     * maximum (after reversal), a sum over k items from k times those, a count from 0 to k, a proportion
     * from 0 to 1; totals from subscales combine the subscale intervals.
     */
    public ScoreRange range(int j) {
        switch (kind[j]) {
            case COUNT:
                return new ScoreRange(0, members[j].length);
            case PROPORTION:
                return new ScoreRange(0, 1);
            case TOTAL:
                if (total.fromSubscales()) {
                    double a = Double.POSITIVE_INFINITY;
                    double b = Double.NEGATIVE_INFINITY;
                    double sa = 0;
                    double sb = 0;
                    for (int s = 0; s < nSubscales; s++) {
                        ScoreRange r = range(s);
                        a = Math.min(a, r.min());
                        b = Math.max(b, r.max());
                        sa += r.min();
                        sb += r.max();
                    }
                    return total == TotalMethod.SUM_OF_SUBSCALES ? new ScoreRange(sa, sb) : new ScoreRange(a, b);
                }
                return itemRange(members[j], isSum[j]);
            default:
                return itemRange(members[j], isSum[j]);
        }
    }

    private ScoreRange itemRange(int[] idx, boolean sum) {
        int a = Integer.MAX_VALUE;
        int b = Integer.MIN_VALUE;
        for (int i : idx) {
            a = Math.min(a, lo[i]);
            b = Math.max(b, hi[i]);
        }
        return sum ? new ScoreRange((double) a * idx.length, (double) b * idx.length) : new ScoreRange(a, b);
    }

    /**
     * Scores one row with full provenance.
     *
     * @param responses {@code responses[i]} answers {@code instrument().items().get(i)}; {@link #MISSING}
     *     marks an unanswered item
     * @throws IllegalArgumentException when the array has the wrong length or a value lies outside its
     *     item's range (callers reading files flag such cells and pass {@link #MISSING})
     */
    public ScoredRow score(int[] responses) {
        double[] values = new double[names.size()];
        int[] answered = new int[names.size()];
        scoreInto(responses, values, answered);
        List<Score> out = new ArrayList<>(names.size());
        for (int j = 0; j < values.length; j++) {
            Score p = provenance.get(j);
            out.add(new Score(p.name(), Double.isNaN(values[j]) ? OptionalDouble.empty() : OptionalDouble.of(values[j]),
                    answered[j], p.of(), p.rule(), p.method(), p.reversedItems(), p.instrument()));
        }
        return new ScoredRow(out);
    }

    /**
     * Scores one row without allocating: {@code values[j]} receives score j (NaN when its missing-data
     * rule is not met) and {@code answered[j]} the number of its items answered.
     *
     * @throws IllegalArgumentException as {@link #score(int[])} (the output arrays may then have been
     *     written), or when an output array is shorter than {@link #scoreCount()}
     */
    public void scoreInto(int[] responses, double[] values, int[] answered) {
        if (responses.length != lo.length) {
            throw new IllegalArgumentException(instrument.id() + " has " + lo.length + " items, got "
                    + responses.length + " responses");
        }
        if (values.length < kind.length || answered.length < kind.length) {
            throw new IllegalArgumentException("output arrays need room for " + kind.length + " scores");
        }
        // branch-free range check: off = x - min is in [0, max - min] exactly when off and
        // (max - min) - off are both >= 0 (no overflow, see rangeSpan); missing cells are masked out
        if (fusedTotal && fusedChecksAll) {
            // the fused pass checks every response's range as it reads it and throws before returning
            fused(responses, values, answered);
            return;
        }
        int bad = 0;
        for (int i = 0; i < responses.length; i++) {
            int x = responses[i];
            long off = (long) x - lo[i];
            long outside = off | (rangeSpan[i] - off);
            bad |= x == MISSING ? 0 : (int) (outside >>> 63);
        }
        if (bad != 0) {
            rangeFault(responses);
        }
        if (fusedTotal) {
            fused(responses, values, answered);
            return;
        }
        for (int j = 0; j < kind.length; j++) {
            switch (kind[j]) {
                case ITEMS -> itemScore(responses, members[j], flip[j], isSum[j], required[j], values, answered, j);
                case COUNT, PROPORTION -> tally(responses, j, values, answered);
                default -> total(responses, j, values, answered);
            }
        }
    }

    /**
     * The common plan (subscales, then a total from the subscales, nothing else) in one pass over the
     * items: each item is read once, and the total's sum for a subscale follows from the subscale's own
     * (an item counts as x in one and as min + max - x in the other exactly when its flags differ), so
     * every value is computed from the same integers by the same operations as {@link #itemScore} and
     * {@link #total}, bit for bit. The items are read in a flattened plan, and each answered one is
     * range-checked there (when every item is in a subscale) instead of in a loop of its own.
     */
    private void fused(int[] r, double[] values, int[] answered) {
        boolean all = true;
        int answeredAll = 0;
        double acc = 0;
        long bad = 0;
        final int[] item = fItem;
        final int[] sp = fSpan;
        final int[] low = fLo;
        final long[] range = fRange;
        final int[] flags = fFlags;
        final boolean uniform = fUniform;
        int p = 0;
        for (int s = 0; s < nSubscales; s++) {
            final int end = fEnd[s];
            int n = 0;
            long sub = 0;
            long tot = 0;
            if (uniform) {
                // every item has the same range (the usual case): no per-item range loads
                final int lo0 = low[0];
                final long range0 = range[0];
                final int sp0 = sp[0];
                for (; p < end; p++) {
                    int x = r[item[p]];
                    if (x != MISSING) {
                        n++;
                        long off = (long) x - lo0;
                        bad |= off | (range0 - off);
                        int fl = flags[p];
                        int d = sp0 - x - x;
                        sub += x + (d & -(fl & 1));
                        tot += x + (d & -(fl >> 1));
                    }
                }
            } else {
                for (; p < end; p++) {
                    int x = r[item[p]];
                    if (x != MISSING) {
                        n++;
                        long off = (long) x - low[p];
                        bad |= off | (range[p] - off); // negative when x is outside min..max
                        int fl = flags[p];
                        int d = sp[p] - x - x; // (min + max - x) - x, added where the item is reversed
                        sub += x + (d & -(fl & 1));
                        tot += x + (d & -(fl >> 1));
                    }
                }
            }
            answered[s] = n;
            answeredAll += n;
            boolean sum = isSum[s];
            if (n < required[s]) {
                values[s] = Double.NaN;
                all = false;
            } else {
                int k = members[s].length;
                values[s] = aggregate(sub, n, k, sum);
                acc += aggregate(tot, n, k, sum);
            }
        }
        if (bad < 0) {
            rangeFault(r);
        }
        int j = nSubscales;
        answered[j] = answeredAll;
        values[j] = !all ? Double.NaN : total == TotalMethod.MEAN_OF_SUBSCALES ? acc / nSubscales : acc;
    }

    /** Throws for the first response outside its item's range. */
    private void rangeFault(int[] responses) {
        for (int i = 0; i < responses.length; i++) {
            int x = responses[i];
            if (x != MISSING && (x < lo[i] || x > hi[i])) {
                throw new IllegalArgumentException(instrument.id() + " item " + instrument.items().get(i).number()
                        + ": response " + x + " outside " + lo[i] + ".." + hi[i]);
            }
        }
        throw new IllegalStateException("a response outside its range was not found again");
    }

    private void itemScore(int[] r, int[] idx, boolean[] f, boolean sum, int req, double[] values, int[] answered,
            int j) {
        int n = 0;
        long acc = 0;
        for (int i = 0; i < idx.length; i++) {
            int x = r[idx[i]];
            if (x != MISSING) {
                n++;
                acc += f[i] ? lo[idx[i]] + hi[idx[i]] - x : x;
            }
        }
        answered[j] = n;
        values[j] = n < req ? Double.NaN : aggregate(acc, n, idx.length, sum);
    }

    /** A subscale's value from its sum over n answered of k items: the mean, or the sum prorated to k items. */
    static double aggregate(long acc, int n, int k, boolean sum) {
        if (!sum) {
            return (double) acc / n;
        }
        return n == k ? (double) acc : (double) acc * k / n;
    }

    private void tally(int[] r, int j, double[] values, int[] answered) {
        int[] idx = members[j];
        int n = 0;
        int hits = 0;
        for (int i : idx) {
            int x = r[i];
            if (x != MISSING) {
                n++;
                if (x == category[j]) {
                    hits++;
                }
            }
        }
        answered[j] = n;
        if (n < required[j]) {
            values[j] = Double.NaN;
        } else {
            values[j] = kind[j] == COUNT ? hits : (double) hits / n;
        }
    }

    private void total(int[] r, int j, double[] values, int[] answered) {
        if (!total.fromSubscales()) {
            itemScore(r, totalItems, totalFlip, isSum[j], required[j], values, answered, j);
            return;
        }
        boolean all = true;
        int answeredAll = 0;
        double acc = 0;
        for (int s = 0; s < nSubscales; s++) {
            int[] idx = members[s];
            boolean[] f = flipTotal[s];
            int n = 0;
            long sum = 0;
            for (int i = 0; i < idx.length; i++) {
                int x = r[idx[i]];
                if (x != MISSING) {
                    n++;
                    sum += f[i] ? lo[idx[i]] + hi[idx[i]] - x : x;
                }
            }
            answeredAll += n;
            if (n < required[s]) {
                all = false;
            } else {
                acc += aggregate(sum, n, idx.length, isSum[s]);
            }
        }
        answered[j] = answeredAll;
        values[j] = !all ? Double.NaN : total == TotalMethod.MEAN_OF_SUBSCALES ? acc / nSubscales : acc;
    }

    /**
     * This scorer's scores as per-subscale tallies (for batch scoring), when its plan is the subscales and
     * a total formed from them and the tallies cannot overflow; empty otherwise.
     */
    public Optional<SubscaleTallies> subscaleTallies() {
        return Optional.ofNullable(tallies);
    }

    /** A copy that always takes the general path of {@link #scoreInto} (for tests of the fused one). */
    Scorer generalPath() {
        return new Scorer(instrument, missing, total, composites, false);
    }

    /** Whether {@link #scoreInto} takes the fused single pass. */
    boolean fused() {
        return fusedTotal;
    }

    @Override
    public String toString() {
        return "Scorer[" + instrument.id() + ", missing: " + missing.describe() + ", total: "
                + (total == null ? "none" : total.cliName()) + ", scores: " + names + "]";
    }
}
