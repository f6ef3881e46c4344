package dev.ferry.core.model;

import java.util.List;

/** A foreign key from {@code columns} of the owning table to {@code referencedColumns} of {@code referencedTable}. */
public record ForeignKey(String name, List<String> columns, QualifiedName referencedTable, List<String> referencedColumns,
                         ReferentialAction onDelete, ReferentialAction onUpdate, boolean deferrable,
                         boolean initiallyDeferred) {
    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
        onUpdate = onUpdate == null ? ReferentialAction.NO_ACTION : onUpdate;
    }
}
