package dev.ferry.dialect.sqlite;

import dev.ferry.core.model.CheckConstraint;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.Identity;
import dev.ferry.core.model.Index;
import dev.ferry.core.model.PrimaryKey;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.ReferentialAction;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.UniqueConstraint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Reads one table: columns (table_xinfo), keys, foreign keys, indexes, checks; keeps the original CREATE TABLE. */
final class SqliteTableReader {
    private final Connection connection;
    private final String name;
    private final String createSql;
    private final Long sequence;
    private final CreateTableSql parsed;

    SqliteTableReader(Connection connection, String name, String createSql, Long sequence) {
        this.connection = connection;
        this.name = name;
        this.createSql = createSql;
        this.sequence = sequence;
        this.parsed = new CreateTableSql(createSql);
    }

    Table read() throws SQLException {
        Map<Integer, String> pkByPosition = new TreeMap<>();
        List<Column> columns = columns(pkByPosition);
        PrimaryKey pk = pkByPosition.isEmpty() ? null : new PrimaryKey(null, List.copyOf(pkByPosition.values()));
        columns = withRowidIdentity(columns, pk);
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        readIndexes(uniques, indexes);
        List<CheckConstraint> checks = new ArrayList<>();
        List<String> exprs = parsed.checks();
        for (int i = 0; i < exprs.size(); i++) {
            checks.add(new CheckConstraint(name + "_check_" + (i + 1), exprs.get(i)));
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("create_sql", createSql);
        String tableOptions = createSql.substring(createSql.lastIndexOf(')') + 1).toUpperCase(Locale.ROOT);
        if (tableOptions.matches("(?s).*WITHOUT\\s+ROWID.*")) {
            options.put("without_rowid", "true");
        }
        if (tableOptions.contains("STRICT")) {
            options.put("strict", "true");
        }
        return new Table(QualifiedName.of(name), columns, pk, uniques, foreignKeys(pk), indexes, checks, options, null,
                estimateRows(options.containsKey("without_rowid")));
    }

    private List<Column> columns(Map<Integer, String> pkByPosition) throws SQLException {
        List<Column> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA table_xinfo(" + SqliteDialect.quoteIdentifier(name) + ")")) {
            while (rs.next()) {
                String column = rs.getString("name");
                int hidden = rs.getInt("hidden");
                if (hidden == 1) {
                    continue;
                }
                if (rs.getInt("pk") > 0) {
                    pkByPosition.put(rs.getInt("pk"), column);
                }
                String generated = hidden >= 2 ? generatedExpression(column) : null;
                out.add(new Column(column, SqliteTypes.map(rs.getString("type")), rs.getInt("notnull") == 0,
                        rs.getString("dflt_value"), null, generated, hidden == 3, null, null));
            }
        }
        return out;
    }

    private String generatedExpression(String column) {
        String expr = parsed.generatedExpression(column);
        return expr == null ? "(generated)" : expr;
    }

    /** INTEGER PRIMARY KEY aliases the rowid; with AUTOINCREMENT, sqlite_sequence holds its position. */
    private List<Column> withRowidIdentity(List<Column> columns, PrimaryKey pk) {
        if (pk == null || pk.columns().size() != 1) {
            return columns;
        }
        boolean autoincrement = createSql.toUpperCase(Locale.ROOT).contains("AUTOINCREMENT");
        List<Column> out = new ArrayList<>();
        for (Column c : columns) {
            if (c.name().equals(pk.columns().get(0)) && c.type().nativeType().trim().equalsIgnoreCase("INTEGER")) {
                Identity id = autoincrement
                        ? new Identity(Identity.Generation.AUTO_INCREMENT, null, 1, 1, sequence == null ? 1 : sequence + 1)
                        : new Identity(Identity.Generation.ROWID, null, 1, 1, null);
                c = new Column(c.name(), c.type(), c.nullable(), c.defaultExpression(), id, c.generatedExpression(),
                        c.generatedStored(), c.collation(), c.comment());
            }
            out.add(c);
        }
        return out;
    }

