package dev.ferry.dialect.postgres.introspect;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.DataType;
import dev.ferry.core.model.Identity;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Sequence;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of every ordinary table in the namespaces, in one query: type (with array element),
 * nullability, default or generation expression, identity, collation and comment.
 */
final class ColumnReader {
    private static final String SQL = """
            SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS native_type,
                   a.atttypmod, a.attnotnull, a.attidentity, a.attgenerated,
                   pg_get_expr(d.adbin, d.adrelid) AS expr,
                   t.typtype, tn.nspname AS type_schema, t.typname,
                   format_type(et.oid, a.atttypmod) AS elem_native, et.typtype AS elem_typtype,
                   etn.nspname AS elem_schema, et.typname AS elem_name,
                   bt.typtype AS base_typtype, btn.nspname AS base_schema, bt.typname AS base_name, t.typtypmod,
                   CASE WHEN a.attcollation <> t.typcollation
                        THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END AS collation,
                   col_description(c.oid, a.attnum) AS comment
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            JOIN pg_namespace tn ON tn.oid = t.typnamespace
            LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A' AND t.typname LIKE '\\_%'
            LEFT JOIN pg_namespace etn ON etn.oid = et.typnamespace
            LEFT JOIN pg_type bt ON bt.oid = t.typbasetype AND t.typtype = 'd'
            LEFT JOIN pg_namespace btn ON btn.oid = bt.typnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
            WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')
              AND n.nspname = ANY (?)
            ORDER BY n.nspname, c.relname, a.attnum
            """;

    private final Map<QualifiedName, List<String>> enumLabels;
    private final Map<Sequence.ColumnRef, Sequence> ownedSequences;

    ColumnReader(Map<QualifiedName, List<String>> enumLabels, Map<Sequence.ColumnRef, Sequence> ownedSequences) {
        this.enumLabels = enumLabels;
        this.ownedSequences = ownedSequences;
    }

    Map<QualifiedName, List<Column>> read(Catalog catalog) throws SQLException {
        Map<QualifiedName, List<Column>> out = new LinkedHashMap<>();
        catalog.query(SQL, rs -> {
            QualifiedName table = new QualifiedName(rs.getString("nspname"), rs.getString("relname"));
            out.computeIfAbsent(table, k -> new ArrayList<>()).add(column(rs, table));
        });
        return out;
    }

    private Column column(ResultSet rs, QualifiedName table) throws SQLException {
        String name = rs.getString("attname");
        DataType type = type(rs).toDataType(enumLabels);
        String expr = rs.getString("expr");
        String attgenerated = rs.getString("attgenerated");
        boolean generated = attgenerated != null && !attgenerated.isEmpty();
        Identity identity = identity(rs.getString("attidentity"), expr, ownedSequences.get(new Sequence.ColumnRef(table, name)));
        String defaultExpr = generated || identity != null && identity.generation() != Identity.Generation.SERIAL ? null : expr;
        return new Column(name, type, !rs.getBoolean("attnotnull"), defaultExpr, identity, generated ? expr : null,
                generated, rs.getString("collation"), rs.getString("comment"));
    }

    /** The column's type; a domain is described by its base type but keeps its own name as the native type. */
    private static PgType type(ResultSet rs) throws SQLException {
        if (rs.getString("base_name") != null) {
            return new PgType(rs.getString("native_type"), rs.getString("base_schema"), rs.getString("base_name"),
                    rs.getString("base_typtype").charAt(0), rs.getInt("typtypmod"), null);
        }
        int typmod = rs.getInt("atttypmod");
        PgType element = null;
        if (rs.getString("elem_name") != null) {
            element = new PgType(rs.getString("elem_native"), rs.getString("elem_schema"), rs.getString("elem_name"),
                    rs.getString("elem_typtype").charAt(0), typmod, null);
        }
        return new PgType(rs.getString("native_type"), rs.getString("type_schema"), rs.getString("typname"),
                rs.getString("typtype").charAt(0), typmod, element);
    }

    /** Identity columns ('a' always, 'd' by default), and serial: a nextval() default on an owned sequence. */
    static Identity identity(String attidentity, String defaultExpr, Sequence owned) {
        Identity.Generation generation;
        if ("a".equals(attidentity)) {
            generation = Identity.Generation.ALWAYS;
        } else if ("d".equals(attidentity)) {
            generation = Identity.Generation.BY_DEFAULT;
        } else if (owned != null && defaultExpr != null && defaultExpr.startsWith("nextval(")) {
            generation = Identity.Generation.SERIAL;
        } else {
            return null;
        }
        if (owned == null) {
            return new Identity(generation, null, 1, 1, null);
        }
        long next = owned.called() ? owned.lastValue() + owned.increment() : owned.lastValue();
        return new Identity(generation, owned.name(), owned.start(), owned.increment(), next);
    }
}
