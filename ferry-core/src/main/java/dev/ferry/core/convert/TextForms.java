package dev.ferry.core.convert;

import dev.ferry.core.value.ArrayValue;
import dev.ferry.core.value.BitString;
import dev.ferry.core.value.Interval;
import dev.ferry.core.value.Json;
import dev.ferry.core.value.NativeValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * The text form of every portable value: what a value becomes in a column that stores text (a
 * target without the type, or a column whose values do not fit its declared type), defined once so
 * every engine stores and reads back the same text. The forms are ISO 8601 where one exists and can
 * be parsed back exactly by {@link TextParsing}; they are specified in docs/TYPE-MAPPING.md.
 *
 * <ul>
 *   <li>dates {@code 2024-01-15} ({@code +12345-01-01}, {@code -0043-03-15} for year 44 BC), times
 *       {@code 10:30:00.5} (fraction without trailing zeros; {@code 24:00:00} for {@link LocalTime#MAX}),
 *       timestamps {@code 2024-01-15 10:30:00.5}, instants {@code 2024-01-15 10:30:00.5+00:00} (UTC),
 *       {@code infinity} and {@code -infinity} for the types' MAX and MIN;</li>
 *   <li>intervals {@code P1Y2M3DT4H5M6.5S} with a sign per field, {@code PT0S} for zero;</li>
 *   <li>bytes {@code \x00ff}; decimals as plain digits; floats as Java prints them (NaN, Infinity);</li>
 *   <li>arrays as JSON arrays ({@link JsonForms}); everything else as its own text.</li>
 * </ul>
 */
public final class TextForms {
    private static final HexFormat HEX = HexFormat.of();
    static final String INFINITY = "infinity";
    static final String MINUS_INFINITY = "-infinity";

    private TextForms() {
    }

    /** The text form of a non-null portable value. */
    public static String of(Object v) {
        if (v instanceof String s) {
            return s;
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof java.math.BigInteger || v instanceof Boolean) {
            return v.toString();
        } else if (v instanceof BigDecimal d) {
            return d.toPlainString();
        } else if (v instanceof Double || v instanceof Float) {
            return v.toString();
        } else if (v instanceof byte[] b) {
            return "\\x" + HEX.formatHex(b);
        }
        return temporal(v);
    }

    private static String temporal(Object v) {
        if (v instanceof LocalDate d) {
            return date(d);
        } else if (v instanceof LocalTime t) {
            return time(t);
        } else if (v instanceof LocalDateTime t) {
            return timestamp(t);
        } else if (v instanceof OffsetDateTime t) {
            return instant(t);
        } else if (v instanceof OffsetTime t) {
            return time(t.toLocalTime()) + offset(t.getOffset());
        } else if (v instanceof Interval i) {
            return interval(i);
        }
        return structured(v);
    }

    private static String structured(Object v) {
        if (v instanceof Json j) {
            return j.text();
        } else if (v instanceof BitString b) {
            return b.bits();
        } else if (v instanceof ArrayValue a) {
            return JsonForms.array(a);
        } else if (v instanceof NativeValue n) {
            return n.text();
        } else if (v instanceof java.util.UUID u) {
            return u.toString();
        }
        throw new IllegalArgumentException("not a portable value type: " + v.getClass().getName());
    }

    public static String date(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return INFINITY;
        } else if (d.equals(LocalDate.MIN)) {
            return MINUS_INFINITY;
        }
        return d.toString();
    }

    /** {@code HH:MM:SS} plus a fraction without trailing zeros; {@code 24:00:00} for {@link LocalTime#MAX}. */
    public static String time(LocalTime t) {
        if (t.equals(LocalTime.MAX)) {
            return "24:00:00";
        }
        StringBuilder sb = new StringBuilder(18);
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        int nanos = t.getNano();
        if (nanos != 0) {
            String digits = String.format(java.util.Locale.ROOT, "%09d", nanos);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(digits, 0, end);
        }
        return sb.toString();
    }

    public static String timestamp(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) {
            return INFINITY;
        } else if (t.equals(LocalDateTime.MIN)) {
            return MINUS_INFINITY;
        }
        return t.toLocalDate() + " " + time(t.toLocalTime());
    }

    /** An instant in UTC with an explicit {@code +00:00}. */
    public static String instant(OffsetDateTime t) {
        if (t.equals(OffsetDateTime.MAX)) {
            return INFINITY;
        } else if (t.equals(OffsetDateTime.MIN)) {
            return MINUS_INFINITY;
        }
        return timestamp(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()) + "+00:00";
    }

    static String offset(ZoneOffset o) {
        return o.getTotalSeconds() == 0 ? "+00:00" : o.getId();
    }

    /** ISO 8601 with designators and a sign per field, as PostgreSQL's intervalstyle iso_8601 prints it. */
    public static String interval(Interval i) {
        StringBuilder sb = new StringBuilder("P");
        field(sb, i.months() / 12, 'Y');
        field(sb, i.months() % 12, 'M');
        field(sb, i.days(), 'D');
        long micros = i.micros();
        long hours = micros / 3_600_000_000L;
        long minutes = micros % 3_600_000_000L / 60_000_000L;
        long secondMicros = micros % 60_000_000L;
        if (hours != 0 || minutes != 0 || secondMicros != 0) {
            sb.append('T');
            field(sb, hours, 'H');
            field(sb, minutes, 'M');
            if (secondMicros != 0) {
                sb.append(BigDecimal.valueOf(secondMicros, 6).stripTrailingZeros().toPlainString()).append('S');
            }
        }
        return sb.length() == 1 ? "PT0S" : sb.toString();
    }

    private static void field(StringBuilder sb, long value, char designator) {
        if (value != 0) {
            sb.append(value).append(designator);
        }
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
