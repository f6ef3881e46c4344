package dev.ferry.core.spi;

import java.sql.SQLException;

/**
 * Writes one checkpoint of a resumable restore into its {@link CheckpointTable} and commits it together
 * with the work before it on the same connection; what a {@link RowSink#checkpoint} calls once its rows
 * are flushed.
 */
@FunctionalInterface
public interface CheckpointWriter {
    void commit(String item, long rows, String hash) throws SQLException;
}
