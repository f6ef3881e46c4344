package dev.ferry.ops;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A table found on both sides of a comparison, and the columns they share: compared in B's column
 * order, each in the kind of B's column ({@code convert}: across engines, A's values are moved into
 * it exactly as a restore would move them). Rows are identified by B's primary key when both sides have
 * its columns, else by all shared columns. Internal.
 */
record TablePair(Table a, Table b, List<String> columns, int[] columnsA, int[] columnsB, TypeKind[] kinds, int[] key,
                 boolean convert) {

    static TablePair of(Table a, Table b, boolean convert) {
        List<Column> loadedA = a.loadedColumns();
        List<Column> loadedB = b.loadedColumns();
        List<String> names = new ArrayList<>();
        List<Integer> ia = new ArrayList<>();
        List<Integer> ib = new ArrayList<>();
        List<TypeKind> kinds = new ArrayList<>();
        for (int j = 0; j < loadedB.size(); j++) {
            int i = indexOf(loadedA, loadedB.get(j).name());
            if (i >= 0) {
                names.add(loadedB.get(j).name());
                ia.add(i);
                ib.add(j);
                kinds.add(loadedB.get(j).type().kind());
            }
        }
        return new TablePair(a, b, names, ints(ia), ints(ib), kinds.toArray(TypeKind[]::new), key(b, names), convert);
    }

    /** The column of {@code columns} named {@code name}: exactly, or else ignoring case. */
    static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    static Optional<Column> column(Table t, String name) {
        int i = indexOf(t.columns(), name);
        return i < 0 ? Optional.empty() : Optional.of(t.columns().get(i));
    }

    private static int[] key(Table b, List<String> names) {
        if (b.primaryKey() != null && names.containsAll(b.primaryKey().columns())) {
            return b.primaryKey().columns().stream().mapToInt(names::indexOf).toArray();
        }
        int[] all = new int[names.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
