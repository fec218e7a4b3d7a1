package org.dyadkit.examples.simulate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.dyadkit.examples.simulate.SimulationModel.Facet;

/**
 * Writes a simulated item-level couple survey in the individual layout (one row per person): both
 * partners' answers to the SCS-26, the Authenticity Scale, the RAS, nine partner-rated behaviour items and
 * thirty conflict-style items, generated from the model in {@link SimulationModel}, with the faults of
 * {@link DirtyData} and a few answers missing at random unless the clean variant is asked for.
 *
 * <p>Columns: {@code couple_id}, {@code person_id}, {@code role} ({@code man} or {@code woman}),
 * {@code scs1..scs26} (1-5), {@code as1..as12} (1-7), {@code ras1..ras7} (1-5), {@code pb1..pb9} (1-7; the
 * row's person rating the partner), {@code cs1..cs30} (1-5, the row's own conflict styles). Couple {@code c} has {@code couple_id} c, the man has
 * {@code person_id} 2c-1 and the woman 2c; the man's row comes first.
 *
 * <p>Random numbers come only from the seed, through {@code RandomSource.XO_RO_SHI_RO_128_PP}: the first
 * 54 item columns from the stream seeded {@code seed}, the conflict-style columns (and their missing
 * answers) from a second stream seeded {@code {seed, SimulationModel.CONFLICT_STREAM}}, so the conflict
 * styles were added without changing any earlier column. Couples
 * are generated one after another with the same number of draws each, so a run with more couples begins
 * with exactly the rows of a run with fewer (same seed), and the clean variant has the same answers
 * as the dirty one wherever the dirty one has an answer.
 */
public final class CoupleSurveySimulator {
    /** The seed of the committed sample ({@code data-samples/simulated_couples.csv}). */
    public static final long SAMPLE_SEED = 2013L;
    /** The number of couples in the committed sample. */
    public static final int SAMPLE_COUPLES = 150;

    private static final String[] ROLES = {"man", "woman"};
    private static final int SCS_ITEMS = 26;
    private static final int AS_ITEMS = 12;
    private static final int RAS_ITEMS = 7;
    private static final int PB_ITEMS = 9;
    private static final int CS_ITEMS = 30;
    /** Item cells drawn from the first stream (every instrument before the conflict styles). */
    private static final int MAIN_CELLS = SCS_ITEMS + AS_ITEMS + RAS_ITEMS + PB_ITEMS;
    private static final int ITEM_CELLS = MAIN_CELLS + CS_ITEMS;
    private static final int ID_COLUMNS = 3;

    private final Options options;

    /**
     * What to generate: the seed, the number of couples (at least 1) and whether to leave out the faults
     * and the missing answers.
     */
    public record Options(long seed, int couples, boolean clean) {
        /** Checks the couple count; throws {@link IllegalArgumentException} when it is below 1. */
        public Options {
            if (couples < 1) {
                throw new IllegalArgumentException("couples must be at least 1, was " + couples);
            }
        }

        /** The options of the committed sample: seed 2013, 150 couples, with faults. */
        public static Options sample() {
            return new Options(SAMPLE_SEED, SAMPLE_COUPLES, false);
        }
    }

    private CoupleSurveySimulator(Options options) {
        this.options = options;
    }

    /** A simulator for the given options. */
    public static CoupleSurveySimulator of(Options options) {
        return new CoupleSurveySimulator(options);
    }

    /** The survey's header, in file order (87 columns). */
    public static List<String> columns() {
        List<String> cols = new ArrayList<>(ID_COLUMNS + ITEM_CELLS);
        Collections.addAll(cols, "couple_id", "person_id", "role");
        addItems(cols, "scs", SCS_ITEMS);
        addItems(cols, "as", AS_ITEMS);
        addItems(cols, "ras", RAS_ITEMS);
        addItems(cols, "pb", PB_ITEMS);
        addItems(cols, "cs", CS_ITEMS);
        return List.copyOf(cols);
    }

    /** The header of the latent-score file written by {@link #write(Appendable, Appendable)}. */
    public static List<String> latentColumns() {
        List<String> cols = new ArrayList<>(List.of("couple_id", "person_id", "role", "self_compassion",
                "satisfaction", "caring", "controlling", "accepting"));
        SimulationModel.CONFLICT_STYLES.forEach(f -> cols.add(f.name()));
        return List.copyOf(cols);
    }

    /**
     * The number of survey rows the options produce: two per couple, less one when the single-member
     * couple of {@link DirtyData} is included and faults are on.
     */
    public int rowCount() {
        long dropped = options.clean() ? 0 : DirtyData.EDITS.stream()
                .filter(e -> e.kind() == DirtyData.Kind.DROP_ROW && e.couple() <= options.couples()).count();
        return Math.toIntExact(2L * options.couples() - dropped);
    }

