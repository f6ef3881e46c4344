package dev.ferry.ops;

import dev.ferry.core.model.QualifiedName;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of a comparison: schema differences (tables or columns on one side only; type
 * differences between two databases of one engine) and, per table found on both sides, row counts
 * and content hashes, with the first differing rows when asked for. Equal when there is nothing in
 * {@link #schemaDifferences()} and every table matches.
 *
 * @param notes what was compared how (types compared as another kind across engines...), not differences
 */
public record DiffResult(String a, String b, String engineA, String engineB, List<String> schemaDifferences,
                         List<TableComparison> tables, List<String> notes, Duration elapsed) {
    public DiffResult {
        schemaDifferences = List.copyOf(schemaDifferences);
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }

    public boolean equal() {
        return schemaDifferences.isEmpty() && tables.stream().allMatch(TableComparison::equal);
    }

    /** One table on both sides: the proof of each, and differing rows (first few) when they were looked for. */
    public record TableComparison(QualifiedName nameA, QualifiedName nameB, long rowsA, long rowsB, String hashA,
                                  String hashB, List<RowDifference> rowDifferences) {
        public TableComparison {
            rowDifferences = List.copyOf(rowDifferences);
        }

        public boolean equal() {
            return rowsA == rowsB && hashA.equals(hashB);
        }
    }

    /**
     * A row that differs: present only on one side, or on both with different values.
     *
     * @param key     the key columns and values, e.g. {@code id=5}
     * @param where   {@code only in A}, {@code only in B} or {@code differs}
     * @param columns for {@code differs}: the columns whose values differ, with both values
     */
    public record RowDifference(String key, String where, List<String> columns) {
        public RowDifference {
            columns = List.copyOf(columns);
        }
    }
}
