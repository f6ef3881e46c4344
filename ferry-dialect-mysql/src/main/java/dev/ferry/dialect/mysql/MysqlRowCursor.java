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
 * The connection is busy until the cursor is closed.
 */
final class MysqlRowCursor implements RowCursor {
    static final int FETCH_SIZE = 1000;

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
            ps.setFetchSize(FETCH_SIZE);
            return new MysqlRowCursor(ps, ps.executeQuery(), columns);
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
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
