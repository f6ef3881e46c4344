package dev.ferry.dialect.sqlite;

import dev.ferry.core.model.DataType;
import dev.ferry.core.model.TypeKind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a declared SQLite column type to a portable kind: common names first (BOOLEAN, DATETIME,
 * JSON, UUID, DECIMAL(p,s), VARCHAR(n)), then SQLite's own affinity rules. The declared text is kept
 * verbatim as the native type (it may be empty).
 */
final class SqliteTypes {
    private static final Pattern PARAMS = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    private SqliteTypes() {
    }

    static DataType map(String declared) {
        String d = declared == null ? "" : declared.trim().toUpperCase(Locale.ROOT);
        Matcher m = PARAMS.matcher(d);
        Integer first = m.find() ? Integer.valueOf(m.group(1)) : null;
        Integer second = first != null && m.group(2) != null ? Integer.valueOf(m.group(2)) : null;
        TypeKind kind = kind(d);
        DataType type = DataType.of(kind, declared == null ? "" : declared);
        if (kind == TypeKind.DECIMAL) {
            return type.withPrecision(first, second);
        }
        if (kind == TypeKind.VARCHAR || kind == TypeKind.CHAR) {
            return type.withLength(first);
        }
        return type;
    }

    private static TypeKind kind(String d) {
        if (d.startsWith("BOOL")) {
            return TypeKind.BOOLEAN;
        }
        if (d.startsWith("TIMESTAMPTZ") || d.startsWith("TIMESTAMP WITH TIME ZONE")) {
            return TypeKind.TIMESTAMP_TZ;
        }
        if (d.startsWith("DATETIME") || d.startsWith("TIMESTAMP")) {
            return TypeKind.TIMESTAMP;
        }
        if (d.equals("TIMETZ") || d.equals("TIME WITH TIME ZONE")) {
            return TypeKind.TIME_TZ;
        }
        if (d.equals("INTERVAL")) {
            return TypeKind.INTERVAL;
        }
        if (d.equals("DATE")) {
            return TypeKind.DATE;
        }
        if (d.equals("TIME")) {
            return TypeKind.TIME;
        }
        if (d.startsWith("JSON")) {
            return TypeKind.JSON;
        }
        if (d.startsWith("UUID")) {
            return TypeKind.UUID;
        }
        if (d.startsWith("DECIMAL") || d.startsWith("NUMERIC")) {
            return TypeKind.DECIMAL;
        }
        return affinity(d);
    }

    /** SQLite's affinity rules (https://sqlite.org/datatype3.html, section 3.1). */
    private static TypeKind affinity(String d) {
        if (d.contains("INT")) {
            return TypeKind.BIGINT;
        }
        if (d.contains("CHAR") || d.contains("CLOB") || d.contains("TEXT")) {
            return d.startsWith("VARCHAR") || d.startsWith("NVARCHAR") || d.startsWith("CHARACTER VARYING")
                    ? TypeKind.VARCHAR : d.startsWith("CHAR") || d.startsWith("NCHAR") ? TypeKind.CHAR : TypeKind.TEXT;
        }
        if (d.isEmpty() || d.contains("BLOB")) {
            return TypeKind.BLOB;
        }
        if (d.contains("REAL") || d.contains("FLOA") || d.contains("DOUB")) {
            return TypeKind.DOUBLE;
        }
        return TypeKind.DECIMAL;
    }
}
