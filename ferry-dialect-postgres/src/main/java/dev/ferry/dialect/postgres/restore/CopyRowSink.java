package dev.ferry.dialect.postgres.restore;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.RowSink;
import dev.ferry.dialect.postgres.Sql;
import dev.ferry.dialect.postgres.text.CopyText;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads rows with {@code COPY ... FROM STDIN} in text format. Rows are encoded into a buffer that
 * is handed to the server every {@value #FLUSH_CHARS} characters, so memory stays bounded whatever
 * the table size.
 */
final class CopyRowSink implements RowSink {
    static final int FLUSH_CHARS = 256 * 1024;

    private final Table table;
    private final Connection connection;
    private final String sql;
    private CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);
    private long rows;

    /** Runs between two COPYs of one table: records a checkpoint and commits. */
    @FunctionalInterface
    interface Commit {
        void run() throws SQLException;
    }

    private CopyRowSink(Table table, Connection connection, String sql) throws SQLException {
        this.table = table;
        this.connection = connection;
        this.sql = sql;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    }

    static CopyRowSink open(Connection connection, Table table) throws SQLException {
        return new CopyRowSink(table, connection, copySql(table));
    }

    /**
     * A COPY with FREEZE into a table emptied by TRUNCATE in the same transaction (which FREEZE needs):
     * rows are written frozen, so the first read after the commit (the proof) does not rewrite every
     * page to set hint bits. For a staged table no one else sees.
     */
    static CopyRowSink openFrozen(Connection connection, Table table) throws SQLException {
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute("TRUNCATE " + Sql.qualified(table.name()));
        }
        return new CopyRowSink(table, connection, copySql(table) + " WITH (FREEZE)");
    }

    /**
     * {@code COPY "s"."t" ("a", "b") FROM STDIN}: only loaded columns, generated ones are computed. A
     * table without columns takes no list (each row is an empty line).
     */
    static String copySql(Table table) {
        String columns = table.loadedColumns().stream().map(Column::name).map(Sql::quote).collect(Collectors.joining(", "));
        return "COPY " + Sql.qualified(table.name()) + (columns.isEmpty() ? "" : " (" + columns + ")") + " FROM STDIN";
    }

    @Override
    public void accept(Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            CopyText.appendField(buffer, row[i]);
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() >= FLUSH_CHARS) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (copy == null) {
            if (buffer.length() == 0) {
                return;
            }
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        copy.writeToCopy(bytes, 0, bytes.length);
    }

    @Override
    public void finish() throws SQLException {
        flush();
        if (copy != null) {
            copy.endCopy();
        }
    }

    /**
     * Ends the COPY and runs {@code commit} (a checkpoint row and the commit of everything so far); the
     * next row opens a new COPY into the same table.
     */
    void commitAndContinue(Commit commit) throws SQLException {
        finish();
        copy = null;
        commit.run();
    }

    boolean isActive() {
        return copy != null && copy.isActive();
    }

    long rows() {
        return rows;
    }

    Table table() {
        return table;
    }

    @Override
    public void close() throws SQLException {
        if (isActive()) {
            copy.cancelCopy();
        }
    }
}
