package dev.ferry.dialect.postgres.introspect;

import dev.ferry.core.model.DataType;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.TypeKind;
import java.util.List;
import java.util.Map;

/**
 * A column type as pg_catalog describes it, and its portable {@link DataType}.
 *
 * @param nativeType  format_type() under an empty search_path: schema-qualified where not pg_catalog
 * @param schema      the type's schema
 * @param name        pg_type.typname ({@code int4}, {@code _text}, {@code mood})
 * @param typtype     b base, e enum, d domain, r range, c composite...
 * @param typmod      atttypmod (-1 when none)
 * @param element     the element type of an array type, or null
 */
public record PgType(String nativeType, String schema, String name, char typtype, int typmod, PgType element) {
    private static final int VARHDRSZ = 4;
    private static final Map<String, TypeKind> BUILTIN = Map.ofEntries(
            Map.entry("bool", TypeKind.BOOLEAN), Map.entry("int2", TypeKind.SMALLINT),
            Map.entry("int4", TypeKind.INTEGER), Map.entry("int8", TypeKind.BIGINT),
            Map.entry("numeric", TypeKind.DECIMAL), Map.entry("float4", TypeKind.REAL),
            Map.entry("float8", TypeKind.DOUBLE), Map.entry("bpchar", TypeKind.CHAR),
            Map.entry("varchar", TypeKind.VARCHAR), Map.entry("text", TypeKind.TEXT),
            Map.entry("name", TypeKind.TEXT), Map.entry("bytea", TypeKind.BLOB),
            Map.entry("date", TypeKind.DATE), Map.entry("time", TypeKind.TIME),
            Map.entry("timetz", TypeKind.TIME_TZ), Map.entry("timestamp", TypeKind.TIMESTAMP),
            Map.entry("timestamptz", TypeKind.TIMESTAMP_TZ), Map.entry("interval", TypeKind.INTERVAL),
            Map.entry("uuid", TypeKind.UUID), Map.entry("json", TypeKind.JSON), Map.entry("jsonb", TypeKind.JSON),
            Map.entry("bit", TypeKind.BIT), Map.entry("varbit", TypeKind.BIT));

    /** The portable type; {@code enumLabels} gives the labels of enum types by qualified name. */
    public DataType toDataType(Map<QualifiedName, List<String>> enumLabels) {
        if (element != null) {
            DataType elementType = element.toDataType(enumLabels);
            if (elementType.kind() == TypeKind.NATIVE) {
                return DataType.of(TypeKind.NATIVE, nativeType);
            }
            return DataType.of(TypeKind.ARRAY, nativeType).withElement(elementType);
        }
        if (typtype == 'e') {
            QualifiedName enumName = new QualifiedName(schema, name);
            return DataType.of(TypeKind.ENUM, nativeType).withEnum(enumName, enumLabels.getOrDefault(enumName, List.of()));
        }
        TypeKind kind = kind();
        DataType base = DataType.of(kind, nativeType);
        return switch (kind) {
            case CHAR, VARCHAR -> base.withLength(typmod >= VARHDRSZ ? typmod - VARHDRSZ : null);
            case BIT -> base.withLength(typmod >= 0 ? typmod : null);
            case DECIMAL -> typmod >= VARHDRSZ ? base.withPrecision(numericPrecision(), numericScale()) : base;
            case TIME, TIME_TZ, TIMESTAMP, TIMESTAMP_TZ -> base.withPrecision(typmod >= 0 ? typmod : null, null);
            default -> base;
        };
    }

    private TypeKind kind() {
        if (typtype != 'b') {
            return TypeKind.NATIVE;
        }
        if ("pg_catalog".equals(schema)) {
            return BUILTIN.getOrDefault(name, TypeKind.NATIVE);
        }
        return "citext".equals(name) ? TypeKind.TEXT : TypeKind.NATIVE;
    }

    private int numericPrecision() {
        return ((typmod - VARHDRSZ) >> 16) & 0xffff;
    }

    /** PostgreSQL 15 allows negative scales: an 11-bit signed field. */
    private int numericScale() {
        return (((typmod - VARHDRSZ) & 0x7ff) ^ 1024) - 1024;
    }
}
