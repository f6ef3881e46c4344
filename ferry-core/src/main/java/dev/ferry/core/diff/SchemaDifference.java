package dev.ferry.core.diff;

import dev.ferry.core.model.QualifiedName;

/**
 * One way a live schema differs from the expected one.
 *
 * @param table    the table concerned (for views: the view)
 * @param object   the column, index or constraint name; null for a whole table or view
 * @param expected how the expected schema has it (a type, "NOT NULL", an index definition), or null if absent there
 * @param actual   how the live schema has it, or null if absent there
 */
public record SchemaDifference(Kind kind, QualifiedName table, String object, String expected, String actual) {

    /** What differs. MISSING_* are in the expected schema only; EXTRA_* in the live one only. */
    public enum Kind {
        MISSING_TABLE, EXTRA_TABLE, MISSING_COLUMN, EXTRA_COLUMN, COLUMN_TYPE, COLUMN_NULLABILITY, COLUMN_DEFAULT,
        MISSING_PRIMARY_KEY, PRIMARY_KEY, MISSING_INDEX, EXTRA_INDEX, MISSING_FOREIGN_KEY, EXTRA_FOREIGN_KEY,
        MISSING_UNIQUE, EXTRA_UNIQUE, MISSING_CHECK, EXTRA_CHECK, MISSING_VIEW, EXTRA_VIEW, VIEW_DEFINITION
    }

    /** A readable line, e.g. "missing column items.destination (VARCHAR(100))". */
    public String describe() {
        String where = table + (object == null ? "" : "." + object);
        String words = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return switch (kind) {
            case COLUMN_TYPE -> "column " + where + " has type " + actual + ", expected " + expected;
            case COLUMN_NULLABILITY -> "column " + where + " is " + actual + ", expected " + expected;
            case COLUMN_DEFAULT -> "column " + where + " has default " + actual + ", expected " + expected;
            case PRIMARY_KEY -> "primary key of " + table + " is " + actual + ", expected " + expected;
            case VIEW_DEFINITION -> "view " + table + " has a different definition";
            default -> words + " " + where + (expected != null ? " (" + expected + ")" : actual != null ? " (" + actual + ")" : "");
        };
    }
}
