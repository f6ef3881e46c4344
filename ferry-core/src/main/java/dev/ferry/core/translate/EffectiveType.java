package dev.ferry.core.translate;

import static dev.ferry.core.profile.ValueClass.BIG_INTEGER;
import static dev.ferry.core.profile.ValueClass.BOOLEAN;
import static dev.ferry.core.profile.ValueClass.BYTES;
import static dev.ferry.core.profile.ValueClass.DOUBLE;
import static dev.ferry.core.profile.ValueClass.FLOAT;
import static dev.ferry.core.profile.ValueClass.INTEGER;
import static dev.ferry.core.profile.ValueClass.TEXT;

import dev.ferry.core.model.DataType;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.profile.ColumnProfile;
import dev.ferry.core.profile.ValueClass;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The portable type a column's values actually have, from its declared type and its profile. Typed
 * engines always agree with the declaration; SQLite does not enforce it, so an INTEGER column may
 * hold text and a DATETIME column Unix epochs. Such a column becomes TEXT (or the one kind all its
 * values share), with a note, so no value is lost in the target. Values with no portable form
 * (MariaDB zero dates, PostgreSQL arrays with bounds) make a column TEXT too.
 */
public final class EffectiveType {
    private static final Set<TypeKind> TEXT_KINDS = EnumSet.of(TypeKind.CHAR, TypeKind.VARCHAR, TypeKind.TEXT);

    private EffectiveType() {
    }

    /** The type to place, and why it differs from the declaration (null when it does not). */
    public record Result(DataType type, String note) {
    }

    public static Result of(DataType declared, ColumnProfile profile) {
        if (declared.kind() == TypeKind.NATIVE) {
            return new Result(text(declared), "type " + declared.nativeType() + " has no portable form; values kept as text");
        }
        if (profile == null) {
            return new Result(declared, null);
        }
        if (profile.holds(ValueClass.NATIVE)) {
            return new Result(text(declared), "holds values " + declared.nativeType()
                    + " has outside the portable range (e.g. zero dates, arrays with bounds); kept as text");
        }
        return switch (declared.kind()) {
            case CHAR, VARCHAR, TEXT, ENUM -> textual(declared, profile);
            case BLOB, BINARY, VARBINARY -> untyped(declared, profile);
            case BOOLEAN -> bool(declared, profile);
            case SMALLINT, INTEGER, BIGINT -> integer(declared, profile);
            case DECIMAL -> decimal(declared, profile);
            default -> conforming(declared, profile);
        };
    }

    private static Result textual(DataType declared, ColumnProfile p) {
        if (!p.holdsOnly(EnumSet.of(TEXT))) {
            return new Result(text(declared), declaredAs(declared) + " also holds " + others(p, TEXT) + " values; all kept as text");
        }
        if (declared.length() != null && p.maxChars() != null && p.maxChars() > declared.length()) {
            return new Result(DataType.of(TypeKind.TEXT, declared.nativeType()), declaredAs(declared) + " holds values up to "
                    + p.maxChars() + " characters; the length limit is not carried");
        }
        return new Result(declared, null);
    }

    /** A BLOB column (SQLite's type-less columns too): the one kind its values share, else text. */
    private static Result untyped(DataType declared, ColumnProfile p) {
        if (p.holdsOnly(EnumSet.of(BYTES))) {
            return new Result(declared, null);
        }
        String why = declaredAs(declared) + " holds " + others(p, BYTES) + " values";
        if (p.holdsOnly(EnumSet.of(TEXT))) {
            return new Result(DataType.of(TypeKind.TEXT, declared.nativeType()), why + "; created as text");
        }
        if (p.holdsOnly(EnumSet.of(INTEGER))) {
            return new Result(DataType.of(TypeKind.BIGINT, declared.nativeType()), why + "; created as bigint");
        }
        if (p.holdsOnly(EnumSet.of(INTEGER, DOUBLE))) {
            return new Result(DataType.of(TypeKind.DOUBLE, declared.nativeType()), why + "; created as double");
        }
        return new Result(text(declared), why + " of several kinds; all kept as text (binary as \\x-hex)");
    }

    private static Result bool(DataType declared, ColumnProfile p) {
        boolean zeroOne = p.minInteger() == null || p.minInteger() >= 0 && p.maxInteger() <= 1;
        if (p.holdsOnly(EnumSet.of(BOOLEAN, INTEGER)) && zeroOne) {
            return new Result(declared, null);
        }
        if (p.holdsOnly(EnumSet.of(BOOLEAN, INTEGER))) {
            return new Result(DataType.of(TypeKind.BIGINT, declared.nativeType()), declaredAs(declared)
                    + " holds integers other than 0 and 1 (" + p.minInteger() + ".." + p.maxInteger() + "); created as bigint");
        }
        return conforming(declared, p);
    }

