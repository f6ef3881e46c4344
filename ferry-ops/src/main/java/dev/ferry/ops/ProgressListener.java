package dev.ferry.ops;

import dev.ferry.core.model.QualifiedName;

/**
 * Receives progress of a long operation. Called from worker threads concurrently: implementations
 * must be thread-safe. Every method has a no-op default.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
    };

    /** A phase begins, e.g. "Reading schema", "Loading data", "Proving". {@code totalRows} may be an estimate or 0. */
    default void phase(String name, long totalTables, long totalRows) {
    }

    default void tableStarted(QualifiedName table) {
    }

    /** {@code rows} more rows moved (batched: called every few thousand rows, not per row). */
    default void rows(QualifiedName table, long rows) {
    }

    default void tableFinished(QualifiedName table, long rows, long bytes) {
    }

    /** Something the user should know that is not an error ("SQLite: one snapshot connection"). */
    default void note(String message) {
    }

    /** The operation ended, successfully or not. */
    default void done() {
    }
}
