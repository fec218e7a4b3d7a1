package org.dyadkit.nonindependence;

import java.util.List;

/**
 * A within-person and cross-partner correlation table for a set of variables:
 * {@link DistinguishableCorrelations} or {@link ExchangeableCorrelations}.
 */
public sealed interface CrossPartnerCorrelations permits DistinguishableCorrelations, ExchangeableCorrelations {
    /** The variables, in the order given. */
    List<String> variables();

    /** Who the table used. */
    org.dyadkit.dyad.Sample sample();
}
