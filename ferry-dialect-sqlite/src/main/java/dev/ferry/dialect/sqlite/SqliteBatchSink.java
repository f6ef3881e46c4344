package dev.ferry.dialect.sqlite;

import dev.ferry.core.convert.TextForms;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.CheckpointWriter;
import dev.ferry.core.spi.RowSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Inserts rows with one reused prepared statement, in batches of {@value #BATCH} rows or
 * {@value #BATCH_BYTES} bytes of values, whichever comes first: memory is bounded by one batch,
 * whatever the size of the values (40 rows of 8 MiB text used to exhaust a 256 MiB heap).
 */
final class SqliteBatchSink implements RowSink {
    private static final int BATCH = 2_000;
    private static final long BATCH_BYTES = 16L << 20;

    private final PreparedStatement insert;
    private final Table table;
    private final java.nio.file.Path file;
    private final CheckpointWriter checkpoints;
    private int pending;
    private long pendingBytes;
    private long accepted;

    /**
     * Rows of {@code table} into the database {@code file} (named in a disk-full error) on
     * {@code connection}; in a checkpointed restore, {@code checkpoints} commits each checkpoint there.
     */
    SqliteBatchSink(Connection connection, Table table, java.nio.file.Path file, CheckpointWriter checkpoints)
            throws SQLException {
        this.table = table;
        this.file = file;
        this.checkpoints = checkpoints;
        List<Column> columns = table.loadedColumns();
        String sql = "INSERT INTO " + SqliteDialect.quoteIdentifier(table.name().name()) + " ("
                + columns.stream().map(c -> SqliteDialect.quoteIdentifier(c.name())).collect(Collectors.joining(", "))
                + ") VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        this.insert = connection.prepareStatement(columns.isEmpty()
                ? "INSERT INTO " + SqliteDialect.quoteIdentifier(table.name().name()) + " DEFAULT VALUES" : sql);
    }

    @Override
    public void accept(Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            bind(i + 1, row[i]);
            pendingBytes += row[i] instanceof String s ? 2L * s.length() : row[i] instanceof byte[] b ? b.length : 8;
        }
        insert.addBatch();
        accepted++;
        if (++pending == BATCH || pendingBytes >= BATCH_BYTES) {
            flush();
        }
    }

    /**
     * Binds a value by SQLite storage class: integers, reals, text and blobs as they are; booleans as
     * 1/0; floats widened exactly; every other portable value (decimals, dates and times, UUIDs, JSON...)
     * as its {@link TextForms text form}, which the column's affinity may turn into a number.
     */
    private void bind(int index, Object v) throws SQLException {
        bind(insert, index, v);
    }

    /** Binds one portable value by SQLite storage class (see {@link #bind(int, Object)}). */
    static void bind(PreparedStatement insert, int index, Object v) throws SQLException {
        if (v == null) {
            insert.setNull(index, Types.NULL);
        } else if (v instanceof Long l) {
            insert.setLong(index, l);
        } else if (v instanceof Double d) {
            insert.setDouble(index, d);
        } else if (v instanceof byte[] b) {
            insert.setBytes(index, b);
        } else if (v instanceof String s) {
            insert.setString(index, s);
        } else if (v instanceof Boolean b) {
            insert.setLong(index, b ? 1 : 0);
        } else if (v instanceof Float f) {
            insert.setDouble(index, f.doubleValue());
        } else if (v instanceof Integer || v instanceof Short) {
            insert.setLong(index, ((Number) v).longValue());
        } else {
            insert.setString(index, TextForms.of(v));
        }
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            try {
                insert.executeBatch();
            } catch (SQLException e) {
                WriteErrors.orDiskFull(e, file, "inserting rows of table " + table.name());
                throw new SQLException("Inserting into table " + table.name() + " failed near row " + accepted + ": "
                        + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
            }
            pending = 0;
            pendingBytes = 0;
        }
    }

    @Override
    public void finish() throws SQLException {
        flush();
    }

    /** Inserts the pending batch, then commits the file's transaction with the checkpoint row. */
    @Override
    public void checkpoint(String item, long rows, String hash) throws SQLException {
        flush();
        try {
            checkpoints.commit(item, rows, hash);
        } catch (SQLException e) {
            WriteErrors.orDiskFull(e, file, "committing rows of table " + table.name());
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
