package dev.ferry.core.closure;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Compares a row's portable value with a condition literal: numbers by value (a SQLite boolean
 * stored as 0/1 compares with TRUE/FALSE), booleans with booleans, anything else by its text
 * (dates, timestamps and UUIDs in their ISO/canonical spelling). Internal.
 */
final class Literals {
    private Literals() {
    }

    /** Negative, zero or positive as for {@link Comparable}; null when either side is NULL (unknown). */
    static Integer compare(Object value, Object literal) {
        if (value == null || literal == null) {
            return null;
        }
        BigDecimal a = number(value);
        BigDecimal b = number(literal);
        if (a != null && b != null) {
            return a.compareTo(b);
        }
        return Integer.signum(text(value).compareTo(text(literal)));
    }

    private static BigDecimal number(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        } else if (v instanceof BigInteger i) {
            return new BigDecimal(i);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        } else if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return null;
    }

    private static String text(Object v) {
        return v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v.toString();
    }
}
