package dev.ferry.dialect.mysql;

import dev.ferry.core.model.Column;
import dev.ferry.core.spi.MergeSql;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** {@code restore --merge} on MariaDB/MySQL: values bound as a restore binds them ({@link ValueBinder}). */
final class MysqlMergeSql extends MergeSql {
    MysqlMergeSql(MysqlDialect dialect) {
        super(dialect::quote);
    }

    @Override
    public void bind(PreparedStatement ps, int index, Column column, Object value) throws SQLException {
        ValueBinder.bind(ps, index, value);
    }
}
