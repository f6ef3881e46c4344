package dev.ferry.dialect.mysql;

import dev.ferry.core.model.Table;
import dev.ferry.core.spi.CheckpointTable;
import dev.ferry.core.spi.CheckpointWriter;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.spi.RowSink;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connections of a staged restore's loads and read-backs: each table loads on a connection of its
 * own (so tables load in parallel), with foreign_key_checks=0, and is read back on another.
 */
final class StagedLoads {
    private StagedLoads() {
    }

    /**
     * A sink for {@code table} in {@code database}. With an {@code archive} (a checkpointed staging
     * restore) the rows commit only with their checkpoints, in one transaction on the load's own
     * connection, so a kill leaves exactly the checkpointed rows; with null (a transfer, whose staging
     * database a failure drops; direct mode, where no checkpoints are kept) rows commit as inserted.
     */
    static RowSink load(ConnectionSpec spec, String database, Table table, String archive) throws SQLException {
        Connection c = MysqlConnector.open(spec, false);
        try {
            Sql.execute(c, "SET foreign_key_checks = 0");
            return new BatchInsertSink(c, database, table, true, archive == null ? null : checkpointsOn(c, database, archive));
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    private static CheckpointWriter checkpointsOn(Connection c, String stage, String archive) throws SQLException {
        c.setAutoCommit(false);
        String checkpoints = StagedCheckpoints.table(stage);
        return (item, rows, hash) -> CheckpointTable.commit(c, checkpoints, archive, item, rows, hash);
    }

    /** Reads {@code table} back from {@code database} on a connection of its own. */
    static RowCursor read(ConnectionSpec spec, String database, Table table) throws SQLException {
        Connection c = MysqlConnector.open(spec, true);
        try {
            return new OwnedCursor(MysqlRowCursor.open(c, MysqlDdl.inDatabase(table, database)), c);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }
}
