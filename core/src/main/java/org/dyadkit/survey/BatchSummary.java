package org.dyadkit.survey;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a batch run did: rows read, rows with at least one score, and problems by kind.
 *
 * @param source the input file name
 * @param rowsRead data rows read (header rows and blank lines excluded)
 * @param rowsScored rows in which at least one score could be computed
 * @param problems the number of problems of each kind (every kind present, zero when none)
 */
public record BatchSummary(String source, long rowsRead, long rowsScored, Map<ProblemKind, Long> problems) {
    /** Copies the counts. */
    public BatchSummary {
        EnumMap<ProblemKind, Long> copy = new EnumMap<>(ProblemKind.class);
        for (ProblemKind k : ProblemKind.values()) {
            copy.put(k, problems.getOrDefault(k, 0L));
        }
        problems = java.util.Collections.unmodifiableMap(copy);
    }

    /** The total number of problems. */
    public long problemCount() {
        return problems.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * One paragraph for a person: rows read, rows scored, problems by kind, for example
     * {@code survey.csv: read 1,000 rows, scored 990. Problems: 12 out_of_range, 1 duplicate_id.}
     */
    public String paragraph() {
        StringBuilder sb = new StringBuilder();
        sb.append(source).append(": read ").append(grouped(rowsRead))
                .append(rowsRead == 1 ? " row" : " rows").append(", scored ")
                .append(grouped(rowsScored)).append('.');
        if (problemCount() == 0) {
            sb.append(" No problems found.");
        } else {
            sb.append(" Problems: ");
            boolean first = true;
            for (Map.Entry<ProblemKind, Long> e : problems.entrySet()) {
                if (e.getValue() > 0) {
                    sb.append(first ? "" : ", ").append(grouped(e.getValue()))
                            .append(' ').append(e.getKey().code());
                    first = false;
                }
            }
            sb.append('.');
        }
        return sb.toString();
    }

    /** {@code n} with commas between groups of three digits, as {@code String.format(Locale.ROOT, "%,d", n)}. */
    static String grouped(long n) {
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3);
        sb.append(digits, 0, sign);
        for (int i = sign; i < digits.length(); i++) {
            if (i > sign && (digits.length() - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }
}
