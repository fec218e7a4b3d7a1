package org.dyadkit.survey;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dyadkit.InputException;
import org.dyadkit.InputException.Location;

/**
 * A streaming, byte-level CSV reader for survey files: one row in memory at a time, so memory does
 * not grow with the number of rows.
 *
 * <p>This is a measured fast path (about five times the throughput of Commons CSV on integer survey
 * data, see {@code benchmarks/results/batch.md}). It reads RFC 4180 CSV with these additions: UTF-8
 * with or without a byte-order mark; LF, CRLF or CR line ends; any ASCII delimiter; quoted fields
 * holding delimiters, doubled quotes and line breaks; blank lines skipped. It is lenient where
 * spreadsheets are: a quote inside an unquoted field is kept as a character, and text after a closing
 * quote is appended to the field.
 *
 * <p>Whole-file faults are {@link InputException}s naming the file and what to do: missing or
 * unreadable file, empty file, no header row, duplicate column names, text that is not UTF-8, a
 * quoted field that is never closed, a row longer than {@link SurveyFormat#maxRowBytes()}. Rows with
 * more or fewer cells than the header are returned as they are; the caller decides (see {@link
 * #cellCount()}).
 *
 * <p>Not thread-safe; close it to release the file.
 */
public final class SurveyReader implements Closeable {
    private static final int BUFFER = 1 << 16;
    private static final int MAX_HEADER_CELLS = 100_000;
    private static final byte QUOTE = '"';
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private final String source;
    private final InputStream in;
    private final byte delim;
    /** The largest of the bytes the fast path stops at (delimiter, quote, CR, LF): bytes above it are cell text. */
    private final byte stopMax;
    private final int maxRowBytes;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private long consumed;
    // UTF-8 validation state carried across buffer refills
    private int utf8Need;
    private int utf8Lead;
    private boolean badEncoding;
    private int badByte;

    // the current record: unescaped cell bytes in rec, cell i is rec[starts[i], ends[i])
    byte[] rec = new byte[1024];
    int recLen;
    int[] starts = new int[64];
    int[] ends = new int[64];
    boolean[] special = new boolean[64]; // cell holds a quote, delimiter or line break (slow path only)
    /** The current record came through the fast path: no quotes, rec[0, recLen) is the record as written. */
    boolean clean;
    int stored;
    int count;
    private int storeCap = MAX_HEADER_CELLS;
    private long line;
    private boolean bom;
    private boolean crlf;

    private final List<String> header;
    private final Map<String, Integer> index;
    private final List<List<String>> extraRows;
    /** An SPSS file's value labels by column (empty for text files). */
    private final Map<String, Map<String, String>> valueLabels = new java.util.HashMap<>();

