package dev.ferry.dialect.mysql;

import dev.ferry.core.model.CheckConstraint;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.ReferentialAction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads keys, indexes ({@link IndexAssembler}), foreign keys and check constraints into the table
 * drafts. MariaDB's automatic {@code CHECK (json_valid(`c`))} on a JSON column is not a user check:
 * it is dropped and the column is reported back as JSON.
 */
final class KeyReader {
    private static final String STATISTICS = "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, "
            + "INDEX_TYPE, COLLATION, INDEX_COMMENT, %s FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? "
            + "ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";
    /** MySQL 8.0.13+ functional key parts have no COLUMN_NAME but an EXPRESSION; MariaDB has neither. */
    private static final String MARIADB_EXPRESSION = "NULL";
    private static final String MYSQL_EXPRESSION = "EXPRESSION";
    private static final int NO_SUCH_TABLE = 1109;
    private static final int NO_SUCH_COLUMN = 1054;
    private static final String FOREIGN_KEYS = "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, "
            + "k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE "
            + "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
            + "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME "
            + "AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL "
            + "ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION";
    private static final String MARIADB_CHECKS = "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE "
            + "FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? ORDER BY TABLE_NAME, CONSTRAINT_NAME";
    private static final String MYSQL_CHECKS = "SELECT t.TABLE_NAME, c.CONSTRAINT_NAME, c.CHECK_CLAUSE "
            + "FROM information_schema.CHECK_CONSTRAINTS c JOIN information_schema.TABLE_CONSTRAINTS t "
            + "ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME "
            + "AND t.CONSTRAINT_TYPE = 'CHECK' WHERE c.CONSTRAINT_SCHEMA = ? ORDER BY t.TABLE_NAME, c.CONSTRAINT_NAME";

    private final Connection connection;
    private final String database;
    private final boolean mariadb;

    KeyReader(Connection connection, String database, boolean mariadb) {
        this.connection = connection;
        this.database = database;
        this.mariadb = mariadb;
    }

    /** Fills keys, indexes, FKs and checks; returns the JSON columns found, as {@code table.column}. */
    Set<String> read(Map<String, TableDraft> drafts) throws SQLException {
        readIndexes(drafts);
        readForeignKeys(drafts);
        return readChecks(drafts);
    }

    private void readIndexes(Map<String, TableDraft> drafts) throws SQLException {
        Map<String, IndexAssembler> assemblers = new LinkedHashMap<>();
        String sql = String.format(STATISTICS, mariadb ? MARIADB_EXPRESSION : MYSQL_EXPRESSION);
        try (PreparedStatement ps = prepareWithFallback(sql, String.format(STATISTICS, MARIADB_EXPRESSION));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String table = rs.getString(1);
                TableDraft draft = drafts.get(table);
                if (draft == null) {
                    continue;
                }
                String key = table + "\u0000" + rs.getString(2);
                IndexAssembler index = assemblers.get(key);
                if (index == null) {
                    index = new IndexAssembler(draft, rs.getString(2), rs.getLong(3) == 0, rs.getString(6), rs.getString(8));
                    assemblers.put(key, index);
                }
                String expression = rs.getString(9);
                index.addPart(expression != null ? expression : rs.getString(4), expression != null,
                        rs.getObject(5, Integer.class), "D".equals(rs.getString(7)));
            }
        }
        assemblers.values().forEach(IndexAssembler::finish);
    }

    private void readForeignKeys(Map<String, TableDraft> drafts) throws SQLException {
        Map<String, FkDraft> fks = new LinkedHashMap<>();
        try (PreparedStatement ps = prepare(FOREIGN_KEYS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String table = rs.getString(1);
                FkDraft fk = fks.computeIfAbsent(table + "\u0000" + rs.getString(2), k -> new FkDraft());
                if (fk.name == null) {
                    fk.table = table;
                    fk.name = rs.getString(2);
                    String refSchema = rs.getString(4);
                    fk.referenced = new QualifiedName(database.equals(refSchema) ? null : refSchema, rs.getString(5));
                    fk.onUpdate = ReferentialAction.fromSql(rs.getString(7));
                    fk.onDelete = ReferentialAction.fromSql(rs.getString(8));
                }
                fk.columns.add(rs.getString(3));
                fk.referencedColumns.add(rs.getString(6));
            }
        }
        for (FkDraft fk : fks.values()) {
            TableDraft d = drafts.get(fk.table);
            if (d != null) {
                d.foreignKeys.add(new ForeignKey(fk.name, fk.columns, fk.referenced, fk.referencedColumns,
                        fk.onDelete, fk.onUpdate, false, false));
            }
        }
    }

    private Set<String> readChecks(Map<String, TableDraft> drafts) throws SQLException {
        Set<String> json = new HashSet<>();
        PreparedStatement checks;
        try {
            checks = prepare(mariadb ? MARIADB_CHECKS : MYSQL_CHECKS);
        } catch (SQLException e) {
            if (e.getErrorCode() == NO_SUCH_TABLE) {
                return json; // MySQL before 8.0.16 / MariaDB before 10.2 keep no check constraints
            }
            throw e;
        }
        try (PreparedStatement ps = checks; ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TableDraft d = drafts.get(rs.getString(1));
                String name = rs.getString(2);
                String clause = rs.getString(3);
                if (d == null) {
                    continue;
                }
                if (isJsonValidOf(name, clause) && d.columns.stream().anyMatch(c -> c.name().equals(name))) {
                    json.add(d.name + "." + name);
                } else {
                    d.checks.add(new CheckConstraint(name, clause));
                }
            }
        }
        return json;
    }

    static boolean isJsonValidOf(String column, String clause) {
        return clause.replace(" ", "").equalsIgnoreCase("json_valid(" + Sql.quote(column) + ")");
    }

    /** Prepares {@code sql}, or {@code fallback} on a server without the column it names (MySQL 5.7). */
    private PreparedStatement prepareWithFallback(String sql, String fallback) throws SQLException {
        try {
            return prepare(sql);
        } catch (SQLException e) {
            if (e.getErrorCode() == NO_SUCH_COLUMN && !sql.equals(fallback)) {
                return prepare(fallback);
            }
            throw e;
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        ps.setString(1, database);
        return ps;
    }

    /** A foreign key while its columns are collected. */
    private static final class FkDraft {
        String table;
        String name;
        QualifiedName referenced;
        ReferentialAction onUpdate;
        ReferentialAction onDelete;
        final List<String> columns = new ArrayList<>();
        final List<String> referencedColumns = new ArrayList<>();
    }
}
