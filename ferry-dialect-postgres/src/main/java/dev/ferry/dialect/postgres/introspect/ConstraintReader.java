package dev.ferry.dialect.postgres.introspect;

import dev.ferry.core.model.CheckConstraint;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.NativeObject;
import dev.ferry.core.model.PrimaryKey;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.ReferentialAction;
import dev.ferry.core.model.UniqueConstraint;
import dev.ferry.dialect.postgres.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Primary keys, unique, check and foreign-key constraints from pg_constraint, in one query.
 * Exclusion constraints, and constraints with features the portable records do not hold
 * (deferrable or NULLS NOT DISTINCT uniques, NOT VALID or MATCH FULL foreign keys, NOT VALID or NO
 * INHERIT checks), become native objects with pg_get_constraintdef()'s exact text. Constraints a partition
 * inherits from its partitioned parent are left out: they come back with the partition.
 */
final class ConstraintReader {
    private static final String SQL = """
            SELECT n.nspname, c.relname, con.conname, con.contype,
                   ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord) AS cols,
                   rn.nspname AS ref_schema, rc.relname AS ref_table,
                   ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord) AS ref_cols,
                   con.confdeltype, con.confupdtype, con.condeferrable, con.condeferred,
                   pg_get_constraintdef(con.oid) AS def,
                   CASE con.contype
                     WHEN 'u' THEN NOT con.condeferrable AND pg_get_constraintdef(con.oid) = 'UNIQUE ('
                          || array_to_string(ARRAY(SELECT quote_ident(a.attname) FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord), ', ') || ')'
                     WHEN 'f' THEN con.convalidated AND con.confmatchtype = 's'
                     WHEN 'c' THEN con.convalidated AND NOT con.connoinherit
                     ELSE true END AS portable
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class rc ON rc.oid = con.confrelid
            LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
            WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p') AND con.contype IN ('p', 'u', 'c', 'f', 'x')
              AND con.conparentid = 0 AND (con.conislocal OR NOT c.relispartition)
            ORDER BY n.nspname, c.relname, con.conname
            """;

    final Map<QualifiedName, Constraints> byTable = new HashMap<>();
    final List<NativeObject> nativeConstraints = new java.util.ArrayList<>();

    ConstraintReader read(Catalog catalog) throws SQLException {
        catalog.query(SQL, this::row);
        return this;
    }

    Constraints of(QualifiedName table) {
        return byTable.getOrDefault(table, new Constraints());
    }

    private void row(ResultSet rs) throws SQLException {
        QualifiedName table = new QualifiedName(rs.getString("nspname"), rs.getString("relname"));
        Constraints cs = byTable.computeIfAbsent(table, k -> new Constraints());
        String name = rs.getString("conname");
        List<String> columns = Catalog.strings(rs, "cols");
        String def = rs.getString("def");
        if (!rs.getBoolean("portable")) {
            nativeConstraints.add(new NativeObject("constraint", new QualifiedName(table.schema(), name),
                    "ALTER TABLE " + Sql.qualified(table) + " ADD CONSTRAINT " + Sql.quote(name) + " " + def));
            return;
        }
        switch (rs.getString("contype")) {
            case "p" -> cs.primaryKey = new PrimaryKey(name, columns);
            case "u" -> cs.uniques.add(new UniqueConstraint(name, columns));
            case "c" -> cs.checks.add(new CheckConstraint(name, checkExpression(def)));
            case "f" -> cs.foreignKeys.add(foreignKey(rs, name, columns));
            default -> nativeConstraints.add(new NativeObject("constraint", new QualifiedName(table.schema(), name),
                    "ALTER TABLE " + Sql.qualified(table) + " ADD CONSTRAINT " + Sql.quote(name) + " " + def));
        }
    }

    private static ForeignKey foreignKey(ResultSet rs, String name, List<String> columns) throws SQLException {
        QualifiedName referenced = new QualifiedName(rs.getString("ref_schema"), rs.getString("ref_table"));
        return new ForeignKey(name, columns, referenced, Catalog.strings(rs, "ref_cols"),
                action(rs.getString("confdeltype")), action(rs.getString("confupdtype")),
                rs.getBoolean("condeferrable"), rs.getBoolean("condeferred"));
    }

    /** {@code CHECK ((x > 0))} → {@code ((x > 0))}. */
    static String checkExpression(String def) {
        String expr = def.startsWith("CHECK ") ? def.substring("CHECK ".length()) : def;
        return expr.endsWith(" NOT VALID") ? expr.substring(0, expr.length() - " NOT VALID".length()) : expr;
    }

    static ReferentialAction action(String code) {
        return switch (code) {
            case "r" -> ReferentialAction.RESTRICT;
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }
}
