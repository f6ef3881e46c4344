package dev.ferry.dialect.postgres.restore;

import dev.ferry.core.spi.RowCursor;
import java.sql.Connection;
import java.sql.SQLException;

/** A staged table's read-back on a worker connection, which goes back to the pool when the cursor closes. */
final class PooledCursor implements RowCursor {
    private final RowCursor rows;
    private final Connection connection;
    private final StagingConnections pool;

    PooledCursor(RowCursor rows, Connection connection, StagingConnections pool) {
        this.rows = rows;
        this.connection = connection;
        this.pool = pool;
    }

    @Override
    public Object[] next() throws SQLException {
        return rows.next();
    }

    @Override
    public void close() throws SQLException {
        try {
            rows.close();
            connection.commit();
        } catch (SQLException e) {
            pool.discard(connection);
            throw e;
        }
        pool.giveBack(connection);
    }
}
