package dev.ferry.core.archive.crypto;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Seals a stream: writes the header, then the plaintext in segments of {@code segmentSize} bytes,
 * each encrypted and tagged; {@link #close} writes the last segment (possibly empty) with the last
 * flag set and closes the underlying stream. Memory: two segment buffers.
 */
final class SealedOutputStream extends OutputStream {
    private final OutputStream out;
    private final SegmentCipher cipher;
    private final byte[] plain;
    private final byte[] sealed;
    private int filled;
    private long index;
    private boolean closed;

    SealedOutputStream(OutputStream out, SegmentCipher cipher, byte[] header, int segmentSize) throws IOException {
        this.out = out;
        this.cipher = cipher;
        this.plain = new byte[segmentSize];
        this.sealed = new byte[segmentSize + SegmentCipher.TAG_BYTES];
        out.write(header);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("sealed stream already closed");
        }
        while (len > 0) {
            if (filled == plain.length) {
                emit(false);
            }
            int n = Math.min(len, plain.length - filled);
            System.arraycopy(b, off, plain, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    /** A segment is written only once more data follows it, so the last one is always known at close. */
    private void emit(boolean last) throws IOException {
        int n = cipher.encrypt(plain, filled, sealed, index++, last);
        out.write(sealed, 0, n);
        filled = 0;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        emit(true);
        out.close();
    }
}
