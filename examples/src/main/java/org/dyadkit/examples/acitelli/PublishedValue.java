package org.dyadkit.examples.acitelli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One published (or independently computed) number that a reanalysis reproduces: a row of
 * {@code published_values.csv}, the examples' copy of {@code shared/data/reference_values.csv} with one
 * number per row and the precision it was printed with.
 *
 * @param id the row's key (for example {@code A1.actor.se}); the reanalysis computes a value under this key
 * @param dataset {@code acitelli} or {@code kkc2006}
 * @param analysis the reference row group (A1 to A13, T1)
 * @param model the model as it was fitted in R, SAS or Amos ({@code same} = as the row above)
 * @param quantity what the number is
 * @param published the number as printed (for example {@code .0387}); its digits are the claim checked
 * @param decimals how many decimals were printed
 * @param check how agreement is judged
 * @param tolerance the allowed absolute difference when {@code check} is {@link Check#TOLERANCE}, else NaN
 * @param status {@code published}, {@code published+reproduced} or {@code computed}, as in the reference file
 * @param source where the number was printed
 * @param note why the check is what it is, or a remark from the reference file (may be empty)
 */
public record PublishedValue(String id, String dataset, String analysis, String model, String quantity,
        String published, int decimals, Check check, double tolerance, String status, String source, String note) {

    /** How a reproduced value is compared with the published one. */
    public enum Check {
        /** Agreement to every printed digit: |dyadkit - published| at most half a unit of the last printed decimal. */
        DIGITS,
        /**
         * Agreement within a stated absolute tolerance, for numbers that cannot agree digit for digit (random
         * resampling, or a published optimum that is itself imprecise); the note says why.
         */
        TOLERANCE,
        /** dyadkit has no statistic for this number; it is listed, not compared. */
        UNAVAILABLE
    }

    /** The published number as a double. */
    public double value() {
        return new BigDecimal(published).doubleValue();
    }

    /**
     * The largest difference that still counts as agreement: half a unit of the last printed decimal
     * (with a relative allowance of 1e-9 for binary rounding), or the stated tolerance.
     */
    public double allowedDifference() {
        return switch (check) {
            case DIGITS -> 0.5 * Math.pow(10, -decimals) * (1 + 1e-9);
            case TOLERANCE -> tolerance;
            case UNAVAILABLE -> Double.NaN;
        };
    }

    /** The bundled values of the Acitelli / KKC reanalysis, in file order. */
    public static List<PublishedValue> acitelli() {
        return read(PublishedValue.class, "published_values.csv");
    }

    /**
     * Reads a values file from the classpath (relative to {@code anchor}'s package): a header with the
     * columns of this record, one row per number, comma-separated, double quotes around fields with commas.
     *
     * @throws IllegalStateException when the resource is missing or a row is malformed (names the line)
     */
    public static List<PublishedValue> read(Class<?> anchor, String resource) {
        String text;
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " not found next to " + anchor.getName());
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] lines = text.split("\r?\n");
        List<String> header = fields(lines[0]);
        List<String> expected = List.of("id", "dataset", "analysis", "model", "quantity", "published", "decimals",
                "check", "tolerance", "status", "source", "note");
        if (!header.equals(expected)) {
            throw new IllegalStateException(resource + ": header " + header + ", expected " + expected);
        }
        List<PublishedValue> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> f = fields(lines[i]);
            if (f.size() != expected.size()) {
                throw new IllegalStateException(resource + " line " + (i + 1) + ": " + f.size() + " fields, expected "
                        + expected.size());
            }
            try {
                Check check = Map.of("digits", Check.DIGITS, "tolerance", Check.TOLERANCE, "unavailable",
                        Check.UNAVAILABLE).get(f.get(7));
                if (check == null) {
                    throw new IllegalArgumentException("check must be digits, tolerance or unavailable: " + f.get(7));
                }
                PublishedValue v = new PublishedValue(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5),
                        Integer.parseInt(f.get(6)), check, f.get(8).isEmpty() ? Double.NaN : Double.parseDouble(f.get(8)),
                        f.get(9), f.get(10), f.get(11));
                int printed = Math.max(new BigDecimal(v.published()).scale(), 0);
                if (printed != v.decimals()) {
                    throw new IllegalArgumentException("decimals " + v.decimals() + " but " + v.published() + " has "
                            + printed);
                }
                if (check == Check.TOLERANCE && !(v.tolerance() > 0)) {
                    throw new IllegalArgumentException("a tolerance check needs a positive tolerance");
                }
                out.add(v);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(resource + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    /** Splits one CSV line (RFC 4180 quoting, no line breaks inside fields). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
