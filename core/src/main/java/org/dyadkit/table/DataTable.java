package org.dyadkit.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharsetDecoder;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dyadkit.InputException;
import org.dyadkit.InputException.Location;
import org.dyadkit.Names;
import org.dyadkit.input.Cells;
import org.dyadkit.input.DialectHints;
import org.dyadkit.input.Messages;
import org.dyadkit.input.ReadOptions;

/**
 * An immutable, in-memory table of text cells read from a CSV file: the input of the dyadic analyses
 * (which need whole columns) as opposed to the streaming survey reader used by batch scoring.
 *
 * <p>Cells are kept as text exactly as read; {@link #numeric(String)} converts a column to numbers, with
 * blank cells (and the configured missing-value codes) as missing ({@code Double.NaN} inside the array,
 * reported as missing by every analysis), and a non-numeric cell as an {@link InputException} that names
 * the file, line, column and value. Lines count data rows from 1, the header excluded.
 */
public final class DataTable {
    private final String source;
    private final List<String> columns;
    private final Map<String, Integer> index;
    private final String[][] rows;

    private final ReadOptions options;
    private final List<String> notes;
    private final Map<String, Map<String, String>> valueLabels;

    private DataTable(String source, List<String> columns, String[][] rows, ReadOptions options, List<String> notes) {
        this(source, columns, rows, options, notes, Map.of());
    }

