package dev.ferry.dialect.mysql;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.DataType;
import dev.ferry.core.model.Identity;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one database's schema from information_schema with set-based queries: tables, then
 * columns, then keys, indexes and checks ({@link KeyReader}), sequences ({@link SequenceReader}), then
 * views, routines and triggers ({@link ObjectReader}). Tables are sorted by name, case-sensitively.
 */
final class SchemaReader {
    private static final String TABLES = "SELECT t.TABLE_NAME, t.ENGINE, t.TABLE_COLLATION, t.TABLE_COMMENT, t.TABLE_ROWS, "
            + "t.AUTO_INCREMENT, c.CHARACTER_SET_NAME, t.CREATE_OPTIONS FROM information_schema.TABLES t "
            + "LEFT JOIN information_schema.COLLATIONS c ON c.COLLATION_NAME = t.TABLE_COLLATION "
            + "WHERE t.TABLE_SCHEMA = ? AND t.TABLE_TYPE = 'BASE TABLE' ORDER BY t.TABLE_NAME";
    private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_DEFAULT, IS_NULLABLE, DATA_TYPE, "
            + "COLUMN_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, "
            + "COLLATION_NAME, EXTRA, COLUMN_COMMENT, GENERATION_EXPRESSION FROM information_schema.COLUMNS "
            + "WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION";

    /** Table option keys: the engine's CREATE_OPTIONS verbatim, and invisible columns. */
    static final String CREATE_OPTIONS = "create_options";
    static final String INVISIBLE_PREFIX = "invisible.";

    private final Connection connection;
    private final String database;
    private final boolean mariadb;

    SchemaReader(Connection connection, String database) throws SQLException {
        this.connection = connection;
        this.database = database;
        this.mariadb = connection.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT).contains("mariadb");
    }

    Schema read() throws SQLException {
        if (!mariadb) {
            freshStatistics();
        }
        Map<String, TableDraft> drafts = readTables();
        readColumns(drafts);
        Set<String> jsonColumns = new KeyReader(connection, database, mariadb).read(drafts);
        List<Table> tables = drafts.values().stream().map(d -> withJson(d, jsonColumns))
                .sorted(Comparator.comparing(Table::name)).toList();
        ObjectReader objects = new ObjectReader(connection, database);
        return new Schema(List.of(), List.of(), SequenceReader.read(connection, database), tables, objects.views(),
                objects.nativeObjects());
    }

    /** MySQL 8 caches TABLES.AUTO_INCREMENT and TABLE_ROWS for a day unless told otherwise. */
    private void freshStatistics() {
        try {
            Sql.execute(connection, "SET SESSION information_schema_stats_expiry = 0");
        } catch (SQLException olderServer) {
            // MySQL 5.7 reads the statistics live anyway
        }
    }

    private Map<String, TableDraft> readTables() throws SQLException {
        Map<String, TableDraft> drafts = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(TABLES)) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableDraft d = new TableDraft(rs.getString(1));
                    putOption(d, "engine", rs.getString(2));
                    putOption(d, "charset", rs.getString(7));
                    putOption(d, "collation", rs.getString(3));
                    putOption(d, CREATE_OPTIONS, createOptions(rs.getString(8)));
                    d.collation = rs.getString(3);
                    String comment = rs.getString(4);
                    d.comment = comment == null || comment.isEmpty() ? null : comment;
                    d.estimatedRows = rs.getLong(5);
                    long next = rs.getLong(6);
                    d.autoIncrement = rs.wasNull() ? null : next;
                    drafts.put(d.name, d);
                }
            }
        }
        return drafts;
    }

    /** CREATE_OPTIONS (row_format=..., key_block_size=..., stats_persistent=...) minus the partitioning marker. */
    static String createOptions(String raw) {
        if (raw == null) {
            return null;
        }
        return java.util.Arrays.stream(raw.trim().split("\\s+")).filter(o -> !o.isEmpty() && !o.equals("partitioned"))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    private static void putOption(TableDraft d, String key, String value) {
        if (value != null && !value.isEmpty()) {
            d.options.put(key, value);
        }
    }

    private void readColumns(Map<String, TableDraft> drafts) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableDraft d = drafts.get(rs.getString(1));
                    if (d != null) {
                        d.columns.add(column(rs, d));
                    }
                }
            }
        }
    }

    private Column column(ResultSet rs, TableDraft d) throws SQLException {
        String name = rs.getString(2);
        DataType type = MysqlTypes.map(new MysqlTypes.Facts(rs.getString(5), rs.getString(6), longOrNull(rs, 7),
                longOrNull(rs, 8), longOrNull(rs, 9), longOrNull(rs, 10)));
        String extra = rs.getString(12) == null ? "" : rs.getString(12);
        String generated = blankToNull(rs.getString(14));
        String onUpdate = DefaultValues.onUpdate(extra);
        if (onUpdate != null) {
            d.options.put(DefaultValues.ON_UPDATE_PREFIX + name, onUpdate);
        }
        if (extra.toUpperCase(Locale.ROOT).contains("INVISIBLE")) {
            d.options.put(INVISIBLE_PREFIX + name, "true");
        }
        String collation = rs.getString(11);
        return new Column(name, type, "YES".equals(rs.getString(4)),
                generated != null ? null : DefaultValues.normalize(rs.getString(3), extra, type.kind(), mariadb),
                extra.toLowerCase(Locale.ROOT).contains("auto_increment") ? autoIncrement(d) : null,
                generated, extra.toUpperCase(Locale.ROOT).contains("STORED"),
                collation == null || collation.equals(d.collation) ? null : collation, blankToNull(rs.getString(13)));
    }

    private static Identity autoIncrement(TableDraft d) {
        return new Identity(Identity.Generation.AUTO_INCREMENT, null, 1, 1, d.autoIncrement);
    }

    /** Turns MariaDB's LONGTEXT + json_valid() columns into JSON columns. */
    private static Table withJson(TableDraft d, Set<String> jsonColumns) {
        d.columns.replaceAll(c -> jsonColumns.contains(d.name + "." + c.name())
                ? new Column(c.name(), MysqlTypes.json(), c.nullable(), c.defaultExpression(), c.identity(),
                        c.generatedExpression(), c.generatedStored(), null, c.comment())
                : c);
        return d.build();
    }

    private static Long longOrNull(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
