package dev.ferry.core.closure;

import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.RowCursor;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The rows of a partial export: the roots, their parents transitively (always: without them the
 * archive could not be restored) and, with {@code withChildren}, every row referencing a root
 * transitively, again with the parents of those. Children of a row pulled in only as a parent are
 * not taken (a project's user would otherwise bring every other project of that user).
 *
 * <p>Computed by scanning tables until nothing changes: a table is scanned when it has a root or
 * when a key set it depends on grew, and each scan adds the keys of newly selected rows. Key sets
 * only grow and are finite, so cycles and self-references terminate. Memory holds the foreign-key
 * and referenced-key values of selected rows only, never rows and never unselected keys. A chain
 * of depth d (a self-referencing table) costs up to d scans of that table.
 */
public final class Closure {
    private final Map<QualifiedName, TableLinks> links = new HashMap<>();
    private final Map<QualifiedName, Condition> roots;
    private final boolean withChildren;
    private final KeySets down = new KeySets();
    private final KeySets needed = new KeySets();
    private long scans;

    /** Reads a table's rows (in the snapshot of the backup), values in the order of its loaded columns. */
    public interface Rows {
        RowCursor open(Table table) throws SQLException;
    }

    /** {@code roots}: per table, the condition its root rows satisfy (several roots of a table joined by OR). */
    public Closure(List<Table> tables, Map<QualifiedName, Condition> roots, boolean withChildren) {
        tables.forEach(t -> links.put(t.name(), new TableLinks(t)));
        links.values().forEach(l -> l.link(links));
        this.roots = Map.copyOf(roots);
        this.withChildren = withChildren;
    }

    /** Scans until the selection is complete; after it returns, {@link #selected} answers for every row. */
    public Closure compute(Rows rows) throws SQLException {
        LinkedHashSet<QualifiedName> dirty = new LinkedHashSet<>(roots.keySet());
        while (!dirty.isEmpty()) {
            QualifiedName next = dirty.iterator().next();
            dirty.remove(next);
            scan(links.get(next), rows, dirty);
        }
        return this;
    }

    /** Whether a row (values in loaded-column order) belongs to the export. */
    public boolean selected(Table table, Object[] row) {
        TableLinks t = links.get(table.name());
        return isDown(t, row) || isNeeded(t, row);
    }

    /** How many table scans the closure took. */
    public long scans() {
        return scans;
    }

    /** How many key values the closure holds: its memory, in keys. */
    public long keysHeld() {
        return down.size() + needed.size();
    }

    private void scan(TableLinks t, Rows rows, LinkedHashSet<QualifiedName> dirty) throws SQLException {
        scans++;
        try (RowCursor cursor = rows.open(t.table())) {
            Object[] row;
            while ((row = cursor.next()) != null) {
                boolean isDown = isDown(t, row);
                if (isDown) {
                    for (TableLinks.KeyColumns r : t.referenced()) {
                        List<Object> key = KeyTuple.of(row, r.positions());
                        if (key != null && down.add(t.table().name(), r.names(), key) && withChildren) {
                            t.childrenVia(r.names()).forEach(dirty::add);
                        }
                    }
                }
                if (isDown || isNeeded(t, row)) {
                    for (TableLinks.Reference fk : t.references()) {
                        List<Object> key = KeyTuple.of(row, fk.positions());
                        if (key != null && needed.add(fk.parent(), fk.parentColumns(), key)) {
                            dirty.add(fk.parent());
                        }
                    }
                }
            }
        }
    }

    private boolean isDown(TableLinks t, Object[] row) {
        Condition root = roots.get(t.table().name());
        if (root != null && Boolean.TRUE.equals(root.test(row))) {
            return true;
        }
        if (withChildren) {
            for (TableLinks.Reference fk : t.references()) {
                if (down.contains(fk.parent(), fk.parentColumns(), KeyTuple.of(row, fk.positions()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isNeeded(TableLinks t, Object[] row) {
        for (TableLinks.KeyColumns r : t.referenced()) {
            if (needed.contains(t.table().name(), r.names(), KeyTuple.of(row, r.positions()))) {
                return true;
            }
        }
        return false;
    }
}