    private DataTable(String source, List<String> columns, String[][] rows, ReadOptions options, List<String> notes,
            Map<String, Map<String, String>> valueLabels) {
        this.valueLabels = valueLabels;
        this.source = source;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.options = options;
        this.notes = List.copyOf(notes);
        checkDistinct(source, this.columns);
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            idx.put(this.columns.get(i), i);
        }
        this.index = Map.copyOf(idx);
    }

    /**
     * A table from column names and rows of cells (each row as long as the header). The rows are copied.
     *
     * @param source a name for messages, usually the file name
     */
    public static DataTable of(String source, List<String> columns, List<String[]> rows) {
        String[][] copy = new String[rows.size()][];
        for (int r = 0; r < copy.length; r++) {
            String[] row = rows.get(r);
            if (row.length != columns.size()) {
                throw new InputException(new Location(source, r + 1, null, null),
                        "row has " + row.length + " cells but the header has " + columns.size());
            }
            copy[r] = row.clone();
        }
        return new DataTable(source, columns, copy, ReadOptions.csv(), List.of());
    }

    /** Reads a comma-separated file with a header row (UTF-8, an optional byte-order mark, CRLF or LF). */
    public static DataTable read(Path path) {
        return read(path, ReadOptions.csv());
    }

    /** Reads a delimited UTF-8 file with a header row; as {@link #read(Path, ReadOptions)}. */
    public static DataTable read(Path path, char delimiter) {
        return read(path, ReadOptions.csv().withDelimiter(delimiter));
    }

    /**
     * Reads a file with a header row in a dialect (delimiter, decimal comma, missing-value codes, Qualtrics
     * header rows, encoding). Missing-value codes are read as blank cells and decimal commas as decimal
     * points, so every analysis sees the same cells; lines count data rows from 1 (the header and the
     * Qualtrics rows excluded). Notes naming an option the file seems to need are in {@link #notes()}.
     *
     * @throws InputException when the file is missing, unreadable, empty (or has a header but no data
     *     rows), not in the encoding, has duplicate header names, or a row with a different number of
     *     cells than the header; the message names the option to add when the file looks like another dialect
     */
    public static DataTable read(Path path, ReadOptions options) {
        if (org.dyadkit.spss.SpssFile.isSpssFile(path)) {
            return readSpss(path);
        }
        String name = path.toString();
        if (Files.isDirectory(path)) {
            throw new InputException(name + ": is a folder, not a file; give the path of the CSV file");
        }
        if (!Files.exists(path)) {
            throw new InputException(name + ": file not found; check the path");
        }
        if (!Files.isReadable(path)) {
            throw new InputException(name + ": cannot be read (permission denied)");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, name, options);
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": file not found; check the path", e);
        } catch (IOException e) {
            throw new InputException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a table from a stream (for example standard input or a named pipe); {@code name} is used in
     * messages. The stream is read to its end and not closed.
     *
     * @throws InputException as {@link #read(Path, ReadOptions)}
     */
    public static DataTable read(InputStream stream, String name, ReadOptions options) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(options.delimiter()).get();
        CharsetDecoder decoder = options.encoding().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(options.utf8() ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE);
        Cells cells = Cells.of(options);
        try {
            Reader reader = skipByteOrderMark(new java.io.InputStreamReader(stream, decoder));
            CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get();
            List<String> header = null;
            List<List<String>> head = new ArrayList<>();
            List<String[]> rows = new ArrayList<>();
            int skip = options.extraHeaderRows();
            for (CSVRecord rec : parser) {
                if (header == null) {
                    header = new ArrayList<>();
                    for (int i = 0; i < rec.size(); i++) {
                        header.add(rec.get(i).strip());
                    }
                    continue;
                }
                if (head.size() < 3) {
                    head.add(rec.toList());
                }
                if (skip > 0) {
                    skip--;
                    continue;
                }
                if (rec.size() == 1 && rec.get(0).isBlank()) {
                    continue; // a blank line
                }
                long line = rows.size() + 1;
                if (rec.size() != header.size()) {
                    String hint = DialectHints.delimiterHint(header, options);
                    throw new InputException(new Location(name, line, null, null), "row has " + rec.size()
                            + " cells but the header has " + header.size() + "; "
                            + (hint != null ? hint : "fix the row, or give the separator with --delimiter"));
                }
                String[] row = new String[rec.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = cells.normalize(rec.get(i));
                }
                rows.add(row);
            }
            if (header == null) {
                throw new InputException(name + ": the file is empty; a header row naming the columns is needed");
            }
            if (skip > 0) {
                throw new InputException(name + ": --qualtrics expects two extra header rows under the column names,"
                        + " but the file ends before them; drop --qualtrics if the file has one header row");
            }
            if (rows.isEmpty()) {
                throw new InputException(name + ": the file has a header but no data rows; nothing to analyse");
            }
            List<String> notes = new ArrayList<>(DialectHints.of(header, head, options));
            if (!options.utf8()) {
                notes.add("read as " + options.encoding().name() + " and converted to UTF-8");
            }
            checkDistinct(name, header);
            return new DataTable(name, header, rows.toArray(new String[0][]), options, notes);
        } catch (CharacterCodingException e) {
            throw notEncoding(name, options, e);
        } catch (IOException | java.io.UncheckedIOException e) {
            Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof CharacterCodingException) {
                throw notEncoding(name, options, e);
            }
            throw new InputException(name + ": cannot be read as CSV: " + Messages.cut(String.valueOf(cause.getMessage())), e);
        }
    }

    /**
     * The one seam between the table readers and SPSS system files: a {@code .sav} or {@code .zsav} path
     * is read by {@link org.dyadkit.spss.SpssFile} (codes as cells, user-missing and system-missing
     * values as empty cells) whatever delimiter was asked for.
     */
    private static DataTable readSpss(Path path) {
        org.dyadkit.spss.SpssFile f = org.dyadkit.spss.SpssFile.read(path);
        Map<String, Map<String, String>> labels = new java.util.LinkedHashMap<>();
        for (org.dyadkit.spss.SpssVariable v : f.variables()) {
            if (!v.valueLabels().isEmpty()) {
                labels.put(v.name(), v.valueLabels());
            }
        }
        return f.table().withValueLabels(labels);
    }

    /**
     * The value labels of a column (cell text to label, {@code "1"} to {@code "husband"}): an SPSS file's
     * value labels, empty for a CSV file or a column without labels.
     */
    public Map<String, String> valueLabels(String column) {
        return valueLabels.getOrDefault(column, Map.of());
    }

    /**
     * The same cells with value labels for some columns (column to cell text to label); labels of columns the
     * table does not have are ignored. The maps are copied.
     */
    public DataTable withValueLabels(Map<String, Map<String, String>> labels) {
        Map<String, Map<String, String>> copy = new java.util.LinkedHashMap<>();
        labels.forEach((c, m) -> {
            if (index.containsKey(c) && !m.isEmpty()) {
                copy.put(c, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m)));
            }
        });
        return new DataTable(source, columns, rows, options, notes, java.util.Collections.unmodifiableMap(copy));
    }

    /**
     * The table with a column's codes replaced by their value labels ({@code 1} becomes {@code husband}); cells
     * without a label keep their text, and the column has no value labels afterwards. A column without labels
     * gives the same table.
     */
    public DataTable withLabelsShown(String column) {
        Map<String, String> labels = valueLabels(column);
        if (labels.isEmpty()) {
            return this;
        }
        int c = columnIndex(column);
        String[][] out = new String[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = rows[r].clone();
            out[r][c] = labels.getOrDefault(out[r][c], out[r][c]);
        }
        Map<String, Map<String, String>> rest = new java.util.LinkedHashMap<>(valueLabels);
        rest.remove(column);
        return new DataTable(source, columns, out, options, notes, java.util.Collections.unmodifiableMap(rest));
    }

    private static InputException notEncoding(String name, ReadOptions options, Exception e) {
        return new InputException(name + ": the file is not " + options.encoding().name() + " text"
                + (options.utf8() ? "; if it was saved by Excel on Windows, add --encoding windows-1252 "
                        + "(or save it as UTF-8 CSV)" : "; give its encoding with --encoding"), e);
    }

    /** Refuses a header that names a column twice, naming both positions. */
    static void checkDistinct(String source, List<String> header) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            Integer prev = first.putIfAbsent(header.get(i), i);
            if (prev != null) {
                throw new InputException(new Location(source, 0, null, null), "the column name "
                        + Messages.quote(header.get(i)) + " is used twice, by columns " + (prev + 1) + " and " + (i + 1)
                        + "; rename one of them so that each name is unique");
            }
        }
    }

    /** The dialect the table was read in ({@link ReadOptions#csv()} for a table built in memory). */
    public ReadOptions options() {
        return options;
    }

    /**
     * Remarks made while reading that the caller should pass on: an option the file seems to need
     * (a separator, {@code --qualtrics}, {@code --decimal comma}) or an encoding conversion.
     */
    public List<String> notes() {
        return notes;
    }

    /** Skips a byte-order mark, so that a quoted first header name is read as quoted. */
    private static Reader skipByteOrderMark(Reader in) throws IOException {
        java.io.PushbackReader pushback = new java.io.PushbackReader(new java.io.BufferedReader(in, 1 << 16));
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    /** The name used in messages (usually the file path). */
    public String source() {
        return source;
    }

    /** The column names in file order. */
    public List<String> columns() {
        return columns;
    }

    /** The number of data rows. */
    public int rowCount() {
        return rows.length;
    }

    /** Whether the table has a column of that name. */
    public boolean hasColumn(String name) {
        return index.containsKey(name);
    }

    /** The position of a column, or an {@link InputException} that names it and suggests near matches. */
    public int columnIndex(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw noColumn(source, name, columns, options);
        }
        return i;
    }

    /**
     * The error for a column that is not in a file: its name, up to three near names, and the separator to
     * give when the header looks like another dialect's (else the file's columns). Every reader uses it.
     */
    public static InputException noColumn(String source, String name, List<String> columns, ReadOptions options) {
        String hint = DialectHints.delimiterHint(columns, options);
        return new InputException(Location.file(source), "no column named " + Messages.quote(name)
                + suggest(name, columns) + (hint != null ? "; " + hint : "; columns are: "
                + Messages.cut(String.join(", ", columns))));
    }

    /** The cell at a data row (from 0) and column. */
    public String cell(int row, int column) {
        return rows[row][column];
    }

    /** A copy of one row's cells. */
    public String[] row(int row) {
        return rows[row].clone();
    }

    /** Whether two data rows (from 0) hold the same cells, without copying them. */
    public boolean sameRow(int a, int b) {
        return Arrays.equals(rows[a], rows[b]);
    }

    /** A copy of a column's cells as text. */
    public String[] text(String column) {
        int c = columnIndex(column);
        String[] out = new String[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = rows[r][c];
        }
        return out;
    }

    /**
     * A column as numbers. Blank cells and {@code NA} are missing ({@code Double.NaN}).
     *
     * @throws InputException naming the file, line, column and value of the first cell that is not a number
     */
    public double[] numeric(String column) {
        int c = columnIndex(column);
        double[] out = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            String s = rows[r][c].strip();
            if (s.isEmpty() || s.equals("NA") || s.equals(".")) {
                out[r] = Double.NaN;
                continue;
            }
            try {
                out[r] = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new InputException(new Location(source, r + 1, column, rows[r][c]),
                        "not a number; use a number, or leave the cell blank for a missing value"
                        + (DialectHints.decimalComma(s) ? " (the file seems to use decimal commas: add --decimal comma)"
                                : " (or name its missing-value code with --na CODE)"));
            }
            if (!Double.isFinite(out[r])) {
                throw new InputException(new Location(source, r + 1, column, rows[r][c]),
                        "not a finite number; use a number, or leave the cell blank for a missing value");
            }
        }
        return out;
    }

    /** A new table with the rows in the given order (a permutation or a subset of row positions). */
    public DataTable select(int[] rowOrder) {
        String[][] out = new String[rowOrder.length][];
        for (int i = 0; i < rowOrder.length; i++) {
            out[i] = rows[rowOrder[i]];
        }
        return new DataTable(source, columns, out, options, notes, valueLabels);
    }

    /** Rows as a list of column-name to cell maps, in file order (for small tables and tests). */
    public List<Map<String, String>> records() {
        List<Map<String, String>> out = new ArrayList<>(rows.length);
        for (String[] row : rows) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                m.put(columns.get(c), row[c]);
            }
            out.add(m);
        }
        return out;
    }

    /** Up to three column names close to {@code name} (case-insensitive edit distance), as a hint. */
    public static String suggest(String name, List<String> candidates) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> near = candidates.stream()
                .filter(c -> Names.distance(lower, c.toLowerCase(Locale.ROOT)) <= Math.max(1, name.length() / 3))
                .sorted(Comparator.comparingInt(c -> Names.distance(lower, c.toLowerCase(Locale.ROOT))))
                .limit(3)
                .collect(Collectors.toList());
        return near.isEmpty() ? "" : " (did you mean " + String.join(" or ", near) + "?)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataTable t && columns.equals(t.columns) && Arrays.deepEquals(rows, t.rows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, Arrays.deepHashCode(rows));
    }

    @Override
    public String toString() {
        return "DataTable[" + source + ", " + rows.length + " rows x " + columns.size() + " columns]";
    }
}
