package dev.ferry.dialect.postgres.migrate;

import dev.ferry.core.spi.LockAttempt;
import dev.ferry.core.spi.MigrationLock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A session-level advisory lock held on a dedicated connection. Advisory locks are per database, so
 * the key is derived from the lock name alone; the server frees it when the session ends.
 */
final class PostgresAdvisoryLock implements MigrationLock {
    private static final String HOLDER = "SELECT a.pid, coalesce(a.application_name, ''), coalesce(host(a.client_addr), 'local'),"
            + " a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND l.classid = ? AND l.objid = ? AND l.objsubid = 1";

    private final Connection connection;
    private final long key;

    private PostgresAdvisoryLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    static LockAttempt tryLock(Connection c, String name) throws SQLException {
        long key = key(name);
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return LockAttempt.acquired(new PostgresAdvisoryLock(c, key));
                }
            }
        }
        return LockAttempt.heldBy(holder(c, key));
    }

    private static String holder(Connection c, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HOLDER)) {
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xFFFFFFFFL);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return "PostgreSQL backend " + rs.getInt(1) + " (application '" + rs.getString(2) + "', client "
                            + rs.getString(3) + ", connected since " + rs.getObject(4) + ")";
                }
            }
        }
        return "another PostgreSQL session (it released the lock just now)";
    }

    /** A stable 64-bit key: the first 8 bytes of SHA-256 of "ferry-migrate:" + name. */
    static long key(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("ferry-migrate:" + name).getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) {
                k = (k << 8) | (d[i] & 0xFF);
            }
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A round trip on the lock's session, which resets the server's idle timer (its lease). */
    @Override
    public void renew() throws SQLException {
        if (!connection.isValid(10)) {
            throw new SQLException("the connection holding the lock is gone", "08003");
        }
    }

    @Override
    public void close() {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            ps.execute();
        } catch (SQLException ignored) {
            // the session ends with the connection, which frees the lock anyway
        }
    }
}
