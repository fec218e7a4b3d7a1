package org.dyadkit.examples.selfcompassion;

import org.dyadkit.apim.Method;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dyadkit.apim.Apim;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.Coefficient;
import org.dyadkit.apim.DistinguishabilityTest;
import org.dyadkit.apim.KEstimate;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Instruments;
import org.dyadkit.nonindependence.CorrelationRow;
import org.dyadkit.nonindependence.CrossPartner;
import org.dyadkit.nonindependence.DistinguishableCorrelations;
import org.dyadkit.nonindependence.DistinguishableNonindependence;
import org.dyadkit.nonindependence.Nonindependence;
import org.dyadkit.nonindependence.RoleSummary;
import org.dyadkit.reliability.MissingData;
import org.dyadkit.reliability.Reliability;
import org.dyadkit.reliability.ScaleDefinition;
import org.dyadkit.reliability.ScaleReliability;
import org.dyadkit.scoring.MissingRule;
import org.dyadkit.scoring.Scorer;
import org.dyadkit.survey.BatchScoring;
import org.dyadkit.survey.BatchSummary;
import org.dyadkit.survey.ItemColumns;
import org.dyadkit.survey.SurveyFormat;
import org.dyadkit.table.DataTable;

/**
 * The analysis a couples paper in the style of Neff &amp; Beretvas (2013, Self and Identity 12, 78-98) prints,
 * run on the simulated couple survey {@code data-samples/simulated_couples.csv} (150 couples, a man and a
 * woman each; its generating model and true values are in {@code docs/samples.md}):
 *
 * <ol>
 *   <li>score the Self-Compassion Scale (SCS-26), the Relationship Assessment Scale (RAS) and the partner-rated
 *       behaviour items ({@code data-samples/partner-behaviour.json}) with the 80% rule: a score needs
 *       ceil(0.8 k) of its k items;</li>
 *   <li>each role's means and SDs and the partner correlations (nonindependence) of every score;</li>
 *   <li>the cross-partner table: each partner's self-reported self-compassion with the other partner's
 *       ratings of their caring, controlling and accepting behaviour;</li>
 *   <li>the APIM of relationship satisfaction (RAS) on both partners' self-compassion: distinguishable,
 *       the test of distinguishability, and the indistinguishable model with k = partner / actor and a
 *       dyad-bootstrap interval;</li>
 *   <li>reliability (alpha and omega, as psych) of the SCS scales, the RAS and the behaviour scales, per partner.</li>
 * </ol>
 *
 * <p>Every number comes from the public library API, the same calls the {@code dyadkit} commands make.
 * Run from the repository root:
 * {@code mvn -q -pl examples -am process-classes -Pexample -Dexample=org.dyadkit.examples.selfcompassion.CouplesSelfCompassion}
 * (optional arguments: the survey CSV, the behaviour instrument file, and the folder for the scored file;
 * default the sample files and a new temporary folder).
 */
public final class CouplesSelfCompassion {
    /** The minimum answered fraction of every score (the 80% rule). */
    public static final BigDecimal MIN_ANSWERED = new BigDecimal("0.8");
    /** Bootstrap replicates for the interval of k. */
    public static final int BOOTSTRAP_REPLICATES = 2000;
    /** The bootstrap seed. */
    public static final long SEED = 2013L;
    /** The roles of the sample, in the order used everywhere (men first). */
    public static final List<String> ROLES = List.of("man", "woman");
    /** Score columns of the analysis: self-compassion, satisfaction, and the three rated behaviours. */
    public static final String SCS = "scs_total";
    /** Relationship satisfaction (RAS item mean). */
    public static final String RAS = "ras_total";
    /** The partner-rated behaviours: a person's columns hold their ratings of the partner. */
    public static final List<String> BEHAVIOURS = List.of("partner_behaviour_caring", "partner_behaviour_controlling",
            "partner_behaviour_accepting");

    private CouplesSelfCompassion() {
    }

