package org.dyadkit.examples.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.dyadkit.instrument.Instrument;
import org.dyadkit.instrument.Instruments;
import org.dyadkit.instrument.Item;
import org.dyadkit.instrument.Subscale;
import org.dyadkit.scoring.ScoredRow;
import org.dyadkit.scoring.Scorer;
import org.junit.jupiter.api.Test;

class PartnerBehaviourInstrumentTest {
    private static final Path DATA = Path.of("..", "data-samples");

    private static Instrument partnerBehaviour() {
        return Instruments.read(DATA.resolve("partner-behaviour.json"));
    }

    @Test
    void definitionLoadsAsAUserDefinedInstrument() {
        Instrument pb = partnerBehaviour();
        assertEquals("partner-behaviour", pb.id());
        assertEquals(Instrument.Status.USER_DEFINED, pb.status());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), pb.items().stream().map(Item::number).toList());
        for (Item item : pb.items()) {
            assertEquals(1, item.min(), "item " + item.number());
            assertEquals(7, item.max(), "item " + item.number());
        }
        assertEquals(List.of("caring", "controlling", "accepting"),
                pb.subscales().stream().map(Subscale::name).toList());
        assertEquals(List.of(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7, 8, 9)),
                pb.subscales().stream().map(Subscale::items).toList());
        assertTrue(pb.totalMethods().isEmpty(), "no total");
        assertEquals(List.of("caring", "controlling", "accepting"), Scorer.of(pb).scoreNames());
        assertTrue(pb.notes().stream().anyMatch(n -> n.contains("not a published measure")), "notes say so");
        // the generator's facets are the instrument's subscales
        assertEquals(SimulationModel.PARTNER_BEHAVIOUR.stream().map(SimulationModel.Facet::name).toList(),
                pb.subscales().stream().map(Subscale::name).toList());
    }

    /**
     * Scores the pb columns of the committed sample: every subscale is the plain mean of its answered items
     * (controlling included: nothing is reversed), present when at least 2 of its 3 items are valid.
     */
    @Test
    void scoresTheSampleAsPlainMeansOfTheAnsweredItems() throws IOException {
        Scorer scorer = Scorer.of(partnerBehaviour());
        List<String> lines = Files.readAllLines(DATA.resolve("simulated_couples.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int first = header.indexOf("pb1");
        int scored = 0;
        for (int line = 1; line < lines.size(); line++) {
            String[] cells = lines.get(line).split(",", -1);
            int[] responses = new int[9];
            for (int i = 0; i < 9; i++) {
                String c = cells[first + i];
                responses[i] = c.matches("[1-7]") ? Integer.parseInt(c) : Scorer.MISSING;
            }
            ScoredRow row = scorer.score(responses);
            String[] names = {"caring", "controlling", "accepting"};
            for (int s = 0; s < 3; s++) {
                double sum = 0;
                int answered = 0;
                for (int i = 3 * s; i < 3 * s + 3; i++) {
                    if (responses[i] != Scorer.MISSING) {
                        sum += responses[i];
                        answered++;
                    }
                }
                OptionalDouble value = row.value(names[s]);
                String where = "line " + line + ", " + names[s];
                assertEquals(answered, row.get(names[s]).answered(), where);
                if (answered >= 2) {
                    assertEquals(sum / answered, value.orElseThrow(), 1e-12, where);
                    scored++;
                } else {
                    assertFalse(value.isPresent(), where);
                }
            }
        }
        assertTrue(scored > 880, "scores present: " + scored);
    }
}
