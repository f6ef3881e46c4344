package dev.ferry.dialect.mysql;

import dev.ferry.core.model.DataType;
import dev.ferry.core.model.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps information_schema's DATA_TYPE / COLUMN_TYPE to the portable model. {@code nativeType} is
 * COLUMN_TYPE verbatim ({@code int(10) unsigned}, {@code enum('a','b')}), so a same-engine restore
 * writes exactly what the source had. TINYINT(1) stays a small integer: it can hold 2 or -1.
 */
final class MysqlTypes {
    static final Set<String> GEOMETRY = Set.of("geometry", "point", "linestring", "polygon", "multipoint",
            "multilinestring", "multipolygon", "geometrycollection");

    private MysqlTypes() {
    }

    /** The facts information_schema.COLUMNS gives about a column's type. */
    record Facts(String dataType, String columnType, Long charLength, Long precision, Long scale, Long datetimePrecision) {
        String base() {
            return dataType.toLowerCase(Locale.ROOT);
        }

        boolean unsigned() {
            return columnType.toLowerCase(Locale.ROOT).contains("unsigned");
        }
    }

    static DataType map(Facts f) {
        DataType t = DataType.of(kind(f), f.columnType());
        return switch (t.kind()) {
            case DECIMAL -> t.withPrecision(toInt(f.precision()), toInt(f.scale())).withUnsigned(f.unsigned());
            case SMALLINT, INTEGER, BIGINT, REAL, DOUBLE -> t.withUnsigned(f.unsigned());
            case CHAR, VARCHAR, BINARY, VARBINARY -> t.withLength(toInt(f.charLength()));
            case BIT -> t.withLength(toInt(f.precision()));
            case TIME, TIMESTAMP, TIMESTAMP_TZ -> t.withPrecision(toInt(f.datetimePrecision()), null);
            case ENUM -> t.withEnum(null, labels(f.columnType()));
            case TEXT -> f.base().equals("set") ? t.withEnum(null, labels(f.columnType())) : t;
            default -> t;
        };
    }

    /** The JSON type of a MariaDB LONGTEXT column guarded by json_valid(). */
    static DataType json() {
        return DataType.of(TypeKind.JSON, "json");
    }

    private static TypeKind kind(Facts f) {
        String base = f.base();
        return switch (base) {
            case "tinyint", "year" -> TypeKind.SMALLINT;
            case "smallint" -> f.unsigned() ? TypeKind.INTEGER : TypeKind.SMALLINT;
            case "mediumint" -> TypeKind.INTEGER;
            case "int", "integer" -> f.unsigned() ? TypeKind.BIGINT : TypeKind.INTEGER;
            case "bigint" -> TypeKind.BIGINT;
            case "decimal", "numeric" -> TypeKind.DECIMAL;
            case "float" -> TypeKind.REAL;
            case "double", "real", "double precision" -> TypeKind.DOUBLE;
            default -> textOrBinaryKind(base);
        };
    }

    private static TypeKind textOrBinaryKind(String base) {
        return switch (base) {
            case "char" -> TypeKind.CHAR;
            case "varchar" -> TypeKind.VARCHAR;
            case "tinytext", "text", "mediumtext", "longtext", "set" -> TypeKind.TEXT;
            case "binary" -> TypeKind.BINARY;
            case "varbinary" -> TypeKind.VARBINARY;
            case "tinyblob", "blob", "mediumblob", "longblob" -> TypeKind.BLOB;
            default -> temporalOrOtherKind(base);
        };
    }

    private static TypeKind temporalOrOtherKind(String base) {
        return switch (base) {
            case "date" -> TypeKind.DATE;
            case "time" -> TypeKind.TIME;
            case "datetime" -> TypeKind.TIMESTAMP;
            case "timestamp" -> TypeKind.TIMESTAMP_TZ;
            case "enum" -> TypeKind.ENUM;
            case "bit" -> TypeKind.BIT;
            case "json" -> TypeKind.JSON;
            case "uuid" -> TypeKind.UUID;
            default -> TypeKind.NATIVE;
        };
    }

    /** The labels of {@code enum('a','b''c')} or {@code set(...)}, unescaped. */
    static List<String> labels(String columnType) {
        List<String> labels = new ArrayList<>();
        int open = columnType.indexOf('(');
        int i = open + 1;
        while (i > 0 && i < columnType.length() && columnType.charAt(i) == '\'') {
            StringBuilder label = new StringBuilder();
            i++;
            while (i < columnType.length()) {
                char c = columnType.charAt(i);
                if (c == '\'' && i + 1 < columnType.length() && columnType.charAt(i + 1) == '\'') {
                    label.append('\'');
                    i += 2;
                } else if (c == '\\' && i + 1 < columnType.length()) {
                    label.append(columnType.charAt(i + 1));
                    i += 2;
                } else if (c == '\'') {
                    i++;
                    break;
                } else {
                    label.append(c);
                    i++;
                }
            }
            labels.add(label.toString());
            i++; // skip ',' or ')'
        }
        return labels;
    }

    private static Integer toInt(Long v) {
        return v == null ? null : Math.toIntExact(v);
    }
}
