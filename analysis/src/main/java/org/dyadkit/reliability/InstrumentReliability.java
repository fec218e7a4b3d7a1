package org.dyadkit.reliability;

import java.util.List;
import org.dyadkit.dyad.Sample;
import org.dyadkit.instrument.Instrument;

/**
 * The reliability of an instrument's scales in a table: every scale's (and group's) alpha and omega, the
 * answers set to missing by the cell rules, and who was used.
 *
 * @param instrument the instrument
 * @param missing the treatment of missing answers
 * @param groupColumn the column whose values split the respondents ({@code --by}), empty for none
 * @param scales each scale's reliability (per group, groups in sorted order, when split)
 * @param itemNumbers the instrument's item numbers of each scale, by scale name
 * @param itemColumns how item numbers map to columns, in words
 * @param problems the cells set to missing, by line and column
 * @param sample respondents in the table and with at least one answer to a scale's item; a respondent with no
 *     answer, or (when split) without a group, is left out
 */
public record InstrumentReliability(Instrument instrument, MissingData missing,
        java.util.Optional<String> groupColumn, List<ScaleReliability> scales,
        java.util.Map<String, List<Integer>> itemNumbers, String itemColumns, List<CellProblem> problems,
        Sample sample) {
    /** Copies the lists. */
    public InstrumentReliability {
        scales = List.copyOf(scales);
        itemNumbers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(itemNumbers));
        problems = List.copyOf(problems);
    }
}
