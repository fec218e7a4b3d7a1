package org.dyadkit.power;

/** How power was obtained. */
public enum PowerMethod {
    /** From the noncentral t (or normal) distribution of the test statistic (APIMPowerR's model). */
    ANALYTIC,
    /** As the share of simulated data sets, each fitted by the analysis engine, in which the test rejects. */
    SIMULATION
}
