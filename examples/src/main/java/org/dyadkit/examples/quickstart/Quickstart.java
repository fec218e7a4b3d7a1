package org.dyadkit.examples.quickstart;

import org.dyadkit.apim.Method;
import java.nio.file.Path;
import org.dyadkit.apim.Apim;
import org.dyadkit.apim.ApimFit;
import org.dyadkit.apim.Coefficient;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Instruments;
import org.dyadkit.nonindependence.DistinguishableNonindependence;
import org.dyadkit.nonindependence.Nonindependence;
import org.dyadkit.scoring.MissingRule;
import org.dyadkit.scoring.ScoredRow;
import org.dyadkit.scoring.Scorer;
import org.dyadkit.scoring.TotalMethod;
import org.dyadkit.table.DataTable;

/**
 * The Java example of the README, kept here so that it is compiled with every build: scores one
 * person's SCS-26 answers, then fits the Acitelli APIM of Kenny, Kashy &amp; Cook (2006).
 *
 * <p>Run from the repository root:
 * {@code mvn -q -pl examples -am compile exec:java -Dexec.mainClass=org.dyadkit.examples.quickstart.Quickstart}
 */
public final class Quickstart {
    private Quickstart() {}

    /** Prints a scored row and the distinguishable APIM of satisfaction on other-positivity. */
    public static void main(String[] args) {
        // 1. Score one respondent: all self-kindness items 5, every other answer 3.
        Instrument scs = Instruments.bundled("scs");
        Scorer scorer = Scorer.of(scs)
                .withMissing(MissingRule.minAnsweredFraction(0.8))
                .withTotal(TotalMethod.MEAN_OF_SUBSCALES);
        int[] answers = new int[scs.items().size()];
        for (int i = 0; i < answers.length; i++) {
            int number = scs.items().get(i).number();
            boolean selfKindness = number == 5 || number == 12 || number == 19 || number == 23 || number == 26;
            answers[i] = selfKindness ? 5 : 3;
        }
        ScoredRow row = scorer.score(answers);
        System.out.println("SCS total (mean of subscale means): " + row.value("total").getAsDouble());

        // 2. The Acitelli couples: partner correlation and the distinguishable APIM.
        DataTable table = DataTable.read(Path.of(args.length > 0 ? args[0] : "data-samples/acitelli_individual.csv"));
        DyadicData couples = DyadicData.individual(table).dyad("cuplid").role("gender").build();
        DistinguishableNonindependence r = Nonindependence.distinguishable(couples).withVariable("satisfaction").fit();
        System.out.printf("partner r = %.4f, 95%% CI [%.4f, %.4f]%n", r.pearsonR(), r.fisherCiLower(), r.fisherCiUpper());

        ApimFit fit = Apim.distinguishable(couples).withOutcome("satisfaction").withPredictor("other_pos").withMethod(Method.REML).fit();
        for (Coefficient c : fit.coefficients()) {
            System.out.printf("%-14s %10.6f  SE %.6f  p %.3g%n", c.term(), c.estimate(), c.se(), c.p());
        }
        System.out.printf("residual SD wives %.6f, husbands %.6f, rho %.6f%n",
                fit.residualSd("-1"), fit.residualSd("1"), fit.rho());
    }
}