    private static Result integer(DataType declared, ColumnProfile p) {
        if (p.holdsOnly(EnumSet.of(INTEGER, BIG_INTEGER, BOOLEAN))) {
            return new Result(declared, null);
        }
        if (p.holdsOnly(EnumSet.of(INTEGER, DOUBLE, FLOAT))) {
            return new Result(DataType.of(TypeKind.DOUBLE, declared.nativeType()), declaredAs(declared)
                    + " also holds fractional numbers; created as double");
        }
        return conforming(declared, p);
    }

    private static Result decimal(DataType declared, ColumnProfile p) {
        if (Boolean.TRUE.equals(p.nonFinite())) {
            return new Result(text(declared), declaredAs(declared) + " holds NaN or Infinity; kept as text");
        }
        return conforming(declared, p);
    }

    /**
     * The declared type when every value has a representation of its kind (or is text that reads as
     * one), else text.
     */
    private static Result conforming(DataType declared, ColumnProfile p) {
        Set<ValueClass> natural = natural(declared.kind());
        boolean textOk = !p.holds(TEXT) || Boolean.TRUE.equals(p.textConforms());
        Set<ValueClass> allowed = EnumSet.copyOf(natural);
        allowed.add(TEXT);
        if (textOk && p.holdsOnly(allowed)) {
            if (declared.kind() == TypeKind.TIMESTAMP && Boolean.TRUE.equals(p.textHasOffset())) {
                return new Result(new DataType(TypeKind.TIMESTAMP_TZ, declared.nativeType(), null, declared.precision(), null,
                        false, null, null, null), declaredAs(declared) + " holds times with UTC offsets (those without"
                        + " are read as UTC); created as timestamp with time zone");
            }
            return new Result(declared, null);
        }
        String what = !textOk ? "text that does not read as " + declared.kind().name().toLowerCase(Locale.ROOT)
                : others(p, natural.toArray(ValueClass[]::new)) + " values";
        return new Result(text(declared), declaredAs(declared) + " holds " + what + "; all kept as text");
    }

    private static Set<ValueClass> natural(TypeKind kind) {
        return switch (kind) {
            case BOOLEAN -> EnumSet.of(BOOLEAN, INTEGER);
            case SMALLINT, INTEGER, BIGINT -> EnumSet.of(INTEGER, BIG_INTEGER, BOOLEAN);
            case DECIMAL -> EnumSet.of(ValueClass.DECIMAL, INTEGER, BIG_INTEGER, DOUBLE);
            case REAL, DOUBLE -> EnumSet.of(DOUBLE, FLOAT, INTEGER);
            case DATE -> EnumSet.of(ValueClass.DATE);
            case TIME -> EnumSet.of(ValueClass.TIME);
            case TIME_TZ -> EnumSet.of(ValueClass.TIME_TZ);
            case TIMESTAMP -> EnumSet.of(ValueClass.TIMESTAMP);
            case TIMESTAMP_TZ -> EnumSet.of(ValueClass.TIMESTAMP_TZ);
            case INTERVAL -> EnumSet.of(ValueClass.INTERVAL);
            case UUID -> EnumSet.of(ValueClass.UUID, BYTES);
            case JSON -> EnumSet.of(ValueClass.JSON);
            case BIT -> EnumSet.of(ValueClass.BITS);
            case ARRAY -> EnumSet.of(ValueClass.ARRAY);
            case ENUM -> EnumSet.of(TEXT);
            default -> EnumSet.of(TEXT);
        };
    }

    private static DataType text(DataType declared) {
        return DataType.of(TypeKind.TEXT, declared.nativeType());
    }

    private static String declaredAs(DataType declared) {
        String name = declared.nativeType().isBlank() ? "(no declared type)" : declared.nativeType();
        return "declared " + name;
    }

    private static String others(ColumnProfile p, ValueClass... expected) {
        Set<ValueClass> skip = EnumSet.of(ValueClass.NULL, expected);
        return p.classes().stream().filter(c -> !skip.contains(c)).map(c -> c.name().toLowerCase(Locale.ROOT))
                .sorted().collect(Collectors.joining(", "));
    }
}
