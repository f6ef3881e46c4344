package dev.ferry.dialect.postgres.restore;

import dev.ferry.core.spi.RowSink;
import java.sql.SQLException;

/** Wraps a {@link CopyRowSink} so a refused COPY names the table, constraint and key. */
final class FailureNamingSink implements RowSink {
    private final CopyRowSink sink;

    FailureNamingSink(CopyRowSink sink) {
        this.sink = sink;
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

    private String step() {
        return "Loading rows into " + sink.table().name() + " (" + sink.rows() + " rows sent)";
    }

    @Override
    public void close() throws SQLException {
        sink.close();
    }
}
