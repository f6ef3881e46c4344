package dev.ferry.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A table with its columns and constraints.
 *
 * @param options       engine-specific table options kept for a same-engine restore, e.g.
 *                      {@code engine=InnoDB}, {@code charset=utf8mb4}, {@code without_rowid=true};
 *                      other engines ignore them
 * @param estimatedRows the engine's row estimate at introspection time, used only for scheduling and
 *                      progress; never trusted as a count
 */
public record Table(QualifiedName name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniques,
                    List<ForeignKey> foreignKeys, List<Index> indexes, List<CheckConstraint> checks,
                    Map<String, String> options, String comment, long estimatedRows) {
    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        uniques = uniques == null ? List.of() : List.copyOf(uniques);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        checks = checks == null ? List.of() : List.copyOf(checks);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The columns whose values are stored in the archive, in archive order (computed columns excluded). */
    public List<Column> loadedColumns() {
        return columns.stream().filter(Column::isLoaded).toList();
    }
}
