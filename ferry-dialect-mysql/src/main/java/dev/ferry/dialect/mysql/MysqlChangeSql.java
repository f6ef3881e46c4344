package dev.ferry.dialect.mysql;

import dev.ferry.core.change.SchemaChange;
import dev.ferry.core.change.SchemaChange.AlterColumn;
import dev.ferry.core.change.SchemaChange.DropConstraint;
import dev.ferry.core.change.StandardChangeSql;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB/MySQL spellings where they differ from the standard: a type or nullability change is a
 * {@code MODIFY COLUMN} with the column's full definition (read from information_schema, so the
 * parts not changed are kept), and dropping a constraint depends on its kind.
 */
final class MysqlChangeSql extends StandardChangeSql {
    private final Connection connection;

    MysqlChangeSql(Connection connection) {
        super(Sql::quote);
        this.connection = connection;
    }

    /** The statements of {@code change}, wrapping catalog lookups' SQLExceptions. */
    List<String> of(SchemaChange change) throws SQLException {
        try {
            return sql(change);
        } catch (CatalogFailure e) {
            throw e.cause;
        }
    }

    @Override
    protected List<String> alterColumn(AlterColumn c) {
        if (c.type() == null && c.nullable() == null) {
            return super.alterColumn(c);
        }
        String[] current = currentColumn(c.table(), c.column());
        String type = c.type() != null ? c.type() : current[0];
        boolean nullable = c.nullable() != null ? c.nullable() : "YES".equals(current[1]);
        String dflt = c.dropDefault() ? null : c.defaultSql() != null ? c.defaultSql() : current[2];
        List<String> out = new ArrayList<>();
        out.add(alter(c) + "MODIFY COLUMN " + q(c.column()) + " " + type + (nullable ? " NULL" : " NOT NULL")
                + (dflt == null ? "" : " DEFAULT " + dflt));
        return out;
    }

    @Override
    protected List<String> dropConstraint(DropConstraint c) {
        String kind = constraintKind(c.table(), c.name());
        String clause = switch (kind) {
            case "FOREIGN KEY" -> "DROP FOREIGN KEY ";
            case "UNIQUE" -> "DROP INDEX ";
            default -> "DROP CONSTRAINT ";
        };
        return List.of(alter(c) + clause + q(c.name()));
    }

    private String[] currentColumn(String table, String column) {
        String[] found = query("SELECT COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?", table, column,
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        if (found == null) {
            throw new FerryException(ErrorCode.INVALID_MIGRATIONS, "Cannot alter column " + table + "." + column
                    + ": there is no such column.");
        }
        return found;
    }

    private String constraintKind(String table, String name) {
        String kind = query("SELECT CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = ? AND CONSTRAINT_NAME = ?", table, name, rs -> rs.getString(1));
        return kind == null ? "CHECK" : kind;
    }

    /** The first row of a catalog query with two parameters, mapped; null if there is none. */
    private <T> T query(String sql, String first, String second, RowMapper<T> mapper) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, first);
            ps.setString(2, second);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? mapper.map(rs) : null;
            }
        } catch (SQLException e) {
            throw new CatalogFailure(e);
        }
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Carries a catalog query's SQLException out of the generator methods, which cannot throw it. */
    private static final class CatalogFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SQLException cause;

        CatalogFailure(SQLException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
