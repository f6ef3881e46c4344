package dev.ferry.core.translate;

import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.TypeKind;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A schema made ready for a target: the schema to create there, how each source table's rows map
 * onto a target table, and the changes the user is told about. An {@link #identity} translation (same
 * engine) creates the source schema as it is and passes rows through untouched.
 *
 * @param converting whether rows must go through {@link RowConverter} (false for the same engine)
 */
public record Translation(Schema target, List<TableMapping> tables, List<Change> changes, boolean converting) {
    public Translation {
        tables = List.copyOf(tables);
        changes = List.copyOf(changes);
    }

    /** The same engine: everything as it is. */
    public static Translation identity(Schema schema) {
        List<TableMapping> tables = schema.tables().stream().map(TableMapping::identity).toList();
        return new Translation(schema, tables, List.of(), false);
    }

    /** The mapping of a source table, by source name. */
    public TableMapping forSource(QualifiedName source) {
        return bySource().get(source);
    }

    public Map<QualifiedName, TableMapping> bySource() {
        return tables.stream().collect(Collectors.toMap(m -> m.source().name(), Function.identity()));
    }

    public List<Change> changes(Change.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    /**
     * How one source table's rows reach its target table.
     *
     * @param kinds         per target loaded column, the kind its values are converted to and compared in;
     *                      null for a column whose values pass through as they are
     * @param sourceColumns per target loaded column, the index of the source loaded column it takes
     */
    public record TableMapping(Table source, Table target, List<TypeKind> kinds, int[] sourceColumns) {
        public TableMapping {
            kinds = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(kinds));
            sourceColumns = sourceColumns.clone();
        }

        static TableMapping identity(Table table) {
            int n = table.loadedColumns().size();
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return new TableMapping(table, table, table.loadedColumns().stream().map(c -> c.type().kind()).toList(), all);
        }

        @Override
        public int[] sourceColumns() {
            return sourceColumns.clone();
        }
    }
}
