package org.dyadkit.examples.acitelli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the Acitelli / KKC reanalysis and fails on any published number that dyadkit does not reproduce.
 * The expectations are the rows of {@code published_values.csv}; nothing here restates them.
 */
class KennyWorkshopReanalysisTest {
    private static List<PublishedValue> published;
    private static Map<String, Double> reproduced;

    @BeforeAll
    static void run() {
        published = PublishedValue.acitelli();
        reproduced = KennyWorkshopReanalysis.reproduce(KennyWorkshopReanalysis.findSamples());
    }

    @Test
    void everyPublishedNumberAgrees() {
        List<String> disagreements = new ArrayList<>();
        for (Comparison c : KennyWorkshopReanalysis.compare(published, reproduced)) {
            if (c.agreement() == Comparison.Agreement.NO) {
                disagreements.add(c.reference().id() + " (" + c.reference().quantity() + "): published "
                        + c.reference().published() + ", dyadkit " + c.dyadkit() + ", allowed difference "
                        + c.reference().allowedDifference());
            }
        }
        assertTrue(disagreements.isEmpty(), "numbers that disagree:\n" + String.join("\n", disagreements));
    }

    /** Every row names a reproduced value; gaps cannot appear silently. */
    @Test
    void onlyTheDocumentedGapsAreNotCompared() {
        Set<String> unavailable = new TreeSet<>();
        for (PublishedValue v : published) {
            if (v.check() == PublishedValue.Check.UNAVAILABLE) {
                unavailable.add(v.id());
            } else {
                assertTrue(reproduced.containsKey(v.id()), "no dyadkit value computed for " + v.id());
            }
        }
        // the last gaps (the equal-k test of A12) are closed: every published number is compared
        assertEquals(Set.of(), unavailable);
    }

    /** Only resampling limits and nlme's imprecise optima are checked with a tolerance. */
    @Test
    void tolerancesAreOnlyWhereDigitsCannotAgree() {
        Map<String, Double> tolerances = new LinkedHashMap<>();
        for (PublishedValue v : published) {
            if (v.check() == PublishedValue.Check.TOLERANCE) {
                tolerances.put(v.id(), v.tolerance());
                assertTrue(!v.note().isBlank(), v.id() + " needs a note saying why it has a tolerance");
            }
        }
        assertEquals(Set.of("A3.rho", "A3.sd_ratio", "T1.rho", "A12.k.kenny_ci_lower", "A12.k.kenny_ci_upper",
                "A12.k.r_ci_lower", "A12.k.r_ci_upper", "A12.k.husband.kenny_ci_lower",
                "A12.k.husband.kenny_ci_upper", "A12.k.wife.kenny_ci_lower"), tolerances.keySet());
        for (String id : List.of("A3.rho", "A3.sd_ratio", "T1.rho")) {
            assertTrue(tolerances.get(id) <= 1e-6, id);
        }
    }

    @Test
    void coversTheReferenceRowGroups() {
        Set<String> groups = published.stream().map(PublishedValue::analysis).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A10", "A11", "A12", "A13", "T1")), groups);
        assertEquals(144, published.size());
    }

    /** The comparison itself can fail: a value off by one unit of the last printed decimal disagrees. */
    @Test
    void aValueOffInTheLastPrintedDigitDisagrees() {
        PublishedValue actor = published.stream().filter(v -> v.id().equals("A1.actor")).findFirst().orElseThrow();
        assertEquals(Comparison.Agreement.YES, new Comparison(actor, 0.40042314).agreement());
        assertEquals(Comparison.Agreement.NO, new Comparison(actor, 0.4004232).agreement());
        assertEquals(Comparison.Agreement.NO, new Comparison(actor, Double.NaN).agreement());
        PublishedValue p = published.stream().filter(v -> v.id().equals("A1.intercept.p")).findFirst().orElseThrow();
        assertEquals(Comparison.Agreement.YES, new Comparison(p, 0.03874).agreement());
        assertEquals(Comparison.Agreement.NO, new Comparison(p, 0.03876).agreement());
    }

    @Test
    void printsTheTableWithASummary() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        KennyWorkshopReanalysis.print(KennyWorkshopReanalysis.compare(published, reproduced),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("144 numbers: 144 agree, 0 disagree, 0 not available in dyadkit."), text);
        assertTrue(text.contains("0.4004231     0.4004231  yes"), text);
    }
}
