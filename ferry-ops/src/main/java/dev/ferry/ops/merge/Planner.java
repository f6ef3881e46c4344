package dev.ferry.ops.merge;

import dev.ferry.core.closure.KeyTuple;
import dev.ferry.core.model.QualifiedName;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second pass, which writes nothing: per archive row, in foreign-key order, how each reference
 * resolves, whether a {@code --match} finds an existing row (recorded in the {@link KeyMap}, so that
 * children point at it and a later match can use it), and whether an inserted row's own keys clash
 * with the target's. The same plan drives the dry run's report and the real run's refusal. Internal.
 */
final class Planner {
    private static final int LISTED = 200;

    private final MergeModel model;
    private final KeyMap keys;
    private final References references;
    private final TargetLookups target;
    final Map<QualifiedName, TableStats> stats = new LinkedHashMap<>();
    final List<String> unresolved = new ArrayList<>();
    final List<String> clashes = new ArrayList<>();
    long unresolvedTotal;

    Planner(MergeModel model, KeyMap keys, References references, TargetLookups target) {
        this.model = model;
        this.keys = keys;
        this.references = references;
        this.target = target;
    }

    void plan(ArchiveTables archive) {
        for (MergeTable t : model.order) {
            TableStats s = new TableStats();
            stats.put(t.target.name(), s);
            archive.forEach(t.archive, row -> planRow(t, row, s));
        }
    }

    private void planRow(MergeTable t, Object[] row, TableStats s) throws SQLException {
        s.archiveRows++;
        Object[] values = row.clone();
        boolean[] pending = new boolean[values.length];
        for (MergeTable.Reference ref : t.references) {
            Object[] refValues = Rows.at(row, ref.positions());
            References.Outcome o = references.resolve(ref, refValues);
            switch (o.kind()) {
                case REWRITTEN -> {
                    s.rewritten++;
                    Rows.put(values, ref.positions(), o.values());
                }
                case PENDING -> {
                    s.rewritten++;
                    ref.positionsStream().forEach(p -> pending[p] = true);
                }
                case FROM_TARGET -> s.fromTarget++;
                case UNRESOLVABLE -> unresolved(t, ref, refValues, o.reason());
                default -> {
                }
            }
            if (ref.deferred() && o.kind() != References.Outcome.Kind.NULL) {
                requireNullable(t, ref);
            }
        }
        List<Object> oldKey = t.key == null ? null : KeyTuple.of(row, t.key);
        if (t.match != null && known(values, pending, t.match)) {
            List<Object> found = target.find(t.target, t.columnsAt(t.key), t.columnsAt(t.match), Rows.at(values, t.match));
            if (found != null) {
                s.matched++;
                keys.put(t.target.name(), oldKey, new KeyMap.Target(found, true));
                return;
            }
        }
        s.inserted++;
        for (int[] unique : t.uniques) {
            if (known(values, pending, unique)
                    && target.find(t.target, t.columnsAt(unique), t.columnsAt(unique), Rows.at(values, unique)) != null) {
                clash(t, unique, values);
            }
        }
        if (t.key != null && t.generated < 0 && known(values, pending, t.key)) {
            keys.put(t.target.name(), oldKey, new KeyMap.Target(KeyTuple.of(values, t.key), false));
        }
    }

    private static boolean known(Object[] values, boolean[] pending, int[] positions) {
        for (int p : positions) {
            if (pending[p] || values[p] == null) {
                return false;
            }
        }
        return true;
    }

    private void requireNullable(MergeTable t, MergeTable.Reference ref) {
        if (t.key == null) {
            note(ref.describe(t.target) + ": closes a cycle of references, and the table has no primary key to set it by");
        }
        for (int p : ref.positions()) {
            if (!t.columns.get(p).nullable()) {
                note(ref.describe(t.target) + ": the column is NOT NULL but closes a cycle of references, so"
                        + " its rows cannot be inserted one after the other");
            }
        }
    }

    private void note(String msg) {
        if (!clashes.contains(msg)) {
            clashes.add(msg);
        }
    }

    private void unresolved(MergeTable t, MergeTable.Reference ref, Object[] refValues, String reason) {
        if (++unresolvedTotal <= LISTED) {
            unresolved.add(t.target.name() + "." + String.join(",", ref.fk().columns()) + " = " + Rows.text(refValues)
                    + " references " + ref.parent().name() + "(" + String.join(",", ref.fk().referencedColumns()) + "): "
                    + reason);
        }
    }

    private void clash(MergeTable t, int[] unique, Object[] values) {
        if (clashes.size() < LISTED) {
            clashes.add(t.target.name() + " (" + String.join(",", t.namesAt(unique)) + ") = " + Rows.text(Rows.at(values, unique))
                    + " already exists in the target");
        }
    }
}
