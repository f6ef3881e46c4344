package dev.ferry.dialect.mysql;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a loaded staging database into the target with one atomic RENAME TABLE. With clean, the
 * same statement moves the target's existing tables out into a trash database (an atomic swap); the
 * target's views, triggers and routines are dropped just before (triggers block the move) and put
 * back if anything fails. After the swap the new views, routines and triggers are created; if that
 * fails the swap is reversed, so the target ends as it was.
 */
final class StagedPublish {
    private final Connection connection;
    private final String stage;
    private final String target;
    private final String trash;

    StagedPublish(Connection connection, String stage, String target, String trash) {
        this.connection = connection;
        this.stage = stage;
        this.target = target;
        this.trash = trash;
    }

    void publish(Schema restored, boolean clean) throws SQLException {
        Schema old = clean ? new SchemaReader(connection, target).read() : null;
        List<String> oldTables = clean ? TargetInventory.tables(connection, target) : List.of();
        SchemaObjects oldObjects = new SchemaObjects(connection, target);
        if (clean) {
            Sql.execute(connection, "CREATE DATABASE " + Sql.quote(trash));
            dropObjects(old);
        }
        List<String> newTables = new ArrayList<>();
        restored.sequences().forEach(q -> newTables.add(q.name().name()));
        restored.tables().forEach(t -> newTables.add(t.name().name()));
        try {
            rename(swap(oldTables, newTables));
        } catch (SQLException e) {
            restoreOld(old, oldObjects);
            dropTrash();
            throw e;
        }
        SchemaObjects created = new SchemaObjects(connection, target);
        try {
            created.createAll(restored);
        } catch (SQLException | RuntimeException e) {
            created.dropCreated();
            rename(unswap(oldTables, newTables));
            restoreOld(old, oldObjects);
            dropTrash();
            throw new FerryException(ErrorCode.RESTORE_FAILED, "Creating views, routines and triggers in "
                    + target + " failed, so the target was put back as it was: " + e.getMessage(), e);
        }
        dropTrash();
    }

    private void dropTrash() throws SQLException {
        Sql.execute(connection, "DROP DATABASE IF EXISTS " + Sql.quote(trash));
    }

    private void restoreOld(Schema old, SchemaObjects oldObjects) throws SQLException {
        if (old != null) {
            oldObjects.createAll(old);
        }
    }

    private void dropObjects(Schema old) throws SQLException {
        for (var o : old.nativeObjects()) {
            Sql.execute(connection, SchemaObjects.dropSql(o.kind(), target, o.name().name()));
        }
        for (var v : old.views()) {
            Sql.execute(connection, SchemaObjects.dropSql("view", target, v.name().name()));
        }
    }

    private List<String> swap(List<String> oldTables, List<String> newTables) {
        List<String> pairs = new ArrayList<>();
        oldTables.forEach(t -> pairs.add(move(target, t, trash)));
        newTables.forEach(t -> pairs.add(move(stage, t, target)));
        return pairs;
    }

    private List<String> unswap(List<String> oldTables, List<String> newTables) {
        List<String> pairs = new ArrayList<>();
        newTables.forEach(t -> pairs.add(move(target, t, stage)));
        oldTables.forEach(t -> pairs.add(move(trash, t, target)));
        return pairs;
    }

    private static String move(String from, String table, String to) {
        return Sql.qualified(from, table) + " TO " + Sql.qualified(to, table);
    }

    private void rename(List<String> pairs) throws SQLException {
        if (!pairs.isEmpty()) {
            Sql.execute(connection, "RENAME TABLE " + String.join(", ", pairs));
        }
    }
}
