package dev.ferry.migrate.set;

/** How a migration is written, as recorded in the history's {@code kind} column. */
public enum MigrationKind {
    /** A SQL script ({@code .sql}). */
    SQL,
    /** Portable schema changes ({@code .ops}), spelled per engine by Ferry. */
    OPS,
    /** A {@link dev.ferry.migrate.JavaMigration}. */
    JAVA
}
