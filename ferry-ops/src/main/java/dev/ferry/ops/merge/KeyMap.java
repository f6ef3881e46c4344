package dev.ferry.ops.merge;

import dev.ferry.core.model.QualifiedName;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per table, every archive row's key and what it became in the target: still pending (to be inserted,
 * its generated key not known yet), inserted with a new key, or matched to an existing row. Keys are
 * {@link dev.ferry.core.closure.KeyTuple canonical}. Memory: one entry per archive row of a table with a
 * primary key, keys only.
 */
final class KeyMap {
    /** What an archive key became; {@code key} null while pending. */
    record Target(List<Object> key, boolean matched) {
        static final Target PENDING = new Target(null, false);

        boolean known() {
            return key != null;
        }
    }

    private final Map<QualifiedName, Map<List<Object>, Target>> tables = new HashMap<>();

    void put(QualifiedName table, List<Object> oldKey, Target target) {
        tables.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(oldKey, target);
    }

    /** Null if the archive holds no row of {@code table} with this key. */
    Target get(QualifiedName table, List<Object> oldKey) {
        Map<List<Object>, Target> keys = tables.get(table);
        return keys == null || oldKey == null ? null : keys.get(oldKey);
    }

    /** Every table's old → new keys, for {@code --id-map}. */
    Map<QualifiedName, Map<List<Object>, Target>> all() {
        return tables;
    }
}
