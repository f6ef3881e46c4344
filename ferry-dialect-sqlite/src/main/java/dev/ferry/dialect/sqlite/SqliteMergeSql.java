package dev.ferry.dialect.sqlite;

import dev.ferry.core.model.Column;
import dev.ferry.core.spi.MergeSql;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** {@code restore --merge} on SQLite: values bound by storage class, as a restore binds them. */
final class SqliteMergeSql extends MergeSql {
    SqliteMergeSql(SqliteDialect dialect) {
        super(dialect::quote);
    }

    @Override
    public void bind(PreparedStatement ps, int index, Column column, Object value) throws SQLException {
        SqliteBatchSink.bind(ps, index, value);
    }
}
