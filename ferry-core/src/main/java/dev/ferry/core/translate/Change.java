package dev.ferry.core.translate;

/**
 * One thing a cross-engine restore does differently from the source, for the restore summary.
 *
 * @param object the table, column, index... it concerns, e.g. {@code orders.status}
 */
public record Change(Kind kind, String object, String detail) {

    /** What sort of change. */
    public enum Kind {
        /** Values are stored in another representation (all of them still exactly): --strict refuses these. */
        REPRESENTATION,
        /** A name was changed to fit the target's rules. */
        RENAMED,
        /** Something that could not be created in the target: a view, trigger, function, check, index... */
        NOT_CARRIED,
        /** Worth knowing, changes nothing about the data. */
        INFO
    }

    @Override
    public String toString() {
        return object + ": " + detail;
    }
}
