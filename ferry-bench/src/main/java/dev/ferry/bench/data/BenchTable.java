package dev.ferry.bench.data;

import java.util.List;

/**
 * One table of the dataset. Its size is {@code share} of the dataset's total rows (at least
 * {@code minimum}); {@code sameRowsAs} ties a table's count to another (one-to-one tables).
 * The first column is the primary key.
 */
public record BenchTable(String name, double share, long minimum, String sameRowsAs, List<BenchColumn> columns,
                         List<Reference> references, List<IndexDef> indexes) {

    /** A foreign key from {@code column} to the parent's primary key. */
    public record Reference(String column, String parent) {
    }

    /** A secondary index (created after the load). */
    public record IndexDef(String name, boolean unique, List<String> columns) {
    }

    public String primaryKey() {
        return columns.get(0).name();
    }
}
