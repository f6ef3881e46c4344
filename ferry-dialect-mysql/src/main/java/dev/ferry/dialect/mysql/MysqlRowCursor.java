package dev.ferry.dialect.mysql;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.RowCursor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Streams a table: a forward-only, read-only statement with a fetch size makes Connector/J read rows
 * from the socket as they are consumed instead of buffering the whole result, so memory stays flat.
 * The fetch size comes from the widest row the column types allow, so that one fetch holds at most
 * {@link #FETCH_BYTES} whatever the values (48 LONGTEXT values of 6 MiB used to be fetched 1,000 at
 * a time). The connection is busy until the cursor is closed.
 */
final class MysqlRowCursor implements RowCursor {
    static final int FETCH_SIZE = 1000;
    /** The most row data one fetch may hold: an eighth of the heap. */
    static final long FETCH_BYTES = Runtime.getRuntime().maxMemory() / 8;

    private final PreparedStatement statement;
    private final ResultSet rows;
    private final ValueReaders.ValueReader[] readers;
    private final Object[] row;

    private MysqlRowCursor(PreparedStatement statement, ResultSet rows, List<Column> columns) {
        this.statement = statement;
        this.rows = rows;
        this.readers = columns.stream().map(ValueReaders::forColumn).toArray(ValueReaders.ValueReader[]::new);
        this.row = new Object[columns.size()];
    }

    static MysqlRowCursor open(Connection connection, Table table) throws SQLException {
        List<Column> columns = table.loadedColumns();
        PreparedStatement ps = connection.prepareStatement(selectSql(table),
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        try {
            ps.setFetchSize(fetchSize(columns, FETCH_BYTES));
            return new MysqlRowCursor(ps, ps.executeQuery(), columns);
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    /** Rows per fetch: as many of the widest possible row as fit in {@code budget}, from 1 to {@link #FETCH_SIZE}. */
    static int fetchSize(List<Column> columns, long budget) {
        long widest = columns.stream().mapToLong(MysqlRowCursor::widestBytes).sum();
        return (int) Math.max(1, Math.min(FETCH_SIZE, budget / Math.max(1, widest)));
    }

    /** The most bytes a value of this column can take (TEXT and BLOB limits are in bytes; 4 per character otherwise). */
    static long widestBytes(Column column) {
        String type = column.type().nativeType().toLowerCase(java.util.Locale.ROOT);
        Integer length = column.type().length();
        if (type.startsWith("tiny") && (type.contains("text") || type.contains("blob"))) {
            return 255;
        }
        if (type.startsWith("medium") && (type.contains("text") || type.contains("blob"))) {
            return 16L << 20;
        }
        if (type.startsWith("set(") || type.startsWith("enum(")) {
            return 4L * type.length();
        }
        if (type.startsWith("text") || type.startsWith("blob")) {
            return 65_535;
        }
        return switch (column.type().kind()) {
            case TEXT, BLOB, JSON, NATIVE -> 1L << 32;
            case CHAR, VARCHAR, BINARY, VARBINARY, BIT -> length == null ? 1L << 32 : 4L * length;
            default -> 64;
        };
    }

    static String selectSql(Table table) {
        String columns = table.loadedColumns().stream().map(c -> Sql.quote(c.name())).collect(Collectors.joining(", "));
        return "SELECT " + (columns.isEmpty() ? "1" : columns) + " FROM "
                + Sql.qualified(table.name().schema(), table.name().name());
    }

    @Override
    public Object[] next() throws SQLException {
        if (!rows.next()) {
            return null;
        }
        for (int i = 0; i < readers.length; i++) {
            row[i] = readers[i].read(rows, i + 1);
        }
        return row;
    }

    @Override
    public void close() throws SQLException {
        try {
            rows.close();
        } finally {
            statement.close();
        }
    }
}
