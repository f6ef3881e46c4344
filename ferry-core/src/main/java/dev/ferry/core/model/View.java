package dev.ferry.core.model;

import java.util.Map;

/**
 * A view; {@code definition} is the engine's query text (the part after AS). Views are listed in an
 * order where each view comes after the views it reads from.
 *
 * @param options engine-specific details kept for a same-engine restore (e.g. SQLite's original
 *                {@code create_sql}); other engines ignore them
 */
public record View(QualifiedName name, String definition, boolean materialized, Map<String, String> options) {
    public View {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public View(QualifiedName name, String definition, boolean materialized) {
        this(name, definition, materialized, Map.of());
    }
}
