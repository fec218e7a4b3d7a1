package org.dyadkit.apim;

import java.util.List;

/**
 * An APIM's standardised design and cross products with the options the tests on it need (package-private:
 * made by {@code Apim.Builder.frame}).
 */
record ModelFrame(ApimData data, Design design, CrossProducts cp, String outcome, List<String> predictors,
        List<String> covariates, List<String> interactions, List<String> roles, boolean distinguishable,
        String kPredictor, double level, Method method, boolean[] eligible, boolean[] eligibleAny) {

    /** Keeps only persons whose partner is also eligible (complete dyads). */
    static boolean[] completeOnly(ApimData data, boolean[] ok) {
        boolean[] out = new boolean[ok.length];
        for (int i = 0; i < ok.length; i++) {
            int j = data.partner(i);
            out[i] = ok[i] && j >= 0 && ok[j];
        }
        return out;
    }

    /**
     * Who entered: persons and dyads in the data, persons and dyads used, and the persons left out for a
     * missing value or role and (when only complete dyads are used) for a partner who did not enter.
     */
    org.dyadkit.dyad.Sample sample() {
        int n = data.size();
        int dyadsInFile = 0;
        int missing = 0;
        int partnerOut = 0;
        for (int i = 0; i < n; i++) {
            int j = data.partner(i);
            if (j < 0 || j > i) {
                dyadsInFile++;
            }
            if (!eligibleAny[i]) {
                missing++;
            } else if (!eligible[i]) {
                partnerOut++;
            }
        }
        java.util.List<org.dyadkit.dyad.Sample.Exclusion> ex = new java.util.ArrayList<>();
        if (missing > 0) {
            ex.add(new org.dyadkit.dyad.Sample.Exclusion("missing outcome, predictor or role", missing));
        }
        if (partnerOut > 0) {
            ex.add(new org.dyadkit.dyad.Sample.Exclusion("partner not in the model (complete dyads only)",
                    partnerOut));
        }
        return new org.dyadkit.dyad.Sample(n, dyadsInFile, design.n, design.dyads.length, ex);
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
