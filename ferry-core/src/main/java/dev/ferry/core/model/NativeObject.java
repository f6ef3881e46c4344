package dev.ferry.core.model;

/**
 * An engine-specific object Ferry carries as DDL text only: functions, procedures, triggers,
 * domains, extensions. A same-engine restore replays {@code definition} after the data, in list
 * order; a cross-engine restore lists them as not carried over.
 *
 * @param kind e.g. {@code function}, {@code trigger}, {@code extension}
 */
public record NativeObject(String kind, QualifiedName name, String definition) {
}
