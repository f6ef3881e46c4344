package dev.ferry.core.spi;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.translate.DefaultParsing;
import dev.ferry.core.translate.PortableDefault;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * One database engine, as Ferry sees it. Implementations are stateless and thread-safe; every method
 * that touches a database takes the connection or connection spec to use.
 */
public interface Dialect {

    /** A short stable id written into archives: {@code postgresql}, {@code mysql}, {@code sqlite}. */
    String id();

    /** The JDBC URL prefixes this dialect accepts, e.g. {@code jdbc:postgresql:}. */
    List<String> urlPrefixes();

    default boolean acceptsUrl(String url) {
        return urlPrefixes().stream().anyMatch(url::startsWith);
    }

    /**
     * Opens a connection with the engine's settings for Ferry (session time zone UTC, fetch modes,
     * read-only where asked). The caller closes it.
     */
    Connection connect(ConnectionSpec spec, boolean readOnly) throws SQLException;

    /** Engine product, version and current database name, for the manifest and messages. */
    ServerInfo describe(Connection connection) throws SQLException;

    /** Quotes an identifier for this engine, doubling any embedded quote character. */
    String quote(String identifier);

    /**
     * Opens {@code workers} read-only connections that all see the same point in time. Where the
     * engine or the user's privileges cannot line up several snapshots, it returns fewer
     * connections (at least one) and says why in {@link Snapshot#note()}.
     */
    Snapshot openSnapshot(ConnectionSpec source, int workers) throws SQLException;

    /**
     * Reads the schema. {@code namespaces} empty means the engine's default: every non-system
     * schema (PostgreSQL), the connected database (MariaDB), main (SQLite).
     */
    Schema introspect(Connection connection, List<String> namespaces) throws SQLException;

    /**
     * Before a backup reads rows: throws a {@code FerryException} (PERMISSION_DENIED) naming every
     * privilege the user lacks to read {@code schema} (the schema being backed up, after exclusions),
     * rather than failing on the first table or, worse, reading less than there is. By default nothing
     * is checked.
     */
    default void requireReadable(Connection connection, Schema schema) throws SQLException {
    }

    /** Streams a table's rows; values in the order of {@link Table#loadedColumns()}. */
    RowCursor readRows(Connection connection, Table table) throws SQLException;

    /** Whether a table holds at least one row; by default the first row of {@link #readRows}. */
    default boolean hasRows(Connection connection, Table table) throws SQLException {
        try (RowCursor rows = readRows(connection, table)) {
            return rows.next() != null;
        }
    }

    /**
     * Prepares to restore with up to {@code jobs} connections at once (loads, index builds, the proof's
     * read-back), where the engine can do so and stay all or nothing; by default {@link #openRestore(ConnectionSpec)}.
     */
    default RestoreTarget openRestore(ConnectionSpec target, int jobs) throws SQLException {
        return openRestore(target);
    }

    /** Prepares to restore into the database at {@code target}; nothing is written until {@link RestoreTarget#begin}. */
    RestoreTarget openRestore(ConnectionSpec target) throws SQLException;

    /**
     * The name of the one lock per target database that keeps Ferry's writers apart: restore,
     * transfer and migrate all take it, so two of them never interleave on one database.
     */
    String TARGET_LOCK = "ferry_target";

    /**
     * Tries once, without waiting, to take the {@linkplain #TARGET_LOCK target lock} of the database
     * at {@code target}. The lock holds whatever it needs (a connection) until it is closed; if this
     * process dies, the lock is freed or recognised as abandoned. By default it is the engine's
     * migration lock under the name {@link #TARGET_LOCK}, on a connection of its own.
     */
    default LockAttempt tryTargetLock(ConnectionSpec target) throws SQLException {
        Connection c = connect(target, false);
        try {
            leaseSession(c, targetLockLease());
            LockAttempt attempt = migrationSupport().tryLock(c, TARGET_LOCK, Duration.ofMinutes(1));
            if (!attempt.isAcquired()) {
                c.close();
                return attempt;
            }
            return LockAttempt.acquired(new ConnectionLock(attempt.lock(), c));
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * How long the server keeps the target lock of a holder that went silent (its process frozen, or
     * its link frozen where no TCP keep-alive can tell): 60 s, or the system property
     * {@code ferry.lock.lease.seconds}. A live holder renews it ({@link MigrationLock#renew}) four
     * times as often.
     */
    static Duration targetLockLease() {
        return Duration.ofSeconds(Math.max(2, Long.getLong("ferry.lock.lease.seconds", 60)));
    }

    /**
     * Makes the server end the session of {@code c} (freeing its locks) once it has been silent for
     * longer than {@code lease}; for a connection that only holds a lock and is renewed by its holder.
     * By default nothing: the session ends when the connection does, or when TCP keep-alive gives up.
     */
    default void leaseSession(Connection c, Duration lease) throws SQLException {
    }

    /** The single-row statements of {@code restore --merge}; standard SQL unless the engine needs otherwise. */
    default MergeSql mergeSql() {
        return new MergeSql(this::quote);
    }

    /** What schema migrations need from this engine: script splitting, locking, portable changes. */
    default MigrationSupport migrationSupport() {
        throw new dev.ferry.core.error.FerryException(dev.ferry.core.error.ErrorCode.UNSUPPORTED,
                "Schema migrations are not supported on " + id() + " by this Ferry version.");
    }

    /**
     * A column's default in engine-neutral terms, for a restore into another engine. The default
     * reads standard literals and CURRENT_TIMESTAMP-style functions; dialects add their own spellings.
     */
    default PortableDefault portableDefault(Column column) {
        return DefaultParsing.common(column.defaultExpression());
    }
}
