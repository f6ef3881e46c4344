package dev.ferry.dialect.postgres.introspect;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs one catalog query with the namespace list bound as its text[] parameters. */
final class Catalog {
    private final Connection connection;
    private final List<String> namespaces;

    Catalog(Connection connection, List<String> namespaces) {
        this.connection = connection;
        this.namespaces = List.copyOf(namespaces);
    }

    /** Callback for one result row. */
    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql}; every {@code ?} is bound to the namespace array. */
    void query(String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("text", namespaces.toArray());
            int params = (int) sql.chars().filter(c -> c == '?').count();
            for (int i = 1; i <= params; i++) {
                ps.setArray(i, array);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }

    /** Runs {@code sql}, which has no parameters. */
    void queryUnbound(String sql, RowHandler handler) throws SQLException {
        try (java.sql.Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                handler.row(rs);
            }
        }
    }

    /** The server's major version (12, 17...), for the few catalog columns that older majors lack. */
    int serverMajor() throws SQLException {
        return connection.getMetaData().getDatabaseMajorVersion();
    }

    /** A text[] column as a list (nulls kept). */
    static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        List<String> out = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                out.add((String) o);
            }
        }
        return out;
    }

    /** SQL that is true when the pg_class row {@code oidExpr} belongs to an extension. */
    static String notFromExtension(String catalog, String oidExpr) {
        return " NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '" + catalog + "'::regclass AND e.objid = "
                + oidExpr + " AND e.deptype = 'e') ";
    }
}
