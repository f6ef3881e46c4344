package dev.ferry.core.spi;

import java.sql.Connection;
import java.sql.SQLException;

/** A lock held on a connection of its own: closing releases the lock, then closes the connection. */
record ConnectionLock(MigrationLock lock, Connection connection) implements MigrationLock {

    @Override
    public void renew() throws SQLException {
        lock.renew();
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
