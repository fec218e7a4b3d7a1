package org.dyadkit.survey;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A buffered, byte-level CSV writer: the measured fast path matching {@link SurveyReader}. A field is
 * quoted only when CSV requires it (it holds the delimiter, a quote, CR or LF; quotes are doubled), so
 * any CSV reader gets back the same fields. Numbers are written with {@link Double#toString(double)}
 * (whole values without {@code .0}); a small cache avoids reformatting the few distinct values that
 * scale scores take.
 */
final class RowWriter {
    private static final int CACHE_BITS = 14;
    private static final int CACHE = 1 << CACHE_BITS;

    private OutputStream out;
    private final byte delim;
    private final byte[] eol;
    private byte[] buf = new byte[1 << 16];
    private int n;
    private final long[] cacheKey;
    /** Cached number texts, zero-padded to whole longs, and their lengths. */
    private final byte[][] cacheVal;
    private final int[] cacheLen;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    RowWriter(OutputStream out, char delimiter, boolean crlf) {
        this.out = out;
        this.delim = (byte) delimiter;
        this.eol = crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'};
        this.cacheKey = new long[CACHE];
        this.cacheVal = new byte[CACHE][];
        this.cacheLen = new int[CACHE];
    }

    /** A writer into a buffer of its own that grows as needed ({@link #buffer()}, {@link #length()}); nothing is flushed. */
    static RowWriter growable(char delimiter, boolean crlf) {
        return new RowWriter(null, delimiter, crlf);
    }

    /** The bytes written so far, {@code buffer()[0, length())}, of a {@link #growable} writer. */
    byte[] buffer() {
        return buf;
    }

    int length() {
        return n;
    }

    /** Drops what was written (a growable writer's next batch); the number cache is kept. */
    void clear() {
        n = 0;
    }

    /** Makes room for {@code len} more bytes: grows a growable buffer, flushes a stream's. */
    private void room(int len) throws IOException {
        if (out == null) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + len));
        } else {
            flushBuffer();
        }
    }

    void delimiter() throws IOException {
        if (n == buf.length) {
            room(1);
        }
        buf[n++] = delim;
    }

    void endRow() throws IOException {
        raw(eol, 0, eol.length);
    }

    /**
     * Writes b[s, e) as one field. {@code mayNeedQuotes} false promises that the bytes hold no quote,
     * delimiter or line break (the reader knows this); true makes the writer look.
     */
    void field(byte[] b, int s, int e, boolean mayNeedQuotes) throws IOException {
        if (mayNeedQuotes && needsQuotes(b, s, e)) {
            quoted(b, s, e);
        } else {
            raw(b, s, e - s);
        }
    }

    /** Writes a text field, quoting it when needed. */
    void field(String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        field(b, 0, b.length, true);
    }

    /** Writes a number; NaN is an empty field. */
    void number(double v) throws IOException {
        if (Double.isNaN(v)) {
            return;
        }
        int slot = cached(v);
        raw(cacheVal[slot], 0, cacheLen[slot]);
    }

    /**
     * Writes one instrument's score block: for each score a delimiter and the score (empty for NaN),
     * and with {@code counts} a delimiter and its answered count (empty when {@code blankCounts}); returns
     * whether any score was written. One capacity check for the block, and each cached number text copied
     * in place eight bytes at a time (the hot end of every scored row).
     */
    boolean scores(double[] values, int[] answered, boolean counts, boolean blankCounts) throws IOException {
        // a number is at most 24 bytes (32 with its padding), a count 11
        int most = values.length * (counts ? 46 : 33);
        if (buf.length - n < most) {
            room(most);
        }
        boolean any = false;
        if (buf.length - n < most) { // more scores than a stream's buffer holds: field by field
            for (int j = 0; j < values.length; j++) {
                delimiter();
                if (!Double.isNaN(values[j])) {
                    any = true;
                    number(values[j]);
                }
                if (counts) {
                    delimiter();
                    if (!blankCounts) {
                        integer(answered[j]);
                    }
                }
            }
            return any;
        }
        final byte[] b = buf;
        final byte d = delim;
        final long[] keys = cacheKey;
        final byte[][] texts = cacheVal;
        int p = n;
        for (int j = 0; j < values.length; j++) {
            b[p++] = d;
            double v = values[j];
            if (v == v) {
                any = true;
                long bits = Double.doubleToRawLongBits(v);
                int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> (64 - CACHE_BITS));
                byte[] t = texts[slot];
                if (t == null || keys[slot] != bits) {
                    slot = cached(v);
                    t = texts[slot];
                }
                // the text is padded to whole longs; the padding is overwritten by what follows
                for (int x = 0; x < t.length; x += 8) {
                    LONGS.set(b, p + x, (long) LONGS.get(t, x));
                }
                p += cacheLen[slot];
            }
            if (counts) {
                b[p++] = d;
                if (!blankCounts) {
                    int a = answered[j];
                    if (a >= 0 && a < 10) {
                        b[p++] = (byte) ('0' + a);
                    } else {
                        byte[] t = Integer.toString(a).getBytes(StandardCharsets.US_ASCII);
                        System.arraycopy(t, 0, b, p, t.length);
                        p += t.length;
                    }
                }
            }
        }
        n = p;
        return any;
    }

    /** The cache slot holding the text of {@code v}, formatting it there when it is not cached. */
    private int cached(double v) {
        long bits = Double.doubleToRawLongBits(v);
        // Fibonacci hashing: scores such as 3.8 or 4.0833... have repeating mantissa patterns that a
        // shift-and-xor hash sends to a handful of slots (every third would miss); the multiply mixes all bits
        int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> (64 - CACHE_BITS));
        byte[] text = cacheVal[slot];
        if (text == null || cacheKey[slot] != bits) {
            long whole = (long) v;
            String s = whole == v && Math.abs(v) < 1e15 ? Long.toString(whole) : Double.toString(v);
            byte[] t = s.getBytes(StandardCharsets.US_ASCII);
            cacheVal[slot] = Arrays.copyOf(t, (t.length + 7) & ~7);
            cacheLen[slot] = t.length;
            cacheKey[slot] = bits;
        }
        return slot;
    }

    /** Writes a non-negative whole number. */
    void integer(int v) throws IOException {
        if (v < 10) {
            if (n == buf.length) {
                room(1);
            }
            buf[n++] = (byte) ('0' + v);
            return;
        }
        byte[] t = Integer.toString(v).getBytes(StandardCharsets.US_ASCII);
        raw(t, 0, t.length);
    }

    void raw(byte[] b, int s, int len) throws IOException {
        if (len > buf.length - n) {
            room(len);
            if (len > buf.length - n) {
                out.write(b, s, len);
                return;
            }
        }
        System.arraycopy(b, s, buf, n, len);
        n += len;
    }

    private boolean needsQuotes(byte[] b, int s, int e) {
        byte d = delim;
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c == d || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private void quoted(byte[] b, int s, int e) throws IOException {
        raw(new byte[] {'"'}, 0, 1);
        int from = s;
        for (int i = s; i < e; i++) {
            if (b[i] == '"') {
                raw(b, from, i + 1 - from);
                from = i; // the quote is written again
            }
        }
        raw(b, from, e - from);
        raw(new byte[] {'"'}, 0, 1);
    }

    /** Writes the buffer to the stream (nothing for a growable writer, which keeps its bytes). */
    void flushBuffer() throws IOException {
        if (out == null) {
            return;
        }
        out.write(buf, 0, n);
        n = 0;
    }

    void flush() throws IOException {
        flushBuffer();
        out.flush();
    }
}
