package dev.ferry.dialect.postgres.restore;

import dev.ferry.core.model.CheckConstraint;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.Index;
import dev.ferry.core.model.NativeObject;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.UniqueConstraint;
import dev.ferry.core.model.View;

/**
 * What is added after the data: checks, unique constraints and indexes, then foreign keys (each
 * validated against the loaded rows, so cycles and self-references need no load order); and,
 * after the sequences are positioned, the functions that needed the tables, views, then triggers
 * and other native objects.
 */
final class SchemaFinisher {
    /** Native objects {@link PostgresRestoreTarget#createTables} already created. */
    /** Native constraints: added with the other constraints, before the foreign keys that may need them. */
    private static final String CONSTRAINT = "constraint";

    static final java.util.Set<String> BEFORE_TABLES = java.util.Set.of("extension", "domain", "type");

    private final PostgresRestoreTarget target;
    private final Schema schema;

    SchemaFinisher(PostgresRestoreTarget target, Schema schema) {
        this.target = target;
        this.schema = schema;
    }

    void finish() {
        for (Table t : schema.tables()) {
            for (CheckConstraint c : t.checks()) {
                target.run("Adding check constraint " + c.name() + " on " + t.name(), Ddl.addCheck(t, c));
            }
            for (UniqueConstraint u : t.uniques()) {
                target.run("Adding unique constraint " + u.name() + " on " + t.name(), Ddl.addUnique(t, u));
            }
            for (Index i : t.indexes()) {
                target.run("Creating index " + i.name() + " on " + t.name(), Ddl.createIndex(t, i));
            }
        }
        for (NativeObject o : schema.nativeObjects()) {
            if (o.kind().equals(CONSTRAINT)) {
                target.run("Adding constraint " + o.name(), o.definition());
            }
        }
        for (Table t : schema.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                target.run("Adding foreign key " + fk.name() + " on " + t.name() + " referencing " + fk.referencedTable(),
                        Ddl.addForeignKey(t, fk));
            }
        }
    }

    /** Functions not created before the tables, views, then triggers and the other native objects. */
    void finishCode() {
        runNative(true);
        for (View v : schema.views()) {
            target.run("Creating view " + v.name(), Ddl.createView(v));
        }
        runNative(false);
    }

    private void runNative(boolean functions) {
        for (NativeObject o : schema.nativeObjects()) {
            if (o.kind().equals("function") == functions && !target.createdEarly(o) && !o.kind().equals(CONSTRAINT)) {
                target.run("Creating " + o.kind() + " " + o.name(), o.definition());
            }
        }
    }
}
