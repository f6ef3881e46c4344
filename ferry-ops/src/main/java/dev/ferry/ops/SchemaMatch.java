package dev.ferry.ops;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Pairs the tables of two schemas and lists how they differ. Tables pair by qualified name, else by
 * table name alone when it is unique (a PostgreSQL {@code app.users} and its MariaDB copy {@code users}),
 * ignoring case if need be. Differences: tables or stored columns on one side only, and, between
 * databases of one engine, a column's type or nullability. Across engines a column of another kind is a
 * note: its values are compared in B's kind. Computed columns are notes too: their values follow from
 * the others. Internal.
 */
final class SchemaMatch {
    final List<TablePair> pairs = new ArrayList<>();
    final List<String> differences = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    SchemaMatch(Schema a, Schema b, boolean sameEngine) {
        Set<QualifiedName> matched = new HashSet<>();
        for (Table ta : a.tables()) {
            Optional<Table> tb = find(b, ta.name(), matched);
            if (tb.isEmpty()) {
                differences.add("table " + ta.name() + " only in A");
                continue;
            }
            matched.add(tb.get().name());
            compareColumns(ta, tb.get(), sameEngine);
            pairs.add(TablePair.of(ta, tb.get(), !sameEngine));
        }
        b.tables().stream().filter(t -> !matched.contains(t.name())).forEach(t -> differences.add("table " + t.name() + " only in B"));
    }

    private static Optional<Table> find(Schema b, QualifiedName name, Set<QualifiedName> taken) {
        Optional<Table> exact = b.table(name);
        if (exact.isPresent()) {
            return exact;
        }
        List<Table> byName = b.tables().stream().filter(t -> !taken.contains(t.name()))
                .filter(t -> t.name().name().toLowerCase(Locale.ROOT).equals(name.name().toLowerCase(Locale.ROOT))).toList();
        return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
    }

    private void compareColumns(Table a, Table b, boolean sameEngine) {
        for (Column ca : a.columns()) {
            Optional<Column> cb = TablePair.column(b, ca.name());
            String where = "column " + a.name() + "." + ca.name();
            if (cb.isEmpty()) {
                (ca.isLoaded() ? differences : notes).add(where + (ca.isLoaded() ? "" : " (computed)") + " only in A");
            } else {
                compareColumn(where, ca, cb.get(), sameEngine);
            }
        }
        for (Column cb : b.columns()) {
            if (TablePair.column(a, cb.name()).isEmpty()) {
                (cb.isLoaded() ? differences : notes).add("column " + b.name() + "." + cb.name()
                        + (cb.isLoaded() ? "" : " (computed)") + " only in B");
            }
        }
    }

    private void compareColumn(String where, Column ca, Column cb, boolean sameEngine) {
        if (sameEngine) {
            if (!ca.type().nativeType().equals(cb.type().nativeType())) {
                differences.add(where + ": type " + ca.type().nativeType() + " in A, " + cb.type().nativeType() + " in B");
            }
            if (ca.nullable() != cb.nullable()) {
                differences.add(where + ": " + (ca.nullable() ? "nullable" : "NOT NULL") + " in A, "
                        + (cb.nullable() ? "nullable" : "NOT NULL") + " in B");
            }
        } else if (ca.type().kind() != cb.type().kind()) {
            notes.add(where + " compared as " + cb.type().kind() + " (A: " + ca.type().nativeType() + ", B: "
                    + cb.type().nativeType() + ")");
        }
    }
}
