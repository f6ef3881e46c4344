package dev.ferry.core.closure;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One table's foreign keys and referenced keys as column positions. Internal. */
final class TableLinks {
    private final Table table;
    private final List<Reference> references = new ArrayList<>();
    private final Map<List<String>, KeyColumns> referenced = new HashMap<>();
    private final Map<List<String>, Set<QualifiedName>> children = new HashMap<>();

    /** A foreign key of this table: its column positions, the parent and the parent's columns. */
    record Reference(int[] positions, QualifiedName parent, List<String> parentColumns) {
    }

    /** A key of this table that some foreign key references. */
    record KeyColumns(List<String> names, int[] positions) {
    }

    TableLinks(Table table) {
        this.table = table;
    }

    /** Resolves the foreign keys of this table against the tables of the export. */
    void link(Map<QualifiedName, TableLinks> all) {
        for (ForeignKey fk : table.foreignKeys()) {
            TableLinks parent = all.get(fk.referencedTable());
            if (parent == null) {
                continue;
            }
            references.add(new Reference(positions(table, fk.columns()), fk.referencedTable(), fk.referencedColumns()));
            parent.referenced.computeIfAbsent(fk.referencedColumns(),
                    cols -> new KeyColumns(cols, positions(parent.table, cols)));
            parent.children.computeIfAbsent(fk.referencedColumns(), c -> new LinkedHashSet<>()).add(table.name());
        }
    }

    Table table() {
        return table;
    }

    List<Reference> references() {
        return references;
    }

    Iterable<KeyColumns> referenced() {
        return referenced.values();
    }

    Set<QualifiedName> childrenVia(List<String> columns) {
        return children.getOrDefault(columns, Set.of());
    }

    static int[] positions(Table table, List<String> names) {
        List<Column> loaded = table.loadedColumns();
        int[] out = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            out[i] = -1;
            for (int c = 0; c < loaded.size(); c++) {
                if (loaded.get(c).name().equals(name)) {
                    out[i] = c;
                }
            }
            if (out[i] < 0) {
                throw new IllegalArgumentException("column " + name + " of " + table.name() + " is not stored");
            }
        }
        return out;
    }
}