    /**
     * Everything the report prints.
     *
     * @param scoring the scoring run's summary (rows read and scored, problems by kind)
     * @param scored the scored survey file
     * @param couples the scored persons grouped into couples (roles man, woman)
     * @param partnerCorrelations nonindependence of each analysed score, in {@link #variables()} order
     * @param crossPartner within-person and cross-partner correlations of self-compassion and the behaviours
     * @param apim the distinguishable APIM of satisfaction on self-compassion (REML, two intercepts)
     * @param distinguishability the ML test of distinguishability of that model
     * @param pooled the indistinguishable APIM (REML) with k and its bootstrap interval
     * @param reliability alpha and omega per scale and role, keyed by instrument id
     */
    public record Analysis(BatchSummary scoring, Path scored, DyadicData couples,
            List<DistinguishableNonindependence> partnerCorrelations, DistinguishableCorrelations crossPartner,
            ApimFit apim, DistinguishabilityTest distinguishability, ApimFit pooled,
            Map<String, List<ScaleReliability>> reliability) {
    }

    /** The analysed score columns: self-compassion, satisfaction, the three behaviours. */
    public static List<String> variables() {
        List<String> v = new ArrayList<>(List.of(SCS, RAS));
        v.addAll(BEHAVIOURS);
        return List.copyOf(v);
    }

    /** Runs the analysis on the sample (or the files given) and prints the report. */
    public static void main(String[] args) throws IOException {
        Path samples = samples();
        Path survey = args.length > 0 ? Path.of(args[0]) : samples.resolve("simulated_couples.csv");
        Path behaviour = args.length > 1 ? Path.of(args[1]) : samples.resolve("partner-behaviour.json");
        Path out = args.length > 2 ? Files.createDirectories(Path.of(args[2]))
                : Files.createTempDirectory("dyadkit-selfcompassion");
        print(run(survey, behaviour, out), System.out);
    }

