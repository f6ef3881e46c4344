package dev.ferry.core.closure;

import dev.ferry.core.model.QualifiedName;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sets of key values per table and column list. Internal. */
final class KeySets {
    private final Map<QualifiedName, Map<List<String>, Set<List<Object>>>> sets = new HashMap<>();
    private long size;

    /** Adds a key; true if it was new. */
    boolean add(QualifiedName table, List<String> columns, List<Object> key) {
        boolean added = sets.computeIfAbsent(table, t -> new HashMap<>()).computeIfAbsent(columns, c -> new HashSet<>()).add(key);
        if (added) {
            size++;
        }
        return added;
    }

    boolean contains(QualifiedName table, List<String> columns, List<Object> key) {
        if (key == null) {
            return false;
        }
        Map<List<String>, Set<List<Object>>> byColumns = sets.get(table);
        Set<List<Object>> keys = byColumns == null ? null : byColumns.get(columns);
        return keys != null && keys.contains(key);
    }

    long size() {
        return size;
    }
}
