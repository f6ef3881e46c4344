package dev.ferry.core.change;

import dev.ferry.core.change.SchemaChange.AddCheck;
import dev.ferry.core.change.SchemaChange.AddColumn;
import dev.ferry.core.change.SchemaChange.AddForeignKey;
import dev.ferry.core.change.SchemaChange.AddUnique;
import dev.ferry.core.change.SchemaChange.AlterColumn;
import dev.ferry.core.change.SchemaChange.DropColumn;
import dev.ferry.core.change.SchemaChange.DropConstraint;
import dev.ferry.core.change.SchemaChange.RenameColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The SQL-standard {@code ALTER TABLE} form of each {@link SchemaChange}, as PostgreSQL takes it.
 * Dialects whose syntax differs for one change override that method (the Liquibase generator
 * pattern); SQL generation is unit-tested without a database.
 */
public class StandardChangeSql {
    private final UnaryOperator<String> quote;

    public StandardChangeSql(UnaryOperator<String> quote) {
        this.quote = quote;
    }

    /** The statements for one change, in order. */
    public List<String> sql(SchemaChange change) {
        if (change instanceof AddColumn c) {
            return List.of(alter(c) + "ADD COLUMN " + columnDefinition(c));
        } else if (change instanceof DropColumn c) {
            return List.of(alter(c) + "DROP COLUMN " + q(c.column()));
        } else if (change instanceof RenameColumn c) {
            return List.of(alter(c) + "RENAME COLUMN " + q(c.column()) + " TO " + q(c.newName()));
        } else if (change instanceof AlterColumn c) {
            return alterColumn(c);
        } else if (change instanceof AddForeignKey c) {
            return List.of(alter(c) + "ADD " + foreignKey(c));
        } else if (change instanceof AddCheck c) {
            return List.of(alter(c) + "ADD CONSTRAINT " + q(c.name()) + " CHECK (" + c.expression() + ")");
        } else if (change instanceof AddUnique c) {
            return List.of(alter(c) + "ADD CONSTRAINT " + q(c.name()) + " UNIQUE (" + columns(c.columns()) + ")");
        }
        return dropConstraint((DropConstraint) change);
    }

    protected List<String> dropConstraint(DropConstraint c) {
        return List.of(alter(c) + "DROP CONSTRAINT " + q(c.name()));
    }

    protected List<String> alterColumn(AlterColumn c) {
        List<String> out = new ArrayList<>();
        String column = alter(c) + "ALTER COLUMN " + q(c.column()) + " ";
        if (c.type() != null) {
            out.add(column + "TYPE " + c.type() + " USING " + q(c.column()) + "::" + c.type());
        }
        if (c.nullable() != null) {
            out.add(column + (c.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        }
        if (c.defaultSql() != null) {
            out.add(column + "SET DEFAULT " + c.defaultSql());
        }
        if (c.dropDefault()) {
            out.add(column + "DROP DEFAULT");
        }
        return out;
    }

    /** {@code name type [NOT NULL] [DEFAULT expr]}. */
    public String columnDefinition(AddColumn c) {
        return q(c.column()) + " " + c.type() + (c.defaultSql() == null ? "" : " DEFAULT " + c.defaultSql())
                + (c.nullable() ? "" : " NOT NULL");
    }

    /** {@code CONSTRAINT name FOREIGN KEY (...) REFERENCES t (...) ON DELETE ...}. */
    public String foreignKey(AddForeignKey c) {
        return "CONSTRAINT " + q(c.name()) + " FOREIGN KEY (" + columns(c.columns()) + ") REFERENCES "
                + q(c.referencedTable()) + " (" + columns(c.referencedColumns()) + ") ON DELETE " + c.onDelete().sql();
    }

    protected String alter(SchemaChange c) {
        return "ALTER TABLE " + q(c.table()) + " ";
    }

    protected String columns(List<String> names) {
        return names.stream().map(quote).collect(Collectors.joining(", "));
    }

    protected String q(String identifier) {
        return quote.apply(identifier);
    }
}
