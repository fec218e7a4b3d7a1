package org.dyadkit.resample;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
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
    private DyadBootstrap() {
    }

    /**
     * Runs the bootstrap.
     *
     * @param nDyads number of dyads to draw from (and to draw in each replicate)
     * @param replicates number of bootstrap replicates (at least 1)
     * @param seed the seed
     * @param threads number of worker threads (at least 1)
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
        Runnable work = () -> IntStream.range(0, replicates).parallel().forEach(r -> {
            int[] counts = draw(nDyads, seed, r);
            double[] v;
            try {
                v = statistic.apply(counts);
            } catch (RuntimeException ex) {
                v = null;
            }
            byRep[r] = v;
        });
        if (threads == 1) {
            for (int r = 0; r < replicates; r++) {
                int[] counts = draw(nDyads, seed, r);
                try {
                    byRep[r] = statistic.apply(counts);
                } catch (RuntimeException ex) {
                    byRep[r] = null;
                }
            }
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                pool.submit(work).get();
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
        for (int r = 0; r < replicates; r++) {
            for (int s = 0; s < k; s++) {
                values[s][r] = byRep[r] == null || s >= byRep[r].length ? Double.NaN : byRep[r][s];
            }
        }
        return new Replicates(replicates, seed, values);
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
     * @param values one row per statistic, one column per replicate; {@code NaN} = failed replicate
     */
    public record Replicates(int replicates, long seed, double[][] values) {
        /** The finite values of statistic s. */
        public double[] finite(int s) {
            return java.util.Arrays.stream(values[s]).filter(Double::isFinite).toArray();
        }

        /** Number of failed (non-finite) replicates of statistic s. */
        public int failed(int s) {
            return replicates - finite(s).length;
        }
    }
}