    /**
     * The {@code data-samples} folder under the working directory or one of its parents.
     *
     * @throws IllegalStateException when there is none
     */
    public static Path samples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path s = p.resolve("data-samples");
            if (Files.isRegularFile(s.resolve("simulated_couples.csv"))) {
                return s;
            }
        }
        throw new IllegalStateException("no data-samples folder with simulated_couples.csv in "
                + Path.of("").toAbsolutePath() + " or its parents; give the files as arguments");
    }

    /**
     * Scores the survey into {@code outputDir/simulated_couples_scored.csv} (problems listed in
     * {@code outputDir/problems.csv}) and runs every analysis of the report.
     *
     * @throws org.dyadkit.InputException for a missing file or column
     * @throws org.dyadkit.AnalysisException when the data do not allow an analysis
     */
    public static Analysis run(Path survey, Path behaviourInstrument, Path outputDir) {
        Instrument scs = Instruments.bundled("scs");
        Instrument ras = Instruments.bundled("ras");
        Instrument behaviour = Instruments.read(behaviourInstrument);
        MissingRule rule = MissingRule.minAnsweredFraction(MIN_ANSWERED);

        // 1. Scoring, one streaming pass over the survey; faulty cells are set to missing and listed.
        BatchScoring batch = BatchScoring.of(SurveyFormat.csv()).withId("person_id")
                .withInstrument(BatchScoring.defaultPrefix(scs), Scorer.of(scs).withMissing(rule), ItemColumns.pattern("scs{n}"))
                .withInstrument(BatchScoring.defaultPrefix(ras), Scorer.of(ras).withMissing(rule), ItemColumns.pattern("ras{n}"))
                .withInstrument(BatchScoring.defaultPrefix(behaviour), Scorer.of(behaviour).withMissing(rule),
                        ItemColumns.pattern("pb{n}"));
        Path scored = outputDir.resolve("simulated_couples_scored.csv");
        BatchSummary summary = batch.run(survey, scored, outputDir.resolve("problems.csv"));

        // 2. Couples: the scored persons grouped by couple, men and women distinguished.
        DyadicData couples = DyadicData.individual(DataTable.read(scored)).dyad("couple_id").role("role")
                .roles(ROLES.get(0), ROLES.get(1)).build();
        List<DistinguishableNonindependence> partner = new ArrayList<>();
        for (String v : variables()) {
            partner.add(Nonindependence.distinguishable(couples).withVariable(v).fit());
        }

        // 3. Self-compassion with the behaviour ratings: a person's behaviour columns rate the partner, so the
        //    cross-partner rows (man's SCS with the woman's ratings) are self-compassion x partner-rated behaviour.
        List<String> table = new ArrayList<>(List.of(SCS));
        table.addAll(BEHAVIOURS);
        DistinguishableCorrelations cross = CrossPartner.distinguishable(couples).withVariables(table).fit();

        // 4. The APIM of satisfaction on both partners' self-compassion.
        ApimFit apim = Apim.distinguishable(couples).withOutcome(RAS).withPredictor(SCS).withMethod(Method.REML).fit();
        DistinguishabilityTest test = Apim.distinguishable(couples).withOutcome(RAS).withPredictor(SCS).distinguishability();
        ApimFit pooled = Apim.indistinguishable(couples).withOutcome(RAS).withPredictor(SCS)
                .withBootstrap(BOOTSTRAP_REPLICATES, SEED).withMethod(Method.REML).fit();

        // 5. Reliability per partner, from the item responses (pairwise-complete covariances, as psych).
        DataTable items = DataTable.read(survey);
        String[] roles = items.text("role");
        Map<String, List<ScaleReliability>> reliability = new LinkedHashMap<>();
        reliability.put(scs.id(), reliability(items, roles, scs, "scs{n}"));
        reliability.put(ras.id(), reliability(items, roles, ras, "ras{n}"));
        reliability.put(behaviour.id(), reliability(items, roles, behaviour, "pb{n}"));
        return new Analysis(summary, scored, couples, List.copyOf(partner), cross, apim, test, pooled, reliability);
    }

    /**
     * Alpha and omega of each of an instrument's default scales (its subscales, then its total), per role.
     * An answer that is not a whole number in its item's range is missing, as in scoring.
     */
    static List<ScaleReliability> reliability(DataTable table, String[] roles, Instrument instrument, String pattern) {
        ItemColumns columns = ItemColumns.pattern(pattern);
        List<ScaleReliability> out = new ArrayList<>();
        for (ScaleDefinition def : ScaleDefinition.defaults(instrument)) {
            List<String> names = new ArrayList<>();
            double[][] x = new double[table.rowCount()][def.items().size()];
            for (int j = 0; j < def.items().size(); j++) {
                int number = def.items().get(j);
                String column = columns.column(number);
                names.add(column);
                String[] text = table.text(column);
                int min = instrument.item(number).min();
                int max = instrument.item(number).max();
                for (int r = 0; r < text.length; r++) {
                    x[r][j] = answer(text[r], min, max);
                }
            }
            int factors = def.groupFactors();
            out.addAll(Reliability.byGroup(def.name(), def.itemSet(instrument, names, x), roles, MissingData.PAIRWISE,
                    factors).values());
        }
        return List.copyOf(out);
    }

    private static double answer(String cell, int min, int max) {
        String t = cell == null ? "" : cell.strip();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(t);
            return v == Math.rint(v) && v >= min && v <= max ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The partner correlation of a variable. @throws IllegalArgumentException if it was not analysed */
    public static DistinguishableNonindependence partnerCorrelation(Analysis a, String variable) {
        return a.partnerCorrelations().stream().filter(r -> r.variable().equals(variable)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not analysed: " + variable));
    }

    /**
     * The correlation of {@code xRole}'s self-compassion with {@code yRole}'s score {@code y}.
     *
     * @throws IllegalArgumentException if the table has no such row
     */
    public static CorrelationRow correlation(Analysis a, String xRole, String y, String yRole) {
        return a.crossPartner().rows().stream()
                .filter(r -> r.x().equals(SCS) && r.xRole().equals(xRole) && r.y().equals(y) && r.yRole().equals(yRole))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no row " + xRole + " " + y + " " + yRole));
    }

    // ------------------------------------------------------------------ report

    /** Prints the report. */
    public static void print(Analysis a, PrintStream out) {
        out.println("Self-compassion in couples: a reanalysis in the style of Neff & Beretvas (2013)");
        out.println("Data: " + a.scored() + " (scored from the simulated couple survey; true model in docs/samples.md)");
        out.println();
        out.println("1. Scoring (a score needs ceil(0.8 k) of its k items: 4 of 5, 4 of 4, 6 of 7, 3 of 3)");
        out.println("   " + a.scoring().paragraph());
        out.printf(Locale.ROOT, "   %d couples, %d with one member.%n", a.couples().size(), a.couples().singletons().size());
        for (String w : a.couples().warnings()) {
            out.println("   note: " + w);
        }

        out.println();
        out.println("2. Descriptive statistics and partner correlations");
        out.printf(Locale.ROOT, "   %-30s %-20s   %-20s   %s%n", "", "men", "women", "partner correlation");
        out.printf(Locale.ROOT, "   %-30s %5s %7s %6s   %5s %7s %6s   %4s %7s  %-17s %7s%n", "score", "n", "mean", "SD", "n",
                "mean", "SD", "n", "r", "95% CI", "p");
        for (DistinguishableNonindependence r : a.partnerCorrelations()) {
            RoleSummary m = r.roleSummaries().get(0);
            RoleSummary w = r.roleSummaries().get(1);
            out.printf(Locale.ROOT, "   %-30s %5d %7.3f %6.3f   %5d %7.3f %6.3f   %4d %7.3f  [%6.3f, %6.3f] %7s%n", r.variable(),
                    m.n(), m.mean(), m.sd(), w.n(), w.mean(), w.sd(), r.nDyads(), r.pearsonR(), r.fisherCiLower(),
                    r.fisherCiUpper(), p(r.p()));
        }
        DistinguishableNonindependence s = partnerCorrelation(a, SCS);
        out.printf(Locale.ROOT, "   Men minus women in self-compassion (couples with both scores): %.3f, paired t(%.0f) = %.2f, p %s,"
                + " d_av = %.2f%n", s.meanDifference().meanDifference(), s.meanDifference().df(), s.meanDifference().t(),
                p(s.meanDifference().p()), s.meanDifference().dAv());

        out.println();
        out.println("3. Self-reported self-compassion with the partner's ratings of one's behaviour");
        out.println("   (cross-partner: each person's SCS total with the other partner's ratings of that person)");
        crossTable(a, out, true);
        out.println("   Self-compassion with one's own ratings of the partner (within person), for comparison:");
        crossTable(a, out, false);
        out.println("   * p < .05, ** p < .01, *** p < .001 (t test of r on n - 2 df)");

        out.println();
        out.println("4. APIM: relationship satisfaction (RAS) on own (actor) and partner's (partner) self-compassion");
        out.printf(Locale.ROOT, "   Distinguishable dyads, REML, two intercepts: %d couples, %d persons in the model%n",
                a.apim().nDyads(), a.apim().nObs());
        coefficients(a.apim(), out);
        out.printf(Locale.ROOT, "   residual SD men %.3f, women %.3f; residual correlation %.3f; pseudo R2 men %.3f, women %.3f%n",
                a.apim().residualSd(ROLES.get(0)), a.apim().residualSd(ROLES.get(1)), a.apim().rho(),
                a.apim().pseudoR2().get(ROLES.get(0)), a.apim().pseudoR2().get(ROLES.get(1)));
        DistinguishabilityTest t = a.distinguishability();
        out.printf(Locale.ROOT, "   Test of distinguishability (ML): chi2(%d) = %.3f, p %s: %s%n", t.df(), t.chiSquare(), p(t.p()),
                t.p() < 0.05 ? "indistinguishability is rejected; keep the distinguishable model"
                        : "indistinguishability is not rejected; the simpler indistinguishable model follows");
        out.printf(Locale.ROOT, "   Indistinguishable dyads, REML: %d couples, %d persons%n", a.pooled().nDyads(), a.pooled().nObs());
        coefficients(a.pooled(), out);
        out.printf(Locale.ROOT, "   residual SD %.3f; residual correlation %.3f; pseudo R2 %.3f%n", a.pooled().residualSd("all"),
                a.pooled().rho(), a.pooled().pseudoR2().get("all"));
        KEstimate k = a.pooled().k("all");
        out.printf(Locale.ROOT, "   k = partner / actor = %.3f, SE %.3f; 95%% CI: delta method [%.3f, %.3f], bootstrap"
                + " percentile [%.3f, %.3f], bias-corrected %s (%d couple resamples, seed %d)%n", k.k().getAsDouble(),
                k.se().getAsDouble(), k.delta().orElseThrow().lower(), k.delta().orElseThrow().upper(),
                k.percentile().orElseThrow().lower(), k.percentile().orElseThrow().upper(),
                k.biasCorrected().map(b -> String.format(Locale.ROOT, "[%.3f, %.3f]", b.lower(), b.upper())).orElse("-"),
                k.bootstrapReplicates(), k.seed());
        out.printf(Locale.ROOT, "   pattern: %s (read from the %s)%n",
                k.pattern().name().toLowerCase(Locale.ROOT).replace('_', '-'), k.patternBasis().orElse("-"));
        out.println("     (1 = couple pattern: partner effect as large as the actor effect; 0 = actor only;"
                + " Kenny & Ledermann 2010)");

        out.println();
        out.println("5. Reliability per partner (pairwise-complete covariances, as psych::alpha and psych::omega)");
        out.printf(Locale.ROOT, "   %-17s %-20s %-6s %4s %7s  %-17s %8s %8s%n", "instrument", "scale", "role", "n", "alpha",
                "Feldt 95% CI", "omega_t", "omega_h");
        for (var e : a.reliability().entrySet()) {
            for (ScaleReliability r : e.getValue()) {
                out.printf(Locale.ROOT, "   %-17s %-20s %-6s %4d %7.3f  [%6.3f, %6.3f] %8s %8s%n", e.getKey(), r.scale(), r.group(),
                        r.alpha().respondents(), r.alpha().rawAlpha(), r.alpha().feldt().lower(),
                        r.alpha().feldt().upper(),
                        r.omegaTotal().map(o -> String.format(Locale.ROOT, "%.3f", o.omegaTotal())).orElse("-"),
                        r.omegaHierarchical().map(o -> String.format(Locale.ROOT, "%.3f",
                                o.omegaHierarchical().orElse(Double.NaN))).orElse("-"));
            }
        }
    }

    private static void crossTable(Analysis a, PrintStream out, boolean partnerRated) {
        out.printf(Locale.ROOT, "   %-22s", "self-compassion of");
        for (String b : BEHAVIOURS) {
            out.printf(Locale.ROOT, " %22s", b.substring("partner_behaviour_".length()));
        }
        out.println();
        for (String role : ROLES) {
            String rater = partnerRated ? (role.equals(ROLES.get(0)) ? ROLES.get(1) : ROLES.get(0)) : role;
            out.printf(Locale.ROOT, "   %-22s", role.equals("man") ? "men" : "women");
            for (String b : BEHAVIOURS) {
                CorrelationRow c = correlation(a, role, b, rater);
                out.printf(Locale.ROOT, " %22s", String.format(Locale.ROOT, "%.3f%-3s (n %d)", c.r(), stars(c.p()), c.n()));
            }
            out.println();
        }
    }

    private static void coefficients(ApimFit fit, PrintStream out) {
        out.printf(Locale.ROOT, "   %-18s %9s %8s %6s %8s %9s  %s%n", "term", "estimate", "SE", "df", "t", "p", "95% CI");
        for (Coefficient c : fit.coefficients()) {
            out.printf(Locale.ROOT, "   %-18s %9.4f %8.4f %6.0f %8.3f %9s  [%.4f, %.4f]%n", c.term(), c.estimate(), c.se(), c.df(),
                    c.t(), p(c.p()), c.ciLower(), c.ciUpper());
        }
    }

    private static String p(double p) {
        return p < 0.001 ? "< .001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String stars(double p) {
        return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : "";
    }
}