    /**
     * Generates the survey into {@code survey} as CSV (comma-separated, no quoting needed, {@code \n} line
     * ends, blank cells for missing answers), and, when {@code latent} is not null, the true latent scores
     * of every person (including rows left out or blanked in the survey, with their true ids) into it.
     *
     * @throws IOException when an appendable fails
     */
    public void write(Appendable survey, Appendable latent) throws IOException {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(options.seed());
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        UniformRandomProvider rng2 = RandomSource.XO_RO_SHI_RO_128_PP.create(
                new long[] {options.seed(), SimulationModel.CONFLICT_STREAM});
        ZigguratSampler.NormalizedGaussian gauss2 = ZigguratSampler.NormalizedGaussian.of(rng2);
        survey.append(String.join(",", columns())).append('\n');
        if (latent != null) {
            latent.append(String.join(",", latentColumns())).append('\n');
        }
        double rho = SimulationModel.COUPLE_CORRELATION;
        double rhoE = SimulationModel.SATISFACTION_RESIDUAL_CORRELATION;
        double sdE = SimulationModel.SATISFACTION_RESIDUAL_SD;
        StringBuilder line = new StringBuilder(256);
        for (int c = 1; c <= options.couples(); c++) {
            double z1 = gauss.sample();
            double z2 = gauss.sample();
            double[] eta = {SimulationModel.MAN_MEAN + z1,
                SimulationModel.WOMAN_MEAN + rho * z1 + Math.sqrt(1 - rho * rho) * z2};
            double u1 = gauss.sample();
            double u2 = gauss.sample();
            double[] residual = {sdE * u1, sdE * (rhoE * u1 + Math.sqrt(1 - rhoE * rhoE) * u2)};
            double[] satisfaction = new double[2];
            for (int p = 0; p < 2; p++) {
                satisfaction[p] = SimulationModel.SATISFACTION_ACTOR * eta[p]
                        + SimulationModel.SATISFACTION_PARTNER * eta[1 - p] + residual[p];
            }
            String[][] rows = new String[2][];
            double[][] behaviourOf = new double[2][];
            for (int p = 0; p < 2; p++) {
                int[] answers = new int[ITEM_CELLS];
                int at = 0;
                at = answer(SimulationModel.SCS, eta[p], SimulationModel.THRESHOLDS_5, answers, at, SCS_ITEMS,
                        rng, gauss, null);
                at = answer(SimulationModel.AUTHENTICITY, eta[p], SimulationModel.THRESHOLDS_7, answers, at,
                        AS_ITEMS, rng, gauss, null);
                at = answer(List.of(SimulationModel.RAS), satisfaction[p], SimulationModel.THRESHOLDS_5, answers,
                        at, RAS_ITEMS, rng, gauss, null);
                behaviourOf[1 - p] = new double[SimulationModel.PARTNER_BEHAVIOUR.size()];
                answer(SimulationModel.PARTNER_BEHAVIOUR, eta[1 - p], SimulationModel.THRESHOLDS_7, answers, at,
                        PB_ITEMS, rng, gauss, behaviourOf[1 - p]);
                String[] cells = new String[ID_COLUMNS + ITEM_CELLS];
                cells[0] = Integer.toString(c);
                cells[1] = Long.toString(personId(c, p));
                cells[2] = ROLES[p];
                for (int i = 0; i < MAIN_CELLS; i++) {
                    boolean missing = rng.nextDouble() < SimulationModel.MISSING_RATE;
                    cells[ID_COLUMNS + i] = missing && !options.clean() ? "" : Integer.toString(answers[i]);
                }
                rows[p] = cells;
            }
            double[][] styles = conflictStyles(eta, rows, rng2, gauss2);
            if (latent != null) {
                for (int p = 0; p < 2; p++) {
                    latent.append(Integer.toString(c)).append(',').append(Long.toString(personId(c, p))).append(',')
                            .append(ROLES[p]).append(',').append(Double.toString(eta[p])).append(',')
                            .append(Double.toString(satisfaction[p]));
                    for (double b : behaviourOf[p]) {
                        latent.append(',').append(Double.toString(b));
                    }
                    for (double st : styles[p]) {
                        latent.append(',').append(Double.toString(st));
                    }
                    latent.append('\n');
                }
            }
            boolean[] dropped = new boolean[2];
            if (!options.clean()) {
                applyFaults(c, rows, dropped);
            }
            for (int p = 0; p < 2; p++) {
                if (dropped[p]) {
                    continue;
                }
                line.setLength(0);
                for (int i = 0; i < rows[p].length; i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    line.append(rows[p][i]);
                }
                survey.append(line).append('\n');
            }
        }
    }

    /** Writes the survey to a string (for tests and small runs). */
    public String surveyText() {
        StringBuilder sb = new StringBuilder(rowCount() * 160);
        try {
            write(sb, null);
        } catch (IOException e) {
            throw new IllegalStateException("a StringBuilder does not fail", e);
        }
        return sb.toString();
    }

