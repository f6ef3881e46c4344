package dev.ferry.dialect.mysql;

import dev.ferry.core.convert.TextForms;
import dev.ferry.core.model.DataType;
import dev.ferry.core.model.Identity;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.profile.ColumnProfile;
import dev.ferry.core.translate.ColumnRequest;
import dev.ferry.core.translate.MappedType;
import dev.ferry.core.translate.NamedKind;
import dev.ferry.core.translate.PortableDefault;
import dev.ferry.core.translate.TargetRules;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How MariaDB and MySQL receive a schema from another engine (docs/TYPE-MAPPING.md). Text and
 * binary columns that are keys or indexed become VARCHAR/VARBINARY sized from the column's profile
 * (InnoDB cannot index LONGTEXT); values outside DATE/DATETIME's range (PostgreSQL's infinity, BC
 * dates), NaN floats, time zones and intervals are kept as text; arrays become JSON; instants are
 * stored as their UTC wall time. Tables use utf8mb4 with a binary, no-pad collation, so keys compare
 * as strictly as in the source.
 */
final class MysqlTargetRules implements TargetRules {
    /** InnoDB's longest index key (utf8mb4: 4 bytes a character). */
    private static final int MAX_KEY_CHARS = 768;
    private static final int MAX_KEY_BYTES = 3072;
    private static final long MIN_DATE_SECOND = LocalDate.of(1, 1, 1).toEpochSecond(LocalTime.MIN, ZoneOffset.UTC);
    private static final long MAX_DATE_SECOND = LocalDate.of(9999, 12, 31).toEpochSecond(LocalTime.MAX, ZoneOffset.UTC);

    private final boolean mariadb;
    private final int[] version;

    MysqlTargetRules(boolean mariadb, int[] version) {
        this.mariadb = mariadb;
        this.version = version.clone();
    }

    /** From VERSION(), e.g. {@code 10.11.6-MariaDB-0+deb12u1} or {@code 8.0.36}. */
    static MysqlTargetRules forVersion(String versionText) {
        boolean mariadb = versionText.toLowerCase(java.util.Locale.ROOT).contains("mariadb");
        String[] parts = versionText.split("[^0-9]+");
        int[] v = new int[] {number(parts, 0), number(parts, 1), number(parts, 2)};
        return new MysqlTargetRules(mariadb, v);
    }

    private static int number(String[] parts, int i) {
        return i < parts.length && !parts[i].isEmpty() ? Integer.parseInt(parts[i]) : 0;
    }

    private boolean atLeast(int major, int minor) {
        return version[0] > major || version[0] == major && version[1] >= minor;
    }

    @Override
    public String engine() {
        return mariadb ? "mariadb" : "mysql";
    }

    @Override
    public MappedType mapType(ColumnRequest r) {
        DataType t = r.type();
        return switch (t.kind()) {
            case BOOLEAN -> kind(TypeKind.BOOLEAN, "tinyint(1)");
            case SMALLINT -> kind(t.kind(), "smallint" + unsigned(t));
            case INTEGER -> kind(t.kind(), "int" + unsigned(t));
            case BIGINT -> kind(t.kind(), "bigint" + unsigned(t));
            case DECIMAL -> decimal(t, r.profile());
            case REAL, DOUBLE -> floating(t, r.profile());
            default -> mapText(t, r);
        };
    }

    private MappedType mapText(DataType t, ColumnRequest r) {
        boolean key = r.keyPart() || r.indexed();
        return switch (t.kind()) {
            case CHAR -> t.length() != null && t.length() <= 255 ? kind(TypeKind.CHAR, "char(" + t.length() + ")")
                    : text(t.length(), r.profile(), key);
            case VARCHAR, TEXT -> text(t.length(), r.profile(), key);
            case BINARY, VARBINARY, BLOB -> binary(t, r.profile(), key);
            default -> mapTemporal(t, r.profile());
        };
    }

