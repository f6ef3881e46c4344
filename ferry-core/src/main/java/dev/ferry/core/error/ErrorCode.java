package dev.ferry.core.error;

/** Every way a Ferry operation can fail, with the process exit code the CLI maps it to. */
public enum ErrorCode {
    /** Bad command line or configuration. */
    USAGE(2),
    /** The JDBC URL names an engine no dialect handles. */
    UNKNOWN_ENGINE(2),
    /** Host unreachable, connection refused, timed out. */
    CONNECTION_FAILED(1),
    /** Wrong user or password. */
    AUTHENTICATION_FAILED(1),
    /** The database user lacks a privilege the operation needs. */
    PERMISSION_DENIED(1),
    /** No archive at the given path. */
    ARCHIVE_NOT_FOUND(1),
    /** The archive fails a checksum, cannot be decoded, or is incomplete. */
    ARCHIVE_CORRUPT(1),
    /** The archive was written by a newer format version. */
    ARCHIVE_UNSUPPORTED(1),
    /** The passphrase does not open an encrypted archive. */
    WRONG_PASSPHRASE(1),
    /** Something exists where Ferry would write (an archive path, a non-empty database). */
    TARGET_NOT_EMPTY(1),
    /** No space left on a device. */
    DISK_FULL(1),
    /** An I/O error other than disk full. */
    IO_FAILED(1),
    /** Reading the schema or rows from the source failed. */
    BACKUP_FAILED(1),
    /** Creating the schema or loading rows into the target failed; the target was rolled back. */
    RESTORE_FAILED(1),
    /** Counts or content hashes differ after an operation. */
    PROOF_MISMATCH(1),
    /** --schema existing: the target's tables do not fit the archive; nothing was written. */
    PREFLIGHT_REFUSED(1),
    /** restore --merge: a reference resolves neither from the archive nor the target, or a key clashes; nothing was written. */
    MERGE_REFUSED(1),
    /** --strict: the target would store some values in another representation; nothing was written. */
    STRICT_REFUSED(1),
    /** The archive or request needs something this version of Ferry cannot do yet. */
    UNSUPPORTED(1),
    /** Migrations are waiting to be applied ({@code ferry status}, {@code ensureUpToDate()}). */
    MIGRATIONS_PENDING(3),
    /** The live schema differs from what the applied migrations produced, or an applied script was edited. */
    SCHEMA_DRIFT(4),
    /** A migration failed (now or in a recorded earlier run); the history says which and how to recover. */
    MIGRATION_FAILED(5),
    /** The migration set is invalid: a bad file name, a duplicate version, a cycle or an unmet requirement. */
    INVALID_MIGRATIONS(1),
    /** An applied migration's script was edited since (checksum differs); {@code ferry repair} accepts it. */
    CHECKSUM_MISMATCH(1),
    /** Another process held the migration lock longer than the lock timeout. */
    LOCK_TIMEOUT(1),
    /** The lock's lease could not be renewed before a commit: another writer may have started; nothing was committed. */
    LOCK_LOST(1),
    /** The operation was interrupted. */
    INTERRUPTED(130),
    /** A bug in Ferry. */
    INTERNAL(1);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
