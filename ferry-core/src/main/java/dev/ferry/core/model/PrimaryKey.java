package dev.ferry.core.model;

import java.util.List;

/** A primary key; {@code name} may be null where the engine does not name it. */
public record PrimaryKey(String name, List<String> columns) {
    public PrimaryKey {
        columns = List.copyOf(columns);
    }
}
