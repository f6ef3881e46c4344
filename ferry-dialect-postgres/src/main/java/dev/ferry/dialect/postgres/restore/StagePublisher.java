package dev.ferry.dialect.postgres.restore;

import dev.ferry.core.model.EnumType;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Sequence;
import dev.ferry.core.model.Table;
import dev.ferry.dialect.postgres.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The one short transaction that makes a staged restore visible: with clean, the target's old
 * objects are dropped; enum types, sequences not owned by a column, and tables move from the staging
 * schema into the target's with {@code ALTER ... SET SCHEMA} (owned sequences, indexes and
 * constraints follow their table; defaults and foreign keys hold OIDs, not names); the
 * defaults staging rewrote are checked ({@link PublishedDefaults}); functions, views,
 * triggers and other native objects are then created in the target; the staging schema, now empty,
 * is dropped. The caller commits; any failure rolls all of it back and the target is as it was.
 */
final class StagePublisher {
    private final PostgresRestoreTarget runner;
    private final String stage;
    private final String namespace;

    /** @param runner runs each statement in the publish transaction, naming the step if it is refused */
    StagePublisher(PostgresRestoreTarget runner, String stage, String namespace) {
        this.runner = runner;
        this.stage = stage;
        this.namespace = namespace;
    }

    void publish(Schema original, Schema staged, Map<QualifiedName, Map<String, String>> rewrittenDefaults, boolean clean,
                 Connection connection) throws SQLException {
        TargetObjects targetObjects = new TargetObjects(connection);
        runner.run("Preparing the publish transaction", "SET LOCAL check_function_bodies = false");
        if (clean) {
            try {
                targetObjects.dropAll();
            } catch (SQLException e) {
                throw RestoreErrors.failed("Dropping the target's existing objects (clean)", e);
            }
        }
        runner.run("Creating schema " + namespace, Ddl.createSchema(namespace));
        String into = " SET SCHEMA " + Sql.quote(namespace);
        for (EnumType e : staged.enums()) {
            runner.run("Moving enum type " + e.name().name() + " into " + namespace, "ALTER TYPE " + Sql.qualified(e.name()) + into);
        }
        for (Sequence s : staged.sequences()) {
            if (s.ownedBy() == null) {
                runner.run("Moving sequence " + s.name().name() + " into " + namespace,
                        "ALTER SEQUENCE " + Sql.qualified(s.name()) + into);
            }
        }
        for (Table t : staged.tables()) {
            runner.run("Moving table " + t.name().name() + " into " + namespace, "ALTER TABLE " + Sql.qualified(t.name()) + into);
        }
        PublishedDefaults.verify(connection, namespace, rewrittenDefaults);
        new SchemaFinisher(runner, original).finishCode();
        runner.run("Dropping the emptied staging schema " + stage, "DROP SCHEMA " + Sql.quote(stage) + " RESTRICT");
    }
}
