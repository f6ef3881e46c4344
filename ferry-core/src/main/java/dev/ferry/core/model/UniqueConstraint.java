package dev.ferry.core.model;

import java.util.List;

/** A unique constraint (as opposed to a unique index, which is an {@link Index}). */
public record UniqueConstraint(String name, List<String> columns) {
    public UniqueConstraint {
        columns = List.copyOf(columns);
    }
}
