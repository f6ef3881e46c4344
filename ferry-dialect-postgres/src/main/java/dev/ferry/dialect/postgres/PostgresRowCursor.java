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
    /**
     * The first fetch of a cursor: one row. The driver's adaptive fetch ({@link PostgresDialect#connect})
     * then sizes every further fetch from the widest row seen so far, so that a fetch holds about
     * {@code maxResultBuffer} bytes whatever the row width. An estimate from the table's size on disk
     * cannot do that: TOAST compresses, and 40 rows of 8 MiB text looked small enough to fetch 1,000 at once.
     */
    static final int FIRST_FETCH_ROWS = 1;

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
            statement.setFetchSize(FIRST_FETCH_ROWS);
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
