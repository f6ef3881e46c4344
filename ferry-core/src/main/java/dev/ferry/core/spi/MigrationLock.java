package dev.ferry.core.spi;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A held migration lock. Only one process at a time holds the lock of a database's migration history;
 * {@link #close()} releases it. If the holding process dies, the lock is freed by the server
 * (PostgreSQL, MariaDB) or recognised as abandoned by the next process (SQLite's lock row).
 */
public interface MigrationLock extends AutoCloseable {

    /**
     * Called on the migration's own connection inside each migration's transaction, just before it
     * commits: a lock kept in a table refreshes its heartbeat there and fails if the lock was lost.
     */
    default void touch(Connection migrationConnection) throws SQLException {
    }

    /**
     * Renews the lock's lease (see {@link Dialect#targetLockLease}): tells the server its holder is
     * alive. Called from one thread at a time, never while {@link #close} runs; throws if the lock is lost.
     */
    default void renew() throws SQLException {
    }

    /** If this lock was taken over from a process that died holding it: who that was; otherwise null. */
    default String recoveredFrom() {
        return null;
    }

    /** Releases the lock; never throws. */
    @Override
    void close();
}
