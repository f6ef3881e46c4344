package dev.ferry.core.spi;

import java.sql.Connection;
import java.sql.SQLException;

/** A lock held on a connection of its own: closing releases the lock, then closes the connection. */
record ConnectionLock(MigrationLock lock, Connection connection) implements MigrationLock {

    /** A round trip on the lock's connection, which resets the server's idle timer of its session. */
    @Override
    public void renew() throws SQLException {
        if (!connection.isValid(10)) {
            throw new SQLException("the connection holding the lock is gone", "08003");
        }
    }

    @Override
    public void close() {
        lock.close();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the server frees a session's locks when the connection ends, however it ends
        }
    }
}
