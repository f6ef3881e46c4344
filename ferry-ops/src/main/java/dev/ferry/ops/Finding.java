package dev.ferry.ops;

/**
 * One line of a preflight report: what was found before writing, and whether it stops the restore.
 *
 * @param blocking the restore does not start while this holds
 * @param object   the table, column or module concerned
 */
public record Finding(boolean blocking, String object, String detail) {
    static Finding block(String object, String detail) {
        return new Finding(true, object, detail);
    }

    static Finding note(String object, String detail) {
        return new Finding(false, object, detail);
    }

    @Override
    public String toString() {
        return (blocking ? "BLOCKING " : "note     ") + object + ": " + detail;
    }
}
