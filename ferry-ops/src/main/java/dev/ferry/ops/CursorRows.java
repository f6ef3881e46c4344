package dev.ferry.ops;

import dev.ferry.core.model.Table;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.RowCursor;
import java.sql.Connection;
import java.sql.SQLException;

/** A live table's cursor as a row stream. Internal. */
record CursorRows(RowCursor cursor) implements RowStream {

    static CursorRows open(Dialect dialect, Connection connection, Table table) throws SQLException {
        return new CursorRows(dialect.readRows(connection, table));
    }

    @Override
    public Object[] next() throws SQLException {
        return cursor.next();
    }

    @Override
    public void close() throws SQLException {
        cursor.close();
    }
}
