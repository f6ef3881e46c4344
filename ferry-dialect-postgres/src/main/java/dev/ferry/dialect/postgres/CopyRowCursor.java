package dev.ferry.dialect.postgres;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.dialect.postgres.text.PgValueParser;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Streams a table with {@code COPY (SELECT ... FROM ONLY t) TO STDOUT}, as pg_dump reads, instead of
 * a cursor: the server sends rows without round trips, and each field is the type's output text,
 * which {@link PgValueParser} turns into portable values exactly (the same text a SELECT returns).
 * COPY runs inside the connection's transaction, so it sees the snapshot. One row's bytes at a time.
 * Closing before the end reads the rest and discards it (a COPY cannot be stopped without failing
 * the transaction it runs in): callers that want one row ask {@link PostgresDialect#hasRows} instead.
 */
public final class CopyRowCursor implements RowCursor {
    private final CopyOut copy;
    private final Function<String, Object>[] parsers;
    private final Object[] row;
    private final QualifiedName table;
    private final List<Column> columns;
    private byte[] scratch = new byte[256];

    private CopyRowCursor(CopyOut copy, Table table) {
        this.copy = copy;
        this.table = table.name();
        this.columns = table.loadedColumns();
        this.parsers = parsers(columns);
        this.row = new Object[columns.size()];
    }

    public static CopyRowCursor open(Connection connection, Table table) throws SQLException {
        String sql = "COPY (" + PostgresRowCursor.selectSql(table) + ") TO STDOUT";
        return new CopyRowCursor(connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql), table);
    }

    @SuppressWarnings("unchecked")
    private static Function<String, Object>[] parsers(List<Column> columns) {
        return columns.stream().map(c -> PgValueParser.forType(c.type())).toArray(Function[]::new);
    }

    @Override
    public Object[] next() throws SQLException {
        byte[] line = copy.readFromCopy();
        if (line == null) {
            return null;
        }
        int end = line.length > 0 && line[line.length - 1] == '\n' ? line.length - 1 : line.length;
        int start = 0;
        for (int i = 0; i < row.length; i++) {
            int stop = start;
            while (stop < end && line[stop] != '\t') {
                stop++;
            }
            row[i] = value(i, line, start, stop);
            start = stop + 1;
        }
        return row;
    }

    private Object value(int column, byte[] line, int start, int stop) {
        if (stop - start == 2 && line[start] == '\\' && line[start + 1] == 'N') {
            return null;
        }
        String text = text(line, start, stop);
        try {
            return parsers[column].apply(text);
        } catch (RuntimeException e) {
            throw new FerryException(ErrorCode.BACKUP_FAILED, "Cannot read column " + columns.get(column).name() + " ("
                    + columns.get(column).type().nativeType() + ") of table " + table + ": unexpected text '"
                    + (text.length() <= 80 ? text : text.substring(0, 80) + "...") + "' (" + e.getMessage() + ")", e);
        }
    }

    /** The field's text with COPY's backslash escapes undone (\\n, \\t, \\\\, octal and hex bytes). */
    private String text(byte[] line, int start, int stop) {
        int escape = start;
        while (escape < stop && line[escape] != '\\') {
            escape++;
        }
        if (escape == stop) {
            return new String(line, start, stop - start, StandardCharsets.UTF_8);
        }
        if (scratch.length < stop - start) {
            scratch = new byte[Math.max(stop - start, scratch.length * 2)];
        }
        int n = 0;
        for (int i = start; i < stop; i++) {
            byte b = line[i];
            if (b != '\\' || i + 1 == stop) {
                scratch[n++] = b;
                continue;
            }
            byte e = line[++i];
            switch (e) {
                case 'n' -> scratch[n++] = '\n';
                case 't' -> scratch[n++] = '\t';
                case 'r' -> scratch[n++] = '\r';
                case 'b' -> scratch[n++] = '\b';
                case 'f' -> scratch[n++] = '\f';
                case 'v' -> scratch[n++] = 0x0B;
                case 'x' -> i = hex(line, i, stop, n++);
                default -> {
                    if (e >= '0' && e <= '7') {
                        i = octal(line, i, stop, n++);
                    } else {
                        scratch[n++] = e;
                    }
                }
            }
        }
        return new String(scratch, 0, n, StandardCharsets.UTF_8);
    }

    private int hex(byte[] line, int at, int stop, int out) {
        int value = 0;
        int i = at + 1;
        for (int digits = 0; digits < 2 && i < stop && Character.digit(line[i], 16) >= 0; digits++, i++) {
            value = value * 16 + Character.digit(line[i], 16);
        }
        scratch[out] = (byte) value;
        return i - 1;
    }

    private int octal(byte[] line, int at, int stop, int out) {
        int value = 0;
        int i = at;
        for (int digits = 0; digits < 3 && i < stop && line[i] >= '0' && line[i] <= '7'; digits++, i++) {
            value = value * 8 + (line[i] - '0');
        }
        scratch[out] = (byte) value;
        return i - 1;
    }

    /** Reads a COPY not read to its end to its end, so the connection and its transaction can go on. */
    @Override
    public void close() throws SQLException {
        while (copy.isActive() && copy.readFromCopy() != null) {
            // discarded
        }
    }
}
