package org.dyadkit.spss;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.dyadkit.InputException;
import org.dyadkit.table.DataTable;

/**
 * An SPSS system file ({@code .sav}, uncompressed or bytecode-compressed, and {@code .zsav}, zlib-
 * compressed) read whole: its variables with their labels, value labels and user-missing values, and
 * its cases as a {@link DataTable} of text cells, the same table a CSV file gives.
 *
 * <p>The format is the one documented by GNU PSPP ("System File Format", PSPP Developers Guide): the
 * file header, variable records, value labels, documents, the extension records for long variable
 * names (subtype 13), very long strings (subtype 14) and the character encoding (subtype 20, else the
 * code page of subtype 3), then the cases. Numbers are written as the shortest decimal that reads back
 * to the same double ({@code 4.5}, {@code 3}); system-missing values and user-missing values (discrete
 * values and ranges, {@code LO} and {@code HI} included) are empty cells, that is missing everywhere
 * in dyadkit, and each variable counts its user-missing cases ({@link SpssVariable#userMissing()}).
 * String values lose their trailing blanks. Cells hold the codes, not the value labels; the labels are
 * on {@link SpssVariable#valueLabels()}.
 *
 * <p>A damaged file is an {@link InputException} naming the file and the byte offset of the damage.
 */
public final class SpssFile {
    private final String source;
    private final String encoding;
    private final String fileLabel;
    private final List<String> documents;
    private final List<SpssVariable> variables;
    private final DataTable table;

    private SpssFile(String source, String encoding, String fileLabel, List<String> documents,
            List<SpssVariable> variables, DataTable table) {
        this.source = source;
        this.encoding = encoding;
        this.fileLabel = fileLabel;
        this.documents = List.copyOf(documents);
        this.variables = List.copyOf(variables);
        this.table = table;
    }

