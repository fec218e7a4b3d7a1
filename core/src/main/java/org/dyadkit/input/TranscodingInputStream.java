package org.dyadkit.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/** The text of a stream in another character set, as UTF-8 bytes (for the byte-level survey reader). */
final class TranscodingInputStream extends InputStream {
    private final Reader reader;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
    private final CharBuffer chars = CharBuffer.allocate(1 << 14);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private boolean eof;

    TranscodingInputStream(InputStream in, Charset from) {
        this.reader = new InputStreamReader(in, from);
        chars.flip();
        bytes.flip();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!bytes.hasRemaining()) {
            if (eof && !chars.hasRemaining()) {
                return -1;
            }
            refill();
        }
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        return n;
    }

    private void refill() throws IOException {
        chars.compact();
        int n = eof ? -1 : reader.read(chars);
        if (n < 0) {
            eof = true;
        }
        chars.flip();
        bytes.clear();
        CoderResult r = encoder.encode(chars, bytes, eof);
        if (r.isError()) {
            r.throwException();
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
