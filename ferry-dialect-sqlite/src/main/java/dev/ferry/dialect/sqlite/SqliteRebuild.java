package dev.ferry.dialect.sqlite;

import dev.ferry.core.change.SchemaChange;
import dev.ferry.core.change.SchemaChange.AddCheck;
import dev.ferry.core.change.SchemaChange.AddColumn;
import dev.ferry.core.change.SchemaChange.AddForeignKey;
import dev.ferry.core.change.SchemaChange.AddUnique;
import dev.ferry.core.change.SchemaChange.AlterColumn;
import dev.ferry.core.change.SchemaChange.DropColumn;
import dev.ferry.core.change.SchemaChange.DropConstraint;
import dev.ferry.core.change.StandardChangeSql;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The table rebuild of https://sqlite.org/lang_altertable.html#otheralter, generated for one
 * {@link SchemaChange} SQLite cannot make in place: create the new table from the original
 * CREATE text with the change applied, copy the rows, drop the old table, rename the new one, then
 * recreate its indexes and triggers and restore its AUTOINCREMENT counter. It runs inside the
 * migration's transaction with foreign-key enforcement off (Ferry's SQLite connections) and
 * {@code legacy_alter_table} on (so the rename rewrites no other object), and the migration ends
 * with {@code PRAGMA foreign_key_check}. Indexes on a dropped column are dropped with it.
 */
final class SqliteRebuild {
    private static final StandardChangeSql STANDARD = new StandardChangeSql(SqliteDialect::quoteIdentifier);

    private final Connection connection;

    SqliteRebuild(Connection connection) {
        this.connection = connection;
    }

    List<String> sql(SchemaChange change) throws SQLException {
        String table = tableName(change.table());
        TableDefinition def = new TableDefinition(table, createSql(table));
        List<String> copied = copiedColumns(table);
        String dropped = apply(def, change);
        if (dropped != null) {
            copied.removeIf(c -> c.equalsIgnoreCase(dropped));
        }
        String temp = "ferry_rebuild_" + table;
        String columns = copied.stream().map(SqliteDialect::quoteIdentifier).collect(Collectors.joining(", "));
        List<String> out = new ArrayList<>();
        out.add("PRAGMA legacy_alter_table = ON");
        out.add(def.createSql(temp));
        out.add("INSERT INTO " + q(temp) + " (" + columns + ") SELECT " + columns + " FROM " + q(table));
        out.add("DROP TABLE " + q(table));
        out.add("ALTER TABLE " + q(temp) + " RENAME TO " + q(table));
        for (String sql : indexesAndTriggers(table)) {
            if (!indexOnDroppedColumn(sql, dropped)) {
                out.add(sql);
            }
        }
        out.addAll(autoincrement(table));
        out.add("PRAGMA legacy_alter_table = OFF");
        return out;
    }

    /** Applies the change to the definition; returns the name of a dropped column, or null. */
    private static String apply(TableDefinition def, SchemaChange change) {
        if (change instanceof DropColumn c) {
            def.dropColumn(c.column());
            return c.column();
        } else if (change instanceof AddColumn c) {
            def.addColumn(STANDARD.columnDefinition(c));
        } else if (change instanceof AlterColumn c) {
            def.alterColumn(c.column(), c.type(), c.nullable(), c.defaultSql(), c.dropDefault());
        } else if (change instanceof AddForeignKey c) {
            def.addConstraint(STANDARD.foreignKey(c));
        } else if (change instanceof AddCheck c) {
            def.addConstraint("CONSTRAINT " + q(c.name()) + " CHECK (" + c.expression() + ")");
        } else if (change instanceof AddUnique c) {
            def.addConstraint("CONSTRAINT " + q(c.name()) + " UNIQUE (" + c.columns().stream().map(SqliteRebuild::q)
                    .collect(Collectors.joining(", ")) + ")");
        } else if (change instanceof DropConstraint c) {
            def.dropConstraint(c.name());
        } else {
            throw new IllegalArgumentException("not a rebuild change: " + change.describe());
        }
        return null;
    }

    private static boolean indexOnDroppedColumn(String sql, String dropped) {
        boolean index = sql.regionMatches(true, 0, "CREATE INDEX", 0, 12) || sql.regionMatches(true, 0, "CREATE UNIQUE INDEX", 0, 19);
        return dropped != null && index && TableDefinition.mentions(sql.substring(sql.indexOf('(')), dropped);
    }

    private String tableName(String table) throws SQLException {
        List<String> found = strings("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = ? COLLATE NOCASE", table);
        if (found.isEmpty()) {
            throw new FerryException(ErrorCode.MIGRATION_FAILED, "Table " + table + " does not exist.");
        }
        return found.get(0);
    }

    private String createSql(String table) throws SQLException {
        return strings("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", table).get(0);
    }

    /** Stored columns (generated ones are computed by the new table). */
    private List<String> copiedColumns(String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT name, hidden FROM pragma_table_xinfo(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(2) == 0) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    private List<String> indexesAndTriggers(String table) throws SQLException {
        return strings("SELECT sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL"
                + " ORDER BY CASE type WHEN 'index' THEN 0 ELSE 1 END, rowid", table);
    }

    private List<String> autoincrement(String table) throws SQLException {
        List<String> seq;
        try {
            seq = strings("SELECT seq FROM sqlite_sequence WHERE name = ?", table);
        } catch (SQLException noSequenceTable) {
            return List.of();
        }
        if (seq.isEmpty()) {
            return List.of();
        }
        String name = "'" + table.replace("'", "''") + "'";
        return List.of("DELETE FROM sqlite_sequence WHERE name = " + name,
                "INSERT INTO sqlite_sequence (name, seq) VALUES (" + name + ", " + Long.parseLong(seq.get(0)) + ")");
    }

    private List<String> strings(String sql, String param) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (sql.contains("?")) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static String q(String identifier) {
        return SqliteDialect.quoteIdentifier(identifier);
    }
}
