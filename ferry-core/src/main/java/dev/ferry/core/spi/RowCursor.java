package dev.ferry.core.spi;

import java.sql.SQLException;

/** A forward-only stream of rows; memory does not grow with the table. */
public interface RowCursor extends AutoCloseable {

    /** The next row, or null at the end. The returned array may be reused by the next call. */
    Object[] next() throws SQLException;

    @Override
    void close() throws SQLException;
}
