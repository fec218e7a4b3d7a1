package org.dyadkit.examples.acitelli;

import org.dyadkit.apim.Method;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dyadkit.apim.Apim;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.ApimConstraints;
import org.dyadkit.apim.ChiSquareConvention;
import org.dyadkit.apim.Coefficient;
import org.dyadkit.apim.ConstraintTest;
import org.dyadkit.apim.DfMethod;
import org.dyadkit.apim.DistinguishabilityTest;
import org.dyadkit.apim.KEstimate;
import org.dyadkit.apim.Parameterisation;
import org.dyadkit.apim.SemDistinguishability;
import org.dyadkit.apim.SemDistinguishabilityResult;
import org.dyadkit.apim.SemTestKind;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.nonindependence.DistinguishableNonindependence;
import org.dyadkit.nonindependence.IndistinguishableNonindependence;
import org.dyadkit.nonindependence.Nonindependence;
import org.dyadkit.table.DataTable;

/**
 * Reanalysis of the Acitelli (1997) couples as published in the Garcia-Kenny dyadic data analysis
 * workshop, the dyadr package README, Kenny's slides on k and Kenny, Kashy &amp; Cook (2006), and of the
 * KKC Table 2.1 dyads: every number of rows A1-A7, A10-A13 and T1 of the shared reference values,
 * reproduced from {@code data-samples/acitelli_*.csv} and {@code data-samples/kkc2006_table2_1.csv} through
 * the public dyadkit API only, and printed as a table of quantity, published value, dyadkit value and
 * agreement to the printed digits.
 *
 * <p>The published values are data ({@code published_values.csv} beside this class), one number per row with
 * the number of decimals it was printed with; this class only says how dyadkit computes each of them
 * ({@link #reproduce(Path)}). The three Acitelli layouts are all used: the individual file for the
 * indistinguishable models, the dyad file for the distinguishable models and the nonindependence
 * statistics, the pairwise file for the dyadr README model (whose variable names it carries).
 *
 * <p>Run from the repository root:
 * {@code mvn -q -pl examples -am process-classes -Pexample -Dexample=org.dyadkit.examples.acitelli.KennyWorkshopReanalysis}
 * (optional argument: the folder holding the sample files, default {@code data-samples}). The exit status
 * is 1 when any number disagrees.
 */
public final class KennyWorkshopReanalysis {
    /** Bootstrap replicates for the k intervals (compared with published intervals within Monte Carlo error). */
    public static final int BOOTSTRAP_REPLICATES = 5000;
    /** The bootstrap seed (the one used for the R reference interval; the random streams differ). */
    public static final long BOOTSTRAP_SEED = 12345L;

    private KennyWorkshopReanalysis() {
    }

    /** Prints the comparison table; exits with status 1 when a number disagrees. */
    public static void main(String[] args) {
        Path samples = args.length > 0 ? Path.of(args[0]) : findSamples();
        List<Comparison> table = compare(PublishedValue.acitelli(), reproduce(samples));
        print(table, System.out);
        if (table.stream().anyMatch(c -> c.agreement() == Comparison.Agreement.NO)) {
            System.exit(1);
        }
    }