    /**
     * Draws both partners' conflict styles and their item answers and missing cells from the second
     * stream into the rows' conflict-style cells; returns the latent style scores per partner. Per style:
     * the partners' unique parts {@code z} are correlated {@link SimulationModel#STYLE_PARTNER_CORRELATION}
     * and each score is {@code w * eta + sqrt(1 - w^2) * z}; the items follow the item model of
     * {@link SimulationModel}. The number of draws per couple is fixed.
     */
    private double[][] conflictStyles(double[] eta, String[][] rows, UniformRandomProvider rng2,
            ZigguratSampler.NormalizedGaussian gauss2) {
        List<Facet> facets = SimulationModel.CONFLICT_STYLES;
        double rho = SimulationModel.STYLE_PARTNER_CORRELATION;
        double[][] scores = new double[2][facets.size()];
        for (int f = 0; f < facets.size(); f++) {
            double w = facets.get(f).weight();
            double g1 = gauss2.sample();
            double g2 = gauss2.sample();
            double[] z = {g1, rho * g1 + Math.sqrt(1 - rho * rho) * g2};
            for (int p = 0; p < 2; p++) {
                scores[p][f] = w * eta[p] + Math.sqrt(1 - w * w) * z[p];
            }
        }
        double unique = Math.sqrt(1 - SimulationModel.LOADING * SimulationModel.LOADING);
        for (int p = 0; p < 2; p++) {
            int[] answers = new int[CS_ITEMS];
            for (int f = 0; f < facets.size(); f++) {
                Facet facet = facets.get(f);
                for (int item : facet.items()) {
                    double y = facet.intercept() + SimulationModel.LOADING * scores[p][f] + unique * gauss2.sample();
                    answers[item - 1] = category(y, SimulationModel.THRESHOLDS_5);
                }
            }
            for (int i = 0; i < CS_ITEMS; i++) {
                boolean missing = rng2.nextDouble() < SimulationModel.MISSING_RATE;
                rows[p][ID_COLUMNS + MAIN_CELLS + i] = missing && !options.clean() ? "" : Integer.toString(answers[i]);
            }
        }
        return scores;
    }

    private static int category(double y, List<Double> thresholds) {
        int category = 1;
        for (double t : thresholds) {
            if (y > t) {
                category++;
            }
        }
        return category;
    }

    private static long personId(int couple, int role) {
        return 2L * couple - 1 + role;
    }

    /**
     * Draws the facets' latent scores and their items' answers into {@code answers} starting at
     * {@code at} (item number n of the instrument at {@code at + n - 1}); returns the index after the
     * instrument's items. Facet latent scores go to {@code facetScores} when it is not null.
     */
    private static int answer(List<Facet> facets, double cause, List<Double> thresholds, int[] answers, int at,
            int items, UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian gauss, double[] facetScores) {
        double unique = Math.sqrt(1 - SimulationModel.LOADING * SimulationModel.LOADING);
        for (int f = 0; f < facets.size(); f++) {
            Facet facet = facets.get(f);
            double w = facet.weight();
            double score = w * cause + Math.sqrt(Math.max(0, 1 - w * w)) * gauss.sample();
            if (facetScores != null) {
                facetScores[f] = score;
            }
            for (int item : facet.items()) {
                double sign = facet.reversedItems().contains(item) ? -1 : 1;
                double y = sign * (facet.intercept() + SimulationModel.LOADING * score) + unique * gauss.sample();
                int category = 1;
                for (double t : thresholds) {
                    if (y > t) {
                        category++;
                    }
                }
                answers[at + item - 1] = category;
            }
        }
        return at + items;
    }

    private static void applyFaults(int couple, String[][] rows, boolean[] dropped) {
        List<String> cols = columns();
        for (DirtyData.Edit edit : DirtyData.EDITS) {
            if (edit.couple() != couple) {
                continue;
            }
            int p = "man".equals(edit.role()) ? 0 : 1;
            String[] row = rows[p];
            switch (edit.kind()) {
                case CELL -> row[cols.indexOf(edit.column())] = edit.value();
                case DUPLICATE_ID -> row[1] = Long.toString(personId(couple - 1, p));
                case BLANK_ID -> row[1] = "";
                case DROP_ROW -> dropped[p] = true;
                case BLANK_INSTRUMENT -> {
                    for (int i = ID_COLUMNS; i < row.length; i++) {
                        if (cols.get(i).matches(edit.column() + "\\d+")) {
                            row[i] = "";
                        }
                    }
                }
                case BLANK_ALL_ITEMS -> {
                    for (int i = ID_COLUMNS; i < row.length; i++) {
                        row[i] = "";
                    }
                }
                default -> throw new IllegalStateException("unknown fault " + edit.kind());
            }
        }
    }

    private static void addItems(List<String> cols, String prefix, int n) {
        for (int i = 1; i <= n; i++) {
            cols.add(prefix + i);
        }
    }
}
