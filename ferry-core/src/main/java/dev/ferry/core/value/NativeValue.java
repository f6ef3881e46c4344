package dev.ferry.core.value;

import java.util.Objects;

/**
 * A value of a type Ferry has no portable form for (PostgreSQL inet, tsvector, ranges, geometry...):
 * the engine's text form and its type name. It restores exactly into the same engine.
 */
public record NativeValue(String type, String text) {
    public NativeValue {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }
}
