package dev.ferry.core.profile;

import dev.ferry.core.value.ArrayValue;
import dev.ferry.core.value.BitString;
import dev.ferry.core.value.Interval;
import dev.ferry.core.value.Json;
import dev.ferry.core.value.NativeValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.UUID;

/** The Java representation a portable value arrived in; a column's profile lists those it saw. */
public enum ValueClass {
    NULL, BOOLEAN, INTEGER, BIG_INTEGER, DECIMAL, FLOAT, DOUBLE, TEXT, BYTES, DATE, TIME, TIMESTAMP,
    TIMESTAMP_TZ, TIME_TZ, INTERVAL, UUID, JSON, BITS, ARRAY, NATIVE;

    public static ValueClass of(Object v) {
        if (v == null) {
            return NULL;
        } else if (v instanceof String) {
            return TEXT;
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return INTEGER;
        } else if (v instanceof Boolean) {
            return BOOLEAN;
        } else if (v instanceof BigDecimal) {
            return DECIMAL;
        } else if (v instanceof Double) {
            return DOUBLE;
        } else if (v instanceof byte[]) {
            return BYTES;
        }
        return ofLessCommon(v);
    }

    private static ValueClass ofLessCommon(Object v) {
        if (v instanceof LocalDateTime) {
            return TIMESTAMP;
        } else if (v instanceof OffsetDateTime) {
            return TIMESTAMP_TZ;
        } else if (v instanceof LocalDate) {
            return DATE;
        } else if (v instanceof LocalTime) {
            return TIME;
        } else if (v instanceof Float) {
            return FLOAT;
        } else if (v instanceof BigInteger) {
            return BIG_INTEGER;
        }
        return ofStructured(v);
    }

    private static ValueClass ofStructured(Object v) {
        if (v instanceof UUID) {
            return UUID;
        } else if (v instanceof Json) {
            return JSON;
        } else if (v instanceof OffsetTime) {
            return TIME_TZ;
        } else if (v instanceof Interval) {
            return INTERVAL;
        } else if (v instanceof BitString) {
            return BITS;
        } else if (v instanceof ArrayValue) {
            return ARRAY;
        } else if (v instanceof NativeValue) {
            return NATIVE;
        }
        throw new IllegalArgumentException("not a portable value type: " + v.getClass().getName());
    }
}
