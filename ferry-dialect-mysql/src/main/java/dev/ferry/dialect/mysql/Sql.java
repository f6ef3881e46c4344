package dev.ferry.dialect.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/** Small SQL helpers: identifier quoting, literal text for DDL, one-shot statements. */
final class Sql {
    private Sql() {
    }

    /** Backquotes an identifier, doubling embedded backquotes. */
    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** {@code `db`.`name`}, or just {@code `name`} when db is null. */
    static String qualified(String database, String name) {
        return database == null ? quote(name) : quote(database) + "." + quote(name);
    }

    static String quoteAll(List<String> identifiers) {
        return identifiers.stream().map(Sql::quote).collect(Collectors.joining(", "));
    }

    /**
     * A string literal for DDL text where parameters cannot be bound (comments). Escapes quotes and
     * backslashes, so it is safe whatever the session's NO_BACKSLASH_ESCAPES setting.
     */
    static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    static String currentDatabase(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
