package org.dyadkit.survey;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;
import org.dyadkit.input.ReadOptions;

/**
 * How a survey file is laid out: the dialect shared with every other reader ({@link ReadOptions}:
 * delimiter, decimal comma, missing-value codes, Qualtrics header rows, encoding) and the longest row the
 * streaming reader accepts.
 *
 * @param options the dialect
 * @param maxRowBytes the longest row accepted; a longer one is a whole-file error (it is almost always
 *     an unclosed quote)
 */
public record SurveyFormat(ReadOptions options, int maxRowBytes) {
    /** The default limit on the length of one row: 16 MiB. */
    public static final int DEFAULT_MAX_ROW_BYTES = 16 << 20;

    /** Checks the values. */
    public SurveyFormat {
        Objects.requireNonNull(options, "options");
        if (maxRowBytes < 1024) {
            throw new IllegalArgumentException("maxRowBytes must be at least 1024");
        }
    }

    /** Comma-separated UTF-8, one header row, only blank cells missing. */
    public static SurveyFormat csv() {
        return of(ReadOptions.csv());
    }

    /** The format of a dialect, with the default row limit. */
    public static SurveyFormat of(ReadOptions options) {
        return new SurveyFormat(options, DEFAULT_MAX_ROW_BYTES);
    }

    /** The field separator. */
    public char delimiter() {
        return options.delimiter();
    }

    /** Rows between the column names and the first data row that are not data (2 for Qualtrics exports). */
    public int extraHeaderRows() {
        return options.extraHeaderRows();
    }

    /** Cell texts that mean missing besides a blank cell. */
    public List<String> naCodes() {
        return options.naCodes();
    }

    /** Whether numbers are written with a decimal comma. */
    public boolean decimalComma() {
        return options.decimalComma();
    }

    /** The character set of the file. */
    public Charset encoding() {
        return options.encoding();
    }

    /** A copy with another delimiter ({@code ,} {@code ;} tab {@code |}). */
    public SurveyFormat withDelimiter(char d) {
        return new SurveyFormat(options.withDelimiter(d), maxRowBytes);
    }

    /** A copy that expects Qualtrics' two extra header rows (question text, import ids) when {@code on}. */
    public SurveyFormat withQualtrics(boolean on) {
        return new SurveyFormat(options.withQualtrics(on), maxRowBytes);
    }

    /** A copy with these missing-value codes. */
    public SurveyFormat withNaCodes(List<String> codes) {
        return new SurveyFormat(options.withNa(codes), maxRowBytes);
    }

    /** A copy that reads {@code 3,5} as 3.5 when {@code on}. */
    public SurveyFormat withDecimalComma(boolean on) {
        return new SurveyFormat(options.withDecimalComma(on), maxRowBytes);
    }

    /** A copy in another character set (converted to UTF-8 as it is read). */
    public SurveyFormat withEncoding(Charset charset) {
        return new SurveyFormat(options.withEncoding(charset), maxRowBytes);
    }

    /** A copy with another row length limit. */
    public SurveyFormat withMaxRowBytes(int max) {
        return new SurveyFormat(options, max);
    }
}
