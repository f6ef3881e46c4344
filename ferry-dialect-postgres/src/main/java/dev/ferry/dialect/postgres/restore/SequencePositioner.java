package dev.ferry.dialect.postgres.restore;

import dev.ferry.core.model.Sequence;
import dev.ferry.dialect.postgres.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Puts each restored sequence where the source's stood (last_value, is_called). A sequence owned by
 * a column (serial, identity) is moved past the column's largest loaded value if it stood behind it,
 * so the next insert never collides with a restored row.
 */
final class SequencePositioner {
    private final Connection connection;

    SequencePositioner(Connection connection) {
        this.connection = connection;
    }

    void position(Sequence s) throws SQLException {
        long value = s.lastValue();
        boolean called = s.called();
        Long extreme = s.ownedBy() == null ? null : columnExtreme(s);
        if (extreme != null) {
            long next = called ? value + s.increment() : value;
            if (s.increment() > 0 ? extreme >= next : extreme <= next) {
                value = extreme;
                called = true;
            }
        }
        setval(s, value, called);
    }

    private Long columnExtreme(Sequence s) throws SQLException {
        String sql = "SELECT " + (s.increment() > 0 ? "max(" : "min(") + Sql.quote(s.ownedBy().column()) + ")::bigint FROM "
                + Sql.qualified(s.ownedBy().table());
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long v = rs.getLong(1);
            return rs.wasNull() ? null : v;
        }
    }

    private void setval(Sequence s, long value, boolean called) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT setval(CAST(? AS regclass), ?, ?)")) {
            ps.setString(1, Sql.qualified(s.name()));
            ps.setLong(2, value);
            ps.setBoolean(3, called);
            ps.executeQuery().close();
        }
    }
}
