package dev.ferry.dialect.mysql;

import dev.ferry.core.spi.RowCursor;
import java.sql.Connection;
import java.sql.SQLException;

/** A cursor that closes the connection it streams from. */
final class OwnedCursor implements RowCursor {
    private final RowCursor cursor;
    private final Connection connection;

    OwnedCursor(RowCursor cursor, Connection connection) {
        this.cursor = cursor;
        this.connection = connection;
    }

    @Override
    public Object[] next() throws SQLException {
        return cursor.next();
    }

    @Override
    public void close() throws SQLException {
        try {
            cursor.close();
        } finally {
            connection.close();
        }
    }
}
