package org.dyadkit.apim;

import java.util.List;
import org.dyadkit.dyad.DyadArrays;
import org.dyadkit.dyad.ExclusionReason;
import org.dyadkit.dyad.Sample;

/**
 * An APIM's standardised design and cross products with the options the tests on it need (package-private:
 * made by {@code Apim.frame}).
 */
record ModelFrame(DyadArrays data, Design design, CrossProducts cp, String outcome, List<String> predictors,
        List<String> covariates, List<String> interactions, List<String> roles, boolean distinguishable,
        String kPredictor, double level, Method method, Sample sample) {

    /**
     * Leaves out persons whose partner does not enter (complete dyads only): {@link ExclusionReason#ONLY_MEMBER}
     * without a partner, else {@link ExclusionReason#MISSING_PARTNER_VALUE}.
     */
    static ExclusionReason[] completeOnly(DyadArrays data, ExclusionReason[] why) {
        ExclusionReason[] out = why.clone();
        for (int i = 0; i < why.length; i++) {
            if (why[i] != null) {
                continue;
            }
            int j = data.partner(i);
            if (j < 0) {
                out[i] = ExclusionReason.ONLY_MEMBER;
            } else if (why[j] != null) {
                out[i] = ExclusionReason.MISSING_PARTNER_VALUE;
            }
        }
        return out;
    }

    /** Number of complete dyads in the design. */
    int completeDyads() {
        int n = 0;
        for (int[] b : design.dyads) {
            n += b.length == 2 ? 1 : 0;
        }
        return n;
    }

    /** The term name of the actor (or partner) effect of the k predictor. */
    String effectTerm(String kind) {
        return predictors.size() > 1 ? kind + "." + kPredictor : kind;
    }

    /** The contrast (original coefficients) giving the effect of a base term for a role (0 or 1). */
    double[] contrast(String term, int role) {
        int t = design.termIndex(term);
        if (t < 0) {
            throw new IllegalArgumentException("no term " + term);
        }
        return design.contrast(t, role);
    }

    /** Number of roles the effects differ by: 2 distinguishable, 1 indistinguishable. */
    int nRoles() {
        return distinguishable ? 2 : 1;
    }

    /** Role label of role index r ({@code all} when indistinguishable). */
    String roleLabel(int r) {
        return distinguishable ? roles.get(r) : "all";
    }
}