    private SurveyReader(String source, InputStream in, SurveyFormat format) {
        this.source = source;
        this.in = in;
        this.delim = (byte) format.delimiter();
        this.stopMax = (byte) Math.max(Math.max(delim, QUOTE), '\r');
        this.maxRowBytes = format.maxRowBytes();
        try {
            startFile();
            if (!readRecord()) {
                throw new InputException(source + ": the file is empty; a header row naming the columns is needed");
            }
            List<String> names = new ArrayList<>(count);
            for (int i = 0; i < stored; i++) {
                names.add(cell(i));
            }
            this.header = Collections.unmodifiableList(names);
            this.index = checkHeader(source, names, format.delimiter());
            storeCap = names.size() + 64;
            List<List<String>> extra = new ArrayList<>();
            for (int r = 0; r < format.extraHeaderRows(); r++) {
                if (!readRecord()) {
                    throw new InputException(source + ": the file ends inside its " + format.extraHeaderRows()
                            + " extra header rows (Qualtrics layout); drop --qualtrics if the file has one header row");
                }
                List<String> row = new ArrayList<>(stored);
                for (int i = 0; i < stored; i++) {
                    row.add(cell(i));
                }
                extra.add(Collections.unmodifiableList(row));
            }
            this.extraRows = Collections.unmodifiableList(extra);
        } catch (IOException e) {
            closeQuietly();
            throw new InputException(source + ": cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /**
     * Opens a file and reads its header (and, in the Qualtrics layout, the two rows under it).
     *
     * @throws InputException when the file is missing, unreadable, empty, not UTF-8, has no header row
     *     or duplicate column names
     */
    public static SurveyReader open(Path path, SurveyFormat format) {
        if (org.dyadkit.spss.SpssFile.isSpssFile(path)) {
            return openSpss(path, format);
        }
        String name = path.toString();
        if (Files.isDirectory(path)) {
            throw new InputException(name + ": is a folder, not a file; give the path of the CSV file");
        }
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": file not found; check the path", e);
        } catch (AccessDeniedException e) {
            throw new InputException(name + ": cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new InputException(name + ": cannot be read: " + e.getMessage(), e);
        }
        return new SurveyReader(name, format.options().utf8Stream(in), format);
    }

    /**
     * The one seam between the survey reader and SPSS system files: the cases of a {@code .sav} or
     * {@code .zsav} file as a comma-separated stream with one header row (the delimiter and Qualtrics
     * options do not apply to it; the missing-value codes do).
     */
    private static SurveyReader openSpss(Path path, SurveyFormat format) {
        org.dyadkit.spss.SpssFile file = org.dyadkit.spss.SpssFile.read(path);
        SurveyReader r = new SurveyReader(path.toString(), file.csv(), format.withDelimiter(',').withQualtrics(false));
        for (org.dyadkit.spss.SpssVariable v : file.variables()) {
            if (!v.valueLabels().isEmpty()) {
                r.valueLabels.put(v.name(), v.valueLabels());
            }
        }
        return r;
    }

    /**
     * A column's value labels, cell text to label ({@code "1"} to {@code "man"}): an SPSS file's, empty for a
     * text file or a column without labels. The cells keep the codes.
     */
    public Map<String, String> valueLabels(String column) {
        return valueLabels.getOrDefault(column, Map.of());
    }

    /** Reads from a stream (for example standard input); {@code name} is used in messages. */
    public static SurveyReader open(InputStream in, String name, SurveyFormat format) {
        return new SurveyReader(name, format.options().utf8Stream(in), format);
    }

    private static Map<String, Integer> checkHeader(String source, List<String> names, char delimiter) {
        boolean anyName = false;
        boolean allNumbers = true;
        for (String name : names) {
            String n = name.strip();
            if (!n.isEmpty()) {
                anyName = true;
                allNumbers &= looksNumeric(n);
            }
        }
        if (!anyName) {
            throw new InputException(source + ": no header: the first row has no column names; "
                    + "the first row must name the columns");
        }
        if (allNumbers) {
            throw new InputException(source + ": no header: the first row holds only numbers (\""
                    + String.join(String.valueOf(delimiter), names.subList(0, Math.min(names.size(), 6)))
                    + (names.size() > 6 ? "..." : "") + "\"); add a header row naming the columns");
        }
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).strip();
            if (n.isEmpty()) {
                continue;
            }
            Integer prev = idx.putIfAbsent(n, i);
            if (prev != null) {
                throw new InputException(new Location(source, 0, n, null), "the column name appears twice "
                        + "(columns " + (prev + 1) + " and " + (i + 1) + "); rename one so that each name is unique");
            }
        }
        return idx;
    }

