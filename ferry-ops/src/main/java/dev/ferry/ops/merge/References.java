package dev.ferry.ops.merge;

import dev.ferry.core.closure.KeyTuple;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.Table;
import java.sql.SQLException;
import java.util.List;

/**
 * Resolves one foreign-key value of an archive row: to the row's new key through the {@link KeyMap} (its
 * parent is in the archive, by primary key), as it is (the parent row is in the archive by another
 * unique key, or it already exists in the target and its key is not generated), or not at all. A
 * generated key of a row the archive does not hold cannot be looked up in the target: the same number
 * there is another row. Internal.
 */
final class References {
    private final MergeModel model;
    private final KeyMap keys;
    private final ArchiveKeys archiveKeys;
    private final TargetLookups target;

    /** What a reference became. {@code values}: the new values of the foreign-key columns when REWRITTEN. */
    record Outcome(Kind kind, List<Object> values, String reason) {
        enum Kind { NULL, AS_IS, REWRITTEN, PENDING, FROM_TARGET, UNRESOLVABLE }

        static Outcome of(Kind kind) {
            return new Outcome(kind, null, null);
        }
    }

    References(MergeModel model, KeyMap keys, ArchiveKeys archiveKeys, TargetLookups target) {
        this.model = model;
        this.keys = keys;
        this.archiveKeys = archiveKeys;
        this.target = target;
    }

    /** {@code refValues}: the archive values of the foreign key's columns, in its column order. */
    Outcome resolve(MergeTable.Reference ref, Object[] refValues) throws SQLException {
        int[] all = new int[refValues.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        List<Object> old = KeyTuple.of(refValues, all);
        if (old == null) {
            return Outcome.of(Outcome.Kind.NULL);
        }
        MergeTable parent = model.byName.get(ref.parent().name());
        List<String> referenced = ref.fk().referencedColumns();
        if (parent != null && parent.key != null && sameSet(parent.namesAt(parent.key), referenced)) {
            KeyMap.Target t = keys.get(parent.target.name(), reorder(old, referenced, parent.namesAt(parent.key)));
            if (t != null) {
                if (!t.known()) {
                    return Outcome.of(Outcome.Kind.PENDING);
                }
                List<Object> now = reorder(t.key(), parent.namesAt(parent.key), referenced);
                return now.equals(old) ? Outcome.of(Outcome.Kind.AS_IS) : new Outcome(Outcome.Kind.REWRITTEN, now, null);
            }
        } else if (parent != null && archiveKeys.contains(parent.target.name(), referenced, old)) {
            return Outcome.of(Outcome.Kind.AS_IS);
        }
        if (generated(ref.parent(), referenced)) {
            return new Outcome(Outcome.Kind.UNRESOLVABLE, null, "the archive has no such " + ref.parent().name()
                    + " row, and its key is generated, so the same value in the target would be another row");
        }
        List<Column> columns = referenced.stream().map(n -> ref.parent().column(n).orElseThrow()).toList();
        if (target.find(ref.parent(), columns, columns, refValues) != null) {
            return Outcome.of(Outcome.Kind.FROM_TARGET);
        }
        return new Outcome(Outcome.Kind.UNRESOLVABLE, null, "neither the archive nor the target has such a "
                + ref.parent().name() + " row");
    }

    private static boolean generated(Table parent, List<String> columns) {
        return columns.stream().anyMatch(n -> parent.column(n).map(c -> c.identity() != null).orElse(false));
    }

    private static boolean sameSet(List<String> a, List<String> b) {
        return a.size() == b.size() && a.containsAll(b);
    }

    /** Values listed in {@code from}'s column order, re-listed in {@code to}'s. */
    private static List<Object> reorder(List<Object> values, List<String> from, List<String> to) {
        return to.stream().map(n -> values.get(from.indexOf(n))).toList();
    }
}
