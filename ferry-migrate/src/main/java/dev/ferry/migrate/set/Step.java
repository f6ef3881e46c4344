package dev.ferry.migrate.set;

/**
 * One direction of a migration (apply or undo): a script's text, or a Java class to run.
 *
 * @param script   where it came from, for messages and the history: {@code core/V3__add_destination.sql}
 * @param text     the script text (BOM removed), for SQL and OPS; null for JAVA
 * @param checksum SHA-256 of the text with line endings normalised; a Java migration's own, or null
 */
public record Step(MigrationKind kind, String script, String text, String javaClass, String checksum) {
}
