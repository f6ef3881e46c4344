package dev.ferry.dialect.mysql;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Without the TRIGGER privilege a table's triggers are simply invisible to the user
 * (information_schema.TRIGGERS leaves them out), so a backup would lack them without a word. A backup
 * therefore requires TRIGGER on every table it reads (globally, on the database, or per table),
 * next to SELECT and, for views, SHOW VIEW (whose absence the server reports by name).
 */
final class TriggerPrivilege {
    private static final String GRANTED = """
            SELECT '*' FROM information_schema.USER_PRIVILEGES WHERE PRIVILEGE_TYPE = 'TRIGGER'
            UNION ALL SELECT '*' FROM information_schema.SCHEMA_PRIVILEGES WHERE PRIVILEGE_TYPE = 'TRIGGER' AND ? LIKE TABLE_SCHEMA
            UNION ALL SELECT TABLE_NAME FROM information_schema.TABLE_PRIVILEGES WHERE PRIVILEGE_TYPE = 'TRIGGER' AND TABLE_SCHEMA = ?
            """;

    private TriggerPrivilege() {
    }

    static void require(Connection connection, String database, Schema schema) throws SQLException {
        Set<String> granted = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(GRANTED)) {
            ps.setString(1, database);
            ps.setString(2, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    granted.add(rs.getString(1));
                }
            }
        }
        if (granted.contains("*")) {
            return;
        }
        List<String> lacking = schema.tables().stream().map(Table::name).map(n -> n.name()).filter(t -> !granted.contains(t)).toList();
        if (!lacking.isEmpty()) {
            String user = currentUser(connection);
            throw new FerryException(ErrorCode.PERMISSION_DENIED, "User " + user + " lacks the TRIGGER privilege on "
                    + (lacking.size() == schema.tables().size() ? "database " + database : "table(s) " + String.join(", ", lacking))
                    + ", so it cannot see triggers and the backup could miss them. Grant it (GRANT TRIGGER ON " + Sql.quote(database)
                    + ".* TO " + user + "); a read-only backup user needs SELECT, SHOW VIEW and TRIGGER (and RELOAD to read"
                    + " with several connections).");
        }
    }

    private static String currentUser(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT CURRENT_USER()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            String[] parts = rs.getString(1).split("@", 2);
            return "'" + parts[0] + "'@'" + (parts.length > 1 ? parts[1] : "%") + "'";
        }
    }
}
