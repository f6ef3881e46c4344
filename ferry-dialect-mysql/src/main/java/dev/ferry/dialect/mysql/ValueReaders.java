package dev.ferry.dialect.mysql;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.DataType;
import dev.ferry.core.value.BitString;
import dev.ferry.core.value.Json;
import dev.ferry.core.value.NativeValue;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns a result-set column into a portable value, chosen once per column from its type. Integers
 * become Long (BigInteger only beyond 2^63-1), FLOAT/DOUBLE come bit-exact from the binary protocol,
 * temporal values are parsed from the server's text so nothing passes through java.sql types or the
 * JVM time zone. Values with no portable form keep the server's text as {@link NativeValue}: zero
 * dates ('0000-00-00'), TIME outside 00:00..23:59:59.999999, geometry (as hex of the internal form).
 */
final class ValueReaders {
    private static final Pattern TIME_OF_DAY = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,9})?");

    private ValueReaders() {
    }

    /** Reads one column value. */
    @FunctionalInterface
    interface ValueReader {
        Object read(ResultSet rs, int index) throws SQLException;
    }

    static String baseType(DataType type) {
        String n = type.nativeType().toLowerCase(Locale.ROOT).trim();
        int end = 0;
        while (end < n.length() && (Character.isLetterOrDigit(n.charAt(end)) || n.charAt(end) == '_')) {
            end++;
        }
        return n.substring(0, end);
    }

    static ValueReader forColumn(Column column) {
        DataType type = column.type();
        String base = baseType(type);
        if (MysqlTypes.GEOMETRY.contains(base)) {
            return (rs, i) -> hexNative(base, rs.getBytes(i));
        }
        return switch (type.kind()) {
            case SMALLINT, INTEGER, BIGINT -> integerReader(base, type);
            case BOOLEAN -> (rs, i) -> orNull(rs, rs.getLong(i));
            case DECIMAL -> ResultSet::getBigDecimal;
            case REAL -> (rs, i) -> orNull(rs, rs.getFloat(i));
            case DOUBLE -> (rs, i) -> orNull(rs, rs.getDouble(i));
            case BINARY, VARBINARY, BLOB -> ResultSet::getBytes;
            case BIT -> bitReader(type.length() == null ? 1 : type.length());
            case DATE -> (rs, i) -> date(rs.getString(i));
            case TIME -> (rs, i) -> time(rs.getString(i));
            case TIMESTAMP -> (rs, i) -> dateTime(rs.getString(i), "datetime");
            case TIMESTAMP_TZ -> (rs, i) -> timestamp(rs.getString(i));
            case JSON -> (rs, i) -> text(rs.getString(i), Json::new);
            case UUID -> (rs, i) -> text(rs.getString(i), UUID::fromString);
            case NATIVE -> (rs, i) -> text(rs.getString(i), s -> new NativeValue(base, s));
            default -> ResultSet::getString;
        };
    }

    private static ValueReader integerReader(String base, DataType type) {
        if (base.equals("bigint") && type.unsigned()) {
            return (rs, i) -> text(rs.getString(i), ValueReaders::unsignedBigint);
        }
        if (base.equals("year")) {
            return (rs, i) -> text(rs.getString(i), Long::valueOf);
        }
        return (rs, i) -> orNull(rs, rs.getLong(i));
    }

    static Object unsignedBigint(String text) {
        BigInteger v = new BigInteger(text);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private static ValueReader bitReader(int bits) {
        return (rs, i) -> {
            byte[] bytes = rs.getBytes(i);
            return bytes == null ? null : bitString(bytes, bits);
        };
    }

    /** The low {@code bits} bits of a big-endian byte string, most significant first. */
    static BitString bitString(byte[] bytes, int bits) {
        StringBuilder sb = new StringBuilder(bits);
        for (int bit = bits - 1; bit >= 0; bit--) {
            int byteIndex = bytes.length - 1 - bit / 8;
            boolean set = byteIndex >= 0 && (bytes[byteIndex] >> (bit % 8) & 1) == 1;
            sb.append(set ? '1' : '0');
        }
        return new BitString(sb.toString());
    }

    static Object date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return new NativeValue("date", text);
        }
    }

    static Object dateTime(String text, String nativeType) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            return new NativeValue(nativeType, text);
        }
    }

    static Object timestamp(String text) {
        Object v = dateTime(text, "timestamp");
        return v instanceof LocalDateTime t ? t.atOffset(ZoneOffset.UTC) : v;
    }

    static Object time(String text) {
        if (text == null) {
            return null;
        }
        return TIME_OF_DAY.matcher(text).matches() ? LocalTime.parse(text) : new NativeValue("time", text);
    }

    private static Object hexNative(String type, byte[] bytes) {
        return bytes == null ? null : new NativeValue(type, HexFormat.of().formatHex(bytes));
    }

    private static Object orNull(ResultSet rs, Object value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    private static <T> Object text(String s, java.util.function.Function<String, T> parse) {
        return s == null ? null : parse.apply(s);
    }
}
