package dev.ferry.core.spi;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The single-row statements of {@code restore --merge}, in standard SQL with the dialect's quoting: insert
 * a row and read the key the target's generator gave it, look a row up by some of its columns, update
 * columns of one row, count rows, count orphaned references. A dialect overrides what its engine does
 * differently (how a value is bound, how a generated key comes back); {@link Dialect#mergeSql()}.
 */
public class MergeSql {
    private final UnaryOperator<String> quote;

    public MergeSql(UnaryOperator<String> quote) {
        this.quote = quote;
    }

    /** The parameter marker for a value of {@code column}; {@code ?} by default. */
    protected String parameter(Column column) {
        return "?";
    }

    /** Binds a portable value (see docs/ARCHIVE-FORMAT.md) for {@code column}; JDBC's own mapping by default. */
    public void bind(PreparedStatement ps, int index, Column column, Object value) throws SQLException {
        ps.setObject(index, value);
    }

    /**
     * Prepares {@code INSERT INTO table (columns) VALUES (...)}; with {@code generated} non-null, the
     * statement returns the value the target generates for that column (see {@link #generatedKey}).
     */
    public PreparedStatement prepareInsert(Connection c, Table table, List<Column> columns, Column generated)
            throws SQLException {
        String sql = "INSERT INTO " + name(table) + " (" + names(columns) + ") VALUES ("
                + columns.stream().map(this::parameter).collect(Collectors.joining(", ")) + ")";
        return generated == null ? c.prepareStatement(sql) : c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
    }

    /** After executing an insert prepared with a generated column: the value it got. */
    public Object generatedKey(PreparedStatement insert, Column generated) throws SQLException {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the insert returned no generated key for column " + generated.name());
            }
            return keys.getObject(1);
        }
    }

    /** {@code SELECT result FROM table WHERE where1 = ? AND ...}, ordered by {@code result}. */
    public PreparedStatement prepareLookup(Connection c, Table table, List<Column> result, List<Column> where)
            throws SQLException {
        return c.prepareStatement("SELECT " + names(result) + " FROM " + name(table) + " WHERE " + equalities(where)
                + " ORDER BY " + names(result));
    }

    /** {@code UPDATE table SET set1 = ?, ... WHERE where1 = ? AND ...}: set parameters first. */
    public PreparedStatement prepareUpdate(Connection c, Table table, List<Column> set, List<Column> where)
            throws SQLException {
        String assignments = set.stream().map(col -> quote.apply(col.name()) + " = " + parameter(col))
                .collect(Collectors.joining(", "));
        return c.prepareStatement("UPDATE " + name(table) + " SET " + assignments + " WHERE " + equalities(where));
    }

    /** The number of rows of a table. */
    public long count(Connection c, Table table) throws SQLException {
        return single(c, "SELECT count(*) FROM " + name(table));
    }

    /** Rows of {@code child} whose {@code columns} are all non-null and match no row of {@code parent}'s {@code parentColumns}. */
    public long orphans(Connection c, Table child, List<String> columns, Table parent, List<String> parentColumns)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM " + name(child) + " c WHERE ");
        StringBuilder join = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            sql.append("c.").append(quote.apply(columns.get(i))).append(" IS NOT NULL AND ");
            join.append(i == 0 ? "" : " AND ").append("p.").append(quote.apply(parentColumns.get(i))).append(" = c.")
                    .append(quote.apply(columns.get(i)));
        }
        sql.append("NOT EXISTS (SELECT 1 FROM ").append(name(parent)).append(" p WHERE ").append(join).append(')');
        return single(c, sql.toString());
    }

    /** The table's name, qualified and quoted. */
    protected String name(Table table) {
        String n = quote.apply(table.name().name());
        return table.name().schema() == null ? n : quote.apply(table.name().schema()) + "." + n;
    }

    private String names(List<Column> columns) {
        return columns.stream().map(col -> quote.apply(col.name())).collect(Collectors.joining(", "));
    }

    private String equalities(List<Column> where) {
        return where.stream().map(col -> quote.apply(col.name()) + " = " + parameter(col)).collect(Collectors.joining(" AND "));
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
