package dev.ferry.core.translate;

import dev.ferry.core.model.CheckConstraint;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.Index;
import dev.ferry.core.model.PrimaryKey;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The keys, foreign keys and indexes of a translated table, over the columns that made it into the
 * target, with target names. What cannot be carried (a key over a computed or unindexable column,
 * an expression, partial or non-btree index, an engine-specific check) is reported instead.
 */
final class KeyTranslator {
    private final TargetRules rules;
    private final Names names;
    private final Map<QualifiedName, String> tableNames;
    private final Map<QualifiedName, Map<String, String>> columnNames;
    private final List<Change> changes;

    KeyTranslator(TargetRules rules, Names names, Map<QualifiedName, String> tableNames,
                  Map<QualifiedName, Map<String, String>> columnNames, List<Change> changes) {
        this.rules = rules;
        this.names = names;
        this.tableNames = tableNames;
        this.columnNames = columnNames;
        this.changes = changes;
    }

    Table finish(Table source, String name, List<Column> columns, List<CheckConstraint> checks, Set<String> unindexable) {
        Map<String, String> cols = columnNames.get(source.name());
        PrimaryKey pk = null;
        if (source.primaryKey() != null && carried("primary key of " + source.name(), source.primaryKey().columns(), cols,
                unindexable)) {
            pk = new PrimaryKey(null, mapped(source.primaryKey().columns(), cols));
        }
        List<UniqueConstraint> uniques = new ArrayList<>();
        for (UniqueConstraint u : source.uniques()) {
            String what = "unique constraint " + u.name() + " on " + source.name();
            if (carried(what, u.columns(), cols, unindexable)) {
                uniques.add(new UniqueConstraint(names.allocate(NamedKind.UNIQUE, name, u.name(), what), mapped(u.columns(), cols)));
            }
        }
        List<CheckConstraint> allChecks = new ArrayList<>(checks);
        for (CheckConstraint c : source.checks()) {
            changes.add(new Change(Change.Kind.NOT_CARRIED, "check " + c.name() + " on " + source.name(),
                    "(" + c.expression() + ") is engine-specific SQL; the data satisfied it"));
        }
        return new Table(QualifiedName.of(name), columns, pk, uniques, foreignKeys(source, name, cols),
                indexes(source, name, cols, unindexable), allChecks, rules.tableOptions(), source.comment(),
                source.estimatedRows());
    }

    private List<ForeignKey> foreignKeys(Table source, String name, Map<String, String> cols) {
        List<ForeignKey> out = new ArrayList<>();
        for (ForeignKey fk : source.foreignKeys()) {
            String what = "foreign key " + fk.name() + " on " + source.name();
            Map<String, String> refCols = columnNames.get(fk.referencedTable());
            boolean referencedThere = refCols != null && fk.referencedColumns().stream().allMatch(refCols::containsKey);
            if (!referencedThere) {
                changes.add(new Change(Change.Kind.NOT_CARRIED, what, "the referenced columns are not in the target"));
                continue;
            }
            if (!carried(what, fk.columns(), cols, Set.of())) {
                continue;
            }
            String wanted = fk.name() != null ? fk.name() : name + "_" + String.join("_", fk.columns()) + "_fkey";
            out.add(new ForeignKey(names.allocate(NamedKind.FOREIGN_KEY, name, wanted, what), mapped(fk.columns(), cols),
                    QualifiedName.of(tableNames.get(fk.referencedTable())), mapped(fk.referencedColumns(), refCols),
                    fk.onDelete(), fk.onUpdate(), fk.deferrable(), fk.initiallyDeferred()));
        }
        return out;
    }

    private List<Index> indexes(Table source, String name, Map<String, String> cols, Set<String> unindexable) {
        List<Index> out = new ArrayList<>();
        for (Index i : source.indexes()) {
            String what = "index " + i.name() + " on " + source.name();
            String why = portability(i);
            if (why != null) {
                changes.add(new Change(Change.Kind.NOT_CARRIED, what, why));
                continue;
            }
            List<String> columns = i.parts().stream().map(Index.Part::column).toList();
            if (carried(what, columns, cols, unindexable)) {
                List<Index.Part> parts = i.parts().stream()
                        .map(p -> new Index.Part(cols.get(p.column()), false, p.descending())).toList();
                out.add(new Index(names.allocate(NamedKind.INDEX, name, i.name(), what), i.unique(), parts, null, null, null));
            }
        }
        return out;
    }

    /** Why an index cannot be recreated from its portable parts, or null when it can. */
    private static String portability(Index i) {
        if (i.parts().stream().anyMatch(Index.Part::expression)) {
            return "indexes an expression, which is engine-specific SQL";
        }
        if (i.predicate() != null) {
            return "partial index (WHERE " + i.predicate() + ") is engine-specific SQL";
        }
        if (i.method() != null && !i.method().toLowerCase(Locale.ROOT).equals("btree")) {
            return "a " + i.method() + " index has no portable equivalent";
        }
        return null;
    }

    /** Whether every column is in the target and indexable; reports why not otherwise. */
    private boolean carried(String what, List<String> columns, Map<String, String> cols, Set<String> unindexable) {
        for (String c : columns) {
            if (!cols.containsKey(c)) {
                changes.add(new Change(Change.Kind.NOT_CARRIED, what, "column " + c + " is not in the target"));
                return false;
            }
            if (unindexable.contains(c)) {
                changes.add(new Change(Change.Kind.NOT_CARRIED, what, "column " + c + " holds values too long for a "
                        + rules.engine() + " index"));
                return false;
            }
        }
        return true;
    }

    private static List<String> mapped(List<String> columns, Map<String, String> cols) {
        return columns.stream().map(cols::get).toList();
    }
}
