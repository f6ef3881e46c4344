package dev.ferry.dialect.postgres.restore;

import dev.ferry.core.model.CheckConstraint;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.EnumType;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.Identity;
import dev.ferry.core.model.Index;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Sequence;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.UniqueConstraint;
import dev.ferry.core.model.View;
import dev.ferry.dialect.postgres.Sql;
import dev.ferry.dialect.postgres.introspect.PartitionOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The DDL statements of a same-engine restore. Column types are the archived native spellings;
 * names are always quoted; the only literals are enum labels and comments ({@link Sql#literal}),
 * where PostgreSQL DDL takes no parameters.
 */
public final class Ddl {
    private Ddl() {
    }

    public static String createSchema(String name) {
        return "CREATE SCHEMA IF NOT EXISTS " + Sql.quote(name);
    }

    public static String createEnum(EnumType type) {
        return "CREATE TYPE " + Sql.qualified(type.name()) + " AS ENUM ("
                + type.labels().stream().map(Sql::literal).collect(Collectors.joining(", ")) + ")";
    }

    public static String createSequence(Sequence s) {
        return "CREATE SEQUENCE " + Sql.qualified(s.name()) + " AS " + s.dataType() + sequenceOptions(s);
    }

    /** {@code ALTER SEQUENCE s OWNED BY t.c}, for serial columns. */
    public static String ownSequence(Sequence s) {
        return "ALTER SEQUENCE " + Sql.qualified(s.name()) + " OWNED BY " + Sql.qualified(s.ownedBy().table()) + "."
                + Sql.quote(s.ownedBy().column());
    }

    /**
     * CREATE TABLE with columns and primary key; {@code sequences} resolves identity sequence options.
     * A partition is created {@code PARTITION OF} its parent, whose columns and keys it takes.
     */
    public static String createTable(Table table, Map<QualifiedName, Sequence> sequences) {
        Map<String, String> options = table.options();
        String partitionBy = options.containsKey(PartitionOptions.PARTITION_BY)
                ? " PARTITION BY " + options.get(PartitionOptions.PARTITION_BY) : "";
        if (options.containsKey(PartitionOptions.PARTITION_OF)) {
            return "CREATE TABLE " + Sql.qualified(table.name()) + " PARTITION OF " + options.get(PartitionOptions.PARTITION_OF)
                    + " " + options.get(PartitionOptions.PARTITION_BOUND) + partitionBy;
        }
        List<String> parts = new ArrayList<>();
        for (Column c : table.columns()) {
            parts.add(columnDefinition(c, sequences));
        }
        if (table.primaryKey() != null) {
            parts.add(constraintPrefix(table.primaryKey().name()) + "PRIMARY KEY (" + Sql.columnList(table.primaryKey().columns()) + ")");
        }
        return "CREATE TABLE " + Sql.qualified(table.name()) + " (\n  " + String.join(",\n  ", parts) + "\n)" + partitionBy;
    }

    static String columnDefinition(Column c, Map<QualifiedName, Sequence> sequences) {
        StringBuilder sb = new StringBuilder(Sql.quote(c.name())).append(' ').append(c.type().nativeType());
        if (c.collation() != null) {
            sb.append(" COLLATE ").append(c.collation());
        }
        if (c.generatedExpression() != null) {
            sb.append(" GENERATED ALWAYS AS (").append(c.generatedExpression()).append(") STORED");
        } else if (c.identity() != null && c.identity().generation() != Identity.Generation.SERIAL) {
            sb.append(identityClause(c.identity(), sequences.get(c.identity().sequence())));
        } else if (c.defaultExpression() != null) {
            sb.append(" DEFAULT ").append(c.defaultExpression());
        }
        if (!c.nullable()) {
            sb.append(" NOT NULL");
        }
        return sb.toString();
    }

    private static String identityClause(Identity identity, Sequence sequence) {
        String kind = identity.generation() == Identity.Generation.ALWAYS ? "ALWAYS" : "BY DEFAULT";
        String options;
        if (sequence != null) {
            options = "SEQUENCE NAME " + Sql.qualified(sequence.name()) + sequenceOptions(sequence);
        } else {
            options = "START WITH " + identity.start() + " INCREMENT BY " + identity.increment();
        }
        return " GENERATED " + kind + " AS IDENTITY (" + options.strip() + ")";
    }

    private static String sequenceOptions(Sequence s) {
        return " START WITH " + s.start() + " INCREMENT BY " + s.increment() + " MINVALUE " + s.minValue()
                + " MAXVALUE " + s.maxValue() + (s.cycle() ? " CYCLE" : " NO CYCLE");
    }

    public static String comment(String what, String target, String comment) {
        return "COMMENT ON " + what + " " + target + " IS " + Sql.literal(comment);
    }

    /** {@code ALTER TABLE ... ADD PRIMARY KEY}, for a primary key built after the rows are loaded. */
    public static String addPrimaryKey(Table t) {
        return alter(t) + constraintPrefix(t.primaryKey().name()) + "PRIMARY KEY (" + Sql.columnList(t.primaryKey().columns()) + ")";
    }

    public static String addUnique(Table t, UniqueConstraint u) {
        return alter(t) + constraintPrefix(u.name()) + "UNIQUE (" + Sql.columnList(u.columns()) + ")";
    }

    public static String addCheck(Table t, CheckConstraint c) {
        return alter(t) + constraintPrefix(c.name()) + "CHECK (" + c.expression() + ")";
    }

    public static String addForeignKey(Table t, ForeignKey fk) {
        String sql = alter(t) + constraintPrefix(fk.name()) + "FOREIGN KEY (" + Sql.columnList(fk.columns()) + ") REFERENCES "
                + Sql.qualified(fk.referencedTable()) + " (" + Sql.columnList(fk.referencedColumns()) + ") ON DELETE "
                + fk.onDelete().sql() + " ON UPDATE " + fk.onUpdate().sql();
        if (fk.deferrable()) {
            sql += fk.initiallyDeferred() ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
        }
        return sql;
    }

    /** The archived pg_get_indexdef() text, or one built from the parts. */
    public static String createIndex(Table t, Index index) {
        if (index.definition() != null) {
            return index.definition();
        }
        String parts = index.parts().stream()
                .map(p -> (p.expression() ? "(" + p.column() + ")" : Sql.quote(p.column())) + (p.descending() ? " DESC" : ""))
                .collect(Collectors.joining(", "));
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + Sql.quote(index.name()) + " ON "
                + Sql.qualified(t.name()) + (index.method() == null ? "" : " USING " + index.method()) + " (" + parts + ")"
                + (index.predicate() == null ? "" : " WHERE " + index.predicate());
    }

    public static String createView(View v) {
        return "CREATE " + (v.materialized() ? "MATERIALIZED " : "") + "VIEW " + Sql.qualified(v.name()) + " AS\n" + v.definition();
    }

    private static String alter(Table t) {
        return "ALTER TABLE " + Sql.qualified(t.name()) + " ADD ";
    }

    private static String constraintPrefix(String name) {
        return name == null ? "" : "CONSTRAINT " + Sql.quote(name) + " ";
    }
}
