package dev.ferry.core.spi;

import java.sql.SQLException;

/** Receives a table's rows during a restore, using the engine's fast path (COPY, batched inserts). */
public interface RowSink extends AutoCloseable {

    /** Takes one row; values in the order of {@code Table#loadedColumns()}. May buffer. */
    void accept(Object[] row) throws SQLException;

    /** Flushes everything buffered; after it returns, every accepted row is in the table (uncommitted). */
    void finish() throws SQLException;

    /**
     * In a checkpointed unit ({@link RestoreTarget#beginCheckpointed}): flushes, then makes every row
     * this sink accepted so far durable in one commit together with the checkpoint of {@code item}
     * ({@code chunk <n> of table <name>}, or {@code table <name>} for the last rows) and the count and
     * content hash (null: the archive's stands) of all the table's rows sent so far. A kill before the
     * commit loses the rows since the previous checkpoint and nothing else; after it, the rows and the
     * checkpoint are both there. The sink stays open for more rows.
     */
    default void checkpoint(String item, long rows, String hash) throws SQLException {
        throw new UnsupportedOperationException("checkpointed restore");
    }

    /** Releases resources; abandons buffered rows if {@link #finish} was not called. */
    @Override
    void close() throws SQLException;
}