    private void readIndexes(List<UniqueConstraint> uniques, List<Index> indexes) throws SQLException {
        List<String[]> list = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA index_list(" + SqliteDialect.quoteIdentifier(name) + ")")) {
            while (rs.next()) {
                list.add(new String[] {rs.getString("name"), rs.getString("unique"), rs.getString("origin"), rs.getString("partial")});
            }
        }
        for (String[] ix : list) {
            List<Index.Part> parts = indexParts(ix[0]);
            List<String> columns = parts.stream().map(Index.Part::column).toList();
            if ("u".equals(ix[2])) {
                String constraint = ix[0].startsWith("sqlite_autoindex_") ? name + "_" + String.join("_", columns) + "_key" : ix[0];
                uniques.add(new UniqueConstraint(constraint, columns));
            } else if ("c".equals(ix[2])) {
                String sql = indexSql(ix[0]);
                String predicate = "1".equals(ix[3]) ? CreateTableSql.whereClause(sql) : null;
                indexes.add(new Index(ix[0], "1".equals(ix[1]), parts, null, predicate, sql));
            }
        }
        indexes.sort(java.util.Comparator.comparing(Index::name));
    }

    private List<Index.Part> indexParts(String index) throws SQLException {
        List<Index.Part> parts = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA index_xinfo(" + SqliteDialect.quoteIdentifier(index) + ")")) {
            while (rs.next()) {
                if (rs.getInt("key") == 1) {
                    String col = rs.getString("name");
                    parts.add(new Index.Part(col == null ? "(expression)" : col, col == null, rs.getInt("desc") == 1));
                }
            }
        }
        return parts;
    }

    private String indexSql(String index) throws SQLException {
        try (var ps = connection.prepareStatement("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?")) {
            ps.setString(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private List<ForeignKey> foreignKeys(PrimaryKey ownPk) throws SQLException {
        Map<Integer, List<String[]>> byId = new TreeMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA foreign_key_list(" + SqliteDialect.quoteIdentifier(name) + ")")) {
            while (rs.next()) {
                byId.computeIfAbsent(rs.getInt("id"), k -> new ArrayList<>()).add(new String[] {rs.getString("table"),
                        rs.getString("from"), rs.getString("to"), rs.getString("on_update"), rs.getString("on_delete")});
            }
        }
        List<ForeignKey> out = new ArrayList<>();
        for (Map.Entry<Integer, List<String[]>> e : byId.entrySet()) {
            List<String[]> cols = e.getValue();
            String parent = cols.get(0)[0];
            List<String> to = cols.stream().map(c -> c[2]).toList();
            if (to.contains(null)) {
                to = parentPrimaryKey(parent, ownPk);
            }
            out.add(new ForeignKey(name + "_fk_" + e.getKey(), cols.stream().map(c -> c[1]).toList(), QualifiedName.of(parent),
                    to, action(cols.get(0)[4]), action(cols.get(0)[3]), false, false));
        }
        return out;
    }

    private List<String> parentPrimaryKey(String parent, PrimaryKey ownPk) throws SQLException {
        if (parent.equals(name) && ownPk != null) {
            return ownPk.columns();
        }
        Map<Integer, String> pk = new TreeMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA table_info(" + SqliteDialect.quoteIdentifier(parent) + ")")) {
            while (rs.next()) {
                if (rs.getInt("pk") > 0) {
                    pk.put(rs.getInt("pk"), rs.getString("name"));
                }
            }
        }
        return List.copyOf(pk.values());
    }

    private static ReferentialAction action(String sql) {
        return "NONE".equalsIgnoreCase(sql) ? ReferentialAction.NO_ACTION : ReferentialAction.fromSql(sql);
    }

    private long estimateRows(boolean withoutRowid) throws SQLException {
        if (withoutRowid) {
            return 0;
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(rowid) FROM " + SqliteDialect.quoteIdentifier(name))) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

}
