package dev.ferry.migrate.run;

import dev.ferry.core.change.SchemaChange;
import dev.ferry.core.diff.SchemaDifference;
import dev.ferry.core.model.CheckConstraint;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.Index;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns differences into repair steps: a missing column, a changed type, nullability or default, a
 * missing foreign key, unique or check constraint become portable {@link SchemaChange}s (so SQLite
 * gets its rebuilds); a missing index is recreated from its original definition. Extra objects are
 * never dropped (they may hold data), and what has no safe automatic repair (a missing table, a
 * different primary key or view) is listed with advice instead.
 */
public final class RepairPlan {
    /** One step: a portable change, or native SQL (an index definition). */
    public record Step(String description, SchemaChange change, String nativeSql) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final List<String> manual = new ArrayList<>();

    public RepairPlan(List<SchemaDifference> differences, Schema expected) {
        differences.stream().sorted(Comparator.comparing(d -> d.kind().ordinal())).forEach(d -> plan(d, expected));
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public List<String> manual() {
        return List.copyOf(manual);
    }

    private void plan(SchemaDifference d, Schema expected) {
        Optional<Table> table = expected.table(d.table());
        String t = d.table().name();
        switch (d.kind()) {
            case MISSING_COLUMN -> {
                Column c = table.flatMap(x -> x.column(d.object())).orElseThrow();
                add(d, new SchemaChange.AddColumn(t, c.name(), c.type().nativeType(), c.nullable(), c.defaultExpression()));
            }
            case COLUMN_TYPE -> add(d, new SchemaChange.AlterColumn(t, d.object(), d.expected(), null, null, false));
            case COLUMN_NULLABILITY -> add(d, new SchemaChange.AlterColumn(t, d.object(), null, "NULL".equals(d.expected()),
                    null, false));
            case COLUMN_DEFAULT -> add(d, new SchemaChange.AlterColumn(t, d.object(), null, null, d.expected(), d.expected() == null));
            case MISSING_FOREIGN_KEY -> {
                ForeignKey fk = table.orElseThrow().foreignKeys().stream().filter(f -> java.util.Objects.equals(f.name(), d.object())).findFirst().orElseThrow();
                add(d, new SchemaChange.AddForeignKey(t, fk.name() != null ? fk.name() : t + "_" + fk.columns().get(0) + "_fkey",
                        fk.columns(), fk.referencedTable().name(), fk.referencedColumns(), fk.onDelete()));
            }
            case MISSING_UNIQUE -> {
                UniqueConstraint u = table.orElseThrow().uniques().stream().filter(x -> java.util.Objects.equals(x.name(), d.object())).findFirst().orElseThrow();
                add(d, new SchemaChange.AddUnique(t, u.name(), u.columns()));
            }
            case MISSING_CHECK -> {
                CheckConstraint c = table.orElseThrow().checks().stream().filter(x -> java.util.Objects.equals(x.name(), d.object()))
                        .findFirst().orElseThrow();
                add(d, new SchemaChange.AddCheck(t, c.name() != null ? c.name() : t + "_check_" + (steps.size() + 1), c.expression()));
            }
            case MISSING_INDEX -> missingIndex(d, table.orElseThrow());
            case EXTRA_TABLE, EXTRA_COLUMN, EXTRA_INDEX, EXTRA_FOREIGN_KEY, EXTRA_UNIQUE, EXTRA_CHECK, EXTRA_VIEW ->
                    manual.add(d.describe() + ": not made by the migrations; drop it yourself if nothing uses it"
                            + " (Ferry never drops what may hold data)");
            default -> manual.add(d.describe() + ": no safe automatic repair; restore the pre-migration backup or fix it"
                    + " in a new migration");
        }
    }

    private void missingIndex(SchemaDifference d, Table table) {
        Index ix = table.indexes().stream().filter(i -> java.util.Objects.equals(i.name(), d.object())).findFirst().orElseThrow();
        if (ix.definition() == null) {
            manual.add(d.describe() + ": its definition is not known; create it in a new migration");
        } else {
            steps.add(new Step(d.describe(), null, ix.definition()));
        }
    }

    private void add(SchemaDifference d, SchemaChange change) {
        steps.add(new Step(d.describe() + ": " + change.describe(), change, null));
    }
}
