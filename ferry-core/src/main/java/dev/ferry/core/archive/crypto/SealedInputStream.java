package dev.ferry.core.archive.crypto;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens a sealed stream segment by segment. A segment is known to be the last when the stream ends
 * right after it; it must then carry the last flag, so a file cut at a segment boundary, or one with
 * bytes appended, fails authentication. No plaintext of a segment is released before its tag is
 * checked. Memory: two segment buffers.
 */
final class SealedInputStream extends InputStream {
    private final InputStream in;
    private final SegmentCipher cipher;
    private final byte[] sealed;
    private final byte[] plain;
    private int lookahead = -1;
    private int pos;
    private int limit;
    private long index;
    private boolean finished;

    SealedInputStream(InputStream in, SegmentCipher cipher, int segmentSize) {
        this.in = in;
        this.cipher = cipher;
        this.sealed = new byte[segmentSize + SegmentCipher.TAG_BYTES];
        this.plain = new byte[segmentSize];
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
        while (pos == limit) {
            if (finished) {
                return -1;
            }
            nextSegment();
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(plain, pos, b, off, n);
        pos += n;
        return n;
    }

    private void nextSegment() throws IOException {
        int n = 0;
        if (lookahead >= 0) {
            sealed[n++] = (byte) lookahead;
            lookahead = -1;
        }
        n += in.readNBytes(sealed, n, sealed.length - n);
        boolean last = n < sealed.length || (lookahead = in.read()) < 0;
        if (n < SegmentCipher.TAG_BYTES) {
            throw new SealedDataException("the sealed file is truncated (segment " + index + " has " + n + " bytes)");
        }
        limit = cipher.decrypt(sealed, n, plain, index++, last);
        pos = 0;
        finished = last;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
