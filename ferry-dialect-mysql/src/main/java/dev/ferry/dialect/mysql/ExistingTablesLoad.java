package dev.ferry.dialect.mysql;

import dev.ferry.core.model.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A restore into the app's own tables ({@code --schema existing}) inside one InnoDB transaction on the
 * unit's connection, with foreign_key_checks off until {@link #finish} verifies every key by query; a
 * rollback undoes the deletes and inserts (no DDL is run, so nothing commits implicitly). Triggers on
 * the tables fire: MariaDB cannot suspend them; the proof catches any row they change.
 */
final class ExistingTablesLoad {
    private ExistingTablesLoad() {
    }

    static void begin(Connection connection, String target, List<Table> tables, boolean clean) throws SQLException {
        connection.setAutoCommit(false);
        Sql.execute(connection, "SET foreign_key_checks = 0");
        if (clean) {
            for (Table t : tables) {
                Sql.execute(connection, "DELETE FROM " + Sql.qualified(target, t.name().name()));
            }
        }
    }

    /** Verifies every foreign key of and into the loaded tables, then turns the checks back on. */
    static void finish(Connection connection, String target, List<Table> tables) throws SQLException {
        Set<String> loaded = new HashSet<>();
        tables.forEach(t -> loaded.add(t.name().name()));
        for (Table t : new SchemaReader(connection, target).read().tables()) {
            boolean involved = loaded.contains(t.name().name())
                    || t.foreignKeys().stream().anyMatch(fk -> loaded.contains(fk.referencedTable().name()));
            if (involved) {
                ForeignKeyCheck.verify(connection, target, t);
            }
        }
        Sql.execute(connection, "SET foreign_key_checks = 1");
    }
}
