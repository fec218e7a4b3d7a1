package org.dyadkit.survey;

import java.util.List;
import java.util.Objects;

/**
 * How a survey file is laid out.
 *
 * @param delimiter the field separator ({@code ,} by default; {@code ;} for many European exports)
 * @param extraHeaderRows rows between the column names and the first data row that are passed through
 *     but not scored (2 for Qualtrics exports: question text and import ids)
 * @param naCodes cell texts that mean "missing" besides a blank cell (for example {@code 99}, {@code -9});
 *     a numeric code also matches the same whole number written differently ({@code 99.0})
 * @param maxRowBytes the longest row accepted; a longer one is a whole-file error (it is almost always
 *     an unclosed quote)
 */
public record SurveyFormat(char delimiter, int extraHeaderRows, List<String> naCodes, int maxRowBytes) {
    /** The default limit on the length of one row: 16 MiB. */
    public static final int DEFAULT_MAX_ROW_BYTES = 16 << 20;

    /** Checks the values: a delimiter that is not a quote or line break, non-negative counts. */
    public SurveyFormat {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r' || delimiter > 127) {
            throw new IllegalArgumentException("the delimiter must be a single ASCII character other than a quote "
                    + "or a line break, not '" + delimiter + "'");
        }
        if (extraHeaderRows < 0) {
            throw new IllegalArgumentException("extraHeaderRows must be >= 0");
        }
        if (maxRowBytes < 1024) {
            throw new IllegalArgumentException("maxRowBytes must be at least 1024");
        }
        naCodes = List.copyOf(Objects.requireNonNull(naCodes, "naCodes"));
    }

    /** Comma-separated, one header row, only blank cells missing. */
    public static SurveyFormat csv() {
        return new SurveyFormat(',', 0, List.of(), DEFAULT_MAX_ROW_BYTES);
    }

    /** A copy with another delimiter. */
    public SurveyFormat withDelimiter(char d) {
        return new SurveyFormat(d, extraHeaderRows, naCodes, maxRowBytes);
    }

    /** A copy that expects Qualtrics' two extra header rows (question text, import ids) when {@code on}. */
    public SurveyFormat withQualtrics(boolean on) {
        return new SurveyFormat(delimiter, on ? 2 : 0, naCodes, maxRowBytes);
    }

    /** A copy with these missing-value codes. */
    public SurveyFormat withNaCodes(List<String> codes) {
        return new SurveyFormat(delimiter, extraHeaderRows, codes, maxRowBytes);
    }

    /** A copy with another row length limit. */
    public SurveyFormat withMaxRowBytes(int max) {
        return new SurveyFormat(delimiter, extraHeaderRows, naCodes, max);
    }
}
