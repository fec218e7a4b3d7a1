package org.dyadkit.resample;

/** How a confidence interval was computed. */
public enum IntervalKind {
    /** Estimate plus or minus a quantile times the (delta-method) standard error. */
    DELTA("delta-method"),
    /** Percentile bootstrap interval ({@code boot.ci(type = "perc")}). */
    PERCENTILE("percentile"),
    /** Bias-corrected bootstrap interval (BCa with acceleration 0; Efron 1987). */
    BIAS_CORRECTED("bias-corrected"),
    /** Bias-corrected and accelerated bootstrap interval, jackknife acceleration ({@code boot.ci(type = "bca")}). */
    BCA("bca"),
    /** Monte Carlo interval of an indirect effect (Selig and Preacher 2008). */
    MONTE_CARLO("monte-carlo");

    private final String label;

    IntervalKind(String label) {
        this.label = label;
    }

    /** The name written in text and JSON output ({@code percentile}, {@code bias-corrected}, ...). */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
