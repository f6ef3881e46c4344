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

    /** {@code unopened}: set when the file is read immutable, to be checked for changes before the commit. */
    static Snapshot open(Connection connection, UnopenedWalSource unopened) throws SQLException {
        try {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.executeQuery("SELECT count(*) FROM sqlite_schema").close();
            }
            SnapshotConnections snapshot = new SnapshotConnections(List.of(connection), unopened == null
                    ? "one read transaction on one read-only connection (SQLite cannot share a snapshot between connections)"
                    : "the WAL-mode file read as immutable, as no one had it open (no -wal or -shm file is created);"
                    + " checked unchanged at the end");
            return unopened == null ? snapshot : new CheckedSnapshot(snapshot, unopened);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** A snapshot whose file is checked unchanged before the archive is committed. */
    private record CheckedSnapshot(SnapshotConnections inner, UnopenedWalSource source) implements Snapshot {
        @Override
        public List<Connection> connections() {
            return inner.connections();
        }

        @Override
        public String note() {
            return inner.note();
        }

        @Override
        public void requireConsistent() {
            source.requireUnchanged();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
