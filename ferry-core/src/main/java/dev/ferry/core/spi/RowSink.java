package dev.ferry.core.spi;

import java.sql.SQLException;

/** Receives a table's rows during a restore, using the engine's fast path (COPY, batched inserts). */
public interface RowSink extends AutoCloseable {

    /** Takes one row; values in the order of {@code Table#loadedColumns()}. May buffer. */
    void accept(Object[] row) throws SQLException;

    /** Flushes everything buffered; after it returns, every accepted row is in the table (uncommitted). */
    void finish() throws SQLException;

    /** Releases resources; abandons buffered rows if {@link #finish} was not called. */
    @Override
    void close() throws SQLException;
}
