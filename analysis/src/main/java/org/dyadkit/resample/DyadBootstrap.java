package org.dyadkit.resample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Seeded nonparametric bootstrap that resamples whole dyads with replacement (the dyad is the unit:
 * members are never separated).
 *
 * <p>Each replicate r draws from its own generator, {@code XO_RO_SHI_RO_128_PP} seeded with two 64-bit
 * words mixed (SplitMix64 finaliser) from the seed and r, so replicate r is the same whichever thread
 * computes it: a seed gives the same answer on any number of cores. No generator is shared between
 * threads.
 */
public final class DyadBootstrap {
    /** The least number of fitted replicates from which an interval is built. */
    public static final int MIN_FITTED = 2;
    /** The least share of fitted replicates (of those drawn) from which an interval is built. */
    public static final double MIN_FITTED_SHARE = 0.5;
    /** The most worker threads a bootstrap starts, whatever was requested. */
    public static final int MAX_THREADS = 256;
    /** The reason tallied for a replicate whose statistic is not finite. */
    public static final String NOT_FINITE = "the statistic is not finite";

    private DyadBootstrap() {
    }

    /**
     * The worker threads used for a request of {@code threads}: at most {@link #MAX_THREADS}, the number of
     * replicates and four per available processor (and at least 1).
     */
    public static int usableThreads(int threads, int replicates) {
        int cap = Math.min(MAX_THREADS, 4 * Math.max(1, Runtime.getRuntime().availableProcessors()));
        return Math.max(1, Math.min(Math.min(threads, replicates), cap));
    }

