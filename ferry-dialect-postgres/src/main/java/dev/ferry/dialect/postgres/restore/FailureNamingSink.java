package dev.ferry.dialect.postgres.restore;

import dev.ferry.core.spi.CheckpointWriter;
import dev.ferry.core.spi.RowSink;
import java.sql.SQLException;

/**
 * Wraps a {@link CopyRowSink} so a refused COPY names the table, constraint and key; in a checkpointed
 * restore its checkpoints commit through {@code checkpoints}.
 */
final class FailureNamingSink implements RowSink {
    private final CopyRowSink sink;
    private final CheckpointWriter checkpoints;

    FailureNamingSink(CopyRowSink sink, CheckpointWriter checkpoints) {
        this.sink = sink;
        this.checkpoints = checkpoints;
    }

    @Override
    public void accept(Object[] row) throws SQLException {
        try {
            sink.accept(row);
        } catch (SQLException e) {
            throw RestoreErrors.failed(step(), e);
        }
    }

    @Override
    public void finish() throws SQLException {
        try {
            sink.finish();
        } catch (SQLException e) {
            throw RestoreErrors.failed(step(), e);
        }
    }

    /** Ends the COPY, commits it with the checkpoint, and goes on with a new COPY. */
    @Override
    public void checkpoint(String item, long rows, String hash) throws SQLException {
        try {
            sink.commitAndContinue(() -> checkpoints.commit(item, rows, hash));
        } catch (SQLException e) {
            throw RestoreErrors.failed(step(), e);
        }
    }

    private String step() {
        return "Loading rows into " + sink.table().name() + " (" + sink.rows() + " rows sent)";
    }

    @Override
    public void close() throws SQLException {
        sink.close();
    }
}
