package dev.ferry.core.archive;

import com.github.luben.zstd.ZstdOutputStream;
import dev.ferry.core.value.GrowableBytes;
import dev.ferry.core.value.RowHasher;
import dev.ferry.core.value.ValueEncoder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Writes one chunk file: magic, encoded rows, END tag and row count, zstd-compressed, SHA-256 on the fly. */
final class ChunkWriter {
    private static final int END_TAG = 0xFF;

    private final Path file;
    private final FileChannel channel;
    private final CountingOutputStream counted;
    private final MessageDigest sha;
    private final OutputStream out;
    private final ValueEncoder encoder = new ValueEncoder(false);
    private final GrowableBytes buf = new GrowableBytes();
    private final RowHasher hasher = new RowHasher();
    private long encodedBytes;

    ChunkWriter(Path file, int compressionLevel) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.sha = sha256();
        this.counted = new CountingOutputStream(java.nio.channels.Channels.newOutputStream(channel));
        ZstdOutputStream zstd = new ZstdOutputStream(new DigestOutputStream(counted, sha), compressionLevel);
        this.out = new BufferedOutputStream(zstd, 128 * 1024);
        out.write(ArchiveFormat.CHUNK_MAGIC);
    }

    void write(Object[] row) throws IOException {
        buf.reset();
        for (Object v : row) {
            encoder.encode(v, buf);
        }
        buf.writeTo(out);
        encodedBytes += buf.size();
        hasher.add(row);
    }

    long rows() {
        return hasher.hash().rows();
    }

    long encodedBytes() {
        return encodedBytes;
    }

    RowHasher hasher() {
        return hasher;
    }

    /** Ends the chunk, forces it to disk, and describes it. */
    Manifest.ChunkEntry finish(String relativeName) throws IOException {
        buf.reset();
        buf.put(END_TAG);
        buf.putVarLong(rows());
        buf.writeTo(out);
        out.close();
        channel.force(true);
        channel.close();
        return new Manifest.ChunkEntry(relativeName, rows(), hasher.hash().hex(), counted.count,
                HexFormat.of().formatHex(sha.digest()));
    }

    /** Closes without finishing (on failure); the temporary archive is deleted anyway. */
    void abandon() {
        try {
            out.close();
            channel.close();
        } catch (IOException ignored) {
            // the file is discarded with the temporary directory
        }
    }

    Path file() {
        return file;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** Counts bytes reaching the file; closing it leaves the file channel open. */
    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        /** Flushes but keeps the channel open, so the writer can fsync it before closing. */
        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