    private MappedType mapTemporal(DataType t, ColumnProfile p) {
        int precision = t.precision() == null ? 6 : Math.min(6, t.precision());
        boolean inRange = p == null || p.minEpochSecond() == null
                || p.minEpochSecond() >= MIN_DATE_SECOND && p.maxEpochSecond() <= MAX_DATE_SECOND;
        return switch (t.kind()) {
            case DATE -> inRange ? kind(TypeKind.DATE, "date") : outOfRange("date");
            case TIMESTAMP -> inRange ? kind(TypeKind.TIMESTAMP, "datetime(" + precision + ")") : outOfRange("timestamp");
            case TIMESTAMP_TZ -> inRange ? kind(TypeKind.TIMESTAMP_TZ, "datetime(" + precision + ")")
                    .withNote("timestamp with time zone stored as its UTC time in datetime(" + precision + ")")
                    : outOfRange("timestamp with time zone");
            case TIME -> p != null && p.maxNanoOfDay() != null && p.maxNanoOfDay() == LocalTime.MAX.toNanoOfDay()
                    ? asText("time 24:00:00 is outside TIME's meaning; kept as text")
                    : kind(TypeKind.TIME, "time(" + precision + ")");
            case TIME_TZ -> asText("time with time zone stored as ISO 8601 text");
            case INTERVAL -> asText("interval stored as ISO 8601 text (P1Y2M3DT4H5M6S)");
            default -> mapOther(t);
        };
    }

    private MappedType mapOther(DataType t) {
        return switch (t.kind()) {
            case UUID -> mariadb && atLeast(10, 7) ? kind(TypeKind.UUID, "uuid") : kind(TypeKind.UUID, "char(36)");
            case JSON -> kind(TypeKind.JSON, "json");
            case ENUM -> t.labels().isEmpty() ? asText(null) : kind(TypeKind.ENUM, "enum("
                    + t.labels().stream().map(Sql::literal).collect(Collectors.joining(",")) + ")");
            case BIT -> t.length() != null && t.length() >= 1 && t.length() <= 64
                    ? MappedType.of(DataType.of(TypeKind.BIT, "bit(" + t.length() + ")").withLength(t.length()))
                    : asText("bit string kept as text of 0s and 1s");
            case ARRAY -> kind(TypeKind.JSON, "json").withNote("array stored as a JSON array");
            default -> asText(null);
        };
    }

    private MappedType decimal(DataType t, ColumnProfile p) {
        int maxScale = mariadb ? 38 : 30;
        if (t.precision() != null && t.precision() <= 65 && (t.scale() == null || t.scale() <= maxScale)) {
            return kind(TypeKind.DECIMAL, "decimal(" + t.precision() + "," + (t.scale() == null ? 0 : t.scale()) + ")"
                    + unsigned(t));
        }
        int intDigits = p == null || p.maxIntegerDigits() == null ? 0 : p.maxIntegerDigits();
        int scale = p == null || p.maxScale() == null ? 0 : p.maxScale();
        if (p != null && intDigits + scale <= 65 && scale <= maxScale) {
            int chosen = Math.max(scale, Math.min(Math.min(30, maxScale), 65 - intDigits));
            return kind(TypeKind.DECIMAL, "decimal(65," + chosen + ")")
                    .withNote("numeric without a fitting precision stored as decimal(65," + chosen + "), which holds every value");
        }
        return asText("decimal values beyond decimal(65) kept as text");
    }

    private MappedType floating(DataType t, ColumnProfile p) {
        if (p != null && Boolean.TRUE.equals(p.nonFinite())) {
            return asText("NaN and Infinity have no " + engine() + " float form; kept as text");
        }
        return t.kind() == TypeKind.REAL ? kind(TypeKind.REAL, "float") : kind(TypeKind.DOUBLE, "double");
    }

    private MappedType text(Integer declared, ColumnProfile p, boolean key) {
        if (!key) {
            if (declared != null && declared <= 255) {
                return kind(TypeKind.VARCHAR, "varchar(" + declared + ")");
            }
            return kind(TypeKind.TEXT, "longtext");
        }
        long longest = p != null && p.maxChars() != null ? p.maxChars() : declared != null ? declared : 255;
        if (longest > MAX_KEY_CHARS) {
            return kind(TypeKind.TEXT, "longtext").notIndexable();
        }
        long size = declared != null && declared <= MAX_KEY_CHARS ? declared : Math.min(MAX_KEY_CHARS, Math.max(32, roundUp(longest)));
        MappedType m = kind(TypeKind.VARCHAR, "varchar(" + size + ")");
        return declared != null && declared > size || declared == null
                ? m.withNote("indexed text sized varchar(" + size + ") from its longest value (" + longest + " characters)") : m;
    }