    private static boolean looksNumeric(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The file name used in messages. */
    public String source() {
        return source;
    }

    /** The column names as written in the file (a byte-order mark removed). */
    public List<String> header() {
        return header;
    }

    /**
     * The position of a column, matched after removing surrounding spaces, or -1.
     */
    public int columnIndex(String name) {
        Integer i = index.get(name.strip());
        return i == null ? -1 : i;
    }

    /** The rows between the header and the data (Qualtrics layout), as read; empty otherwise. */
    public List<List<String>> extraHeaderRows() {
        return extraRows;
    }

    /**
     * Moves to the next data row; false at the end of the file.
     *
     * @throws InputException on text that is not UTF-8, an unclosed quote or an over-long row
     */
    public boolean next() {
        try {
            if (!readRecord()) {
                return false;
            }
        } catch (IOException e) {
            throw new InputException(source + ": cannot be read after data row " + line + ": " + e.getMessage(), e);
        }
        line++;
        return true;
    }

    /** The current data row's number, counting from 1 (header rows excluded). */
    public long line() {
        return line;
    }

    /** How many cells the current row has as read (compare with {@code header().size()}). */
    public int cellCount() {
        return count;
    }

    /**
     * The text of cell {@code i} of the current row (quotes removed, doubled quotes undone), or an
     * empty string beyond the cells read.
     */
    public String cell(int i) {
        if (i >= stored) {
            return "";
        }
        return new String(rec, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
    }

    /** Whether the file starts with a UTF-8 byte-order mark. */
    public boolean hasByteOrderMark() {
        return bom;
    }

    /** Whether the header row ends with CR LF (Windows line ends). */
    public boolean usesCrlf() {
        return crlf;
    }

    /** The bytes consumed from the input so far (for progress reports). */
    public long bytesRead() {
        return consumed - (limit - pos);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeQuietly() {
        try {
            in.close();
        } catch (IOException ignored) {
            // the original fault is reported
        }
    }

    // ---- the byte-level machine ----

    private void startFile() throws IOException {
        int got = 0;
        while (got < 3) {
            int n = in.read(buf, got, buf.length - got);
            if (n < 0) {
                eof = true;
                break;
            }
            got += n;
        }
        consumed = got;
        if (got >= 2 && ((buf[0] == (byte) 0xFF && buf[1] == (byte) 0xFE)
                || (buf[0] == (byte) 0xFE && buf[1] == (byte) 0xFF))) {
            throw new InputException(source + ": bad encoding: the file is UTF-16 text; save it as UTF-8 CSV");
        }
        int from = 0;
        if (got >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            from = 3;
            bom = true;
        }
        pos = from;
        limit = validate(from, got);
        if (eof && utf8Need > 0 && !badEncoding) {
            badEncoding = true;
            badByte = utf8Lead;
        }
    }

    private boolean fill() throws IOException {
        if (badEncoding) {
            throw new InputException(source + ", " + where() + ": bad encoding: byte 0x"
                    + Integer.toHexString(badByte & 0xFF).toUpperCase(java.util.Locale.ROOT)
                    + " is not UTF-8 text; if the file was saved by Excel on Windows, add --encoding windows-1252 (or save it as UTF-8 CSV)");
        }
        if (eof) {
            return false;
        }
        pos = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            if (utf8Need > 0) {
                badEncoding = true;
                badByte = utf8Lead;
                return fill();
            }
            return false;
        }
        consumed += n;
        limit = validate(0, n);
        return limit > 0 || fill();
    }

    /** Validates UTF-8 in buf[from, to); returns the end of the valid part and flags a bad byte. */
    private int validate(int from, int to) {
        int need = utf8Need;
        byte[] b = buf;
        int i = from;
        if (need == 0) {
            // ASCII runs eight bytes at a time
            while (i + 8 <= to && ((long) LONGS.get(b, i) & 0x8080808080808080L) == 0) {
                i += 8;
            }
        }
        for (; i < to; i++) {
            int c = b[i];
            if (need > 0) {
                if ((c & 0xC0) != 0x80) {
                    return bad(i, utf8Lead);
                }
                need--;
            } else if (c < 0) {
                int u = c & 0xFF;
                utf8Lead = c;
                if (u >= 0xC2 && u <= 0xDF) {
                    need = 1;
                } else if (u >= 0xE0 && u <= 0xEF) {
                    need = 2;
                } else if (u >= 0xF0 && u <= 0xF4) {
                    need = 3;
                } else {
                    return bad(i, c);
                }
            }
        }
        utf8Need = need;
        return to;
    }

    private int bad(int i, int c) {
        badEncoding = true;
        badByte = c;
        return i;
    }

    private String where() {
        return line == 0 && header == null ? "header" : "data row " + (line + 1);
    }

    private boolean more() throws IOException {
        return pos < limit || fill();
    }

    private void append(byte[] src, int from, int len) {
        if (len == 0) {
            return;
        }
        int need = recLen + len;
        if (need > rec.length) {
            if (need > maxRowBytes) {
                throw new InputException(source + ", " + where() + ": a row longer than " + (maxRowBytes >> 10)
                        + " KiB; this is usually a quote that opens a cell and is never closed");
            }
            rec = Arrays.copyOf(rec, Math.min(Math.max(need, rec.length * 2), maxRowBytes));
        }
        System.arraycopy(src, from, rec, recLen, len);
        recLen = need;
    }

    private void endCell(int start, boolean spec) {
        if (stored < storeCap) {
            if (stored == starts.length) {
                int n = Math.min(starts.length * 2, Math.max(storeCap, 64));
                starts = Arrays.copyOf(starts, n);
                ends = Arrays.copyOf(ends, n);
                special = Arrays.copyOf(special, n);
            }
            starts[stored] = start;
            ends[stored] = recLen;
            special[stored] = spec;
            stored++;
        } else {
            recLen = start; // beyond what anyone reads: count it only
        }
        count++;
        if (header == null && count > MAX_HEADER_CELLS) {
            throw new InputException(source + ": the header has more than " + MAX_HEADER_CELLS
                    + " columns; check the delimiter");
        }
    }

    /** Reads one record into rec/starts/ends; false at the end of input. Blank lines are skipped. */
    private boolean readRecord() throws IOException {
        while (true) {
            if (!more()) {
                return false;
            }
            recLen = 0;
            stored = 0;
            count = 0;
            if (fastRecord()) {
                if (count == 1 && recLen == 0) {
                    continue; // a blank line
                }
                return true;
            }
            clean = false;
            recLen = 0;
            stored = 0;
            count = 0;
            boolean anyQuote = readCells();
            if (count == 1 && recLen == 0 && !anyQuote) {
                continue; // a blank line
            }
            return true;
        }
    }

    /**
     * The fast path: a record without quotes that lies wholly in the buffer is copied in one piece,
     * delimiters included, so that {@code rec[0, recLen)} is the record as written. Returns false (and
     * leaves the position alone) when the slow path is needed.
     */
    private boolean fastRecord() {
        final byte[] b = buf;
        final byte d = delim;
        final int start = pos;
        final int lim = limit;
        final int[] st = starts;
        final int[] en = ends;
        int n = 0;
        int fieldStart = 0;
        final byte top = stopMax;
        for (int p = start; p < lim; p++) {
            byte c = b[p];
            if (c > top) {
                continue; // digits and letters after a comma delimiter: one comparison
            }
            if (c == d) {
                if (n >= st.length - 1) {
                    return false;
                }
                st[n] = fieldStart;
                en[n] = p - start;
                n++;
                fieldStart = p - start + 1;
            } else if (c == '\n' || c == '\r') {
                int len = p - start;
                int next = p + 1;
                if (c == '\r') {
                    if (next == lim) {
                        return false; // cannot see whether LF follows
                    }
                    if (b[next] == '\n') {
                        next++;
                        if (header == null) {
                            crlf = true;
                        }
                    }
                }
                if (len > maxRowBytes) {
                    return false;
                }
                st[n] = fieldStart;
                en[n] = len;
                n++;
                if (len > rec.length) {
                    rec = new byte[Math.max(len, rec.length * 2)];
                }
                System.arraycopy(b, start, rec, 0, len);
                recLen = len;
                stored = n;
                count = n;
                pos = next;
                clean = true;
                if (header == null && count > MAX_HEADER_CELLS) {
                    throw new InputException(source + ": the header has more than " + MAX_HEADER_CELLS
                            + " columns; check the delimiter");
                }
                return true;
            } else if (c == QUOTE) {
                return false;
            }
        }
        return false;
    }

    private boolean readCells() throws IOException {
        final byte d = delim;
        boolean anyQuote = false;
        while (true) {
            int start = recLen;
            boolean spec = false;
            if (!more()) {
                endCell(start, false);
                return anyQuote;
            }
            if (buf[pos] == QUOTE) {
                anyQuote = true;
                pos++;
                while (true) {
                    if (!more()) {
                        throw new InputException(source + ", " + where() + ": a quoted cell is never closed "
                                + "(the file ends inside quotes); check for a stray \" in this row");
                    }
                    byte[] b = buf;
                    int p = pos;
                    int lim = limit;
                    while (p < lim) {
                        byte c = b[p];
                        if (c == QUOTE) {
                            break;
                        }
                        if (c == d || c == '\n' || c == '\r') {
                            spec = true;
                        }
                        p++;
                    }
                    append(b, pos, p - pos);
                    pos = p;
                    if (p == lim) {
                        continue;
                    }
                    pos++; // the quote
                    if (more() && buf[pos] == QUOTE) {
                        append(buf, pos, 1);
                        spec = true;
                        pos++;
                        continue;
                    }
                    break;
                }
            }
            // unquoted text (or text after a closing quote)
            while (true) {
                if (!more()) {
                    endCell(start, spec);
                    return anyQuote;
                }
                byte[] b = buf;
                int p = pos;
                int lim = limit;
                while (p < lim) {
                    byte c = b[p];
                    if (c == d || c == '\n' || c == '\r') {
                        break;
                    }
                    if (c == QUOTE) {
                        spec = true;
                    }
                    p++;
                }
                append(b, pos, p - pos);
                pos = p;
                if (p < lim) {
                    break;
                }
            }
            endCell(start, spec);
            byte c = buf[pos++];
            if (c == d) {
                continue;
            }
            if (c == '\r' && more() && buf[pos] == '\n') {
                pos++;
                if (header == null) {
                    crlf = true;
                }
            }
            return anyQuote;
        }
    }
}
