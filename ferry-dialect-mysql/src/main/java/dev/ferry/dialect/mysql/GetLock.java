package dev.ferry.dialect.mysql;

import dev.ferry.core.spi.LockAttempt;
import dev.ferry.core.spi.MigrationLock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * A named lock ({@code GET_LOCK}) held by a dedicated session. Named locks are server-wide, so the
 * name includes the database; the server frees it when the session ends.
 */
final class GetLock implements MigrationLock {
    private final Connection connection;
    private final String name;

    private GetLock(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    static LockAttempt tryLock(Connection c, String lockName) throws SQLException {
        String name = serverName(Sql.currentDatabase(c), lockName);
        try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getInt(1) == 1) {
                    return LockAttempt.acquired(new GetLock(c, name));
                }
            }
        }
        return LockAttempt.heldBy(holder(c, name));
    }

    private static String holder(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT p.ID, p.USER, p.HOST, p.TIME FROM information_schema.PROCESSLIST p"
                + " WHERE p.ID = IS_USED_LOCK(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return "MariaDB/MySQL connection " + rs.getLong(1) + " (" + rs.getString(2) + "@" + rs.getString(3)
                            + ", in its current state for " + rs.getLong(4) + " s)";
                }
            }
        }
        return "another MariaDB/MySQL session (connection id not visible to this user)";
    }

    /** {@code ferry:<db>:<name>}, or a hash of it where that exceeds the 64-character limit of lock names. */
    static String serverName(String database, String lockName) {
        String full = "ferry:" + database + ":" + lockName;
        if (full.length() <= 64) {
            return full;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(full.getBytes(StandardCharsets.UTF_8));
            return "ferry:" + HexFormat.of().formatHex(d).substring(0, 40);
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
        try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, name);
            ps.execute();
        } catch (SQLException ignored) {
            // the lock ends with the session anyway
        }
    }
}
