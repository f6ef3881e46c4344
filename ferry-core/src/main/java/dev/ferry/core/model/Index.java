package dev.ferry.core.model;

import java.util.List;

/**
 * A secondary index (not the one backing the primary key or a unique constraint).
 *
 * @param parts      the indexed columns or expressions, in order
 * @param method     the access method where the engine has several (btree, gin, hash), or null
 * @param predicate  the WHERE clause of a partial index, or null
 * @param definition the engine's full CREATE INDEX statement, for an exact same-engine restore; may be null
 */
public record Index(String name, boolean unique, List<Part> parts, String method, String predicate, String definition) {
    public Index {
        parts = List.copyOf(parts);
    }

    /** One key part: a column name, or an expression when {@code expression} is true. */
    public record Part(String column, boolean expression, boolean descending) {
        public static Part column(String name) {
            return new Part(name, false, false);
        }
    }
}
