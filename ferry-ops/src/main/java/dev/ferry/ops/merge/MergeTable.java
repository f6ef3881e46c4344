package dev.ferry.ops.merge;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * One archive table as it lands in its target table: the target's column for each archive column, the
 * target's primary key and generated key, its unique keys and its foreign keys (the target's: they are
 * what the target enforces), all as positions in the archive's row. Internal.
 */
final class MergeTable {
    final Table archive;
    final Table target;
    final List<Column> columns;
    final int[] key;
    final int generated;
    final List<int[]> uniques = new ArrayList<>();
    final List<Reference> references = new ArrayList<>();
    int[] match;

    /** A foreign key of the target table, with the positions of its columns in the archive row. */
    record Reference(ForeignKey fk, int[] positions, Table parent, boolean deferred) {
        java.util.stream.IntStream positionsStream() {
            return java.util.Arrays.stream(positions);
        }

        String describe(Table child) {
            return child.name() + "." + String.join(",", fk.columns()) + " → " + parent.name() + "("
                    + String.join(",", fk.referencedColumns()) + ")";
        }
    }

    MergeTable(Table archive, Table target) {
        this.archive = archive;
        this.target = target;
        this.columns = archive.loadedColumns().stream().map(c -> target.column(c.name()).orElseThrow(() ->
                new FerryException(ErrorCode.MERGE_REFUSED, "Cannot merge table " + archive.name() + ": the target's table"
                        + " has no column " + c.name() + "; bring the target's schema to the archive's version first."
                        + " Nothing was written."))).toList();
        this.key = target.primaryKey() == null ? null : positions(target.primaryKey().columns());
        this.generated = generatedKey();
        if (key != null && generated < 0) {
            uniques.add(key);
        }
        target.uniques().forEach(u -> {
            int[] p = positions(u.columns());
            if (!contains(p, generated)) {
                uniques.add(p);
            }
        });
    }

    /** The position of the single-column primary key the target generates, or -1. */
    private int generatedKey() {
        if (key == null || key.length != 1) {
            return -1;
        }
        return columns.get(key[0]).identity() != null ? key[0] : -1;
    }

    void addReference(ForeignKey fk, Table parent, boolean deferred) {
        references.add(new Reference(fk, positions(fk.columns()), parent, deferred));
    }

    /** Positions of target columns in the archive row; a FerryException if the archive lacks one. */
    int[] positions(List<String> names) {
        int[] out = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            out[i] = -1;
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).name().equals(names.get(i))) {
                    out[i] = c;
                }
            }
            if (out[i] < 0) {
                throw new FerryException(ErrorCode.MERGE_REFUSED, "Cannot merge table " + archive.name() + ": the archive"
                        + " has no column " + names.get(i) + ", which the target's table uses as a key. Nothing was written.");
            }
        }
        return out;
    }

    List<Column> columnsAt(int[] positions) {
        List<Column> out = new ArrayList<>();
        for (int p : positions) {
            out.add(columns.get(p));
        }
        return out;
    }

    List<String> namesAt(int[] positions) {
        return columnsAt(positions).stream().map(Column::name).toList();
    }

    static boolean contains(int[] positions, int p) {
        for (int x : positions) {
            if (x == p) {
                return true;
            }
        }
        return false;
    }
}
