package dev.ferry.dialect.postgres.restore;

import dev.ferry.core.convert.TextForms;
import dev.ferry.core.model.DataType;
import dev.ferry.core.model.Identity;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.profile.ValueClass;
import dev.ferry.core.translate.ColumnRequest;
import dev.ferry.core.translate.MappedType;
import dev.ferry.core.translate.NamedKind;
import dev.ferry.core.translate.PortableDefault;
import dev.ferry.core.translate.TargetRules;
import dev.ferry.dialect.postgres.Sql;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How PostgreSQL receives a schema from another engine (docs/TYPE-MAPPING.md): it has a type for
 * nearly every portable kind, so most columns keep their kind. Unsigned integers get a CHECK that
 * keeps their range; MariaDB's inline enums become enum types; JSON becomes jsonb. Identifiers are
 * limited to 63 bytes; relation, sequence and type names share one namespace per schema.
 */
public final class PostgresTargetRules implements TargetRules {
    private static final int MAX_IDENTIFIER_BYTES = 63;
    private static final Set<NamedKind> SCHEMA_WIDE = EnumSet.of(NamedKind.TABLE, NamedKind.INDEX, NamedKind.UNIQUE,
            NamedKind.PRIMARY_KEY, NamedKind.SEQUENCE, NamedKind.ENUM_TYPE);

    @Override
    public String engine() {
        return "postgresql";
    }

    @Override
    public MappedType mapType(ColumnRequest r) {
        DataType t = r.type();
        return switch (t.kind()) {
            case BOOLEAN -> same(t, "boolean");
            case SMALLINT -> unsigned(t, "smallint", r);
            case INTEGER -> unsigned(t, "integer", r);
            case BIGINT -> t.unsigned() ? unsignedBigint(r) : same(t, "bigint");
            case DECIMAL -> decimal(t, r);
            case REAL -> same(t, "real");
            case DOUBLE -> same(t, "double precision");
            default -> mapText(t);
        };
    }

    private MappedType mapText(DataType t) {
        return switch (t.kind()) {
            case CHAR -> t.length() == null ? kind(TypeKind.TEXT, "text") : same(t, "character(" + t.length() + ")");
            case VARCHAR -> same(t, t.length() == null ? "character varying" : "character varying(" + t.length() + ")");
            case TEXT -> same(t, "text");
            case BINARY, VARBINARY, BLOB -> kind(TypeKind.BLOB, "bytea");
            default -> mapTemporal(t);
        };
    }

    private MappedType mapTemporal(DataType t) {
        String p = t.precision() == null ? "" : "(" + Math.min(6, t.precision()) + ")";
        return switch (t.kind()) {
            case DATE -> same(t, "date");
            case TIME -> same(t, "time" + p + " without time zone");
            case TIME_TZ -> same(t, "time" + p + " with time zone");
            case TIMESTAMP -> same(t, "timestamp" + p + " without time zone");
            case TIMESTAMP_TZ -> same(t, "timestamp" + p + " with time zone");
            case INTERVAL -> same(t, "interval");
            default -> mapOther(t);
        };
    }

    private MappedType mapOther(DataType t) {
        return switch (t.kind()) {
            case UUID -> same(t, "uuid");
            case JSON -> same(t, "jsonb");
            case ENUM -> t.labels().isEmpty() ? kind(TypeKind.TEXT, "text")
                    : MappedType.of(DataType.of(TypeKind.ENUM, "enum").withEnum(QualifiedName.of("enum"), t.labels()))
                    .withNote("inline enum created as an enum type");
            case BIT -> same(t, t.length() == null ? "bit varying" : "bit(" + t.length() + ")");
            case ARRAY -> kind(TypeKind.JSON, "jsonb").withNote("array stored as a JSON array");
            default -> kind(TypeKind.TEXT, "text");
        };
    }

    private MappedType unsigned(DataType t, String type, ColumnRequest r) {
        MappedType m = same(t, type);
        return t.unsigned() ? m.withCheck(Sql.quote(r.column().name()) + " >= 0") : m;
    }

    /** Unsigned 64-bit values beyond bigint (seen in the profile, or unknown) need numeric(20,0). */
    private MappedType unsignedBigint(ColumnRequest r) {
        if (r.profile() != null && !r.profile().holds(ValueClass.BIG_INTEGER)) {
            return kind(TypeKind.BIGINT, "bigint").withCheck(Sql.quote(r.column().name()) + " >= 0");
        }
        return kind(TypeKind.DECIMAL, "numeric(20,0)")
                .withCheck(Sql.quote(r.column().name()) + " BETWEEN 0 AND 18446744073709551615")
                .withNote("bigint unsigned stored as numeric(20,0) with a range check");
    }

    private MappedType decimal(DataType t, ColumnRequest r) {
        String type = t.precision() == null ? "numeric"
                : "numeric(" + t.precision() + "," + (t.scale() == null ? 0 : t.scale()) + ")";
        MappedType m = MappedType.of(DataType.of(TypeKind.DECIMAL, type).withPrecision(t.precision(), t.scale()));
        return t.unsigned() ? m.withCheck(Sql.quote(r.column().name()) + " >= 0") : m;
    }

    private static MappedType same(DataType source, String nativeType) {
        return MappedType.of(new DataType(source.kind(), nativeType, source.length(), source.precision(), source.scale(),
                false, null, null, source.labels()));
    }

    private static MappedType kind(TypeKind kind, String nativeType) {
        return MappedType.of(DataType.of(kind, nativeType));
    }

    @Override
    public boolean fitsIdentifier(String identifier) {
        return identifier.getBytes(StandardCharsets.UTF_8).length <= MAX_IDENTIFIER_BYTES && identifier.indexOf('\0') < 0;
    }

    @Override
    public NamedKind.Scope scopeOf(NamedKind kind) {
        return SCHEMA_WIDE.contains(kind) ? NamedKind.Scope.NAMESPACE : NamedKind.Scope.TABLE;
    }

    @Override
    public Identity identity(Identity source, DataType target, boolean soleKey) {
        if (!EnumSet.of(TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT).contains(target.kind())) {
            return null;
        }
        return new Identity(Identity.Generation.BY_DEFAULT, null, source.start(), source.increment(), source.nextValue());
    }

    @Override
    public boolean supportsSequences() {
        return true;
    }

    @Override
    public String renderDefault(PortableDefault value, DataType target) {
        if (value instanceof PortableDefault.Now now) {
            return now(now.clock(), target.kind());
        }
        if (value instanceof PortableDefault.Literal l) {
            Object v = l.value();
            if (v instanceof Boolean b) {
                return b.toString();
            }
            if (v instanceof Number && !(v instanceof Double d && !Double.isFinite(d))) {
                return TextForms.of(v);
            }
            return Sql.literal(TextForms.of(v));
        }
        return null;
    }

    private static String now(PortableDefault.Clock clock, TypeKind kind) {
        return switch (clock) {
            case TIMESTAMP -> kind == TypeKind.TIMESTAMP_TZ ? "CURRENT_TIMESTAMP" : kind == TypeKind.TIMESTAMP ? "LOCALTIMESTAMP" : null;
            case DATE -> kind == TypeKind.DATE ? "CURRENT_DATE" : null;
            case TIME -> kind == TypeKind.TIME ? "LOCALTIME" : kind == TypeKind.TIME_TZ ? "CURRENT_TIME" : null;
        };
    }

    @Override
    public Map<String, String> tableOptions() {
        return Map.of();
    }

    @Override
    public String quote(String identifier) {
        return Sql.quote(identifier);
    }
}
