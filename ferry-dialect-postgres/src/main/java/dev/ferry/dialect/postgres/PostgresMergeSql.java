package dev.ferry.dialect.postgres;

import dev.ferry.core.convert.TextForms;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.spi.MergeSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code restore --merge} on PostgreSQL: numbers, text, booleans, bytes, dates and times and UUIDs are bound
 * as JDBC values; every other type (JSON, enums, intervals, arrays, native types) as its text with a cast
 * to the column's own type. A generated key comes back by name ({@code RETURNING}).
 */
final class PostgresMergeSql extends MergeSql {
    private static final Set<TypeKind> BOUND = EnumSet.of(TypeKind.BOOLEAN, TypeKind.SMALLINT, TypeKind.INTEGER,
            TypeKind.BIGINT, TypeKind.DECIMAL, TypeKind.REAL, TypeKind.DOUBLE, TypeKind.CHAR, TypeKind.VARCHAR, TypeKind.TEXT,
            TypeKind.BINARY, TypeKind.VARBINARY, TypeKind.BLOB, TypeKind.DATE, TypeKind.TIME, TypeKind.TIMESTAMP,
            TypeKind.TIMESTAMP_TZ, TypeKind.UUID);

    PostgresMergeSql(PostgresDialect dialect) {
        super(dialect::quote);
    }

    @Override
    protected String parameter(Column column) {
        return BOUND.contains(column.type().kind()) ? "?" : "CAST(? AS " + column.type().nativeType() + ")";
    }

    @Override
    public void bind(PreparedStatement ps, int index, Column column, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof byte[] b) {
            ps.setBytes(index, b);
        } else if (BOUND.contains(column.type().kind())) {
            ps.setObject(index, value);
        } else {
            ps.setString(index, TextForms.of(value));
        }
    }

    @Override
    public Object generatedKey(PreparedStatement insert, Column generated) throws SQLException {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the insert returned no generated key for column " + generated.name());
            }
            return keys.getObject(generated.name());
        }
    }
}
