package dev.ferry.dialect.sqlite;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.RowCursor;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** Streams a table's rows, each value by its storage class (Long, Double, String, byte[] or null). */
final class SqliteRowCursor implements RowCursor {
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final Table table;
    private final Object[] row;
    private long rowNumber;

    private SqliteRowCursor(PreparedStatement statement, ResultSet rows, Table table) {
        this.statement = statement;
        this.rows = rows;
        this.table = table;
        this.row = new Object[table.loadedColumns().size()];
    }

    static SqliteRowCursor open(Connection c, Table table) throws SQLException {
        List<Column> columns = table.loadedColumns();
        String select = "SELECT " + columns.stream().map(col -> SqliteDialect.quoteIdentifier(col.name()))
                .collect(Collectors.joining(", ")) + " FROM " + SqliteDialect.quoteIdentifier(table.name().name());
        PreparedStatement ps = c.prepareStatement(columns.isEmpty() ? "SELECT 1 FROM "
                + SqliteDialect.quoteIdentifier(table.name().name()) : select);
        ps.setFetchSize(1000);
        return new SqliteRowCursor(ps, ps.executeQuery(), table);
    }

    @Override
    public Object[] next() throws SQLException {
        if (!rows.next()) {
            return null;
        }
        rowNumber++;
        for (int i = 0; i < row.length; i++) {
            row[i] = value(rows.getObject(i + 1));
            if (row[i] instanceof String s && s.indexOf('\uFFFD') >= 0) {
                requireValidUtf8(rows.getBytes(i + 1), i);
            }
        }
        return row;
    }

    /**
     * SQLite stores any bytes as TEXT, and the driver turns invalid UTF-8 into U+FFFD: the value would
     * change silently (and prove equal, read back the same way). Only text showing U+FFFD is checked.
     */
    private void requireValidUtf8(byte[] bytes, int column) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            String name = table.loadedColumns().get(column).name();
            String shown = HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(bytes.length, 16));
            throw new FerryException(ErrorCode.UNSUPPORTED, "Table " + table.name() + ", column " + name + ", row "
                    + rowNumber + " holds TEXT that is not valid UTF-8 (" + shown + (bytes.length > 16 ? " ..." : "")
                    + "); Ferry would change it, so it stops. Store such values as BLOB (UPDATE ... SET " + name
                    + " = CAST(" + name + " AS BLOB) WHERE ...) or leave the table out with --exclude-table.");
        }
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
