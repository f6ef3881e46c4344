package dev.ferry.ops.merge;

import dev.ferry.core.closure.KeyTuple;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.MergeSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks rows up in the target, inside the merge's transaction, with one prepared statement per table and
 * column list (closed with the merge). Internal.
 */
final class TargetLookups implements AutoCloseable {
    private final Connection connection;
    private final MergeSql sql;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    TargetLookups(Connection connection, MergeSql sql) {
        this.connection = connection;
        this.sql = sql;
    }

    /** The {@code result} columns (canonical) of the first row whose {@code where} columns equal {@code values}, or null. */
    List<Object> find(Table table, List<Column> result, List<Column> where, Object[] values) throws SQLException {
        String id = table.name() + "|" + names(result) + "|" + names(where);
        PreparedStatement ps = statements.get(id);
        if (ps == null) {
            ps = sql.prepareLookup(connection, table, result, where);
            statements.put(id, ps);
        }
        for (int i = 0; i < values.length; i++) {
            sql.bind(ps, i + 1, where.get(i), values[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < result.size(); i++) {
                out.add(KeyTuple.canonical(rs.getObject(i + 1)));
            }
            return out;
        }
    }

    private static String names(List<Column> columns) {
        return String.join(",", columns.stream().map(Column::name).toList());
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : statements.values()) {
            ps.close();
        }
    }
}