    /**
     * Runs the bootstrap.
     *
     * @param nDyads number of dyads to draw from (and to draw in each replicate)
     * @param replicates number of bootstrap replicates (at least 1)
     * @param seed the seed
     * @param threads number of worker threads requested (at least 1; bounded by {@link #usableThreads})
     * @param statistic maps the draw counts of each dyad (length nDyads, summing to nDyads) to the
     *     statistics; a {@code NaN} entry (or an exception) marks that statistic's replicate as failed
     * @return the replicate values, one row per statistic
     * @throws IllegalArgumentException for non-positive counts
     */
    public static Replicates run(int nDyads, int replicates, long seed, int threads,
            Function<int[], double[]> statistic) {
        if (nDyads < 1 || replicates < 1 || threads < 1) {
            throw new IllegalArgumentException("nDyads, replicates and threads must be positive");
        }
        double[][] byRep = new double[replicates][];
        String[] why = new String[replicates];
        IntConsumer one = r -> {
            int[] counts = draw(nDyads, seed, r);
            try {
                byRep[r] = statistic.apply(counts);
                if (byRep[r] == null) {
                    why[r] = NOT_FINITE;
                }
            } catch (RuntimeException ex) {
                byRep[r] = null;
                why[r] = reason(ex);
            }
        };
        int use = usableThreads(threads, replicates);
        if (use == 1) {
            for (int r = 0; r < replicates; r++) {
                one.accept(r);
            }
        } else {
            ForkJoinPool pool = new ForkJoinPool(use);
            try {
                pool.submit(() -> IntStream.range(0, replicates).parallel().forEach(one)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("bootstrap interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdown();
            }
        }
        int k = 0;
        for (double[] v : byRep) {
            if (v != null) {
                k = Math.max(k, v.length);
            }
        }
        double[][] values = new double[k][replicates];
        List<SortedMap<String, Integer>> tallies = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            tallies.add(new TreeMap<>());
        }
        SortedMap<String, Integer> all = new TreeMap<>();
        for (int r = 0; r < replicates; r++) {
            if (why[r] != null) {
                all.merge(why[r], 1, Integer::sum);
            }
            for (int s = 0; s < k; s++) {
                double v = byRep[r] == null || s >= byRep[r].length ? Double.NaN : byRep[r][s];
                values[s][r] = v;
                if (!Double.isFinite(v)) {
                    tallies.get(s).merge(why[r] != null ? why[r] : NOT_FINITE, 1, Integer::sum);
                }
            }
        }
        List<SortedMap<String, Integer>> frozen = new ArrayList<>();
        for (SortedMap<String, Integer> t : tallies) {
            frozen.add(Collections.unmodifiableSortedMap(t));
        }
        return new Replicates(replicates, seed, values, List.copyOf(frozen), Collections.unmodifiableSortedMap(all));
    }

    /** A failure's reason: the exception's message (its first line, at most 160 characters) or its type. */
    private static String reason(RuntimeException ex) {
        String m = ex.getMessage();
        if (m == null || m.isBlank()) {
            return ex.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        return m.length() > 160 ? m.substring(0, 157) + "..." : m;
    }

    /** How often each of the n dyads is drawn in replicate r. */
    public static int[] draw(int n, long seed, int r) {
        UniformRandomProvider rng = generator(seed, r);
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            counts[rng.nextInt(n)]++;
        }
        return counts;
    }

    /** The generator of replicate r. */
    public static UniformRandomProvider generator(long seed, int r) {
        long a = mix(seed + 0x9E3779B97F4A7C15L * (2L * r + 1));
        long b = mix(a ^ mix(seed ^ (0xD1B54A32D192ED03L * (r + 1L))));
        if (a == 0 && b == 0) {
            b = 1;
        }
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {a, b});
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Bootstrap replicate values.
     *
     * @param replicates number of replicates drawn
     * @param seed the seed
     * @param values one row per statistic, one column per replicate; {@code NaN} = failed replicate (no rows
     *     when every replicate failed)
     * @param failuresByStatistic per statistic, the reasons of its failed replicates with their counts
     * @param failures the reasons of the replicates that failed as a whole (the statistic threw or returned
     *     nothing), with their counts
     */
    public record Replicates(int replicates, long seed, double[][] values,
            List<SortedMap<String, Integer>> failuresByStatistic, SortedMap<String, Integer> failures) {
        /** The values of statistic s, one per replicate ({@code NaN} where it failed); all NaN when none fitted. */
        public double[] values(int s) {
            if (s < values.length) {
                return values[s].clone();
            }
            double[] v = new double[replicates];
            java.util.Arrays.fill(v, Double.NaN);
            return v;
        }

        /** The finite values of statistic s (empty when none fitted). */
        public double[] finite(int s) {
            if (s >= values.length) {
                return new double[0];
            }
            return java.util.Arrays.stream(values[s]).filter(Double::isFinite).toArray();
        }

        /** Number of replicates of statistic s that fitted (finite values). */
        public int fitted(int s) {
            return finite(s).length;
        }

        /** Number of failed (non-finite) replicates of statistic s. */
        public int failed(int s) {
            return replicates - fitted(s);
        }

        /**
         * Whether enough replicates of statistic s fitted for an interval: at least {@link #MIN_FITTED} and
         * at least {@link #MIN_FITTED_SHARE} of those drawn.
         */
        public boolean enough(int s) {
            return DyadBootstrap.enough(fitted(s), replicates);
        }

        /** The reasons why replicates of statistic s failed, with counts (empty when none failed). */
        public SortedMap<String, Integer> reasons(int s) {
            if (s < failuresByStatistic.size()) {
                return failuresByStatistic.get(s);
            }
            return failures;
        }

        /**
         * One line on the failures of statistic s, for example {@code "150 of 200 replicates failed (150: the
         * design matrix is singular ...)"}; empty when none failed.
         */
        public java.util.Optional<String> summary(int s) {
            int f = failed(s);
            if (f == 0) {
                return java.util.Optional.empty();
            }
            StringBuilder b = new StringBuilder().append(f).append(" of ").append(replicates)
                    .append(" bootstrap replicates could not be fitted (");
            String sep = "";
            for (Map.Entry<String, Integer> e : reasons(s).entrySet()) {
                b.append(sep).append(e.getValue()).append(": ").append(e.getKey());
                sep = "; ";
            }
            b.append(')');
            if (!enough(s)) {
                b.append("; fewer than half fitted, so no bootstrap interval is given");
            }
            return java.util.Optional.of(b.toString());
        }
    }

    /**
     * Whether {@code fitted} of {@code drawn} replicates suffice for an interval: at least {@link #MIN_FITTED}
     * and at least {@link #MIN_FITTED_SHARE} of those drawn.
     */
    public static boolean enough(int fitted, int drawn) {
        return fitted >= MIN_FITTED && fitted >= MIN_FITTED_SHARE * drawn;
    }
}