    private MappedType binary(DataType t, ColumnProfile p, boolean key) {
        if (t.kind() == TypeKind.BINARY && t.length() != null && t.length() <= 255) {
            return kind(TypeKind.BINARY, "binary(" + t.length() + ")");
        }
        if (!key) {
            return t.length() != null && t.length() <= 255 ? kind(TypeKind.VARBINARY, "varbinary(" + t.length() + ")")
                    : kind(TypeKind.BLOB, "longblob");
        }
        long longest = Math.max(t.length() == null ? 0 : t.length(), p == null || p.maxBytes() == null ? 255 : p.maxBytes());
        return longest <= MAX_KEY_BYTES ? kind(TypeKind.VARBINARY, "varbinary(" + Math.max(32, roundUp(longest)) + ")")
                : kind(TypeKind.BLOB, "longblob").notIndexable();
    }

    private static long roundUp(long n) {
        return (n + 31) / 32 * 32;
    }

    private static MappedType outOfRange(String what) {
        return asText(what + " values outside 0001-01-01..9999-12-31 (infinity, BC) kept as ISO 8601 text");
    }

    private static MappedType asText(String note) {
        MappedType m = kind(TypeKind.TEXT, "longtext").notIndexable();
        return note == null ? m : m.withNote(note);
    }

    private static String unsigned(DataType t) {
        return t.unsigned() ? " unsigned" : "";
    }

    private static MappedType kind(TypeKind kind, String nativeType) {
        return MappedType.of(DataType.of(kind, nativeType));
    }

    @Override
    public boolean fitsIdentifier(String identifier) {
        return identifier.codePointCount(0, identifier.length()) <= 64 && !identifier.endsWith(" ") && !identifier.isEmpty()
                && identifier.indexOf('\0') < 0;
    }

    @Override
    public NamedKind.Scope scopeOf(NamedKind kind) {
        boolean databaseWide = kind == NamedKind.TABLE || kind == NamedKind.SEQUENCE || kind == NamedKind.FOREIGN_KEY
                || !mariadb && kind == NamedKind.CHECK;
        return databaseWide ? NamedKind.Scope.NAMESPACE : NamedKind.Scope.TABLE;
    }

    @Override
    public Identity identity(Identity source, DataType target, boolean soleKey) {
        if (!soleKey || !EnumSet.of(TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT).contains(target.kind())) {
            return null;
        }
        return new Identity(Identity.Generation.AUTO_INCREMENT, null, source.start(), source.increment(), source.nextValue());
    }

    @Override
    public boolean supportsSequences() {
        return mariadb && atLeast(10, 3);
    }

    @Override
    public String renderDefault(PortableDefault value, DataType target) {
        boolean textual = target.nativeType().endsWith("text") || target.nativeType().equals("json")
                || target.nativeType().endsWith("blob");
        if (value instanceof PortableDefault.Now now) {
            return now(now.clock(), target);
        }
        if (!(value instanceof PortableDefault.Literal l)) {
            return null;
        }
        Object v = l.value();
        String sql = v instanceof Boolean b ? (b ? "1" : "0")
                : v instanceof Number && !(v instanceof Double d && !Double.isFinite(d)) ? TextForms.of(v)
                : Sql.literal(TextForms.of(v));
        return textual && !mariadb ? "(" + sql + ")" : sql;
    }

    private static String now(PortableDefault.Clock clock, DataType target) {
        String precision = target.nativeType().replaceAll("^\\w+", "");
        return switch (clock) {
            case TIMESTAMP -> target.kind() == TypeKind.TIMESTAMP || target.kind() == TypeKind.TIMESTAMP_TZ
                    ? "current_timestamp" + (precision.isEmpty() ? "()" : precision) : null;
            case DATE -> target.kind() == TypeKind.DATE ? "(curdate())" : null;
            case TIME -> target.kind() == TypeKind.TIME ? "(curtime" + (precision.isEmpty() ? "()" : precision) + ")" : null;
        };
    }

    @Override
    public Map<String, String> tableOptions() {
        String collation = mariadb ? "utf8mb4_nopad_bin" : atLeast(8, 0) ? "utf8mb4_0900_bin" : "utf8mb4_bin";
        return Map.of("engine", "InnoDB", "charset", "utf8mb4", "collation", collation);
    }

    @Override
    public String quote(String identifier) {
        return Sql.quote(identifier);
    }
}
