package dev.ferry.dialect.sqlite;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.RowCursor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/** Streams a table's rows, each value by its storage class (Long, Double, String, byte[] or null). */
final class SqliteRowCursor implements RowCursor {
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final Object[] row;

    private SqliteRowCursor(PreparedStatement statement, ResultSet rows, int columns) {
        this.statement = statement;
        this.rows = rows;
        this.row = new Object[columns];
    }

    static SqliteRowCursor open(Connection c, Table table) throws SQLException {
        List<Column> columns = table.loadedColumns();
        String select = "SELECT " + columns.stream().map(col -> SqliteDialect.quoteIdentifier(col.name()))
                .collect(Collectors.joining(", ")) + " FROM " + SqliteDialect.quoteIdentifier(table.name().name());
        PreparedStatement ps = c.prepareStatement(columns.isEmpty() ? "SELECT 1 FROM "
                + SqliteDialect.quoteIdentifier(table.name().name()) : select);
        ps.setFetchSize(1000);
        return new SqliteRowCursor(ps, ps.executeQuery(), columns.size());
    }

    @Override
    public Object[] next() throws SQLException {
        if (!rows.next()) {
            return null;
        }
        for (int i = 0; i < row.length; i++) {
            row[i] = value(rows.getObject(i + 1));
        }
        return row;
    }

    private static Object value(Object v) {
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        return v;
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
