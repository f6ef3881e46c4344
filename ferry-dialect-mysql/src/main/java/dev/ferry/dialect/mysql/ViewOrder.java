package dev.ferry.dialect.mysql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders views so each comes after the views it reads. MariaDB has no view dependency catalog, but
 * SHOW CREATE VIEW quotes every name, so a view depends on another when its text contains the
 * other's quoted name followed by a dot or a word boundary. Views in a (impossible) cycle keep name order.
 */
final class ViewOrder {
    private ViewOrder() {
    }

    static List<String> sort(Map<String, String> definitions) {
        Set<String> done = new LinkedHashSet<>();
        for (String name : definitions.keySet()) {
            visit(name, definitions, done, new LinkedHashSet<>());
        }
        return new ArrayList<>(done);
    }

    private static void visit(String name, Map<String, String> definitions, Set<String> done, Set<String> path) {
        if (done.contains(name) || !path.add(name)) {
            return;
        }
        String body = definitions.get(name);
        for (String other : definitions.keySet()) {
            if (!other.equals(name) && body.contains(Sql.quote(other))) {
                visit(other, definitions, done, path);
            }
        }
        done.add(name);
    }
}
