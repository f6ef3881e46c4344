package dev.ferry.dialect.sqlite;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A WAL-mode database that no one has open (no -wal or -shm beside it). SQLite would create both
 * files to read it, even read-only; Ferry instead reads the file as immutable (no locks, no shared
 * memory), which sees exactly the committed state, since with no -wal file every commit is in the
 * database file. A writer that opens it meanwhile writes to a new -wal file and may checkpoint into
 * the database file: so the file's size and modification time are compared after the read, and a
 * change fails the backup instead of archiving a torn view. Writers are never blocked.
 */
final class UnopenedWalSource {
    private static final int WAL_HEADER_OFFSET = 18;
    private static final int WAL_VERSION = 2;

    private final Path file;
    private final BasicFileAttributes before;

    private UnopenedWalSource(Path file, BasicFileAttributes before) {
        this.file = file;
        this.before = before;
    }

    /** The source to read immutably, or null when SQLite's own read-only locking creates no files. */
    static UnopenedWalSource of(Path file) {
        try {
            if (!isWalMode(file) || exists(file, "-wal") || exists(file, "-shm")) {
                return null;
            }
            return new UnopenedWalSource(file, Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException e) {
            return null;
        }
    }

    /** An SQLite URI opening the file immutable: {@code file:///path?immutable=1}, the path percent-encoded. */
    String url() {
        return SqliteFiles.PREFIX + file.toUri().toASCIIString() + "?immutable=1";
    }

    /** Throws when the database file changed since {@link #of}: another process wrote and checkpointed. */
    void requireUnchanged() {
        try {
            BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
            if (now.size() == before.size() && now.lastModifiedTime().equals(before.lastModifiedTime())) {
                return;
            }
        } catch (IOException e) {
            // a file that cannot be read again counts as changed
        }
        throw new FerryException(ErrorCode.BACKUP_FAILED, "SQLite database " + file + " was written to while Ferry read it"
                + " (it was not open when the backup began, so Ferry read it without creating -wal and -shm files beside it,"
                + " which cannot hold writers back). No archive was written; run the backup again.");
    }

    private static boolean exists(Path file, String suffix) {
        return Files.exists(file.resolveSibling(file.getFileName() + suffix), LinkOption.NOFOLLOW_LINKS);
    }

    /** Bytes 18 and 19 of the header: 2 for WAL mode (1 for rollback journal). */
    private static boolean isWalMode(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(WAL_HEADER_OFFSET + 2);
            return header.length == WAL_HEADER_OFFSET + 2 && header[WAL_HEADER_OFFSET] == WAL_VERSION
                    && header[WAL_HEADER_OFFSET + 1] == WAL_VERSION;
        }
    }
}
