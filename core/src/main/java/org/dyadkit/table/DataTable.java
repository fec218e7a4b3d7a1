package org.dyadkit.table;

import java.io.IOException;
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

    private DataTable(String source, List<String> columns, String[][] rows) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            if (idx.putIfAbsent(this.columns.get(i), i) != null) {
                throw new InputException(new Location(source, 0, this.columns.get(i), null),
                        "duplicate column name; rename one of the columns so that each name is unique");
            }
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
        return new DataTable(source, columns, copy);
    }

    /** Reads a comma-separated file with a header row (UTF-8, an optional byte-order mark, CRLF or LF). */
    public static DataTable read(Path path) {
        return read(path, ',');
    }

    /**
     * Reads a delimited file with a header row.
     *
     * @throws InputException when the file is missing, unreadable, empty (or has a header but no data
     *     rows), not UTF-8, has duplicate header names, or a row with a different number of cells than
     *     the header
     */
    public static DataTable read(Path path, char delimiter) {
        if (org.dyadkit.spss.SpssFile.isSpssFile(path)) {
            return readSpss(path);
        }
        String name = path.toString();
        if (!Files.exists(path)) {
            throw new InputException(name + ": file not found; check the path");
        }
        if (!Files.isReadable(path) || Files.isDirectory(path)) {
            throw new InputException(name + ": cannot read the file (is it a folder, or are permissions missing?)");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = skipByteOrderMark(new java.io.InputStreamReader(Files.newInputStream(path), decoder));
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> header = null;
            List<String[]> rows = new ArrayList<>();
            for (CSVRecord rec : parser) {
                if (header == null) {
                    header = new ArrayList<>();
                    for (int i = 0; i < rec.size(); i++) {
                        header.add(rec.get(i).strip());
                    }
                    continue;
                }
                if (rec.size() == 1 && rec.get(0).isBlank()) {
                    continue; // a blank line
                }
                long line = rows.size() + 1;
                if (rec.size() != header.size()) {
                    throw new InputException(new Location(name, line, null, null), "row has " + rec.size()
                            + " cells but the header has " + header.size() + "; fix the row or the delimiter");
                }
                String[] cells = new String[rec.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = rec.get(i);
                }
                rows.add(cells);
            }
            if (header == null) {
                throw new InputException(name + ": the file is empty; a header row naming the columns is needed");
            }
            if (rows.isEmpty()) {
                throw new InputException(name + ": the file has a header but no data rows; nothing to analyse");
            }
            return new DataTable(name, header, rows.toArray(new String[0][]));
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": file not found; check the path", e);
        } catch (CharacterCodingException e) {
            throw new InputException(name + ": the file is not UTF-8 text; save it as UTF-8 CSV", e);
        } catch (IOException | java.io.UncheckedIOException e) {
            Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof CharacterCodingException) {
                throw new InputException(name + ": the file is not UTF-8 text; save it as UTF-8 CSV", e);
            }
            throw new InputException(name + ": cannot be read as CSV: " + cause.getMessage(), e);
        }
    }

    /** Skips a UTF-8 byte-order mark, so that a quoted first header name is read as quoted. */
    /**
     * The one seam between the table readers and SPSS system files: a {@code .sav} or {@code .zsav} path
     * is read by {@link org.dyadkit.spss.SpssFile} (codes as cells, user-missing and system-missing
     * values as empty cells) whatever delimiter was asked for.
     */
    private static DataTable readSpss(Path path) {
        return org.dyadkit.spss.SpssFile.read(path).table();
    }

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
            throw new InputException(Location.file(source), "no column named \"" + name + "\""
                    + suggest(name, columns) + "; columns are: " + String.join(", ", columns));
        }
        return i;
    }

    /** The cell at a data row (from 0) and column. */
    public String cell(int row, int column) {
        return rows[row][column];
    }

    /** A copy of one row's cells. */
    public String[] row(int row) {
        return rows[row].clone();
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
                        "not a number; use a number, or leave the cell blank for a missing value");
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
        return new DataTable(source, columns, out);
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
