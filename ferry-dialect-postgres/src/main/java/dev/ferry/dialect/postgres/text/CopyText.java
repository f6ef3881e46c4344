package dev.ferry.dialect.postgres.text;

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
import java.util.HexFormat;

/**
 * Writes portable values as fields of PostgreSQL's COPY text format: {@code \N} for null, the
 * type's input text otherwise, with backslash, tab, newline and carriage return escaped.
 */
public final class CopyText {
    private static final HexFormat HEX = HexFormat.of();

    private CopyText() {
    }

    /** Appends one field (no delimiter). */
    public static void appendField(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            out.append(value instanceof Boolean b ? (b ? "t" : "f") : value.toString());
        } else {
            appendEscaped(out, inputText(value));
        }
    }

    /** The text the type's input function accepts, before COPY escaping. */
    public static String inputText(Object v) {
        if (v instanceof String s) {
            return s;
        } else if (v instanceof Boolean b) {
            return b ? "t" : "f";
        } else if (v instanceof BigDecimal d) {
            return d.toPlainString();
        } else if (v instanceof Double d) {
            return floatText(d);
        } else if (v instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? floatText(f.doubleValue()) : f.toString();
        } else if (v instanceof byte[] b) {
            return "\\x" + HEX.formatHex(b);
        }
        return temporalOrStructuredText(v);
    }

    private static String temporalOrStructuredText(Object v) {
        if (v instanceof LocalDate d) {
            return PgTemporalText.formatDate(d);
        } else if (v instanceof LocalDateTime t) {
            return PgTemporalText.formatTimestamp(t);
        } else if (v instanceof OffsetDateTime t) {
            return PgTemporalText.formatTimestampTz(t);
        } else if (v instanceof LocalTime t) {
            return PgTemporalText.formatTime(t);
        } else if (v instanceof OffsetTime t) {
            return PgTemporalText.formatTimeTz(t);
        } else if (v instanceof Interval i) {
            return PgIntervalText.format(i);
        } else if (v instanceof Json j) {
            return j.text();
        } else if (v instanceof BitString b) {
            return b.bits();
        } else if (v instanceof ArrayValue a) {
            return PgArrayText.format(a, CopyText::inputText);
        } else if (v instanceof NativeValue n) {
            return n.text();
        }
        return v.toString();
    }

    private static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        } else if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return Double.toString(d);
    }

    /** Appends {@code s} with COPY text escapes. */
    public static void appendEscaped(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
    }
}
