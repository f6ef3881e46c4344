package dev.ferry.dialect.sqlite;

import dev.ferry.core.convert.TextForms;
import dev.ferry.core.model.DataType;
import dev.ferry.core.model.Identity;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.profile.ColumnProfile;
import dev.ferry.core.profile.ValueClass;
import dev.ferry.core.translate.ColumnRequest;
import dev.ferry.core.translate.MappedType;
import dev.ferry.core.translate.NamedKind;
import dev.ferry.core.translate.PortableDefault;
import dev.ferry.core.translate.TargetRules;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How SQLite receives a schema from another engine (docs/TYPE-MAPPING.md). SQLite stores integers,
 * reals, text and blobs; Ferry declares types that give the right affinity and still say what the
 * column holds (BOOLEAN, DATE, DATETIME, UUID...), and stores dates and times as ISO 8601 text, as
 * SQLite's date functions expect. Decimals with more than 15 significant digits, NaN, big unsigned
 * integers and bit strings are kept as text, so nothing passes through a double that cannot hold
 * it; enums and JSON get a CHECK. A single-column integer key with generated values becomes the
 * rowid ({@code INTEGER PRIMARY KEY}, with AUTOINCREMENT where the source never reused values).
 */
final class SqliteTargetRules implements TargetRules {
    /** A decimal with at most this many significant digits survives SQLite's REAL storage exactly. */
    private static final int REAL_SAFE_DIGITS = 15;

    @Override
    public String engine() {
        return "sqlite";
    }

    @Override
    public MappedType mapType(ColumnRequest r) {
        DataType t = r.type();
        ColumnProfile p = r.profile();
        String column = SqliteDialect.quoteIdentifier(r.column().name());
        return switch (t.kind()) {
            case BOOLEAN -> kind(TypeKind.BOOLEAN, "BOOLEAN");
            case SMALLINT, INTEGER, BIGINT -> p != null && p.holds(ValueClass.BIG_INTEGER)
                    ? kind(TypeKind.TEXT, "TEXT").withNote("integers beyond 64 bits kept as text")
                    : MappedType.of(new DataType(t.kind(), "INTEGER", null, null, null, false, null, null, null));
            case DECIMAL -> decimal(t, p);
            case REAL, DOUBLE -> p != null && Boolean.TRUE.equals(p.nonFinite())
                    ? kind(TypeKind.TEXT, "TEXT").withNote("NaN and Infinity kept as text (SQLite stores NaN as NULL)")
                    : kind(TypeKind.DOUBLE, "REAL");
            case CHAR -> kind(TypeKind.CHAR, t.length() == null ? "CHAR" : "CHAR(" + t.length() + ")");
            case VARCHAR -> kind(TypeKind.VARCHAR, t.length() == null ? "VARCHAR" : "VARCHAR(" + t.length() + ")");
            case TEXT -> kind(TypeKind.TEXT, "TEXT");
            case BINARY, VARBINARY, BLOB -> kind(TypeKind.BLOB, "BLOB");
            default -> mapOther(t, column);
        };
    }

    private MappedType mapOther(DataType t, String column) {
        return switch (t.kind()) {
            case DATE -> kind(TypeKind.DATE, "DATE");
            case TIME -> kind(TypeKind.TIME, "TIME");
            case TIME_TZ -> kind(TypeKind.TIME_TZ, "TIMETZ");
            case TIMESTAMP -> kind(TypeKind.TIMESTAMP, "DATETIME");
            case TIMESTAMP_TZ -> kind(TypeKind.TIMESTAMP_TZ, "TIMESTAMPTZ");
            case INTERVAL -> kind(TypeKind.INTERVAL, "INTERVAL").withNote("interval stored as ISO 8601 text");
            case UUID -> kind(TypeKind.UUID, "UUID");
            case JSON -> kind(TypeKind.JSON, "TEXT").withCheck(jsonCheck(column));
            case ENUM -> t.labels().isEmpty() ? kind(TypeKind.TEXT, "TEXT") : kind(TypeKind.ENUM, "TEXT")
                    .withCheck(column + " IN (" + t.labels().stream().map(SqliteTargetRules::literal)
                            .collect(Collectors.joining(", ")) + ")")
                    .withNote("enum stored as text with a check of its labels");
            case BIT -> kind(TypeKind.BIT, "TEXT").withNote("bit string stored as text of 0s and 1s");
            case ARRAY -> kind(TypeKind.JSON, "TEXT").withCheck(jsonCheck(column)).withNote("array stored as a JSON array");
            default -> kind(TypeKind.TEXT, "TEXT");
        };
    }

