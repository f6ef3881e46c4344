package dev.ferry.core.archive;

import com.github.luben.zstd.ZstdInputStream;
import dev.ferry.core.archive.crypto.Sealing;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Reads one archive file in a single pass: stored bytes are counted and hashed as they stream, then
 * opened (if sealed) and decompressed (if compressed). {@link #finish} checks that the content ended
 * where the file ends and that size and SHA-256 match the manifest; a caller that writes what it reads
 * somewhere must not keep it until then (restore writes to temporary names).
 */
public final class ArchiveInput extends InputStream {
    private final Manifest.FileEntry entry;
    private final String context;
    private final InputStream raw;
    private final MessageDigest sha = ChunkWriter.sha256();
    private final CountingInputStream counted;
    private final InputStream opened;
    private final InputStream in;

    ArchiveInput(Path file, Manifest.FileEntry entry, String context, Sealing sealing, boolean compressed) {
        this.entry = entry;
        this.context = context;
        try {
            this.raw = Files.newInputStream(file);
            this.counted = new CountingInputStream(new DigestInputStream(raw, sha));
            this.opened = sealing.open(new BufferedInputStream(counted, 64 * 1024), entry.file());
            this.in = compressed ? new ZstdInputStream(opened) : opened;
        } catch (IOException e) {
            throw corrupt("cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public int read() throws IOException {
        return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return in.read(b, off, len);
    }

    /** Checks that nothing follows the content and that the stored file is exactly what the manifest says. */
    public void finish() {
        try {
            if (in.read() >= 0 || (in != opened && opened.read() >= 0)) {
                throw corrupt("holds data after its end", null);
            }
            counted.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw corrupt("cannot be read: " + e.getMessage(), e);
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (counted.count != entry.bytes() || !actual.equals(entry.sha256())) {
            throw corrupt("fails its size or SHA-256 check (" + counted.count + " bytes, the manifest says " + entry.bytes()
                    + ")", null);
        }
    }

    /** A damage report naming this file and what it belongs to. */
    public FerryException corrupt(String what, Throwable cause) {
        return new FerryException(ErrorCode.ARCHIVE_CORRUPT, "Archive file " + entry.file() + " (" + context + ") " + what
                + ". The archive is damaged; use another backup.", cause);
    }

    @Override
    public void close() {
        try {
            raw.close();
        } catch (IOException ignored) {
            // read-only file
        }
    }

    private static final class CountingInputStream extends java.io.FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        /** Skipped bytes are read, so the digest sees them. */
        @Override
        public long skip(long n) throws IOException {
            byte[] scratch = new byte[(int) Math.min(n, 8192)];
            int r = n <= 0 ? 0 : read(scratch, 0, scratch.length);
            return Math.max(r, 0);
        }
    }
}