    /**
     * The {@code data-samples} folder: under the working directory or one of its parents.
     *
     * @throws IllegalStateException when there is none
     */
    public static Path findSamples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path s = p.resolve("data-samples");
            if (Files.isRegularFile(s.resolve("acitelli_individual.csv"))) {
                return s;
            }
        }
        throw new IllegalStateException("no data-samples folder with acitelli_individual.csv in "
                + Path.of("").toAbsolutePath() + " or its parents; give the folder as the first argument");
    }

    /** Pairs every published value with dyadkit's value under the same id (NaN when there is none). */
    public static List<Comparison> compare(List<PublishedValue> published, Map<String, Double> dyadkit) {
        List<Comparison> out = new ArrayList<>();
        for (PublishedValue v : published) {
            Double d = dyadkit.get(v.id());
            out.add(new Comparison(v, d == null ? Double.NaN : d));
        }
        return List.copyOf(out);
    }

    /**
     * Fits every model of the reference rows and returns each reproduced number under its id in
     * {@code published_values.csv}.
     *
     * @param samples the folder with {@code acitelli_individual.csv}, {@code acitelli_dyad.csv},
     *     {@code acitelli_pairwise.csv} and {@code kkc2006_table2_1.csv}
     * @throws org.dyadkit.InputException when a file or column is missing
     */
    public static Map<String, Double> reproduce(Path samples) {
        Map<String, Double> v = new LinkedHashMap<>();
        // Individual layout: gender is +1 for husbands and -1 for wives. Read without a role column, the
        // dyads are indistinguishable and gender is an ordinary variable (a covariate in A7).
        DataTable persons = DataTable.read(samples.resolve("acitelli_individual.csv"));
        DyadicData individual = DyadicData.individual(persons).dyad("cuplid").build();
        DyadicData byGender = DyadicData.individual(persons).dyad("cuplid").role("gender").roles("1", "-1").build();
        // Dyad layout: X_H and X_W; husbands first, so the interaction parameterisation codes husbands +1.
        DyadicData wide = DyadicData.dyad(DataTable.read(samples.resolve("acitelli_dyad.csv")))
                .dyad("cuplid").roles("H", "W").build();
        // Pairwise layout: X_A and X_P, as the dyadr package's acipair.
        DyadicData pairwise = DyadicData.pairwise(DataTable.read(samples.resolve("acitelli_pairwise.csv")))
                .dyad("CoupleID").indistinguishable().build();

        // A1: the APIM for indistinguishable dyads, REML.
        ApimFit a1 = Apim.indistinguishable(individual).withOutcome("satisfaction").withPredictor("other_pos").withMethod(Method.REML).fit();
        coefficient(v, "A1.intercept", a1.coefficient("intercept"));
        coefficient(v, "A1.actor", a1.coefficient("actor"));
        coefficient(v, "A1.partner", a1.coefficient("partner"));
        v.put("A1.rho", a1.rho());
        v.put("A1.sd", a1.residualSd("all"));
        v.put("A1.loglik", a1.logLik());
        v.put("A1.aic", a1.aic());
        v.put("A1.bic", a1.bic());

        // A2: the empty model, and the pseudo R-squared of A1 against it.
        ApimFit a2 = Apim.indistinguishable(individual).withOutcome("satisfaction").withMethod(Method.REML).fit();
        coefficient(v, "A2.intercept", a2.coefficient("intercept"));
        v.put("A2.rho", a2.rho());
        v.put("A2.sd", a2.residualSd("all"));
        v.put("A2.loglik", a2.logLik());
        v.put("A2.lr", 2 * (a1.logLik() - a2.logLik()));
        v.put("A2.pseudo_r2", a1.pseudoR2().get("all"));

        // A3: distinguishable dyads, moderation (interaction) parameterisation, husbands coded +1.
        ApimFit a3 = Apim.distinguishable(wide).withOutcome("satisfaction").withPredictor("other_pos")
                .withParameterisation(Parameterisation.INTERACTION).withMethod(Method.REML).fit();
        coefficient(v, "A3.intercept", a3.coefficient("intercept"));
        coefficient(v, "A3.actor", a3.coefficient("actor"));
        coefficient(v, "A3.partner", a3.coefficient("partner"));
        coefficient(v, "A3.role", a3.coefficient("role"));
        coefficient(v, "A3.actor_role", a3.coefficient("actor:role"));
        coefficient(v, "A3.partner_role", a3.coefficient("partner:role"));
        v.put("A3.rho", a3.rho());
        v.put("A3.loglik", a3.logLik());
        v.put("A3.aic", a3.aic());
        v.put("A3.sd.husband", a3.residualSd("H"));
        v.put("A3.sd.wife", a3.residualSd("W"));
        v.put("A3.sd_ratio", a3.residualSd("W") / a3.residualSd("H"));

        // A4: the same model in the two-intercept parameterisation.
        ApimFit a4 = Apim.distinguishable(wide).withOutcome("satisfaction").withPredictor("other_pos").withMethod(Method.REML).fit();
        for (String[] role : new String[][] {{"husband", "H"}, {"wife", "W"}}) {
            coefficient(v, "A4.intercept." + role[0], a4.coefficient("intercept:" + role[1]));
            coefficient(v, "A4.actor." + role[0], a4.coefficient("actor:" + role[1]));
            coefficient(v, "A4.partner." + role[0], a4.coefficient("partner:" + role[1]));
            v.put("A4.variance." + role[0], Math.pow(a4.residualSd(role[1]), 2));
        }
        v.put("A4.loglik", a4.logLik());
        v.put("A4.aic", a4.aic());

        // A5: the empty distinguishable model, and the per-role pseudo R-squared of A4 against it.
        ApimFit a5 = Apim.distinguishable(wide).withOutcome("satisfaction").withMethod(Method.REML).fit();
        v.put("A5.rho", a5.rho());
        coefficient(v, "A5.mean.husband", a5.coefficient("intercept:H"));
        coefficient(v, "A5.mean.wife", a5.coefficient("intercept:W"));
        v.put("A5.sd_ratio", a5.residualSd("W") / a5.residualSd("H"));
        v.put("A5.pseudo_r2.wife", a4.pseudoR2().get("W"));
        v.put("A5.pseudo_r2.husband", a4.pseudoR2().get("H"));

        // A6: the ML likelihood-ratio test of distinguishability.
        DistinguishabilityTest a6 = Apim.distinguishable(byGender).withOutcome("satisfaction").withPredictor("other_pos")
                .distinguishability();
        v.put("A6.chi2", a6.chiSquare());
        v.put("A6.df", (double) a6.df());
        v.put("A6.p", a6.p());
        v.put("A6.loglik.indist", a6.indistinguishable().logLik());
        v.put("A6.loglik.dist", a6.distinguishable().logLik());
        v.put("A6.rho", a6.indistinguishable().rho());
        v.put("A6.actor.se", a6.indistinguishable().coefficient("actor").se());
        v.put("A6.sd", a6.indistinguishable().residualSd("all"));

        // A7: a multilevel model with a within-dyad (gender) and a between-dyad (Yearsmar) covariate.
        ApimFit a7 = Apim.indistinguishable(individual).withOutcome("satisfaction").withCovariate("gender")
                .withCovariate("Yearsmar").withMethod(Method.REML).fit();
        coefficient(v, "A7.gender", a7.coefficient("gender"));
        coefficient(v, "A7.intercept", a7.coefficient("intercept"));
        coefficient(v, "A7.yearsmar", a7.coefficient("Yearsmar"));
        v.put("A7.rho", a7.rho());
        v.put("A7.df.nlme", a7.coefficient("gender").df());
        ApimFit a7s = Apim.indistinguishable(individual).withOutcome("satisfaction").withCovariate("gender")
                .withCovariate("Yearsmar").withDf(DfMethod.SATTERTHWAITE).withMethod(Method.REML).fit();
        v.put("A7.df.satterthwaite.intercept", a7s.coefficient("intercept").df());
        v.put("A7.df.satterthwaite.gender", a7s.coefficient("gender").df());
        v.put("A7.df.satterthwaite.yearsmar", a7s.coefficient("Yearsmar").df());
        // SAS type=cs reports the dyad covariance and the remaining (within) variance
        double total = Math.pow(a7s.residualSd("all"), 2);
        v.put("A7.sas.cs", a7s.residual().cov());
        v.put("A7.sas.residual", total - a7s.residual().cov());
        v.put("A7.sas.m2rll", -2 * a7s.logLik());

        // A10: the dyadr README model, actor tension and partner self-positivity (pairwise file);
        // its interval is R's confint() on the gls fit, which uses the normal quantile.
        ApimFit a10 = Apim.indistinguishable(pairwise).withOutcome("Satisfaction").withCovariate("Tension")
                .withCovariate("partner.SelfPos").withNormalIntervals(true).withMethod(Method.REML).fit();
        coefficient(v, "A10.tension", a10.coefficient("Tension"));
        coefficient(v, "A10.intercept", a10.coefficient("intercept"));
        coefficient(v, "A10.selfpos", a10.coefficient("partner.SelfPos"));
        v.put("A10.rho", a10.rho());
        v.put("A10.sd", a10.residualSd("all"));
        v.put("A10.pseudo_r2", a10.pseudoR2().get("all"));

        // A12: k = p / a, pooled and per role, with dyad-resampling bootstrap intervals.
        ApimFit k = Apim.indistinguishable(individual).withOutcome("satisfaction").withPredictor("other_pos")
                .withBootstrap(BOOTSTRAP_REPLICATES, BOOTSTRAP_SEED).withMethod(Method.REML).fit();
        KEstimate kAll = k.k("all");
        v.put("A12.k", kAll.k().getAsDouble());
        v.put("A12.k.kenny_ci_lower", kAll.percentile().orElseThrow().lower());
        v.put("A12.k.kenny_ci_upper", kAll.percentile().orElseThrow().upper());
        v.put("A12.k.r_ci_lower", kAll.percentile().orElseThrow().lower());
        v.put("A12.k.r_ci_upper", kAll.percentile().orElseThrow().upper());
        ApimFit kd = Apim.distinguishable(wide).withOutcome("satisfaction").withPredictor("other_pos")
                .withBootstrap(BOOTSTRAP_REPLICATES, BOOTSTRAP_SEED).withMethod(Method.REML).fit();
        v.put("A12.k.husband", kd.k("H").k().getAsDouble());
        v.put("A12.k.wife", kd.k("W").k().getAsDouble());
        v.put("A12.k.husband.kenny_ci_lower", kd.k("H").percentile().orElseThrow().lower());
        v.put("A12.k.husband.kenny_ci_upper", kd.k("H").percentile().orElseThrow().upper());
        v.put("A12.k.wife.kenny_ci_lower", kd.k("W").percentile().orElseThrow().lower());

        // A11: the SEM tests of distinguishability (Olsen and Kenny 2006), Kenny's N - 1 and lavaan's N convention.
        Apim semModel = Apim.distinguishable(wide).withOutcome("satisfaction").withPredictor("other_pos");
        SemDistinguishabilityResult amos = SemDistinguishability.of(semModel)
                .withConvention(ChiSquareConvention.N_MINUS_1).fit();
        SemDistinguishabilityResult lavaan = SemDistinguishability.of(semModel).fit();
        v.put("A11.complete.chi2", amos.test(SemTestKind.COMPLETE).chiSquare());
        v.put("A11.complete.p", amos.test(SemTestKind.COMPLETE).p());
        v.put("A11.y.chi2", amos.test(SemTestKind.Y).chiSquare());
        v.put("A11.y.p", amos.test(SemTestKind.Y).p());
        v.put("A11.effect.chi2", amos.test(SemTestKind.EFFECT).chiSquare());
        v.put("A11.effect.p", amos.test(SemTestKind.EFFECT).p());
        v.put("A11.complete.chi2.lavaan", lavaan.test(SemTestKind.COMPLETE).chiSquare());
        v.put("A11.y.chi2.lavaan", lavaan.test(SemTestKind.Y).chiSquare());
        v.put("A11.effect.chi2.lavaan", lavaan.test(SemTestKind.EFFECT).chiSquare());
        // A12: the equal-k test (Amos chi-square difference: the N - 1 convention)
        ConstraintTest equalK = ApimConstraints.of(semModel).withEqualK()
                .withConvention(ChiSquareConvention.N_MINUS_1).fit().test("equal_k");
        v.put("A12.equal_k.chi2", equalK.lrChiSquare());
        v.put("A12.equal_k.p", equalK.lrP());

        // A13: nonindependence of satisfaction, distinguishable (Pearson r) and not (ICCs).
        DistinguishableNonindependence r = Nonindependence.distinguishable(wide).withVariable("satisfaction").fit();
        v.put("A13.r", r.pearsonR());
        v.put("A13.r.ci_lower", r.fisherCiLower());
        v.put("A13.r.ci_upper", r.fisherCiUpper());
        v.put("A13.r.t", r.t());
        v.put("A13.r.df", r.df());
        DyadicData exchangeable = DyadicData.dyad(DataTable.read(samples.resolve("acitelli_dyad.csv")))
                .dyad("cuplid").roles("H", "W").indistinguishable().build();
        IndistinguishableNonindependence icc = Nonindependence.indistinguishable(exchangeable).withVariable("satisfaction").fit();
        v.put("A13.icc", icc.anovaIcc());
        v.put("A13.icc.msb", icc.msBetween());
        v.put("A13.icc.msw", icc.msWithin());
        v.put("A13.icc.f", icc.f());
        v.put("A13.icc.df1", icc.df1());
        v.put("A13.icc.df2", icc.df2());
        v.put("A13.pairwise_r", icc.pairwiseR());
        v.put("A13.pairwise_z", icc.z());

        // T1: KKC Table 2.1, ten dyads with scores x and xprime (read as the dyad layout x_1, x_2).
        DataTable kkcFile = DataTable.read(samples.resolve("kkc2006_table2_1.csv"));
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < kkcFile.rowCount(); i++) {
            rows.add(kkcFile.row(i));
        }
        DyadicData kkc = DyadicData.dyad(DataTable.of(kkcFile.source(), List.of("dyad", "x_1", "x_2"), rows))
                .dyad("dyad").build();
        IndistinguishableNonindependence t1 = Nonindependence.indistinguishable(kkc).withVariable("x").fit();
        v.put("T1.icc", t1.anovaIcc());
        v.put("T1.msb", t1.msBetween());
        v.put("T1.msw", t1.msWithin());
        v.put("T1.f", t1.f());
        v.put("T1.df1", t1.df1());
        v.put("T1.df2", t1.df2());
        v.put("T1.p", t1.p());
        v.put("T1.pairwise_r", t1.pairwiseR());
        ApimFit t1Fit = Apim.indistinguishable(kkc).withOutcome("x").withMethod(Method.REML).fit();
        v.put("T1.rho", t1Fit.rho());
        v.put("T1.rho.ci_lower", t1Fit.rhoInterval().orElseThrow().lower());
        v.put("T1.rho.ci_upper", t1Fit.rhoInterval().orElseThrow().upper());
        return v;
    }

    private static void coefficient(Map<String, Double> v, String id, Coefficient c) {
        v.put(id, c.estimate());
        v.put(id + ".se", c.se());
        v.put(id + ".t", c.t());
        v.put(id + ".p", c.p());
        v.put(id + ".df", c.df());
        v.put(id + ".ci_lower", c.ciLower());
        v.put(id + ".ci_upper", c.ciUpper());
    }

    /** Prints the table (grouped by reference row) and the notes. */
    public static void print(List<Comparison> table, PrintStream out) {
        out.println("Acitelli couples (148 married couples) and KKC Table 2.1: published values reproduced by dyadkit");
        out.println("agree = within half a unit of the last printed decimal, unless a tolerance and a note are given.");
        out.println("Bootstrap limits come from random resamples and cannot agree digit for digit: dyadkit's "
                + BOOTSTRAP_REPLICATES + "-replicate");
        out.println("percentile interval (seed " + BOOTSTRAP_SEED + ") must lie within 3.5 Monte Carlo SEs of the"
                + " published limit.");
        out.println();
        String fmt = "%-4s %-50s %12s %13s  %s%n";
        List<String> notes = new ArrayList<>();
        String group = null;
        for (Comparison c : table) {
            PublishedValue r = c.reference();
            if (!r.analysis().equals(group)) {
                group = r.analysis();
                out.println();
                out.println(group + "  " + (r.model().equals("same") ? "" : r.model()));
                out.printf(Locale.ROOT, fmt, "", "quantity", "published", "dyadkit", "agree");
            } else if (!r.model().equals("same")) {
                out.println("     " + r.model());
            }
            String agree = c.agreementText();
            boolean noted = r.check() != PublishedValue.Check.DIGITS && !r.note().isEmpty();
            if (noted) {
                if (!notes.contains(r.note())) {
                    notes.add(r.note());
                }
                agree = agree + " [" + (notes.indexOf(r.note()) + 1) + "]";
            }
            out.printf(Locale.ROOT, fmt, "", r.quantity(), r.published(), c.dyadkitPrinted(), agree);
        }
        long yes = table.stream().filter(c -> c.agreement() == Comparison.Agreement.YES).count();
        long no = table.stream().filter(c -> c.agreement() == Comparison.Agreement.NO).count();
        long na = table.size() - yes - no;
        out.println();
        out.println("Notes:");
        for (int i = 0; i < notes.size(); i++) {
            out.println("[" + (i + 1) + "] " + notes.get(i));
        }
        out.println();
        out.printf(Locale.ROOT, "%d numbers: %d agree, %d disagree, %d not available in dyadkit.%n", table.size(), yes,
                no, na);
        if (no > 0) {
            out.println("Disagreements:");
            for (Comparison c : table) {
                if (c.agreement() == Comparison.Agreement.NO) {
                    out.printf(Locale.ROOT, "  %s (%s): published %s, dyadkit %.10g%n", c.reference().id(),
                            c.reference().quantity(), c.reference().published(), c.dyadkit());
                }
            }
        }
        out.println("Sources: " + String.join("; ", table.stream().map(c -> c.reference().source())
                .filter(s -> !s.startsWith("this survey")).distinct().toList()));
    }
}
