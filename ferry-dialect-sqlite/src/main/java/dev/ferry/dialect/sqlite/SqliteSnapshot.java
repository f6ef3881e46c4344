package dev.ferry.dialect.sqlite;

import dev.ferry.core.spi.Snapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** One read transaction on one read-only connection: SQLite's consistent view of a database file. */
final class SqliteSnapshot implements Snapshot {
    private final Connection connection;

    private SqliteSnapshot(Connection connection) {
        this.connection = connection;
    }

    static SqliteSnapshot open(Connection connection) throws SQLException {
        try {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.executeQuery("SELECT count(*) FROM sqlite_schema").close();
            }
            return new SqliteSnapshot(connection);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public List<Connection> connections() {
        return List.of(connection);
    }

    @Override
    public String note() {
        return "one read transaction on one read-only connection (SQLite cannot share a snapshot between connections)";
    }

    @Override
    public void close() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // read-only: nothing to undo
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a read-only connection cannot lose data
        }
    }
}
