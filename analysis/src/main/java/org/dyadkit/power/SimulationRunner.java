package org.dyadkit.power;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.commons.rng.SplittableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.dyadkit.resample.DyadBootstrap;

/**
 * Runs the replicates of a power simulation: one {@code L64_X128_MIX} generator seeded with the seed is split
 * (Commons RNG {@link SplittableUniformRandomProvider#split()}) into one stream per replicate, in replicate
 * order, before any work, so that a seed gives the same result on any number of threads. The replicates run on
 * a pool of at most {@link DyadBootstrap#usableThreads(int, int)} workers (in the caller's thread for one),
 * each result stored at its replicate's index.
 */
final class SimulationRunner {

    /** One replicate: its index (0 to the number of replicates - 1) and its own random stream. */
    interface Replicate<T> {
        T run(int index, UniformRandomProvider rng);
    }

    private SimulationRunner() {
    }

    /** Fills {@code out} with the replicates' results, reporting each finished one to {@code progress}. */
    static <T> void run(long seed, T[] out, int threads, PowerSimulation.Progress progress, Replicate<T> replicate) {
        int total = out.length;
        SplittableUniformRandomProvider root = (SplittableUniformRandomProvider) RandomSource.L64_X128_MIX.create(seed);
        UniformRandomProvider[] streams = new UniformRandomProvider[total];
        for (int i = 0; i < total; i++) {
            streams[i] = root.split();
        }
        if (threads == 1) {
            for (int i = 0; i < total; i++) {
                out[i] = replicate.run(i, streams[i]);
                if (progress != null) {
                    progress.update(i + 1, total);
                }
            }
            return;
        }
        AtomicInteger done = new AtomicInteger();
        // a request beyond the useful bound is clamped (replicate streams do not depend on the thread)
        ForkJoinPool pool = new ForkJoinPool(DyadBootstrap.usableThreads(threads, total));
        try {
            pool.submit(() -> IntStream.range(0, total).parallel().forEach(i -> {
                out[i] = replicate.run(i, streams[i]);
                if (progress != null) {
                    progress.update(done.incrementAndGet(), total);
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
