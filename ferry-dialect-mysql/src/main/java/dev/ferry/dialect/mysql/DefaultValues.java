package dev.ferry.dialect.mysql;

import dev.ferry.core.model.TypeKind;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Column defaults as DDL text. MariaDB (10.2.7+) reports COLUMN_DEFAULT as an SQL expression
 * ({@code 'abc'}, {@code 0}, {@code current_timestamp(6)}, the word {@code NULL}); MySQL reports the
 * bare literal and marks expressions with DEFAULT_GENERATED in EXTRA. Both become the expression a
 * CREATE TABLE needs after DEFAULT, or null for no default / DEFAULT NULL.
 */
final class DefaultValues {
    /** Table option key prefix for a column's ON UPDATE clause: {@code on_update.<column>}. */
    static final String ON_UPDATE_PREFIX = "on_update.";

    private static final Pattern ON_UPDATE = Pattern.compile("(?i)on update (.+)$");
    private static final Set<TypeKind> NUMERIC = Set.of(TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT,
            TypeKind.DECIMAL, TypeKind.REAL, TypeKind.DOUBLE, TypeKind.BOOLEAN);

    private DefaultValues() {
    }

    static String normalize(String columnDefault, String extra, TypeKind kind, boolean mariadb) {
        if (columnDefault == null) {
            return null;
        }
        if (mariadb) {
            return columnDefault.equals("NULL") ? null : columnDefault;
        }
        return mysql(columnDefault, extra == null ? "" : extra, kind);
    }

    private static String mysql(String raw, String extra, TypeKind kind) {
        if (extra.toUpperCase(Locale.ROOT).contains("DEFAULT_GENERATED")) {
            return raw.toUpperCase(Locale.ROOT).startsWith("CURRENT_TIMESTAMP") ? raw : "(" + raw + ")";
        }
        if (NUMERIC.contains(kind) || raw.startsWith("b'")) {
            return raw;
        }
        return Sql.literal(raw);
    }

    /** The ON UPDATE expression in a column's EXTRA, e.g. {@code current_timestamp(6)}, or null. */
    static String onUpdate(String extra) {
        Matcher m = ON_UPDATE.matcher(extra == null ? "" : extra.trim());
        return m.find() ? m.group(1).trim() : null;
    }
}
