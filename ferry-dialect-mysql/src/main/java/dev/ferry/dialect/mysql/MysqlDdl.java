package dev.ferry.dialect.mysql;

import dev.ferry.core.model.CheckConstraint;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.Index;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Sequence;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.UniqueConstraint;
import dev.ferry.core.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DDL for a same-engine restore, from the model: the native type verbatim, defaults, ON UPDATE,
 * AUTO_INCREMENT, generated columns, collations, comments, keys, indexes (from their key clause),
 * checks and foreign keys, all in one CREATE TABLE. Tables are created with foreign_key_checks=0, so
 * foreign keys may name tables that do not exist yet.
 */
final class MysqlDdl {
    private MysqlDdl() {
    }

    /** CREATE TABLE in {@code database}; foreign keys to unqualified tables point into the same database. */
    static String createTable(Table table, String database) {
        List<String> lines = new ArrayList<>();
        for (Column c : table.columns()) {
            lines.add(column(c, table.options()));
        }
        if (table.primaryKey() != null) {
            lines.add("PRIMARY KEY (" + Sql.quoteAll(table.primaryKey().columns()) + ")");
        }
        for (UniqueConstraint u : table.uniques()) {
            lines.add("UNIQUE KEY " + Sql.quote(u.name()) + " (" + Sql.quoteAll(u.columns()) + ")");
        }
        for (Index i : table.indexes()) {
            lines.add(i.definition() != null ? i.definition() : IndexAssembler.keyClause(i));
        }
        for (CheckConstraint c : table.checks()) {
            lines.add("CONSTRAINT " + Sql.quote(c.name()) + " CHECK (" + c.expression() + ")");
        }
        for (ForeignKey fk : table.foreignKeys()) {
            lines.add(foreignKey(fk, database));
        }
        return "CREATE TABLE " + Sql.qualified(database, table.name().name()) + " (\n  "
                + String.join(",\n  ", lines) + "\n)" + tableOptions(table);
    }

    static String column(Column c, Map<String, String> options) {
        StringBuilder sb = new StringBuilder(Sql.quote(c.name())).append(' ').append(c.type().nativeType());
        if (c.collation() != null) {
            sb.append(" CHARACTER SET ").append(charsetOf(c.collation())).append(" COLLATE ").append(c.collation());
        }
        if (c.generatedExpression() != null) {
            sb.append(" GENERATED ALWAYS AS (").append(c.generatedExpression()).append(')')
                    .append(c.generatedStored() ? " STORED" : " VIRTUAL");
            return withComment(sb, c);
        }
        sb.append(c.nullable() ? " NULL" : " NOT NULL");
        if (c.defaultExpression() != null) {
            sb.append(" DEFAULT ").append(c.defaultExpression());
        }
        String onUpdate = options.get(DefaultValues.ON_UPDATE_PREFIX + c.name());
        if (onUpdate != null) {
            sb.append(" ON UPDATE ").append(onUpdate);
        }
        if (c.identity() != null) {
            sb.append(" AUTO_INCREMENT");
        }
        if (options.containsKey(SchemaReader.INVISIBLE_PREFIX + c.name())) {
            sb.append(" INVISIBLE");
        }
        return withComment(sb, c);
    }

    private static String withComment(StringBuilder sb, Column c) {
        if (c.comment() != null) {
            sb.append(" COMMENT ").append(Sql.literal(c.comment()));
        }
        return sb.toString();
    }

    static String foreignKey(ForeignKey fk, String database) {
        String refDb = fk.referencedTable().schema() != null ? fk.referencedTable().schema() : database;
        return "CONSTRAINT " + Sql.quote(fk.name()) + " FOREIGN KEY (" + Sql.quoteAll(fk.columns()) + ") REFERENCES "
                + Sql.qualified(refDb, fk.referencedTable().name()) + " (" + Sql.quoteAll(fk.referencedColumns()) + ")"
                + " ON DELETE " + fk.onDelete().sql() + " ON UPDATE " + fk.onUpdate().sql();
    }

    static String tableOptions(Table table) {
        Map<String, String> o = table.options();
        StringBuilder sb = new StringBuilder();
        if (o.containsKey("engine")) {
            sb.append(" ENGINE=").append(o.get("engine"));
        }
        if (o.containsKey("collation")) {
            sb.append(" DEFAULT CHARSET=").append(o.getOrDefault("charset", charsetOf(o.get("collation"))))
                    .append(" COLLATE=").append(o.get("collation"));
        }
        if (o.containsKey(SchemaReader.CREATE_OPTIONS)) {
            sb.append(' ').append(o.get(SchemaReader.CREATE_OPTIONS));
        }
        if (table.comment() != null) {
            sb.append(" COMMENT=").append(Sql.literal(table.comment()));
        }
        return sb.toString();
    }

    /** The character set a collation belongs to: the part before the first underscore. */
    static String charsetOf(String collation) {
        int underscore = collation.indexOf('_');
        return underscore < 0 ? collation : collation.substring(0, underscore);
    }

    static String setAutoIncrement(Table table, String database, long next) {
        return "ALTER TABLE " + Sql.qualified(database, table.name().name()) + " AUTO_INCREMENT = " + next;
    }

    /** MariaDB sequences stop one short of the 64-bit range (PostgreSQL's defaults reach it). */
    static String createSequence(Sequence s, String database) {
        long min = Math.max(s.minValue(), Long.MIN_VALUE + 1);
        long max = Math.min(s.maxValue(), Long.MAX_VALUE - 1);
        return "CREATE SEQUENCE " + Sql.qualified(database, s.name().name()) + " START WITH " + s.start()
                + " MINVALUE " + min + " MAXVALUE " + max + " INCREMENT BY " + s.increment()
                + (s.cycle() ? " CYCLE" : " NOCYCLE");
    }

    /** Positions a sequence so its next value is the source's next value (or the one after lastValue). */
    static String setSequence(Sequence s, String database) {
        return "SELECT SETVAL(" + Sql.qualified(database, s.name().name()) + ", " + s.lastValue() + ", "
                + (s.called() ? 1 : 0) + ")";
    }

    static String createView(View view) {
        return "CREATE VIEW " + Sql.quote(view.name().name()) + " AS " + view.definition();
    }

    /** The AUTO_INCREMENT position a restored table continues from, or null if it has none. */
    static Long nextAutoIncrement(Table t) {
        return t.columns().stream().map(Column::identity).filter(i -> i != null && i.nextValue() != null)
                .map(i -> i.nextValue()).findFirst().orElse(null);
    }

    /** {@code table} as it is in {@code database} (the staging database, or the target). */
    static Table inDatabase(Table table, String database) {
        return new Table(new QualifiedName(database, table.name().name()), table.columns(), table.primaryKey(),
                table.uniques(), table.foreignKeys(), table.indexes(), table.checks(), table.options(),
                table.comment(), table.estimatedRows());
    }
}
