package dev.ferry.ops.merge;

import dev.ferry.core.closure.KeyTuple;
import dev.ferry.core.model.QualifiedName;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first pass over the archive: every row's primary key goes into the {@link KeyMap} as pending, and
 * the values of columns that foreign keys reference other than a primary key into sets, so that every
 * later reference knows whether the archive holds its row. Internal.
 */
final class ArchiveKeys {
    private final Map<QualifiedName, Map<List<String>, Set<List<Object>>>> values = new HashMap<>();

    void collect(MergeModel model, ArchiveTables archive, KeyMap keys) {
        for (MergeTable t : model.order) {
            List<int[]> referenced = model.order.stream().flatMap(c -> c.references.stream())
                    .filter(r -> r.parent().name().equals(t.target.name()))
                    .filter(r -> t.key == null || !t.namesAt(t.key).equals(r.fk().referencedColumns()))
                    .map(r -> t.positions(r.fk().referencedColumns())).toList();
            archive.forEach(t.archive, row -> {
                if (t.key != null) {
                    keys.put(t.target.name(), KeyTuple.of(row, t.key), KeyMap.Target.PENDING);
                }
                for (int[] r : referenced) {
                    List<Object> key = KeyTuple.of(row, r);
                    if (key != null) {
                        values.computeIfAbsent(t.target.name(), n -> new HashMap<>())
                                .computeIfAbsent(t.namesAt(r), n -> new HashSet<>()).add(key);
                    }
                }
            });
        }
    }

    boolean contains(QualifiedName table, List<String> columns, List<Object> key) {
        Map<List<String>, Set<List<Object>>> byColumns = values.get(table);
        return byColumns != null && byColumns.getOrDefault(columns, Set.of()).contains(key);
    }
}
