package dev.ferry.dialect.sqlite;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.LockAttempt;
import dev.ferry.core.spi.MigrationLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * SQLite has no server to hold a lock for a session, so the lock is a row in
 * {@code ferry_migration_lock}: owner token, host, process id and start time, and a heartbeat a
 * background thread refreshes (and each migration refreshes inside its own transaction, so a long
 * migration that blocks the heartbeat still commits a fresh one). A row counts as abandoned, and is
 * taken over, when its process is gone from this host (pid not alive, or alive with another start
 * time: a reused pid), or when its owner is on another host and its heartbeat is older than the
 * stale limit. A live process on this host is never robbed of its lock.
 */
final class SqliteLockRow implements MigrationLock {
    static final String TABLE = "ferry_migration_lock";
    private static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " (name TEXT PRIMARY KEY, owner TEXT NOT NULL,"
            + " host TEXT NOT NULL, pid INTEGER NOT NULL, process_start INTEGER, acquired_at TEXT NOT NULL, heartbeat_ms INTEGER NOT NULL)";

    private static final String SELECT = "SELECT owner, host, pid, process_start, acquired_at, heartbeat_ms FROM " + TABLE
            + " WHERE name = ?";

    private final Connection connection;
    private final String name;
    private final String owner;
    private final String recoveredFrom;
    private final Thread heartbeat;
    private volatile boolean closed;

    private SqliteLockRow(Connection connection, String name, String owner, String recoveredFrom, Duration staleAfter) {
        this.connection = connection;
        this.name = name;
        this.owner = owner;
        this.recoveredFrom = recoveredFrom;
        long period = Math.max(200, staleAfter.toMillis() / 4);
        this.heartbeat = new Thread(() -> beat(period), "ferry-migration-lock-heartbeat");
        heartbeat.setDaemon(true);
        heartbeat.start();
    }

    static LockAttempt tryLock(Connection c, String name, Duration staleAfter) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 2000");
            s.execute(CREATE);
        }
        String liveHolder = liveHolder(c, name, staleAfter);
        if (liveHolder != null) {
            return LockAttempt.heldBy(liveHolder);
        }
        c.setAutoCommit(false);
        try {
            LockAttempt attempt = attempt(c, name, staleAfter);
            if (attempt.isAcquired()) {
                c.commit();
            } else {
                c.rollback();
            }
            return attempt;
        } catch (SQLException e) {
            c.rollback();
            if (e.getMessage() != null && e.getMessage().contains("SQLITE_BUSY")) {
                return LockAttempt.heldBy("a process writing to the database right now");
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Who holds the lock, read without taking SQLite's write lock; null if no one or an abandoned row. */
    private static String liveHolder(Connection c, String name, Duration staleAfter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Holder holder = Holder.of(rs);
                return holder.abandoned(ProcessIdentity.current(), staleAfter) ? null : holder.description();
            }
        }
    }

    private static LockAttempt attempt(Connection c, String name, Duration staleAfter) throws SQLException {
        ProcessIdentity me = ProcessIdentity.current();
        String owner = me.host() + ":" + me.pid() + ":" + UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    write(c, "INSERT INTO " + TABLE + " (owner, host, pid, process_start, acquired_at, heartbeat_ms, name)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)", owner, me, name);
                    return LockAttempt.acquired(new SqliteLockRow(c, name, owner, null, staleAfter));
                }
                Holder holder = Holder.of(rs);
                if (!holder.abandoned(me, staleAfter)) {
                    return LockAttempt.heldBy(holder.description());
                }
                write(c, "UPDATE " + TABLE + " SET owner = ?, host = ?, pid = ?, process_start = ?, acquired_at = ?, heartbeat_ms = ?"
                        + " WHERE name = ?", owner, me, name);
                return LockAttempt.acquired(new SqliteLockRow(c, name, owner, holder.description() + ", which is no longer running",
                        staleAfter));
            }
        }
    }

    /** The process a lock row names, and when it last showed it was alive. */
    private record Holder(ProcessIdentity process, String acquiredAt, long heartbeatAgeMillis) {
        static Holder of(ResultSet rs) throws SQLException {
            Object start = rs.getObject(4);
            return new Holder(new ProcessIdentity(rs.getString(2), rs.getLong(3), start == null ? null : ((Number) start).longValue()),
                    rs.getString(5), System.currentTimeMillis() - rs.getLong(6));
        }

        /**
         * On this host: the process is gone (or its pid was reused). On another host: no heartbeat
         * for longer than the stale limit.
         */
        boolean abandoned(ProcessIdentity me, Duration staleAfter) {
            if (process.host().equals(me.host())) {
                return !process.isAlive();
            }
            return heartbeatAgeMillis > staleAfter.toMillis();
        }

        String description() {
            return "process " + process.pid() + " on host " + process.host() + " (lock taken " + acquiredAt
                    + ", last heartbeat " + heartbeatAgeMillis / 1000 + " s ago)";
        }
    }

    private static void write(Connection c, String sql, String owner, ProcessIdentity me, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, owner);
            ps.setString(2, me.host());
            ps.setLong(3, me.pid());
            ps.setObject(4, me.startMillis());
            ps.setString(5, Instant.now().toString());
            ps.setLong(6, System.currentTimeMillis());
            ps.setString(7, name);
            ps.executeUpdate();
        }
    }

    @Override
    public void touch(Connection migrationConnection) throws SQLException {
        if (refresh(migrationConnection) == 0) {
            throw new FerryException(ErrorCode.LOCK_TIMEOUT, "The migration lock '" + name + "' was taken over by another"
                    + " process while this one held it (was this process frozen for longer than the stale limit?);"
                    + " the migration is rolled back.");
        }
    }

    private int refresh(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET heartbeat_ms = ? WHERE name = ? AND owner = ?")) {
            ps.setLong(1, System.currentTimeMillis());
            ps.setString(2, name);
            ps.setString(3, owner);
            return ps.executeUpdate();
        }
    }

    private void beat(long periodMillis) {
        while (!closed) {
            try {
                Thread.sleep(periodMillis);
                synchronized (this) {
                    if (!closed) {
                        refresh(connection);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException busy) {
                // our own migration holds the write lock; it refreshes the heartbeat itself before committing
            }
        }
    }

    @Override
    public String recoveredFrom() {
        return recoveredFrom;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        heartbeat.interrupt();
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE name = ? AND owner = ?")) {
            ps.setString(1, name);
            ps.setString(2, owner);
            ps.executeUpdate();
        } catch (SQLException ignored) {
            // the row stays, and the next migrator recognises it as abandoned by this (ending) process
        }
    }
}
