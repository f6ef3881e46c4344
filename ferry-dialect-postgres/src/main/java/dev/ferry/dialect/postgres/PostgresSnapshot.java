package dev.ferry.dialect.postgres;

import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.Snapshot;
import dev.ferry.core.spi.SnapshotConnections;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * N read-only REPEATABLE READ transactions on one point in time: the first exports its snapshot
 * with pg_export_snapshot(), the others adopt it with SET TRANSACTION SNAPSHOT. Closing rolls the
 * transactions back and closes the connections. Where no snapshot can be exported (a standby
 * before PostgreSQL 10, a server that refuses it), one connection reads alone and the note says so.
 */
final class PostgresSnapshot {
    /** What pg_export_snapshot() returns, e.g. 00000003-0000001B-1; checked because SET TRANSACTION SNAPSHOT takes no parameter. */
    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-F]+(-[0-9A-F]+)+");

    private PostgresSnapshot() {
    }

    static Snapshot open(PostgresDialect dialect, ConnectionSpec spec, int workers) throws SQLException {
        List<Connection> opened = new ArrayList<>();
        try {
            Connection first = beginRepeatableRead(dialect.connect(spec, true), opened);
            if (workers == 1) {
                return new SnapshotConnections(opened, "one REPEATABLE READ, READ ONLY transaction");
            }
            String id;
            try {
                id = exportSnapshot(first);
            } catch (SQLException e) {
                first.rollback();
                return new SnapshotConnections(opened, "pg_export_snapshot() failed (" + e.getMessage()
                        + "), so one REPEATABLE READ connection reads everything instead of " + workers);
            }
            for (int i = 1; i < workers; i++) {
                Connection c = beginRepeatableRead(dialect.connect(spec, true), opened);
                try (Statement s = c.createStatement()) {
                    s.execute("SET TRANSACTION SNAPSHOT '" + id + "'");
                }
            }
            return new SnapshotConnections(opened, "exported snapshot " + id + " (REPEATABLE READ, READ ONLY) shared by "
                    + workers + " connections");
        } catch (SQLException | RuntimeException e) {
            SnapshotConnections.closeAll(opened);
            throw e;
        }
    }

    private static Connection beginRepeatableRead(Connection c, List<Connection> opened) throws SQLException {
        opened.add(c);
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        return c;
    }

    private static String exportSnapshot(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
            rs.next();
            String id = rs.getString(1);
            if (!SNAPSHOT_ID.matcher(id).matches()) {
                throw new SQLException("unexpected snapshot id from pg_export_snapshot(): " + id);
            }
            return id;
        }
    }
}
