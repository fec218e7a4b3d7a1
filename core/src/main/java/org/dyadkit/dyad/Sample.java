package org.dyadkit.dyad;

import java.util.List;
import java.util.Objects;

/**
 * Who an analysis used: persons and dyads in the file, persons and dyads that entered the analysis,
 * and each reason a person was left out with its count. Every analysis result carries one, so that a
 * reader can always say "221 of 299 persons in 148 of 150 dyads; 40 missing scs_total under its rule".
 *
 * <p>JSON (written by the {@code report} module): {@code "sample": {"persons_in_file": .., "dyads_in_file":
 * .., "persons_used": .., "dyads_used": .., "excluded": [{"reason": "..", "persons": ..}]}}.
 *
 * @param personsInFile persons (rows of the individual layout) in the data given to the analysis
 * @param dyadsInFile dyads in the data given to the analysis
 * @param personsUsed persons who entered the analysis
 * @param dyadsUsed dyads with at least one person in the analysis
 * @param excluded each reason a person was left out, in a fixed order, with the number of persons (a
 *     person counts under the first reason that applies, so the counts add up to
 *     {@code personsInFile - personsUsed})
 */
public record Sample(int personsInFile, int dyadsInFile, int personsUsed, int dyadsUsed, List<Exclusion> excluded) {

    /** One reason persons were left out and how many. */
    public record Exclusion(String reason, int persons) {
        /** Checks the reason is named and the count positive. */
        public Exclusion {
            Objects.requireNonNull(reason, "reason");
            if (persons <= 0) {
                throw new IllegalArgumentException("an exclusion counts at least one person: " + persons);
            }
        }
    }

    /** Checks the counts are consistent and copies the list. */
    public Sample {
        excluded = List.copyOf(excluded);
        if (personsUsed < 0 || personsUsed > personsInFile || dyadsUsed < 0 || dyadsUsed > dyadsInFile) {
            throw new IllegalArgumentException("inconsistent sample counts: " + personsUsed + " of " + personsInFile
                    + " persons, " + dyadsUsed + " of " + dyadsInFile + " dyads");
        }
    }

    /** A sample in which everyone was used. */
    public static Sample complete(int persons, int dyads) {
        return new Sample(persons, dyads, persons, dyads, List.of());
    }

    /** Persons left out, over every reason. */
    public int personsExcluded() {
        return personsInFile - personsUsed;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(personsUsed).append(" of ").append(personsInFile).append(" persons in ").append(dyadsUsed)
                .append(" of ").append(dyadsInFile).append(" dyads");
        for (Exclusion e : excluded) {
            sb.append("; ").append(e.persons()).append(' ').append(e.reason());
        }
        return sb.toString();
    }
}
