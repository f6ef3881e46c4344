package dev.ferry.core.convert;

import dev.ferry.core.model.TypeKind;
import dev.ferry.core.value.ArrayValue;
import dev.ferry.core.value.BitString;
import dev.ferry.core.value.Interval;
import dev.ferry.core.value.Json;
import dev.ferry.core.value.NativeValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Moves a portable value into the standard representation of a {@link TypeKind}: the Java type a
 * column of that kind holds (Boolean for BOOLEAN, Long for the integers, LocalDateTime for
 * TIMESTAMP...). It is how a value crosses engines: SQLite's integer 1 becomes {@code true} for a
 * PostgreSQL boolean column, an instant becomes its UTC wall time for a MariaDB datetime, an array
 * becomes JSON. Every conversion is exact or refused with {@link ConversionException}: nothing is
 * rounded, truncated or guessed. {@link #comparable} then gives the form two values of a kind are
 * compared in for a proof.
 */
public final class Conversions {
    private static final BigDecimal MAX_EXACT_DOUBLE_INT = BigDecimal.valueOf(1L << 53);

    private Conversions() {
    }

    /** {@code value} in the standard representation of {@code kind}; null stays null. */
    public static Object convert(TypeKind kind, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (kind) {
                case CHAR, VARCHAR, TEXT, ENUM -> TextForms.of(value);
                case BOOLEAN -> toBoolean(value);
                case SMALLINT, INTEGER, BIGINT -> toInteger(value);
                case DECIMAL -> toDecimal(value);
                case REAL -> toFloat(value);
                case DOUBLE -> toDouble(value);
                case BINARY, VARBINARY, BLOB -> toBytes(value);
                default -> convertTemporal(kind, value);
            };
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ConversionException(kind, value, e.getMessage());
        }
    }

    /** Whether {@link #convert} accepts the value. */
    public static boolean converts(TypeKind kind, Object value) {
        try {
            convert(kind, value);
            return true;
        } catch (ConversionException e) {
            return false;
        }
    }

    /**
     * The form a converted value is compared in: CHAR without trailing spaces (engines differ in
     * padding, never in meaning), JSON in {@link JsonForms#canonical canonical form}; every other
     * kind as it is.
     */
    public static Object comparable(TypeKind kind, Object converted) {
        if (converted == null) {
            return null;
        }
        if (kind == TypeKind.CHAR && converted instanceof String s) {
            return s.stripTrailing();
        }
        if (kind == TypeKind.JSON && converted instanceof Json j) {
            try {
                return new Json(JsonForms.canonical(j.text()));
            } catch (IllegalArgumentException notJson) {
                return j;
            }
        }
        return converted;
    }

    private static Object convertTemporal(TypeKind kind, Object v) {
        return switch (kind) {
            case DATE -> v instanceof LocalDate ? v : TextParsing.date(text(v));
            case TIME -> v instanceof LocalTime ? v : TextParsing.time(text(v));
            case TIME_TZ -> v instanceof OffsetTime ? v : TextParsing.timeWithZone(text(v));
            case TIMESTAMP -> toTimestamp(v);
            case TIMESTAMP_TZ -> toInstant(v);
            case INTERVAL -> v instanceof Interval ? v : TextParsing.interval(text(v));
            default -> convertStructured(kind, v);
        };
    }

    private static Object convertStructured(TypeKind kind, Object v) {
        return switch (kind) {
            case UUID -> toUuid(v);
            case JSON -> v instanceof Json ? v : new Json(v instanceof String s ? s : jsonText(v));
            case BIT -> v instanceof BitString ? v : new BitString(text(v));
            case ARRAY -> requireType(v, ArrayValue.class);
            case NATIVE -> v instanceof NativeValue ? v : new NativeValue("text", TextForms.of(v));
            default -> throw new IllegalArgumentException("no conversion to " + kind);
        };
    }

    private static Boolean toBoolean(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            long n = ((Number) v).longValue();
            if (n == 0 || n == 1) {
                return n == 1;
            }
        }
        if (v instanceof String s) {
            switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "1", "t", "true" -> {
                    return true;
                }
                case "0", "f", "false" -> {
                    return false;
                }
                default -> { }
            }
        }
        throw new IllegalArgumentException("not a boolean (true/false, 1/0)");
    }

    private static Object toInteger(Object v) {
        if (v instanceof Long) {
            return v;
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        } else if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        } else if (v instanceof BigInteger i) {
            return i.bitLength() < 64 ? (Object) i.longValue() : i;
        } else if (v instanceof BigDecimal d) {
            return toInteger(d.toBigIntegerExact());
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) <= (1L << 53) && !(d == 0 && 1 / d < 0)) {
                return (long) d;
            }
        } else if (v instanceof String s) {
            return toInteger(new BigInteger(s.trim()));
        }
        throw new IllegalArgumentException("not an integer");
    }

    private static BigDecimal toDecimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            return BigDecimal.valueOf(((Number) v).longValue());
        } else if (v instanceof BigInteger i) {
            return new BigDecimal(i);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                // the shortest decimal that reads back as this double: what the value means, not its binary expansion
                return new BigDecimal(v instanceof Float ? v.toString() : Double.toString(d));
            }
        } else if (v instanceof String s) {
            return new BigDecimal(s.trim());
        }
        throw new IllegalArgumentException("not a finite decimal number");
    }

    private static Float toFloat(Object v) {
        if (v instanceof Float f) {
            return f;
        }
        double d = toDouble(v);
        float f = (float) d;
        if ((double) f != d && !Double.isNaN(d)) {
            throw new IllegalArgumentException("does not fit a 4-byte float exactly");
        }
        return f;
    }

    private static Double toDouble(Object v) {
        if (v instanceof Double d) {
            return d;
        } else if (v instanceof Float f) {
            return f.doubleValue();
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            long n = ((Number) v).longValue();
            if (Math.abs(n) <= (1L << 53)) {
                return (double) n;
            }
        } else if (v instanceof BigDecimal d && d.abs().compareTo(MAX_EXACT_DOUBLE_INT) <= 0
                && new BigDecimal(Double.toString(d.doubleValue())).compareTo(d) == 0) {
            return d.doubleValue();
        } else if (v instanceof String s) {
            return toDouble(parseDoubleExactly(s.trim()));
        }
        throw new IllegalArgumentException("not a floating-point number that converts exactly");
    }

    private static Object parseDoubleExactly(String s) {
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "Infinity", "inf" -> Double.POSITIVE_INFINITY;
            case "-Infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.valueOf(s);
        };
    }

    private static byte[] toBytes(Object v) {
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("not binary data");
    }

    private static LocalDateTime toTimestamp(Object v) {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof OffsetDateTime t) {
            if (t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN)) {
                return t.equals(OffsetDateTime.MAX) ? LocalDateTime.MAX : LocalDateTime.MIN;
            }
            return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        return TextParsing.timestamp(text(v));
    }

    private static OffsetDateTime toInstant(Object v) {
        if (v instanceof OffsetDateTime t) {
            return t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN) ? t : t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (v instanceof LocalDateTime t) {
            if (t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN)) {
                return t.equals(LocalDateTime.MAX) ? OffsetDateTime.MAX : OffsetDateTime.MIN;
            }
            return t.atOffset(ZoneOffset.UTC);
        }
        return TextParsing.instant(text(v), true);
    }

    private static UUID toUuid(Object v) {
        if (v instanceof UUID u) {
            return u;
        }
        if (v instanceof byte[] b && b.length == 16) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b);
            return new UUID(buf.getLong(), buf.getLong());
        }
        String s = text(v).trim();
        if (s.length() == 32 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            s = s.substring(0, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12, 16) + "-" + s.substring(16, 20)
                    + "-" + s.substring(20);
        }
        if (s.length() != 36) {
            throw new IllegalArgumentException("not a UUID");
        }
        return UUID.fromString(s);
    }

    private static String jsonText(Object v) {
        if (v instanceof ArrayValue a) {
            return JsonForms.array(a);
        }
        if (v instanceof Boolean || v instanceof Long || v instanceof Integer || v instanceof BigInteger
                || v instanceof BigDecimal) {
            return TextForms.of(v);
        }
        if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
            return v.toString();
        }
        throw new IllegalArgumentException("not a JSON document");
    }

    /** Text for parsing: a String or a NativeValue's text (e.g. MariaDB's '24:00:00'); nothing else. */
    private static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof NativeValue n) {
            return n.text();
        }
        throw new IllegalArgumentException("a " + v.getClass().getSimpleName() + " value cannot become this type");
    }

    private static <T> T requireType(Object v, Class<T> type) {
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("not a " + type.getSimpleName());
        }
        return type.cast(v);
    }
}
