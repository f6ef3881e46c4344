package dev.ferry.dialect.mysql;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.CheckpointWriter;
import dev.ferry.core.spi.RowSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads rows with multi-row INSERTs through a server-side prepared statement (binary protocol, so
 * values arrive exactly). Rows are buffered up to {@link #MAX_ROWS} rows or {@link #MAX_BYTES} of
 * payload, whichever comes first, so memory is bounded whatever the table size. Owns its connection
 * unless told otherwise (a restore into existing tables writes on the unit's one connection). With a
 * {@link CheckpointWriter} its connection is transactional and rows commit only with a checkpoint;
 * without one, {@link #checkpoint} only flushes.
 */
final class BatchInsertSink implements RowSink {
    static final int MAX_ROWS = 1000;
    static final long MAX_BYTES = 4L * 1024 * 1024;
    private static final int MAX_PLACEHOLDERS = 65_535;

    private final Connection connection;
    private final Table table;
    private final String database;
    private final int width;
    private final int rowsPerStatement;
    private final List<Object[]> buffer = new ArrayList<>();
    private long bufferedBytes;
    private PreparedStatement fullBatch;
    private long loaded;
    private final boolean ownsConnection;
    private final CheckpointWriter checkpoints;

    BatchInsertSink(Connection connection, String database, Table table, boolean ownsConnection,
                    CheckpointWriter checkpoints) {
        this.ownsConnection = ownsConnection;
        this.checkpoints = checkpoints;
        this.connection = connection;
        this.database = database;
        this.table = table;
        this.width = table.loadedColumns().size();
        this.rowsPerStatement = Math.max(1, Math.min(MAX_ROWS, MAX_PLACEHOLDERS / Math.max(1, width)));
    }

    @Override
    public void accept(Object[] row) throws SQLException {
        buffer.add(row.clone());
        bufferedBytes += estimateBytes(row);
        if (buffer.size() >= rowsPerStatement || bufferedBytes >= MAX_BYTES) {
            flush();
        }
    }

    @Override
    public void finish() throws SQLException {
        flush();
    }

    @Override
    public void checkpoint(String item, long rows, String hash) throws SQLException {
        flush();
        if (checkpoints != null) {
            try {
                checkpoints.commit(item, rows, hash);
            } catch (SQLException e) {
                throw RestoreErrors.load(table, loaded, e);
            }
        }
    }

    private void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        try {
            if (buffer.size() == rowsPerStatement) {
                if (fullBatch == null) {
                    fullBatch = connection.prepareStatement(insertSql(table, database, rowsPerStatement));
                }
                execute(fullBatch);
            } else {
                try (PreparedStatement ps = connection.prepareStatement(insertSql(table, database, buffer.size()))) {
                    execute(ps);
                }
            }
        } catch (SQLException e) {
            throw RestoreErrors.load(table, loaded, e);
        }
        loaded += buffer.size();
        buffer.clear();
        bufferedBytes = 0;
    }

    private void execute(PreparedStatement ps) throws SQLException {
        int p = 1;
        for (Object[] row : buffer) {
            for (Object v : row) {
                ValueBinder.bind(ps, p++, v);
            }
        }
        ps.executeUpdate();
    }

    static String insertSql(Table table, String database, int rows) {
        List<Column> columns = table.loadedColumns();
        String names = columns.stream().map(c -> Sql.quote(c.name())).collect(Collectors.joining(", "));
        String tuple = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        return "INSERT INTO " + Sql.qualified(database, table.name().name()) + " (" + names + ") VALUES "
                + String.join(", ", Collections.nCopies(rows, tuple));
    }

    private static long estimateBytes(Object[] row) {
        long n = 16;
        for (Object v : row) {
            if (v instanceof byte[] b) {
                n += b.length;
            } else if (v instanceof String s) {
                n += 3L * s.length();
            } else {
                n += 16;
            }
        }
        return n;
    }

    @Override
    public void close() throws SQLException {
        buffer.clear();
        try {
            if (fullBatch != null) {
                fullBatch.close();
            }
        } finally {
            if (ownsConnection) {
                connection.close();
            }
        }
    }
}
