package dev.ferry.dialect.postgres.restore;

import dev.ferry.core.model.Table;
import dev.ferry.dialect.postgres.Sql;
import dev.ferry.dialect.postgres.introspect.PartitionOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Orders tables so a partitioned table is created before its partitions (at any depth). */
final class PartitionOrder {
    private PartitionOrder() {
    }

    static List<Table> parentsFirst(List<Table> tables) {
        List<Table> order = new ArrayList<>();
        Set<String> created = new HashSet<>();
        List<Table> pending = new ArrayList<>(tables);
        while (!pending.isEmpty()) {
            int before = pending.size();
            for (var it = pending.iterator(); it.hasNext(); ) {
                Table t = it.next();
                String parent = t.options().get(PartitionOptions.PARTITION_OF);
                if (parent == null || created.contains(parent) || !isKnown(parent, tables)) {
                    order.add(t);
                    created.add(Sql.qualified(t.name()));
                    it.remove();
                }
            }
            if (pending.size() == before) {
                order.addAll(pending);
                break;
            }
        }
        return order;
    }

    /** Whether {@code quotedParent} (always-quoted, as {@link Sql#qualified} writes it) is one of the tables. */
    private static boolean isKnown(String quotedParent, List<Table> tables) {
        return tables.stream().anyMatch(t -> Sql.qualified(t.name()).equals(quotedParent));
    }
}
