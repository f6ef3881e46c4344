package dev.ferry.core.change;

import dev.ferry.core.model.ReferentialAction;
import java.util.List;
import java.util.Objects;

/**
 * A portable schema change: written once by a user (in a {@code .ops} migration or from Java) and
 * turned into SQL by each dialect, including the table rebuild SQLite needs where it cannot ALTER
 * in place. Types and expressions are SQL text, written in a form the target engines share
 * ({@code VARCHAR(100)}, {@code INTEGER}, {@code price > 0}).
 */
public sealed interface SchemaChange {

    /** The table the change applies to. */
    String table();

    /** A one-line description for plans and logs, e.g. "drop column items.legacy". */
    String describe();

    /** Adds a column. */
    record AddColumn(String table, String column, String type, boolean nullable, String defaultSql) implements SchemaChange {
        public AddColumn {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String describe() {
            return "add column " + table + "." + column + " " + type + (nullable ? "" : " NOT NULL")
                    + (defaultSql == null ? "" : " DEFAULT " + defaultSql);
        }
    }

    /** Drops a column; indexes on it are dropped with it. */
    record DropColumn(String table, String column) implements SchemaChange {
        @Override
        public String describe() {
            return "drop column " + table + "." + column;
        }
    }

    /** Renames a column; indexes, constraints, triggers and views follow. */
    record RenameColumn(String table, String column, String newName) implements SchemaChange {
        @Override
        public String describe() {
            return "rename column " + table + "." + column + " to " + newName;
        }
    }

    /**
     * Changes a column's type, nullability or default; a null field is left as it is.
     *
     * @param dropDefault removes the default (then {@code defaultSql} must be null)
     */
    record AlterColumn(String table, String column, String type, Boolean nullable, String defaultSql, boolean dropDefault)
            implements SchemaChange {
        @Override
        public String describe() {
            return "alter column " + table + "." + column + (type == null ? "" : " type " + type)
                    + (nullable == null ? "" : nullable ? " null" : " not null")
                    + (defaultSql == null ? "" : " default " + defaultSql) + (dropDefault ? " drop default" : "");
        }
    }

    /** Adds a named foreign key. */
    record AddForeignKey(String table, String name, List<String> columns, String referencedTable,
                         List<String> referencedColumns, ReferentialAction onDelete) implements SchemaChange {
        public AddForeignKey {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
            onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
        }

        @Override
        public String describe() {
            return "add foreign key " + name + " on " + table + columns + " references " + referencedTable + referencedColumns;
        }
    }

    /** Adds a named check constraint. */
    record AddCheck(String table, String name, String expression) implements SchemaChange {
        @Override
        public String describe() {
            return "add check " + name + " on " + table + " (" + expression + ")";
        }
    }

    /** Adds a named unique constraint. */
    record AddUnique(String table, String name, List<String> columns) implements SchemaChange {
        public AddUnique {
            columns = List.copyOf(columns);
        }

        @Override
        public String describe() {
            return "add unique " + name + " on " + table + columns;
        }
    }

    /** Drops a named constraint (foreign key, check or unique). */
    record DropConstraint(String table, String name) implements SchemaChange {
        @Override
        public String describe() {
            return "drop constraint " + name + " on " + table;
        }
    }
}
