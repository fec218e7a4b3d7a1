package org.dyadkit.survey;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

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
    private final byte[] buf = new byte[1 << 16];
    private int n;
    private final long[] cacheKey;
    private final byte[][] cacheVal;

    RowWriter(OutputStream out, char delimiter, boolean crlf) {
        this.out = out;
        this.delim = (byte) delimiter;
        this.eol = crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'};
        this.cacheKey = new long[CACHE];
        this.cacheVal = new byte[CACHE][];
    }

    /**
     * Writes to {@code target} from now on, keeping the buffer and the number cache (a worker's next
     * batch); bytes not flushed, of a batch abandoned after a fault, are dropped.
     */
    void retarget(OutputStream target) {
        this.out = target;
        this.n = 0;
    }

    void delimiter() throws IOException {
        if (n == buf.length) {
            flushBuffer();
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
        long bits = Double.doubleToRawLongBits(v);
        // Fibonacci hashing: scores such as 3.8 or 4.0833... have repeating mantissa patterns that a
        // shift-and-xor hash sends to a handful of slots (every third would miss); the multiply mixes all bits
        int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> (64 - CACHE_BITS));
        byte[] text = cacheVal[slot];
        if (text == null || cacheKey[slot] != bits) {
            long whole = (long) v;
            String s = whole == v && Math.abs(v) < 1e15 ? Long.toString(whole) : Double.toString(v);
            text = s.getBytes(StandardCharsets.US_ASCII);
            cacheVal[slot] = text;
            cacheKey[slot] = bits;
        }
        raw(text, 0, text.length);
    }

    /** Writes a non-negative whole number. */
    void integer(int v) throws IOException {
        if (v < 10) {
            if (n == buf.length) {
                flushBuffer();
            }
            buf[n++] = (byte) ('0' + v);
            return;
        }
        byte[] t = Integer.toString(v).getBytes(StandardCharsets.US_ASCII);
        raw(t, 0, t.length);
    }

    void raw(byte[] b, int s, int len) throws IOException {
        if (len > buf.length - n) {
            flushBuffer();
            if (len > buf.length) {
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

    void flushBuffer() throws IOException {
        out.write(buf, 0, n);
        n = 0;
    }

    void flush() throws IOException {
        flushBuffer();
        out.flush();
    }
}
