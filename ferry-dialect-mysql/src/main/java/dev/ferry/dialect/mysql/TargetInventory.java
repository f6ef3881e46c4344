package dev.ferry.dialect.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What a database holds, from information_schema: for existingObjects() and a clean swap. */
final class TargetInventory {
    private static final String OBJECTS = "SELECT CASE TABLE_TYPE WHEN 'VIEW' THEN 'view' WHEN 'SEQUENCE' THEN 'sequence' "
            + "ELSE 'table' END, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? "
            + "UNION ALL SELECT 'trigger', TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? "
            + "UNION ALL SELECT LOWER(ROUTINE_TYPE), ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? "
            + "UNION ALL SELECT 'event', EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? "
            + "ORDER BY 1, 2";
    private static final String TABLES = "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? "
            + "AND TABLE_TYPE <> 'VIEW' ORDER BY TABLE_NAME";

    private TargetInventory() {
    }

    /** Every object, as "table Order", "view v", "trigger t", "function f". */
    static List<String> objects(Connection connection, String database) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(OBJECTS)) {
            for (int i = 1; i <= 4; i++) {
                ps.setString(i, database);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Base tables and sequences: everything RENAME TABLE moves. */
    static List<String> tables(Connection connection, String database) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(TABLES)) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Names of leftover staging and trash databases from interrupted restores. */
    static List<String> leftovers(Connection connection) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA "
                + "WHERE SCHEMA_NAME LIKE 'ferry\\_stage\\_%' OR SCHEMA_NAME LIKE 'ferry\\_trash\\_%' ORDER BY 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** {@code " CHARACTER SET x COLLATE y"}: the target database's defaults, for its staging database; "" if unknown. */
    static String charsetClause(Connection connection, String target) throws SQLException {
        try (var ps = connection.prepareStatement("SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME "
                + "FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, target);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? " CHARACTER SET " + rs.getString(1) + " COLLATE " + rs.getString(2) : "";
            }
        }
    }
}
