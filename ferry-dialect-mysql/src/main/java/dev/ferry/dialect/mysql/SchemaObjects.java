package dev.ferry.dialect.mysql;

import dev.ferry.core.model.NativeObject;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.View;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Creates and drops the objects that cannot move between databases: routines, views and triggers,
 * in that order (views and triggers may call routines; triggers may read views). Remembers what it
 * created so a failure can take exactly that back.
 */
final class SchemaObjects {
    private final Connection connection;
    private final String database;
    private final List<String> created = new ArrayList<>();

    SchemaObjects(Connection connection, String database) {
        this.connection = connection;
        this.database = database;
    }

    /** Creates everything in {@code database} (made the session's current database first). */
    void createAll(Schema schema) throws SQLException {
        Sql.execute(connection, "USE " + Sql.quote(database));
        for (NativeObject o : schema.nativeObjects()) {
            if (!o.kind().equals("trigger")) {
                create(o.kind(), o.name().name(), o.definition());
            }
        }
        for (View v : schema.views()) {
            create("view", v.name().name(), MysqlDdl.createView(v));
        }
        for (NativeObject o : schema.nativeObjects()) {
            if (o.kind().equals("trigger")) {
                create(o.kind(), o.name().name(), o.definition());
            }
        }
    }

    private void create(String kind, String name, String sql) throws SQLException {
        Sql.execute(connection, sql);
        created.add(dropSql(kind, database, name));
    }

    /** Drops what {@link #createAll} created, newest first; best effort, keeps going on errors. */
    void dropCreated() {
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                Sql.execute(connection, created.get(i));
            } catch (SQLException ignored) {
                // best effort: the object may not exist if its creation failed half-way
            }
        }
        created.clear();
    }

    /** Drops only the views and triggers created (they block RENAME TABLE across databases). */
    void dropViewsAndTriggers() throws SQLException {
        for (int i = created.size() - 1; i >= 0; i--) {
            String sql = created.get(i);
            if (sql.startsWith("DROP VIEW") || sql.startsWith("DROP TRIGGER")) {
                Sql.execute(connection, sql);
                created.remove(i);
            }
        }
    }

    static String dropSql(String kind, String database, String name) {
        return "DROP " + kind.toUpperCase(Locale.ROOT) + " IF EXISTS " + Sql.qualified(database, name);
    }
}
