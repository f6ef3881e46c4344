package dev.ferry.dialect.mysql;

import dev.ferry.core.model.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A restore straight into the target database, for a user who may not create a staging database: it
 * remembers every table and sequence it creates, and the views, routines and triggers, so that a
 * rollback drops exactly those. With {@code --clean} the existing objects are dropped first, which no
 * rollback can bring back (the note says so).
 */
final class DirectRestore {
    private final Connection connection;
    private final String target;
    private final List<String> created = new ArrayList<>();
    private SchemaObjects objects;

    private DirectRestore(Connection connection, String target) {
        this.connection = connection;
        this.target = target;
    }

    /** Starts it because {@code why} refused the staging database; {@code note} receives what the user is told. */
    static DirectRestore begin(Connection connection, String target, SQLException why, boolean clean, StringBuilder note)
            throws SQLException {
        note.setLength(0);
        note.append("no privilege to create a staging database (").append(why.getMessage()).append("): restoring directly into ")
                .append(target).append("; a rollback drops exactly the objects this restore created");
        if (clean) {
            note.append("; --clean dropped the existing objects first, which a rollback cannot bring back");
            dropExisting(connection, target);
        }
        return new DirectRestore(connection, target);
    }

    private static void dropExisting(Connection connection, String target) throws SQLException {
        Schema old = new SchemaReader(connection, target).read();
        for (var o : old.nativeObjects()) {
            Sql.execute(connection, SchemaObjects.dropSql(o.kind(), target, o.name().name()));
        }
        for (var v : old.views()) {
            Sql.execute(connection, SchemaObjects.dropSql("view", target, v.name().name()));
        }
        Sql.execute(connection, "SET foreign_key_checks = 0");
        for (String t : TargetInventory.tables(connection, target)) {
            Sql.execute(connection, "DROP TABLE " + Sql.qualified(target, t));
        }
    }

    /** A table or sequence this restore created. */
    void created(String name) {
        created.add(name);
    }

    /** The views, routines and triggers this restore created. */
    void objects(SchemaObjects value) {
        this.objects = value;
    }

    /** Drops what this restore created, newest first. */
    void rollback() throws SQLException {
        if (objects != null) {
            objects.dropCreated();
        }
        for (int i = created.size() - 1; i >= 0; i--) {
            Sql.execute(connection, "DROP TABLE IF EXISTS " + Sql.qualified(target, created.get(i)));
        }
    }
}
