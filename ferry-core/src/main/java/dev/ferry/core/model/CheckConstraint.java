package dev.ferry.core.model;

/** A check constraint; {@code expression} is the engine's own text of the condition. */
public record CheckConstraint(String name, String expression) {
}
