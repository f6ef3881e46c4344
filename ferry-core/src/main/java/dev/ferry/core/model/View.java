package dev.ferry.core.model;

/**
 * A view; {@code definition} is the engine's query text (the part after AS). Views are listed in an
 * order where each view comes after the views it reads from.
 */
public record View(QualifiedName name, String definition, boolean materialized) {
}
