package dev.ferry.dialect.postgres.restore;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.dialect.postgres.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The safety net of {@link StagedNames}: inside the publish transaction, after the tables moved into
 * the target, every default that staging rewrote is read back as the server prints it under an
 * empty search_path (as introspection read it) and must equal the archive's text, or the publish
 * fails and rolls back. The proof compares rows, not defaults; this compares what the rewrite touched.
 */
final class PublishedDefaults {
    private static final String DEFAULTS = """
            SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d
            JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
            WHERE d.adrelid = CAST(? AS regclass)""";

    private PublishedDefaults() {
    }

    static void verify(Connection connection, String namespace, Map<QualifiedName, Map<String, String>> expected)
            throws SQLException {
        if (expected.isEmpty()) {
            return;
        }
        String saved = setPath(connection, "");
        try (PreparedStatement ps = connection.prepareStatement(DEFAULTS)) {
            for (Map.Entry<QualifiedName, Map<String, String>> e : expected.entrySet()) {
                QualifiedName published = new QualifiedName(namespace, e.getKey().name());
                ps.setString(1, Sql.qualified(published));
                Map<String, String> found = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getString(2));
                    }
                }
                e.getValue().forEach((column, text) -> {
                    if (!text.equals(found.get(column))) {
                        throw new FerryException(ErrorCode.RESTORE_FAILED, "Column " + column + " of " + e.getKey()
                                + " would have the default " + found.get(column) + " instead of the archive's " + text
                                + " after the staged restore; restore with --jobs 1, and report this as a bug.");
                    }
                });
            }
        }
        setPath(connection, saved);
    }

    /** Sets the search_path for the rest of the transaction; returns the previous one. */
    private static String setPath(Connection connection, String path) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT current_setting('search_path'), set_config('search_path', ?, true)")) {
            ps.setString(1, path);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
