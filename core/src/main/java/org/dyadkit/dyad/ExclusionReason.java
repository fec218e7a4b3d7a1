package org.dyadkit.dyad;

/**
 * Why a person was left out of an analysis, in the fixed order in which {@link Sample} lists the reasons.
 * A person counts under the first reason that applies.
 */
public enum ExclusionReason {
    /** The dyad id is missing (only data given as arrays can have one). */
    MISSING_DYAD("missing dyad id"),
    /** The role is missing or not one of the two roles of the model. */
    MISSING_ROLE("missing role"),
    /**
     * A score the analysis needs is missing because the scorer's rule left it missing (the row's
     * {@code <prefix>_problems} cell names it), not because the cell was blank in the export.
     */
    SCORE_MISSING_UNDER_RULE("a score missing under its rule"),
    /** The outcome is missing. */
    MISSING_OUTCOME("missing outcome"),
    /** The mediator is missing. */
    MISSING_MEDIATOR("missing mediator"),
    /** The person's own predictor is missing. */
    MISSING_PREDICTOR("missing own predictor"),
    /** A covariate (or a moderator) is missing. */
    MISSING_COVARIATE("missing covariate"),
    /** The person has no partner in the data, and the analysis needs the partner's values. */
    ONLY_MEMBER("only member of the dyad"),
    /** The partner's predictor (or another partner value the model uses) is missing. */
    MISSING_PARTNER_PREDICTOR("missing partner's predictor"),
    /** The variable analysed is missing (analyses of one variable, such as nonindependence). */
    MISSING_VALUE("missing value"),
    /** The partner's value is missing (statistics that need both members). */
    MISSING_PARTNER_VALUE("missing partner's value"),
    /**
     * Repeated measures: none of the person's occasions has the outcome and every variable of the model
     * (the occasions themselves are counted by the over-time analyses).
     */
    NO_USABLE_OCCASION("no occasion with the outcome and every model variable present");

    private final String label;

    ExclusionReason(String label) {
        this.label = label;
    }

    /** The words used in {@link Sample.Exclusion#reason()}, in text and in JSON. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
