package org.dyadkit.nonindependence;

import java.util.List;
import org.dyadkit.dyad.DyadArrays;
import org.dyadkit.dyad.DyadicData;
import org.dyadkit.dyad.ExclusionReason;
import org.dyadkit.dyad.Sample;

/** The samples of the nonindependence statistics and the correlation tables. */
final class Samples {
    private Samples() {
    }

    /**
     * The members of the dyads where both members have the variable: a person is left out as the only
     * member of the dyad, for a missing value, or for the partner's missing value.
     */
    static Sample pairs(DyadicData data, String variable) {
        DyadArrays a = DyadArrays.of(data);
        double[] v = a.values(variable);
        ExclusionReason[] why = new ExclusionReason[a.persons()];
        for (int i = 0; i < why.length; i++) {
            int p = a.partner(i);
            if (p < 0) {
                why[i] = ExclusionReason.ONLY_MEMBER;
            } else if (Double.isNaN(v[i])) {
                why[i] = a.missing(i, variable, ExclusionReason.MISSING_VALUE);
            } else if (Double.isNaN(v[p])) {
                why[i] = a.missing(p, variable, ExclusionReason.MISSING_PARTNER_VALUE);
            }
        }
        return a.sample(why);
    }

    /**
     * The persons of a correlation table: members of complete dyads with at least one of the variables
     * (each correlation uses the dyads where its own two values are present; its n is on its row).
     */
    static Sample correlations(DyadicData data, List<String> variables) {
        DyadArrays a = DyadArrays.of(data);
        ExclusionReason[] why = new ExclusionReason[a.persons()];
        for (int i = 0; i < why.length; i++) {
            if (a.partner(i) < 0) {
                why[i] = ExclusionReason.ONLY_MEMBER;
                continue;
            }
            boolean any = false;
            for (String v : variables) {
                any |= !Double.isNaN(a.values(v)[i]);
            }
            if (!any) {
                why[i] = a.missing(i, variables.get(0), ExclusionReason.MISSING_VALUE);
            }
        }
        return a.sample(why);
    }
}
