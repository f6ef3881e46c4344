package dev.ferry.bench.data;

/**
 * One column: its type and the template that computes its value from the row number (see
 * {@link Templates} for the placeholders). {@code length} applies to VARCHAR only.
 */
public record BenchColumn(String name, ColumnType type, int length, boolean nullable, String template) {

    static BenchColumn of(String name, ColumnType type, String template) {
        return new BenchColumn(name, type, 0, false, template);
    }

    static BenchColumn nullable(String name, ColumnType type, String template) {
        return new BenchColumn(name, type, 0, true, template);
    }

    static BenchColumn varchar(String name, int length, boolean nullable, String template) {
        return new BenchColumn(name, ColumnType.VARCHAR, length, nullable, template);
    }
}
