package dev.ferry.core.archive;

import com.github.luben.zstd.ZstdOutputStream;
import dev.ferry.core.archive.crypto.Sealing;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * One new file inside an archive: what is written is compressed (zstd, unless level 0), then sealed
 * if the archive is encrypted, then stored; the stored bytes are counted and hashed (SHA-256) on the
 * way, so {@link #finish} describes the file as the manifest records it. Memory is a few buffers,
 * whatever is written.
 */
public final class ArchiveOutput extends OutputStream {
    private final String name;
    private final FileChannel channel;
    private final CountingOutputStream counted;
    private final MessageDigest sha = ChunkWriter.sha256();
    private final OutputStream out;
    private long written;

    ArchiveOutput(Path file, String name, Sealing sealing, int zstdLevel) throws IOException {
        this.name = name;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.counted = new CountingOutputStream(Channels.newOutputStream(channel));
        OutputStream stored = sealing.seal(new DigestOutputStream(counted, sha), name);
        this.out = new BufferedOutputStream(zstdLevel > 0 ? new ZstdOutputStream(stored, zstdLevel) : stored, 128 * 1024);
    }

    /** The file's name inside the archive ({@code data/t00001-c00000.rows.zst}). */
    public String name() {
        return name;
    }

    /** Bytes written so far, before compression. */
    public long written() {
        return written;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        written++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        written += len;
    }

    /** Ends the file (compression and sealing included), forces it to disk, and describes it. */
    public Manifest.FileEntry finish() throws IOException {
        out.close();
        channel.force(true);
        channel.close();
        return new Manifest.FileEntry(name, counted.count, HexFormat.of().formatHex(sha.digest()));
    }

    /** Closes without finishing (on failure); the temporary archive is deleted anyway. */
    public void abandon() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the file is discarded with the temporary directory
        }
    }

    /** Use {@link #finish} or {@link #abandon}; closing abandons an unfinished file. */
    @Override
    public void close() {
        if (channel.isOpen()) {
            abandon();
        }
    }

    /** Counts bytes reaching the file; closing it leaves the file channel open, so it can be forced first. */
    private static final class CountingOutputStream extends FilterOutputStream {
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

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
