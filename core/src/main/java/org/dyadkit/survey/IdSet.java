package org.dyadkit.survey;

/**
 * The identifiers seen so far, kept as 64-bit hashes in an open-addressing table: 16 bytes per
 * identifier at most, however long the identifiers are. Two different identifiers are taken for the
 * same one only if their 64-bit hashes collide (probability about n^2 / 2^65: 3e-8 for a million rows).
 */
final class IdSet {
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private long[] table = new long[1 << 12];
    private boolean hasZero;
    private int size;

    /** Adds the identifier b[s, e); false when it was already there. */
    boolean add(byte[] b, int s, int e) {
        long h = hash(b, s, e);
        if (h == 0) {
            if (hasZero) {
                return false;
            }
            hasZero = true;
            return true;
        }
        int mask = table.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (true) {
            long t = table[i];
            if (t == 0) {
                table[i] = h;
                if (++size * 2 > table.length) {
                    grow();
                }
                return true;
            }
            if (t == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long h : old) {
            if (h != 0) {
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = h;
            }
        }
    }

    static long hash(byte[] b, int s, int e) {
        long h = 0x9E3779B97F4A7C15L ^ (e - s);
        int i = s;
        for (; i + 8 <= e; i += 8) {
            h = (h ^ (long) LONGS.get(b, i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        for (; i < e; i++) {
            h = (h ^ (b[i] & 0xFF)) * 0x100000001B3L;
            h ^= h >>> 29;
        }
        // splitmix64 finaliser
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }
}