    /** Whether {@code path} names an SPSS system file by its extension ({@code .sav} or {@code .zsav}, any case). */
    public static boolean isSpssFile(Path path) {
        Path f = path.getFileName();
        String n = f == null ? "" : f.toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".sav") || n.endsWith(".zsav");
    }

    /**
     * Reads an SPSS system file.
     *
     * @param path the {@code .sav} or {@code .zsav} file
     * @return the file's dictionary and cases
     * @throws InputException when the file is missing or unreadable, or damaged (the message names the
     *     byte offset), or uses a feature this reader does not know (named)
     */
    public static SpssFile read(Path path) {
        String name = path.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": file not found; check the path", e);
        } catch (AccessDeniedException e) {
            throw new InputException(name + ": cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new InputException(name + ": cannot be read: " + e.getMessage(), e);
        }
        return new Parser(name, bytes).parse();
    }

    /** The file name used in messages. */
    public String source() {
        return source;
    }

    /** The character encoding the file's text was decoded with ({@code UTF-8}, {@code windows-1252}). */
    public String encoding() {
        return encoding;
    }

    /** The file label, when the file has one. */
    public Optional<String> fileLabel() {
        return fileLabel.isEmpty() ? Optional.empty() : Optional.of(fileLabel);
    }

    /** The document lines (SPSS {@code DOCUMENT}), trailing blanks removed. */
    public List<String> documents() {
        return documents;
    }

    /** The variables in file order. */
    public List<SpssVariable> variables() {
        return variables;
    }

    /** One variable by name. */
    public Optional<SpssVariable> variable(String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The cases as a table: one column per variable, one row per case, missing values as empty cells. */
    public DataTable table() {
        return table;
    }

    /**
     * The cases as comma-separated UTF-8 text with a header row (RFC 4180 quoting), for readers that take
     * a CSV stream such as the batch scorer's. Line {@code n} of the data is case {@code n}.
     */
    public InputStream csv() {
        StringBuilder sb = new StringBuilder();
        appendCsvRow(sb, table.columns().toArray(String[]::new));
        for (int r = 0; r < table.rowCount(); r++) {
            appendCsvRow(sb, table.row(r));
        }
        return new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void appendCsvRow(StringBuilder sb, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells[i];
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        sb.append('\n');
    }

    @Override
    public String toString() {
        return "SpssFile[" + source + ", " + variables.size() + " variables, " + table.rowCount() + " cases, "
                + encoding + "]";
    }

    /** The shortest decimal text of a finite double: {@code 3}, {@code 4.5}, {@code -0.125}. */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** A variable record as read, before very long strings are joined. */
    private static final class RawVar {
        final int type;          // 0 numeric, 1..255 string width, -1 continuation
        final int slot;          // 0-based index of its first 8-byte slot in a case
        String shortName;
        String name;
        String label = "";
        byte[] labelRaw;
        byte[][] missingRaw = new byte[0][];
        int[] segmentSlots;
        int nMissing;
        double[] missingNum = new double[0];
        String[] missingStr = new String[0];
        final Map<String, String> valueLabels = new LinkedHashMap<>();
        int width;               // the full width after very-long-string joining
        int segments = 1;

        RawVar(int type, int slot) {
            this.type = type;
            this.slot = slot;
            this.width = Math.max(type, 0);
        }

        int slots() {
            return type == 0 ? 1 : (type + 7) / 8;
        }
    }

    private static final class Parser {
        private static final double SYSMIS = -Double.MAX_VALUE;
        private final String source;
        private final byte[] b;
        private ByteBuffer buf;
        private Charset charset = Charset.forName("windows-1252");
        private String encodingName = "windows-1252";
        private boolean encodingGiven;

        Parser(String source, byte[] bytes) {
            this.source = source;
            this.b = bytes;
        }

        private InputException damaged(long offset, String what) {
            return new InputException(source + ": damaged SPSS file at byte offset " + offset + ": " + what
                    + "; save it again from SPSS or PSPP, or export it as CSV");
        }

        private void need(int n, String what) {
            if (buf.remaining() < n) {
                throw damaged(buf.position(), "the file ends inside " + what);
            }
        }

        private int int32(String what) {
            need(4, what);
            return buf.getInt();
        }

        private double float64(String what) {
            need(8, what);
            return buf.getDouble();
        }

        private byte[] bytes(int n, String what) {
            if (n < 0) {
                throw damaged(buf.position(), "a negative length in " + what);
            }
            need(n, what);
            byte[] out = new byte[n];
            buf.get(out);
            return out;
        }

        private String text(byte[] raw) {
            return new String(raw, charset);
        }

        private static String stripTrailing(String s) {
            int end = s.length();
            while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
                end--;
            }
            return s.substring(0, end);
        }

        SpssFile parse() {
            if (b.length < 176) {
                throw damaged(b.length, "the file is shorter than an SPSS file header (176 bytes)");
            }
            String magic = new String(b, 0, 4, StandardCharsets.US_ASCII);
            if (!magic.equals("$FL2") && !magic.equals("$FL3")) {
                throw new InputException(source + ": not an SPSS system file (it does not start with $FL2 or $FL3);"
                        + " an SPSS portable file (.por) or another format must be exported as .sav or CSV first");
            }
            buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            int layout = buf.getInt(64);
            if (layout != 2 && layout != 3) {
                buf.order(ByteOrder.BIG_ENDIAN);
                layout = buf.getInt(64);
                if (layout != 2 && layout != 3) {
                    throw damaged(64, "the layout code is " + layout + " (2 or 3 expected)");
                }
            }
            buf.position(68);
            int nominalCaseSize = buf.getInt();
            int compression = buf.getInt();
            buf.getInt(); // weight index
            int nCases = buf.getInt();
            double bias = buf.getDouble();
            buf.position(84 + 8 + 9 + 8);
            byte[] fileLabelRaw = new byte[64];
            buf.get(fileLabelRaw);
            buf.position(176);
            if (compression < 0 || compression > 2) {
                throw damaged(72, "unknown compression code " + compression);
            }
            if (compression == 2 && !magic.equals("$FL3")) {
                throw damaged(72, "zlib compression in a file that does not start with $FL3");
            }

            List<RawVar> vars = new ArrayList<>();
            Map<Integer, RawVar> bySlot = new LinkedHashMap<>();
            List<byte[]> docs = new ArrayList<>();
            List<Object[]> labelSets = new ArrayList<>();   // {List<byte[]> values, List<byte[]> labels, int[] slots, offset}
            List<Object[]> longMissing = new ArrayList<>(); // record 7.22: missing values of strings over 8 bytes
            byte[] longNames = null;
            byte[] veryLong = null;
            int slot = 0;
            RawVar lastString = null;
            boolean end = false;
            while (!end) {
                long at = buf.position();
                int rec = int32("the dictionary (no end-of-dictionary record)");
                switch (rec) {
                    case 2 -> {
                        int type = int32("a variable record");
                        int hasLabel = int32("a variable record");
                        int nMissing = int32("a variable record");
                        int32("a variable record"); // print format
                        int32("a variable record"); // write format
                        byte[] nameRaw = bytes(8, "a variable record");
                        if (type < -1 || type > 255) {
                            throw damaged(at + 4, "variable type " + type + " (0 to 255, or -1, expected)");
                        }
                        if (hasLabel != 0 && hasLabel != 1) {
                            throw damaged(at + 8, "variable label flag " + hasLabel + " (0 or 1 expected)");
                        }
                        RawVar v = new RawVar(type, slot);
                        v.shortName = stripTrailing(new String(nameRaw, StandardCharsets.US_ASCII));
                        if (hasLabel == 1) {
                            int len = int32("a variable label");
                            if (len < 0 || len > 65535) {
                                throw damaged(buf.position() - 4, "variable label length " + len);
                            }
                            v.labelRaw = bytes(len, "a variable label");
                            bytes((4 - len % 4) % 4, "a variable label");
                        }
                        if (nMissing < -3 || nMissing > 3 || nMissing == -1) {
                            throw damaged(at + 12, "missing-value count " + nMissing + " (-3, -2, 0 to 3 expected)");
                        }
                        v.nMissing = nMissing;
                        int m = Math.abs(nMissing);
                        if (type == 0) {
                            v.missingNum = new double[m];
                            for (int i = 0; i < m; i++) {
                                v.missingNum[i] = float64("the missing values of " + v.shortName);
                            }
                        } else {
                            v.missingRaw = new byte[m][];
                            for (int i = 0; i < m; i++) {
                                v.missingRaw[i] = bytes(8, "the missing values of " + v.shortName);
                            }
                        }
                        if (type == -1) {
                            if (lastString == null) {
                                throw damaged(at, "a string continuation record without a string variable before it");
                            }
                        } else {
                            vars.add(v);
                            bySlot.put(slot, v);
                            lastString = type > 0 ? v : null;
                        }
                        slot++;
                    }
                    case 3 -> {
                        int count = int32("a value-label record");
                        if (count < 0 || count > Integer.MAX_VALUE / 16) {
                            throw damaged(at + 4, "value-label count " + count);
                        }
                        List<byte[]> values = new ArrayList<>();
                        List<byte[]> labels = new ArrayList<>();
                        for (int i = 0; i < count; i++) {
                            values.add(bytes(8, "a value label"));
                            need(1, "a value label");
                            int len = buf.get() & 0xff;
                            labels.add(bytes(len, "a value label"));
                            bytes((8 - (len + 1) % 8) % 8, "a value label");
                        }
                        long at4 = buf.position();
                        int rec4 = int32("the variables of a value-label record");
                        if (rec4 != 4) {
                            throw damaged(at4, "record type " + rec4 + " after value labels (4 expected)");
                        }
                        int nv = int32("the variables of a value-label record");
                        if (nv < 0 || nv > b.length / 4) {
                            throw damaged(at4 + 4, "variable count " + nv);
                        }
                        int[] idx = new int[nv];
                        for (int i = 0; i < nv; i++) {
                            idx[i] = int32("the variables of a value-label record");
                        }
                        labelSets.add(new Object[] {values, labels, idx, at4});
                    }
                    case 6 -> {
                        int n = int32("a document record");
                        if (n < 0 || n > b.length / 80) {
                            throw damaged(at + 4, "document line count " + n);
                        }
                        for (int i = 0; i < n; i++) {
                            docs.add(bytes(80, "a document record"));
                        }
                    }
                    case 7 -> {
                        int subtype = int32("an extension record");
                        int size = int32("an extension record");
                        int count = int32("an extension record");
                        long len = (long) size * count;
                        if (size < 0 || count < 0 || len > buf.remaining()) {
                            throw damaged(at, "extension record " + subtype + " of " + size + " x " + count
                                    + " bytes runs past the end of the file");
                        }
                        byte[] data = bytes((int) len, "an extension record");
                        switch (subtype) {
                            case 3 -> {
                                if (!encodingGiven && data.length >= 32) {
                                    ByteBuffer d = ByteBuffer.wrap(data).order(buf.order());
                                    setCodePage(d.getInt(28));
                                }
                            }
                            case 13 -> longNames = data;
                            case 14 -> veryLong = data;
                            case 20 -> setEncoding(new String(data, StandardCharsets.US_ASCII).strip(), at);
                            case 22 -> longMissing.add(new Object[] {data, at});
                            default -> { } // display, attributes, long string labels: not needed here
                        }
                    }
                    case 999 -> {
                        int32("the end-of-dictionary record");
                        end = true;
                    }
                    default -> throw damaged(at, "unknown record type " + rec);
                }
            }
            // -1 means "not known" (PSPP's documentation); some writers (early ReadStat, so early haven) leave 0
            if (nominalCaseSize != -1 && nominalCaseSize != 0 && nominalCaseSize != slot) {
                throw damaged(68, "the header gives " + nominalCaseSize + " slots per case but the variables take "
                        + slot);
            }
            // the text of the dictionary is decoded once the encoding record (which comes after it) is read
            for (RawVar v : vars) {
                v.name = v.shortName;
                v.label = v.labelRaw == null ? "" : stripTrailing(text(v.labelRaw));
                v.missingStr = new String[v.missingRaw.length];
                for (int i = 0; i < v.missingRaw.length; i++) {
                    v.missingStr[i] = stripTrailing(text(v.missingRaw[i]));
                }
            }
            if (longNames != null) {
                Map<String, RawVar> byShort = new LinkedHashMap<>();
                for (RawVar v : vars) {
                    byShort.put(v.shortName.toUpperCase(Locale.ROOT), v);
                }
                for (String pair : text(longNames).split("\t")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        RawVar v = byShort.get(pair.substring(0, eq).toUpperCase(Locale.ROOT));
                        if (v != null) {
                            v.name = pair.substring(eq + 1);
                        }
                    }
                }
            }
            for (Object[] rec : longMissing) {
                readLongStringMissing((byte[]) rec[0], (long) rec[1], vars);
            }
            // value labels: the values are 8 bytes, a double for numeric variables
            for (Object[] set : labelSets) {
                @SuppressWarnings("unchecked") List<byte[]> values = (List<byte[]>) set[0];
                @SuppressWarnings("unchecked") List<byte[]> labels = (List<byte[]>) set[1];
                int[] idx = (int[]) set[2];
                for (int i : idx) {
                    RawVar v = bySlot.get(i - 1);
                    if (v == null) {
                        throw damaged((long) set[3], "value labels for dictionary index " + i
                                + ", which is not a variable");
                    }
                    for (int k = 0; k < values.size(); k++) {
                        String key = v.type == 0
                                ? numberKey(ByteBuffer.wrap(values.get(k)).order(buf.order()).getDouble())
                                : stripTrailing(text(values.get(k)));
                        v.valueLabels.put(key, text(labels.get(k)));
                    }
                }
            }
            List<RawVar> shown = joinVeryLongStrings(vars, veryLong);
            List<String> documents = new ArrayList<>();
            for (byte[] d : docs) {
                documents.add(stripTrailing(text(d)));
            }

            int dataStart = buf.position();
            byte[] caseBytes = switch (compression) {
                case 0 -> Arrays.copyOfRange(b, dataStart, b.length);
                case 1 -> decompress(b, dataStart, b.length, dataStart, bias, slot, vars);
                default -> {
                    byte[] inflated = inflate(dataStart);
                    yield decompress(inflated, 0, inflated.length, -1, bias, slot, vars);
                }
            };
            int caseLen = slot * 8;
            if (caseLen == 0) {
                throw damaged(dataStart, "the file declares no variables");
            }
            if (caseBytes.length % caseLen != 0) {
                throw damaged(compression == 0 ? dataStart + (caseBytes.length / caseLen) * (long) caseLen : dataStart,
                        "the data end inside a case (" + caseBytes.length % caseLen + " of " + caseLen + " bytes)");
            }
            int n = caseBytes.length / caseLen;
            if (nCases >= 0 && nCases != n) {
                throw damaged(80, "the header gives " + nCases + " cases but the data hold " + n);
            }
            ByteBuffer cases = ByteBuffer.wrap(caseBytes).order(buf.order());
            int[] userMissing = new int[shown.size()];
            List<String[]> rows = new ArrayList<>(n);
            for (int r = 0; r < n; r++) {
                int base = r * caseLen;
                String[] row = new String[shown.size()];
                for (int c = 0; c < shown.size(); c++) {
                    RawVar v = shown.get(c);
                    if (v.type == 0) {
                        double d = cases.getDouble(base + v.slot * 8);
                        if (d == SYSMIS || Double.isNaN(d) || Double.isInfinite(d)) {
                            row[c] = "";
                        } else if (isMissing(v, d)) {
                            row[c] = "";
                            userMissing[c]++;
                        } else {
                            row[c] = number(d);
                        }
                    } else {
                        String s = stripTrailing(text(stringValue(caseBytes, base, v)));
                        if (isMissing(v, s)) {
                            row[c] = "";
                            userMissing[c]++;
                        } else {
                            row[c] = s;
                        }
                    }
                }
                rows.add(row);
            }
            List<SpssVariable> out = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int c = 0; c < shown.size(); c++) {
                RawVar v = shown.get(c);
                out.add(new SpssVariable(v.name, v.type == 0 ? SpssVariable.Kind.NUMERIC : SpssVariable.Kind.STRING,
                        v.type == 0 ? 0 : v.width, v.label.isEmpty() ? Optional.empty() : Optional.of(v.label),
                        v.valueLabels, describeMissing(v), userMissing[c]));
                names.add(v.name);
            }
            DataTable table = DataTable.of(source, names, rows);
            return new SpssFile(source, encodingName, stripTrailing(text(fileLabelRaw)).strip(), documents, out,
                    table);
        }

        /**
         * Record 7.22: for each string variable wider than 8 bytes with missing values, its name, the
         * number of values and each value (8 bytes).
         */
        private void readLongStringMissing(byte[] data, long at, List<RawVar> vars) {
            ByteBuffer d = ByteBuffer.wrap(data).order(buf.order());
            try {
                while (d.remaining() > 0) {
                    int nameLen = d.getInt();
                    byte[] name = new byte[nameLen];
                    d.get(name);
                    int n = d.get() & 0xff;
                    int valueLen = d.getInt();
                    String varName = new String(name, StandardCharsets.US_ASCII).strip();
                    RawVar v = vars.stream().filter(x -> x.shortName.equalsIgnoreCase(varName)
                            || varName.equals(x.name)).findFirst().orElse(null);
                    String[] values = new String[n];
                    for (int i = 0; i < n; i++) {
                        byte[] raw = new byte[valueLen];
                        d.get(raw);
                        values[i] = stripTrailing(text(raw));
                    }
                    if (v == null) {
                        throw damaged(at, "missing values for " + varName + ", which is not a variable");
                    }
                    v.missingStr = values;
                    v.nMissing = n;
                }
            } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
                throw damaged(at, "the long string missing-value record ends inside a value");
            }
        }

        private String numberKey(double d) {
            return d == SYSMIS ? "" : number(d);
        }

        private void setCodePage(int code) {
            String name = switch (code) {
                case 65001 -> "UTF-8";
                case 1252 -> "windows-1252";
                case 28591 -> "ISO-8859-1";
                case 2, 20127 -> "US-ASCII";
                default -> code > 0 && code < 10000 ? "windows-" + code : null;
            };
            if (name != null && Charset.isSupported(name)) {
                charset = Charset.forName(name);
                encodingName = name;
            }
        }

        private void setEncoding(String name, long at) {
            if (!Charset.isSupported(name)) {
                throw new InputException(source + ": the file's character encoding " + name
                        + " (record at byte offset " + at + ") is not supported by this Java runtime");
            }
            charset = Charset.forName(name);
            encodingName = charset.name();
            encodingGiven = true;
        }

        /**
         * Joins the segments of very long strings (width above 255): each segment is a variable of its own
         * in the dictionary; record 7.14 names the first segment and the full width.
         */
        private List<RawVar> joinVeryLongStrings(List<RawVar> vars, byte[] veryLong) {
            if (veryLong == null) {
                return vars;
            }
            Map<String, Integer> widths = new LinkedHashMap<>();
            for (String entry : text(veryLong).split("\t")) {
                String e = entry.replace("\0", "").strip();
                int eq = e.indexOf('=');
                if (eq > 0) {
                    try {
                        widths.put(e.substring(0, eq).toUpperCase(Locale.ROOT), Integer.parseInt(e.substring(eq + 1).strip()));
                    } catch (NumberFormatException ex) {
                        throw new InputException(source + ": damaged SPSS file: the very long string record has \""
                                + e + "\"; save it again from SPSS or PSPP, or export it as CSV");
                    }
                }
            }
            List<RawVar> out = new ArrayList<>();
            for (int i = 0; i < vars.size(); i++) {
                RawVar v = vars.get(i);
                Integer w = widths.get(v.shortName.toUpperCase(Locale.ROOT));
                out.add(v);
                if (w != null && w > 255) {
                    int segments = (w + 251) / 252;
                    if (i + segments > vars.size()) {
                        throw new InputException(source + ": damaged SPSS file: the very long string " + v.name
                                + " needs " + segments + " segments but the dictionary ends first");
                    }
                    v.width = w;
                    v.segments = segments;
                    v.segmentSlots = new int[segments];
                    for (int s = 0; s < segments; s++) {
                        v.segmentSlots[s] = vars.get(i + s).slot;
                    }
                    i += segments - 1;
                }
            }
            return out;
        }

        private static byte[] stringValue(byte[] caseBytes, int base, RawVar v) {
            if (v.segments == 1) {
                return Arrays.copyOfRange(caseBytes, base + v.slot * 8, base + v.slot * 8 + v.type);
            }
            byte[] out = new byte[v.width];
            int pos = 0;
            for (int s = 0; s < v.segments; s++) {
                // each segment but the last carries 255 bytes of the value (in 256 allocated)
                int used = Math.min(255, v.width - pos);
                System.arraycopy(caseBytes, base + v.segmentSlots[s] * 8, out, pos, used);
                pos += used;
            }
            return out;
        }

        private static boolean isMissing(RawVar v, double d) {
            double[] m = v.missingNum;
            return switch (v.nMissing) {
                case 0 -> false;
                case -2 -> d >= m[0] && d <= m[1];
                case -3 -> (d >= m[0] && d <= m[1]) || d == m[2];
                default -> {
                    for (double x : m) {
                        if (d == x) {
                            yield true;
                        }
                    }
                    yield false;
                }
            };
        }

        private static boolean isMissing(RawVar v, String s) {
            for (String x : v.missingStr) {
                if (s.equals(x)) {
                    return true;
                }
            }
            return false;
        }

        private static List<String> describeMissing(RawVar v) {
            List<String> out = new ArrayList<>();
            if (v.type != 0) {
                for (String s : v.missingStr) {
                    out.add("'" + s + "'");
                }
                return out;
            }
            double[] m = v.missingNum;
            int discreteFrom = 0;
            if (v.nMissing < 0) {
                String lo = m[0] <= -Double.MAX_VALUE || m[0] == Math.nextUp(-Double.MAX_VALUE) ? "LO" : number(m[0]);
                String hi = m[1] >= Double.MAX_VALUE ? "HI" : number(m[1]);
                out.add(lo + " THRU " + hi);
                discreteFrom = 2;
            }
            for (int i = discreteFrom; i < m.length; i++) {
                out.add(number(m[i]));
            }
            return out;
        }

        /**
         * Expands bytecode compression into whole uncompressed cases: blocks of 8 command bytes, each
         * 0 (padding), 1 to 251 (the number code - bias), 252 (end of data), 253 (8 raw bytes follow
         * the block), 254 (8 blanks), 255 (system-missing).
         *
         * @param fileBase the file offset of {@code data[from]} for messages, or -1 inside zlib data
         */
        private byte[] decompress(byte[] data, int from, int to, long fileBase, double bias, int slotsPerCase,
                List<RawVar> vars) {
            boolean[] numeric = new boolean[slotsPerCase];
            for (RawVar v : vars) {
                if (v.type == 0) {
                    numeric[v.slot] = true;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, (to - from) * 2));
            ByteBuffer eight = ByteBuffer.allocate(8).order(buf.order());
            int pos = from;
            long slotIndex = 0;
            while (pos < to) {
                if (to - pos < 8) {
                    throw damagedData(fileBase, pos - from, "a command block of " + (to - pos) + " bytes (8 expected)");
                }
                int block = pos;
                pos += 8;
                for (int k = 0; k < 8; k++) {
                    int code = data[block + k] & 0xff;
                    boolean isNum = numeric[(int) (slotIndex % slotsPerCase)];
                    switch (code) {
                        case 0 -> { continue; }
                        case 252 -> {
                            return out.toByteArray();
                        }
                        case 253 -> {
                            if (to - pos < 8) {
                                throw damagedData(fileBase, pos - from, "the file ends inside an uncompressed value");
                            }
                            out.write(data, pos, 8);
                            pos += 8;
                        }
                        case 254 -> {
                            if (isNum) {
                                throw damagedData(fileBase, block + k - from, "a blank string code for a numeric value");
                            }
                            out.writeBytes(new byte[] {' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '});
                        }
                        case 255 -> {
                            eight.clear();
                            eight.putDouble(SYSMIS);
                            out.writeBytes(eight.array());
                        }
                        default -> {
                            if (!isNum) {
                                throw damagedData(fileBase, block + k - from, "a number code for a string value");
                            }
                            eight.clear();
                            eight.putDouble(code - bias);
                            out.writeBytes(eight.array());
                        }
                    }
                    slotIndex++;
                }
            }
            return out.toByteArray();
        }

        private InputException damagedData(long fileBase, long offset, String what) {
            if (fileBase >= 0) {
                return damaged(fileBase + offset, what);
            }
            return new InputException(source + ": damaged SPSS file: the zlib-compressed data, at offset " + offset
                    + " once uncompressed, has " + what + "; save it again from SPSS or PSPP, or export it as CSV");
        }

        /** The zlib blocks of a .zsav file (from the ZLIB header to the trailer), inflated and joined. */
        private byte[] inflate(int dataStart) {
            buf.position(dataStart);
            need(24, "the zlib data header");
            long zheader = buf.getLong();
            long ztrailer = buf.getLong();
            long ztrailerLen = buf.getLong();
            if (zheader != dataStart) {
                throw damaged(dataStart, "the zlib header says it is at offset " + zheader);
            }
            if (ztrailer < dataStart + 24 || ztrailer > b.length) {
                throw damaged(dataStart + 8, "the zlib trailer offset " + ztrailer + " is outside the file");
            }
            if (ztrailerLen < 24 || ztrailer + ztrailerLen != b.length) {
                throw damaged(Math.min(b.length, ztrailer + ztrailerLen), "the zlib trailer (" + ztrailerLen
                        + " bytes at offset " + ztrailer + ") does not end where the file does (" + b.length + " bytes)");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Inflater inflater = new Inflater();
            try {
                int pos = dataStart + 24;
                byte[] chunk = new byte[1 << 16];
                while (pos < ztrailer) {
                    inflater.reset();
                    inflater.setInput(b, pos, (int) ztrailer - pos);
                    int blockStart = pos;
                    while (!inflater.finished()) {
                        int n = inflater.inflate(chunk);
                        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                            throw damaged(blockStart, "a zlib block ends before its data do");
                        }
                        out.write(chunk, 0, n);
                    }
                    pos = (int) ztrailer - inflater.getRemaining();
                }
            } catch (DataFormatException e) {
                throw damaged(dataStart + 24, "the zlib data cannot be uncompressed (" + e.getMessage() + ")");
            } finally {
                inflater.end();
            }
            return out.toByteArray();
        }
    }
}
