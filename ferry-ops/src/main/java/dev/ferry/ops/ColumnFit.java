package dev.ferry.ops;

import static dev.ferry.core.model.TypeKind.BIGINT;
import static dev.ferry.core.model.TypeKind.BOOLEAN;
import static dev.ferry.core.model.TypeKind.CHAR;
import static dev.ferry.core.model.TypeKind.DECIMAL;
import static dev.ferry.core.model.TypeKind.DOUBLE;
import static dev.ferry.core.model.TypeKind.INTEGER;
import static dev.ferry.core.model.TypeKind.REAL;
import static dev.ferry.core.model.TypeKind.SMALLINT;
import static dev.ferry.core.model.TypeKind.TEXT;
import static dev.ferry.core.model.TypeKind.VARCHAR;

import dev.ferry.core.model.DataType;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.profile.ColumnProfile;
import dev.ferry.core.translate.EffectiveType;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an archived column's values fit an existing target column, judged before anything is
 * written from the column's declared type and profile: {@link #OK}, a note (the values will be
 * converted, or checked as they load), or blocking (some value cannot fit). Internal.
 *
 * @param blocking whether the restore must not start
 * @param note     what to tell the user, null when nothing
 */
record ColumnFit(boolean blocking, String note) {
    static final ColumnFit OK = new ColumnFit(false, null);
    private static final Set<TypeKind> TEXTUAL = EnumSet.of(CHAR, VARCHAR, TEXT);
    private static final Set<TypeKind> INTEGERS = EnumSet.of(SMALLINT, INTEGER, BIGINT);

    static ColumnFit of(DataType source, ColumnProfile profile, DataType target) {
        DataType effective = EffectiveType.of(source, profile).type();
        TypeKind from = effective.kind();
        TypeKind to = target.kind();
        if (TEXTUAL.contains(to)) {
            return textFit(from, profile, target);
        }
        if (from == to) {
            return sameKind(effective, profile, target);
        }
        if (INTEGERS.contains(to) && (INTEGERS.contains(from) || from == BOOLEAN)) {
            return integerRange(profile, to);
        }
        if (to == DECIMAL && (INTEGERS.contains(from) || from == REAL || from == DOUBLE)) {
            return note(from + " values stored as decimals");
        }
        if (to == DOUBLE && (from == REAL || INTEGERS.contains(from))) {
            return OK;
        }
        if (to == BOOLEAN && INTEGERS.contains(from)) {
            return profile != null && profile.minInteger() != null && (profile.minInteger() < 0 || profile.maxInteger() > 1)
                    ? block("holds integers other than 0 and 1; the target column is boolean") : OK;
        }
        return otherKinds(from, to);
    }

    private static ColumnFit otherKinds(TypeKind from, TypeKind to) {
        if (from == TypeKind.TIMESTAMP && to == TypeKind.TIMESTAMP_TZ) {
            return note("times without zone read as UTC");
        }
        if (from == TypeKind.TIMESTAMP_TZ && to == TypeKind.TIMESTAMP) {
            return note("instants stored as their UTC time");
        }
        if (TEXTUAL.contains(from) || from == TypeKind.ENUM) {
            return note("text converted to " + name(to) + " as rows load (a value that does not read as one stops the restore)");
        }
        if (to == TypeKind.JSON && from == TypeKind.ARRAY) {
            return note("arrays stored as JSON arrays");
        }
        return block(name(from) + " values cannot be stored in a " + name(to) + " column");
    }

    private static ColumnFit textFit(TypeKind from, ColumnProfile profile, DataType target) {
        if (target.length() != null && profile != null && profile.maxChars() != null && profile.maxChars() > target.length()) {
            return block("holds values up to " + profile.maxChars() + " characters; the target column allows " + target.length());
        }
        return TEXTUAL.contains(from) || from == TypeKind.ENUM ? OK : note(name(from) + " values stored as text");
    }

    private static ColumnFit sameKind(DataType source, ColumnProfile profile, DataType target) {
        if (source.kind() == DECIMAL && target.precision() != null && profile != null && profile.maxIntegerDigits() != null) {
            int scale = target.scale() == null ? 0 : target.scale();
            if (profile.maxIntegerDigits() > target.precision() - scale || profile.maxScale() > scale) {
                return block("holds decimals with up to " + profile.maxIntegerDigits() + " digits before and "
                        + profile.maxScale() + " after the point; the target column is " + target.nativeType());
            }
        }
        return OK;
    }

    private static ColumnFit integerRange(ColumnProfile profile, TypeKind to) {
        if (profile == null || profile.minInteger() == null) {
            return profile != null && profile.holds(dev.ferry.core.profile.ValueClass.BIG_INTEGER)
                    ? block("holds integers beyond 64 bits") : OK;
        }
        long max = to == SMALLINT ? Short.MAX_VALUE : to == INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
        long min = to == SMALLINT ? Short.MIN_VALUE : to == INTEGER ? Integer.MIN_VALUE : Long.MIN_VALUE;
        if (profile.minInteger() < min || profile.maxInteger() > max) {
            return block("holds integers " + profile.minInteger() + ".." + profile.maxInteger() + ", beyond the target's " + name(to));
        }
        return OK;
    }

    private static ColumnFit note(String text) {
        return new ColumnFit(false, text);
    }

    private static ColumnFit block(String text) {
        return new ColumnFit(true, text);
    }

    private static String name(TypeKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
