package org.dyadkit.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Notes that name the reading option a file seems to need: a header that is one column holding
 * semicolons or tabs ({@code --delimiter}), Qualtrics' extra header rows ({@code --qualtrics}), decimal
 * commas ({@code --decimal comma}). Used where a run can go on (a note on standard error) and inside
 * the message where it cannot.
 */
public final class DialectHints {
    private DialectHints() {
    }

    /**
     * The notes for a file read with {@code options}, from its header and its first data rows.
     *
     * @param header the column names as read
     * @param firstRows up to the first few data rows as read (before any Qualtrics rows are skipped)
     */
    public static List<String> of(List<String> header, List<List<String>> firstRows, ReadOptions options) {
        List<String> notes = new ArrayList<>();
        String delimiter = delimiterHint(header, options);
        if (delimiter != null) {
            notes.add(delimiter);
        }
        if (!options.qualtrics() && looksQualtrics(firstRows)) {
            notes.add("data lines 1 and 2 look like the two extra header rows of a Qualtrics export "
                    + "(question text, import ids); add --qualtrics");
        }
        if (!options.decimalComma()) {
            for (List<String> row : firstRows) {
                String cell = row.stream().filter(DialectHints::decimalComma).findFirst().orElse(null);
                if (cell != null) {
                    notes.add("cells such as " + Messages.quote(cell.strip())
                            + " look like numbers with a decimal comma; add --decimal comma");
                    break;
                }
            }
        }
        return notes;
    }

    /**
     * The notes for a regular file, from its first 256 KiB (read leniently: a reading fault is left to the
     * reader to report). A named pipe or a folder gives no notes (reading would consume the pipe).
     */
    public static List<String> sniff(java.nio.file.Path path, ReadOptions options) {
        if (!java.nio.file.Files.isRegularFile(path)) {
            return List.of();
        }
        byte[] head;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(path)) {
            head = in.readNBytes(1 << 18);
        } catch (java.io.IOException e) {
            return List.of();
        }
        String text = new String(head, options.encoding());
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        try (org.apache.commons.csv.CSVParser p = org.apache.commons.csv.CSVParser.builder()
                .setReader(new java.io.StringReader(text))
                .setFormat(org.apache.commons.csv.CSVFormat.DEFAULT.builder().setDelimiter(options.delimiter()).get())
                .get()) {
            for (org.apache.commons.csv.CSVRecord r : p) {
                if (header == null) {
                    header = r.toList();
                } else {
                    rows.add(r.toList());
                }
                if (rows.size() >= 3) {
                    break;
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException | IllegalStateException e) {
            // a fault the reader will name
        }
        if (header == null) {
            return List.of();
        }
        return of(header, rows, options);
    }

    /** The note for a header read as one column that holds another separator, or null. */
    public static String delimiterHint(List<String> header, ReadOptions options) {
        if (header.size() != 1) {
            return null;
        }
        String h = header.get(0);
        for (char c : new char[] {';', '\t', '|', ','}) {
            if (c != options.delimiter() && h.indexOf(c) >= 0) {
                String option = c == ',' ? "--delimiter ','" : "--delimiter " + ReadOptions.describe(c);
                return "the header is one column that holds " + (c == '\t' ? "tabs" : "'" + c + "'")
                        + "; the file looks " + (c == '\t' ? "tab" : c == ';' ? "semicolon" : c == '|' ? "bar" : "comma")
                        + "-separated: add " + option;
            }
        }
        return null;
    }

    /** Whether the second data row holds Qualtrics import ids ({@code {"ImportId":"QID1"}}). */
    public static boolean looksQualtrics(List<List<String>> firstRows) {
        if (firstRows.size() < 2) {
            return false;
        }
        for (String cell : firstRows.get(1)) {
            String c = cell.strip();
            if (c.startsWith("{\"ImportId\"") || c.startsWith("{'ImportId'")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a cell is a number written with a decimal comma ({@code 3,5}, {@code -0,25}). */
    public static boolean decimalComma(String cell) {
        String s = cell.strip();
        int p = 0;
        if (p < s.length() && (s.charAt(p) == '-' || s.charAt(p) == '+')) {
            p++;
        }
        int before = 0;
        while (p < s.length() && Character.isDigit(s.charAt(p)) && s.charAt(p) < 128) {
            p++;
            before++;
        }
        if (before == 0 || p >= s.length() || s.charAt(p) != ',') {
            return false;
        }
        p++;
        int after = 0;
        while (p < s.length() && Character.isDigit(s.charAt(p)) && s.charAt(p) < 128) {
            p++;
            after++;
        }
        return after > 0 && p == s.length();
    }
}