    private static String jsonCheck(String column) {
        return column + " IS NULL OR json_valid(" + column + ")";
    }

    private static MappedType decimal(DataType t, ColumnProfile p) {
        boolean fits = p != null && p.maxIntegerDigits() != null
                ? p.maxIntegerDigits() + p.maxScale() <= REAL_SAFE_DIGITS && !p.holds(ValueClass.TEXT)
                : t.precision() != null && t.precision() <= REAL_SAFE_DIGITS;
        if (p != null && p.allNull()) {
            fits = true;
        }
        if (!fits) {
            return kind(TypeKind.TEXT, "TEXT").withNote("decimal kept as text: more than " + REAL_SAFE_DIGITS
                    + " significant digits do not survive SQLite's numeric storage");
        }
        String declared = t.precision() == null ? "NUMERIC" : "DECIMAL(" + t.precision() + "," + (t.scale() == null ? 0 : t.scale()) + ")";
        return kind(TypeKind.DECIMAL, declared);
    }

    private static MappedType kind(TypeKind kind, String nativeType) {
        return MappedType.of(DataType.of(kind, nativeType));
    }

    @Override
    public boolean fitsIdentifier(String identifier) {
        return !identifier.isEmpty() && identifier.indexOf('\0') < 0;
    }

    @Override
    public NamedKind.Scope scopeOf(NamedKind kind) {
        return kind == NamedKind.TABLE || kind == NamedKind.INDEX ? NamedKind.Scope.NAMESPACE : NamedKind.Scope.TABLE;
    }

    @Override
    public Identity identity(Identity source, DataType target, boolean soleKey) {
        if (!soleKey || !EnumSet.of(TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT).contains(target.kind())) {
            return null;
        }
        Identity.Generation generation = source.generation() == Identity.Generation.ROWID
                ? Identity.Generation.ROWID : Identity.Generation.AUTO_INCREMENT;
        return new Identity(generation, null, source.start(), source.increment(), source.nextValue());
    }

    @Override
    public boolean supportsSequences() {
        return false;
    }

    @Override
    public String renderDefault(PortableDefault value, DataType target) {
        if (value instanceof PortableDefault.Now now) {
            return switch (now.clock()) {
                case TIMESTAMP -> target.kind() == TypeKind.TIMESTAMP || target.kind() == TypeKind.TIMESTAMP_TZ
                        ? "CURRENT_TIMESTAMP" : null;
                case DATE -> target.kind() == TypeKind.DATE ? "CURRENT_DATE" : null;
                case TIME -> target.kind() == TypeKind.TIME ? "CURRENT_TIME" : null;
            };
        }
        if (value instanceof PortableDefault.Literal l) {
            Object v = l.value();
            if (v instanceof Boolean b) {
                return b ? "1" : "0";
            }
            if (v instanceof Number && !(v instanceof Double d && !Double.isFinite(d)) && !(target.kind() == TypeKind.TEXT)) {
                return TextForms.of(v);
            }
            return literal(TextForms.of(v));
        }
        return null;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Override
    public Map<String, String> tableOptions() {
        return Map.of();
    }

    @Override
    public String quote(String identifier) {
        return SqliteDialect.quoteIdentifier(identifier);
    }
}
