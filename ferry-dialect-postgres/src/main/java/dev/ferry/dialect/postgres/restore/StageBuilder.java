package dev.ferry.dialect.postgres.restore;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.EnumType;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Sequence;
import dev.ferry.core.model.Table;
import dev.ferry.dialect.postgres.Sql;
import java.util.HashMap;
import java.util.Map;

/**
 * Creates a {@link StagingPlan#staged() staged schema}: its schema, enum types, sequences, and tables
 * with columns, comments and owned sequences, but no primary key yet ({@link StagedTableSink} builds
 * it after the rows, with the indexes).
 */
final class StageBuilder {
    private final PostgresRestoreTarget runner;

    StageBuilder(PostgresRestoreTarget runner) {
        this.runner = runner;
    }

    void create(Schema staged, String stage) {
        runner.run("Creating staging schema " + stage, "CREATE SCHEMA " + Sql.quote(stage));
        for (EnumType e : staged.enums()) {
            runner.run("Creating enum type " + e.name().name(), Ddl.createEnum(e));
        }
        Map<QualifiedName, Sequence> sequences = new HashMap<>();
        for (Sequence s : staged.sequences()) {
            sequences.put(s.name(), s);
            if (!PostgresRestoreTarget.isIdentitySequence(staged, s)) {
                runner.run("Creating sequence " + s.name().name(), Ddl.createSequence(s));
            }
        }
        for (Table t : staged.tables()) {
            Table withoutKey = new Table(t.name(), t.columns(), null, t.uniques(), t.foreignKeys(), t.indexes(), t.checks(),
                    t.options(), t.comment(), t.estimatedRows());
            runner.run("Creating table " + t.name().name(), Ddl.createTable(withoutKey, sequences));
            comment(t);
        }
        for (Sequence s : staged.sequences()) {
            if (s.ownedBy() != null && !PostgresRestoreTarget.isIdentitySequence(staged, s)) {
                runner.run("Attaching sequence " + s.name().name() + " to " + s.ownedBy().table().name(), Ddl.ownSequence(s));
            }
        }
    }

    private void comment(Table t) {
        if (t.comment() != null) {
            runner.run("Commenting table " + t.name().name(), Ddl.comment("TABLE", Sql.qualified(t.name()), t.comment()));
        }
        for (Column c : t.columns()) {
            if (c.comment() != null) {
                runner.run("Commenting column " + c.name() + " of " + t.name().name(),
                        Ddl.comment("COLUMN", Sql.qualified(t.name()) + "." + Sql.quote(c.name()), c.comment()));
            }
        }
    }
}
