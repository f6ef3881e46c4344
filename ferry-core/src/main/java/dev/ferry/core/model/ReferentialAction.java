package dev.ferry.core.model;

/** What a foreign key does when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
    NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT;

    /** The SQL spelling, e.g. {@code SET NULL}. */
    public String sql() {
        return name().replace('_', ' ');
    }

    /** Parses the SQL spelling used by information_schema and PRAGMA foreign_key_list. */
    public static ReferentialAction fromSql(String sql) {
        if (sql == null || sql.isBlank()) {
            return NO_ACTION;
        }
        return valueOf(sql.trim().toUpperCase(java.util.Locale.ROOT).replace(' ', '_'));
    }
}
