package dev.ferry.dialect.sqlite;

import dev.ferry.core.spi.Snapshot;
import dev.ferry.core.spi.SnapshotConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** One read transaction on one read-only connection: SQLite's consistent view of a database file. */
final class SqliteSnapshot {
    private SqliteSnapshot() {
    }

    static Snapshot open(Connection connection) throws SQLException {
        try {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.executeQuery("SELECT count(*) FROM sqlite_schema").close();
            }
            return new SnapshotConnections(List.of(connection), "one read transaction on one read-only connection"
                    + " (SQLite cannot share a snapshot between connections)");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }
}
