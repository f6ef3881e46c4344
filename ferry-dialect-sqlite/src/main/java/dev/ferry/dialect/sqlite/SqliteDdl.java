package dev.ferry.dialect.sqlite;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.Identity;
import dev.ferry.core.model.Index;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CREATE statements for a restore: the original SQLite text where the archive has it (exact), else
 * generated from the portable model.
 */
final class SqliteDdl {
    private SqliteDdl() {
    }

    static String createTable(Table t) {
        String original = t.options().get("create_sql");
        return original != null ? original : generateTable(t);
    }

    static String createIndex(Table t, Index ix) {
        if (ix.definition() != null) {
            return ix.definition();
        }
        return "CREATE " + (ix.unique() ? "UNIQUE " : "") + "INDEX " + q(ix.name()) + " ON " + q(t.name().name()) + " ("
                + ix.parts().stream().map(p -> (p.expression() ? p.column() : q(p.column())) + (p.descending() ? " DESC" : ""))
                .collect(Collectors.joining(", ")) + ")" + (ix.predicate() == null ? "" : " WHERE " + ix.predicate());
    }

    static String createView(View v) {
        String original = v.options().get("create_sql");
        return original != null ? original : "CREATE VIEW " + q(v.name().name()) + " AS " + v.definition();
    }

    static String generateTable(Table t) {
        List<String> defs = new ArrayList<>();
        Column rowid = rowidColumn(t);
        for (Column c : t.columns()) {
            defs.add(c == rowid ? rowidDefinition(c) : column(c));
        }
        if (t.primaryKey() != null && rowid == null) {
            defs.add("PRIMARY KEY (" + names(t.primaryKey().columns()) + ")");
        }
        t.uniques().forEach(u -> defs.add("CONSTRAINT " + q(u.name()) + " UNIQUE (" + names(u.columns()) + ")"));
        t.checks().forEach(ch -> defs.add("CONSTRAINT " + q(ch.name()) + " CHECK (" + ch.expression() + ")"));
        for (ForeignKey fk : t.foreignKeys()) {
            defs.add("CONSTRAINT " + q(fk.name()) + " FOREIGN KEY (" + names(fk.columns()) + ") REFERENCES "
                    + q(fk.referencedTable().name()) + " (" + names(fk.referencedColumns()) + ") ON DELETE "
                    + fk.onDelete().sql() + " ON UPDATE " + fk.onUpdate().sql()
                    + (fk.deferrable() ? " DEFERRABLE INITIALLY " + (fk.initiallyDeferred() ? "DEFERRED" : "IMMEDIATE") : ""));
        }
        return "CREATE TABLE " + q(t.name().name()) + " (\n  " + String.join(",\n  ", defs) + "\n)";
    }

    /** The column that becomes the rowid: the sole primary key column, generated, declared INTEGER. */
    private static Column rowidColumn(Table t) {
        if (t.primaryKey() == null || t.primaryKey().columns().size() != 1) {
            return null;
        }
        return t.column(t.primaryKey().columns().get(0))
                .filter(c -> c.identity() != null && c.type().nativeType().equalsIgnoreCase("INTEGER")).orElse(null);
    }

    private static String rowidDefinition(Column c) {
        boolean autoincrement = c.identity().generation() != Identity.Generation.ROWID;
        return q(c.name()) + " INTEGER PRIMARY KEY" + (autoincrement ? " AUTOINCREMENT" : "") + (c.nullable() ? "" : " NOT NULL");
    }

    private static String column(Column c) {
        StringBuilder sb = new StringBuilder(q(c.name()));
        if (!c.type().nativeType().isBlank()) {
            sb.append(' ').append(c.type().nativeType());
        }
        if (!c.nullable()) {
            sb.append(" NOT NULL");
        }
        if (c.generatedExpression() != null) {
            sb.append(" GENERATED ALWAYS AS (").append(c.generatedExpression()).append(c.generatedStored() ? ") STORED" : ") VIRTUAL");
        } else if (c.defaultExpression() != null) {
            sb.append(" DEFAULT ").append(c.defaultExpression());
        }
        return sb.toString();
    }

    private static String names(List<String> columns) {
        return columns.stream().map(SqliteDdl::q).collect(Collectors.joining(", "));
    }

    private static String q(String identifier) {
        return SqliteDialect.quoteIdentifier(identifier);
    }
}
