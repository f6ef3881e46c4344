package dev.ferry.core.archive;

import dev.ferry.core.archive.crypto.Sealing;
import dev.ferry.core.value.GrowableBytes;
import dev.ferry.core.value.RowHasher;
import dev.ferry.core.value.ValueEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Writes one chunk file: magic, encoded rows, END tag and row count, through an {@link ArchiveOutput}. */
final class ChunkWriter {
    private static final int END_TAG = 0xFF;

    private final ArchiveOutput out;
    private final ValueEncoder encoder = new ValueEncoder(false);
    private final GrowableBytes buf = new GrowableBytes();
    private final RowHasher hasher = new RowHasher();
    private long encodedBytes;

    ChunkWriter(Path file, String name, Sealing sealing, int compressionLevel) throws IOException {
        this.out = new ArchiveOutput(file, name, sealing, compressionLevel);
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
    Manifest.ChunkEntry finish() throws IOException {
        buf.reset();
        buf.put(END_TAG);
        buf.putVarLong(rows());
        buf.writeTo(out);
        Manifest.FileEntry file = out.finish();
        return new Manifest.ChunkEntry(file.file(), rows(), hasher.hash().hex(), file.bytes(), file.sha256());
    }

    /** Closes without finishing (on failure); the temporary archive is deleted anyway. */
    void abandon() {
        out.abandon();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
