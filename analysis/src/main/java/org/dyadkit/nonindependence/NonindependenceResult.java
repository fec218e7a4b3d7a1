package org.dyadkit.nonindependence;

/**
 * The nonindependence of one variable: {@link DistinguishableNonindependence} or
 * {@link IndistinguishableNonindependence}.
 */
public sealed interface NonindependenceResult permits DistinguishableNonindependence, IndistinguishableNonindependence {
    /** The variable. */
    String variable();

    /** The number of dyads with both members' values, which the statistic used. */
    int nDyads();

    /** Who the statistic used: the members of the dyads with both values. */
    org.dyadkit.dyad.Sample sample();
}
