package org.dyadkit.nonindependence;

import java.util.List;

/**
 * The correlation table of indistinguishable dyads (Griffin &amp; Gonzalez 1995): each variable's pairwise
 * intraclass correlation, and for each pair of variables the overall (within-person), cross-intraclass
 * (cross-partner), individual-level and dyad-level correlations.
 *
 * @param variables the variables
 * @param intraclass one row per variable
 * @param pairs one row per pair of variables, in the order given
 * @param sample persons in complete dyads with at least one of the variables, and why the others were not used
 */
public record ExchangeableCorrelations(List<String> variables, List<IntraclassRow> intraclass,
        List<ExchangeableRow> pairs, org.dyadkit.dyad.Sample sample) implements CrossPartnerCorrelations {
    /** A table; the lists are copied. */
    public ExchangeableCorrelations {
        variables = List.copyOf(variables);
        intraclass = List.copyOf(intraclass);
        pairs = List.copyOf(pairs);
    }
}
