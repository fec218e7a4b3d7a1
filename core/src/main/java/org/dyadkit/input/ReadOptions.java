package org.dyadkit.input;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The dialect of an input file, one value for every reader (batch scoring, {@code DataTable}, reliability,
 * restructuring and the analyses), so that a cell means the same thing in every path.
 *
 * <ul>
 *   <li>{@code delimiter}: the field separator, one of {@code ,} {@code ;} tab {@code |} (default {@code ,}).
 *   <li>{@code decimalComma}: numbers are written {@code 3,5}; a cell {@code 3,5} is then the number 3.5.
 *       Off by default: a decimal comma is then not a number (and a note names this option).
 *   <li>{@code naCodes}: cell texts that mean missing besides a blank cell ({@code -99}, {@code 999},
 *       {@code NA}, {@code .}); a whole-number code also matches the same number written differently
 *       ({@code -99.0}). {@code NA} and {@code .} are missing in analysis columns even when not listed.
 *   <li>{@code qualtrics}: two extra header rows (question text, import ids) under the column names are
 *       skipped; they are not data, and they are not written to a scored file.
 *   <li>{@code encoding}: UTF-8 (with or without a byte-order mark) by default; Windows-1252 or Latin-1
 *       files are converted to UTF-8 as they are read.
 * </ul>
 *
 * Immutable: each {@code with} method returns a copy.
 *
 * @param delimiter the field separator
 * @param decimalComma whether numbers use a decimal comma
 * @param naCodes missing-value codes besides a blank cell, stripped, without duplicates
 * @param qualtrics whether the file has Qualtrics' two extra header rows
 * @param encoding the character set of the file
 */
public record ReadOptions(char delimiter, boolean decimalComma, List<String> naCodes, boolean qualtrics,
        Charset encoding) {
    /** The separators accepted: comma, semicolon, tab and vertical bar. */
    public static final String DELIMITERS = ",;\t|";

    /** Checks the values. */
    public ReadOptions {
        if (DELIMITERS.indexOf(delimiter) < 0) {
            throw new IllegalArgumentException("the delimiter must be one of , ; tab |, not " + describe(delimiter));
        }
        Objects.requireNonNull(encoding, "encoding");
        List<String> codes = new ArrayList<>();
        for (String c : Objects.requireNonNull(naCodes, "naCodes")) {
            String s = Objects.requireNonNull(c, "missing-value code").strip();
            if (s.isEmpty()) {
                throw new IllegalArgumentException("a missing-value code must not be blank (a blank cell is always missing)");
            }
            codes.add(s);
        }
        naCodes = List.copyOf(new LinkedHashSet<>(codes));
    }

    /** Comma-separated UTF-8, one header row, only blank cells missing, decimal point. */
    public static ReadOptions csv() {
        return new ReadOptions(',', false, List.of(), false, StandardCharsets.UTF_8);
    }

    /** A copy with another field separator ({@code ,} {@code ;} tab {@code |}). */
    public ReadOptions withDelimiter(char d) {
        return new ReadOptions(d, decimalComma, naCodes, qualtrics, encoding);
    }

    /** A copy that reads {@code 3,5} as 3.5 when {@code on}. */
    public ReadOptions withDecimalComma(boolean on) {
        return new ReadOptions(delimiter, on, naCodes, qualtrics, encoding);
    }

    /** A copy with these missing-value codes (replacing the earlier ones). */
    public ReadOptions withNa(String... codes) {
        return withNa(List.of(codes));
    }

    /** A copy with these missing-value codes (replacing the earlier ones). */
    public ReadOptions withNa(List<String> codes) {
        return new ReadOptions(delimiter, decimalComma, codes, qualtrics, encoding);
    }

    /** A copy that skips Qualtrics' two extra header rows when {@code on}. */
    public ReadOptions withQualtrics(boolean on) {
        return new ReadOptions(delimiter, decimalComma, naCodes, on, encoding);
    }

    /** A copy that reads the file in this character set. */
    public ReadOptions withEncoding(Charset charset) {
        return new ReadOptions(delimiter, decimalComma, naCodes, qualtrics, charset);
    }

    /** Whether the encoding is UTF-8 (no conversion needed). */
    public boolean utf8() {
        return encoding.equals(StandardCharsets.UTF_8);
    }

    /** The extra header rows under the column names: 2 for Qualtrics, else 0. */
    public int extraHeaderRows() {
        return qualtrics ? 2 : 0;
    }

    /**
     * The bytes of {@code in} as UTF-8: the stream itself for UTF-8, a converting stream for another
     * encoding (every byte of Windows-1252 or Latin-1 maps to a character, so nothing is lost).
     */
    public InputStream utf8Stream(InputStream in) {
        return utf8() ? in : new TranscodingInputStream(in, encoding);
    }

    /**
     * The character set named on a command line: {@code utf-8} (also {@code utf8}), {@code windows-1252}
     * ({@code cp1252}), {@code latin-1} ({@code latin1}, {@code iso-8859-1}), or any name Java knows.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Charset encoding(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        switch (n) {
            case "utf-8", "utf8", "utf-8-bom", "utf8-bom" -> {
                return StandardCharsets.UTF_8;
            }
            case "windows-1252", "cp1252", "win1252" -> {
                return Charset.forName("windows-1252");
            }
            case "latin-1", "latin1", "iso-8859-1", "iso8859-1" -> {
                return StandardCharsets.ISO_8859_1;
            }
            default -> {
                try {
                    return Charset.forName(n);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw new IllegalArgumentException("unknown encoding " + Messages.quote(name)
                            + "; use utf-8, windows-1252 or latin-1");
                }
            }
        }
    }

    /** The separator as a user writes it: {@code tab}, or the character in quotes. */
    public static String describe(char delimiter) {
        return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
    }

    /** The command-line options that give this dialect, for messages ({@code --delimiter ';' --decimal comma}). */
    public String asOptions() {
        StringBuilder sb = new StringBuilder();
        if (delimiter != ',') {
            sb.append("--delimiter ").append(describe(delimiter));
        }
        if (decimalComma) {
            sb.append(sb.length() == 0 ? "" : " ").append("--decimal comma");
        }
        for (String c : naCodes) {
            sb.append(sb.length() == 0 ? "" : " ").append("--na ").append(c);
        }
        if (qualtrics) {
            sb.append(sb.length() == 0 ? "" : " ").append("--qualtrics");
        }
        if (!utf8()) {
            sb.append(sb.length() == 0 ? "" : " ").append("--encoding ").append(encoding.name());
        }
        return sb.toString();
    }
}
