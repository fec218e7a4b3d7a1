package org.dyadkit.examples.acitelli;

import java.nio.file.Path;
import java.util.Locale;
import org.dyadkit.apim.Apim;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.table.DataTable;

/**
 * Measures the Monte Carlo error of the bootstrap limits of k on the Acitelli couples, from which the
 * tolerances of the bootstrap rows of {@code published_values.csv} are derived: the percentile limits are
 * computed with 30 seeds (1000 to 1029) at 2000 replicates, and each limit's SD over the seeds is printed with
 * the tolerance 3.5 x SD x sqrt(1 + 2000/5000), the bound for the difference between a 2000-replicate limit
 * (as published) and the reanalysis' 5000-replicate one.
 *
 * <p>Run from the repository root:
 * {@code mvn -q -pl examples -am process-classes -Pexample -Dexample=org.dyadkit.examples.acitelli.BootstrapMonteCarloError}
 */
public final class BootstrapMonteCarloError {
    private BootstrapMonteCarloError() {
    }

    /** Prints each limit's mean and SD over the seeds and the derived tolerance. */
    public static void main(String[] args) {
        Path samples = args.length > 0 ? Path.of(args[0]) : KennyWorkshopReanalysis.findSamples();
        DyadicData wide = DyadicData.dyad(DataTable.read(samples.resolve("acitelli_dyad.csv"))).dyad("cuplid")
                .roles("H", "W").build();
        DyadicData individual = DyadicData.individual(DataTable.read(samples.resolve("acitelli_individual.csv")))
                .dyad("cuplid").build();
        int replicates = 2000;
        int seeds = 30;
        String[] names = {"k lower", "k upper", "k husbands lower", "k husbands upper", "k wives lower"};
        double[][] limits = new double[names.length][seeds];
        for (int s = 0; s < seeds; s++) {
            ApimFit k = Apim.indistinguishable(individual).withOutcome("satisfaction").withPredictor("other_pos")
                    .withBootstrap(replicates, 1000 + s).fit();
            ApimFit kd = Apim.distinguishable(wide).withOutcome("satisfaction").withPredictor("other_pos")
                    .withBootstrap(replicates, 1000 + s).fit();
            limits[0][s] = k.k("all").percentile().orElseThrow().lower();
            limits[1][s] = k.k("all").percentile().orElseThrow().upper();
            limits[2][s] = kd.k("H").percentile().orElseThrow().lower();
            limits[3][s] = kd.k("H").percentile().orElseThrow().upper();
            limits[4][s] = kd.k("W").percentile().orElseThrow().lower();
        }
        double inflation = Math.sqrt(1 + (double) replicates / KennyWorkshopReanalysis.BOOTSTRAP_REPLICATES);
        System.out.printf(Locale.ROOT, "%-18s %8s %8s %10s%n", "limit", "mean", "SD", "tolerance");
        for (int i = 0; i < names.length; i++) {
            double mean = 0;
            for (double v : limits[i]) {
                mean += v;
            }
            mean /= seeds;
            double ss = 0;
            for (double v : limits[i]) {
                ss += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(ss / (seeds - 1));
            System.out.printf(Locale.ROOT, "%-18s %8.4f %8.4f %10.2f%n", names[i], mean, sd,
                    Math.ceil(3.5 * sd * inflation * 100) / 100);
        }
    }
}
