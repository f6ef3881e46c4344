package dev.ferry.core.archive;

import com.github.luben.zstd.ZstdInputStream;
import dev.ferry.core.archive.crypto.Sealing;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.value.RowHasher;
import dev.ferry.core.value.ValueDecoder;
import dev.ferry.core.value.ValueInput;
import dev.ferry.core.value.ValueTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Streams the rows of one chunk file. The file's size and SHA-256 are checked against the manifest
 * <em>before</em> any row is decoded, so damaged bytes never reach a database; then, as it streams,
 * the magic, every value's encoding, the END tag with the row count, and at the end the rows' content
 * hash. A sealed chunk (encrypted archive) is also authenticated segment by segment. Any mismatch is an {@link ErrorCode#ARCHIVE_CORRUPT} naming the file and table.
 */
public final class ChunkReader implements AutoCloseable {
    private static final int END_TAG = 0xFF;

    private final Manifest.ChunkEntry entry;
    private final String table;
    private final InputStream raw;
    private final ValueInput in;
    private final Object[] row;
    private final RowHasher hasher;
    private long rows;
    private boolean done;
    private long emptyRowsLeft = -1;

    /**
     * @param hashRows recompute the rows' content hash and compare it with the manifest's; a caller whose
     *                 own proof compares the decoded rows with the manifest anyway (a same-engine restore
     *                 reading its target back) may skip it: the file's SHA-256 is checked either way
     */
    ChunkReader(Path file, Manifest.ChunkEntry entry, String table, int columns, Sealing sealing, boolean hashRows) {
        this.hasher = hashRows ? new RowHasher() : null;
        this.entry = entry;
        this.table = table;
        this.row = new Object[columns];
        try {
            long size = Files.size(file);
            if (size != entry.bytes()) {
                throw corrupt("is " + size + " bytes, the manifest says " + entry.bytes() + " (truncated or replaced)");
            }
            requireChecksum(file);
            this.raw = Files.newInputStream(file);
            this.in = new ValueInput(new ZstdInputStream(sealing.open(new java.io.BufferedInputStream(raw, 64 * 1024),
                    entry.file())));
            byte[] magic = new byte[ArchiveFormat.CHUNK_MAGIC.length];
            for (int i = 0; i < magic.length; i++) {
                magic[i] = (byte) in.readByte();
            }
            if (!Arrays.equals(magic, ArchiveFormat.CHUNK_MAGIC)) {
                throw corrupt("does not start with the Ferry row-chunk header");
            }
        } catch (IOException e) {
            throw corrupt("cannot be read: " + ArchivePaths.printable(e.getMessage()), e);
        }
    }

    /** The next row (the array is reused), or null after the last row once every check has passed. */
    public Object[] next() {
        if (done) {
            return null;
        }
        if (row.length == 0) {
            return nextEmptyRow();
        }
        try {
            int tag = in.readByte();
            if (tag == END_TAG) {
                finish();
                return null;
            }
            row[0] = ValueDecoder.decode(tag, in);
            for (int i = 1; i < row.length; i++) {
                int t = in.readByte();
                if (t == END_TAG) {
                    throw corrupt("ends in the middle of row " + (rows + 1));
                }
                row[i] = ValueDecoder.decode(t, in);
            }
            counted();
            return row;
        } catch (ValueTooLargeException e) {
            throw tooLarge(e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof FerryException fe) {
                throw fe;
            }
            throw corrupt("is damaged near row " + (rows + 1) + ": " + ArchivePaths.printable(e.getMessage()), e);
        }
    }

    /**
     * A table without columns (PostgreSQL allows them) stores no bytes per row: its rows exist only as
     * the trailer's count, which a writer never lets exceed {@link ArchiveFormat#CHUNK_MAX_ROWS}.
     */
    private Object[] nextEmptyRow() {
        try {
            if (emptyRowsLeft < 0) {
                if (in.readByte() != END_TAG) {
                    throw corrupt("holds values although its table has no columns");
                }
                emptyRowsLeft = in.readVarLong();
                if (emptyRowsLeft < 0 || emptyRowsLeft > ArchiveFormat.CHUNK_MAX_ROWS || emptyRowsLeft != entry.rows()) {
                    throw corrupt("says it holds " + emptyRowsLeft + " rows and the manifest " + entry.rows());
                }
            }
            if (emptyRowsLeft == 0) {
                requireHash();
                return null;
            }
            emptyRowsLeft--;
            counted();
            return row;
        } catch (IOException e) {
            throw corrupt("is damaged: " + ArchivePaths.printable(e.getMessage()), e);
        }
    }

    private void counted() {
        if (hasher != null) {
            hasher.add(row);
        }
        rows++;
    }

    private void finish() throws IOException {
        long count = in.readVarLong();
        if (count != rows || count != entry.rows()) {
            throw corrupt("holds " + rows + " rows, its trailer says " + count + " and the manifest " + entry.rows());
        }
        requireHash();
    }

    private void requireHash() {
        if (hasMore()) {
            throw corrupt("has data after its row count");
        }
        if (hasher != null && !hasher.hash().hex().equals(entry.hash())) {
            throw corrupt("rows do not match the content hash in the manifest");
        }
        done = true;
    }

    private boolean hasMore() {
        try {
            in.readByte();
            return true;
        } catch (IOException endOrDamage) {
            return false;
        }
    }

    private void requireChecksum(Path file) throws IOException {
        MessageDigest sha = ChunkWriter.sha256();
        try (InputStream data = new DigestInputStream(Files.newInputStream(file), sha)) {
            data.transferTo(java.io.OutputStream.nullOutputStream());
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (!actual.equals(entry.sha256())) {
            throw corrupt("fails its SHA-256 check (expected " + entry.sha256() + ", found " + actual + ")");
        }
    }

    @Override
    public void close() {
        try {
            raw.close();
        } catch (IOException ignored) {
            // read-only file
        }
    }

    private FerryException tooLarge(ValueTooLargeException e) {
        return new FerryException(ErrorCode.UNSUPPORTED, "Archive file " + entry.file() + " (table " + table + ") holds a value of "
                + mib(e.length()) + " in row " + (rows + 1) + ", more than this Java heap can safely hold ("
                + mib(e.limit()) + " per value, an eighth of the maximum heap). Run Ferry with a larger heap, e.g."
                + " FERRY_JAVA_OPTS=-Xmx" + Math.max(1, e.length() * 8 / (1L << 30) + 1) + "g.", e);
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    private FerryException corrupt(String what) {
        return corrupt(what, null);
    }

    private FerryException corrupt(String what, Throwable cause) {
        return new FerryException(ErrorCode.ARCHIVE_CORRUPT, "Archive file " + entry.file() + " (table " + table + ") "
                + what + ". The archive is damaged; use another backup.", cause);
    }
}
