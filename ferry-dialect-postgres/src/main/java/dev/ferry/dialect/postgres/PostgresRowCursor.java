package dev.ferry.dialect.postgres;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.dialect.postgres.text.PgValueParser;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Streams a table with a server-side cursor (autocommit off, fetch size). Ferry's connections ask
 * for text results only ({@code binaryTransfer=false}), so each value arrives as the server's own
 * output text, which {@link PgValueParser} turns into portable values exactly. (A {@code ::text}
 * cast would not do: it trims char(n) padding, adds /32 to inet and spells booleans out.)
 */
public final class PostgresRowCursor implements RowCursor {
    static final int MAX_FETCH_ROWS = 10_000;
    static final int MIN_FETCH_ROWS = 100;
    static final int UNKNOWN_SIZE_FETCH_ROWS = 1_000;
    /** Roughly how much row data one fetch may hold. */
    static final long FETCH_BYTES = 32L * 1024 * 1024;
    private static final String AVERAGE_ROW_BYTES = """
            SELECT CASE WHEN c.reltuples > 0 THEN pg_total_relation_size(c.oid) / c.reltuples END
            FROM pg_class c WHERE c.oid = CAST(? AS regclass)
            """;

    private final Connection connection;
    private final boolean restoreAutoCommit;
    private final Statement statement;
    private final ResultSet rows;
    private final Function<String, Object>[] parsers;
    private final Object[] row;
    private final QualifiedName table;
    private final List<Column> columns;

    private PostgresRowCursor(Connection connection, boolean restoreAutoCommit, Statement statement, ResultSet rows,
                              Table table) {
        this.connection = connection;
        this.restoreAutoCommit = restoreAutoCommit;
        this.statement = statement;
        this.rows = rows;
        this.table = table.name();
        this.columns = table.loadedColumns();
        this.parsers = parsers(columns);
        this.row = new Object[parsers.length];
    }

    /** Opens the cursor; a connection in autocommit mode is switched off it until {@link #close()}. */
    public static PostgresRowCursor open(Connection connection, Table table) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false);
        }
        Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        try {
            statement.setFetchSize(fetchSize(connection, table));
            ResultSet rows = statement.executeQuery(selectSql(table));
            return new PostgresRowCursor(connection, autoCommit, statement, rows, table);
        } catch (SQLException | RuntimeException e) {
            statement.close();
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            throw e;
        }
    }

    /**
     * Rows per fetch so that one fetch holds about {@link #FETCH_BYTES}: from the table's size on
     * disk (with TOAST) over its row estimate; a table never analysed gets a middling size.
     */
    static int fetchSize(Connection connection, Table table) throws SQLException {
        try (java.sql.PreparedStatement ps = connection.prepareStatement(AVERAGE_ROW_BYTES)) {
            ps.setString(1, Sql.qualified(table.name()));
            try (ResultSet rs = ps.executeQuery()) {
                double average = rs.next() ? rs.getDouble(1) : 0;
                return rowsPerFetch(average);
            }
        }
    }

    static int rowsPerFetch(double averageRowBytes) {
        if (averageRowBytes <= 0) {
            return UNKNOWN_SIZE_FETCH_ROWS;
        }
        return (int) Math.max(MIN_FETCH_ROWS, Math.min(MAX_FETCH_ROWS, FETCH_BYTES / averageRowBytes));
    }

    /** {@code SELECT "a", "b" FROM ONLY "s"."t"}: ONLY, or an inheritance parent would also return its children's rows. */
    static String selectSql(Table table) {
        return "SELECT " + table.loadedColumns().stream().map(c -> Sql.quote(c.name()))
                .collect(Collectors.joining(", ")) + " FROM ONLY " + Sql.qualified(table.name());
    }

    @SuppressWarnings("unchecked")
    private static Function<String, Object>[] parsers(List<Column> columns) {
        return columns.stream().map(c -> PgValueParser.forType(c.type())).toArray(Function[]::new);
    }

    @Override
    public Object[] next() throws SQLException {
        if (!rows.next()) {
            return null;
        }
        for (int i = 0; i < parsers.length; i++) {
            String text = rows.getString(i + 1);
            try {
                row[i] = text == null ? null : parsers[i].apply(text);
            } catch (RuntimeException e) {
                throw new FerryException(ErrorCode.BACKUP_FAILED, "Cannot read column " + columns.get(i).name() + " ("
                        + columns.get(i).type().nativeType() + ") of table " + table + ": unexpected text '"
                        + abbreviate(text) + "' (" + e.getMessage() + ")", e);
            }
        }
        return row;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    @Override
    public void close() throws SQLException {
        try {
            rows.close();
            statement.close();
        } finally {
            if (restoreAutoCommit) {
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
    }
}
