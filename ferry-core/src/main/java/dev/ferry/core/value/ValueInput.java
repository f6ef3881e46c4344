package dev.ferry.core.value;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered reader of the archive's primitives over any stream. Lengths are checked against a
 * limit before anything is allocated, so a corrupt length cannot exhaust memory. Not thread-safe.
 */
public final class ValueInput {
    /** No single value in an archive may be larger than this. */
    public static final int MAX_VALUE_BYTES = Integer.MAX_VALUE - 16;

    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long consumed;

    /**
     * The largest single value this JVM reads: an eighth of the maximum heap, as a value is held as
     * bytes, then as text, and the database driver copies it again.
     */
    public static long valueLimit() {
        return Math.min(MAX_VALUE_BYTES, Runtime.getRuntime().maxMemory() / 8);
    }

    public ValueInput(InputStream in) {
        this.in = in;
    }

    /** Bytes consumed so far. */
    public long position() {
        return consumed + pos;
    }

    private boolean fill() throws IOException {
        consumed += limit;
        pos = 0;
        limit = 0;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        limit = n;
        return true;
    }

    public int readByte() throws IOException {
        if (pos == limit && !fill()) {
            throw new EOFException("unexpected end of data at byte " + position());
        }
        return buf[pos++] & 0xFF;
    }

    public long readVarLong() throws IOException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new ValueFormatException("malformed varint at byte " + position());
    }

    public long readSignedVarLong() throws IOException {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    public long readLong() throws IOException {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | readByte();
        }
        return v;
    }

    public int readInt() throws IOException {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | readByte();
        }
        return v;
    }

    /** A length-prefixed block; the length is validated before allocation. */
    public byte[] readBlock() throws IOException {
        long len = readVarLong();
        if (len < 0 || len > MAX_VALUE_BYTES) {
            throw new ValueFormatException("impossible length " + len + " at byte " + position());
        }
        return readBytes((int) len);
    }

    /**
     * Exactly {@code len} bytes; memory grows with the bytes actually present, not with {@code len}, and
     * a value larger than {@link #valueLimit()} is refused before it exhausts the heap.
     */
    public byte[] readBytes(int len) throws IOException {
        if (len < 0) {
            throw new ValueFormatException("impossible length " + len + " at byte " + position());
        }
        if (len > valueLimit()) {
            throw new ValueTooLargeException(len, valueLimit());
        }
        byte[] out = new byte[(int) Math.min(len, 1 << 20)];
        int filled = 0;
        while (filled < len) {
            if (filled == out.length) {
                out = java.util.Arrays.copyOf(out, (int) Math.min(len, (long) out.length * 2));
            }
            if (pos == limit && !fill()) {
                throw new EOFException("unexpected end of data inside a value at byte " + position());
            }
            int n = Math.min(out.length - filled, limit - pos);
            System.arraycopy(buf, pos, out, filled, n);
            pos += n;
            filled += n;
        }
        return out;
    }
}
