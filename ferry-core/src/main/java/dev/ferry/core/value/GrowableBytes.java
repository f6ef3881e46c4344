package dev.ferry.core.value;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** A reusable, growable byte array with the varint primitives of the archive format. Not thread-safe. */
public final class GrowableBytes {
    private byte[] buf = new byte[4096];
    private int size;

    public void reset() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public byte[] array() {
        return buf;
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, size);
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    public void put(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    public void put(byte[] bytes) {
        put(bytes, 0, bytes.length);
    }

    public void put(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buf, size, length);
        size += length;
    }

    /** Unsigned LEB128. */
    public void putVarLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    /** Zig-zag then LEB128, so small negative numbers stay short. */
    public void putSignedVarLong(long v) {
        putVarLong((v << 1) ^ (v >> 63));
    }

    public void putLong(long v) {
        ensure(8);
        for (int i = 7; i >= 0; i--) {
            buf[size++] = (byte) (v >>> (i * 8));
        }
    }

    public void putInt(int v) {
        ensure(4);
        for (int i = 3; i >= 0; i--) {
            buf[size++] = (byte) (v >>> (i * 8));
        }
    }

    /** Length-prefixed bytes. */
    public void putBlock(byte[] bytes) {
        putVarLong(bytes.length);
        put(bytes);
    }
}
