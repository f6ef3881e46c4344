package dev.ferry.core.value;

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
 * Writes portable values in the archive's tagged binary form. With {@code canonical} set it writes
 * the canonical form used for content hashes instead: equal values encode equally whatever the engine
 * returned (Float widened to Double, decimals without trailing zeros, BigIntegers that fit as longs).
 */
public final class ValueEncoder {
    private final boolean canonical;

    public ValueEncoder(boolean canonical) {
        this.canonical = canonical;
    }

    public void encode(Object v, GrowableBytes out) {
        if (v == null) {
            out.put(ValueTag.NULL);
        } else if (v instanceof String s) {
            putText(ValueTag.TEXT, s, out);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            putInt(((Number) v).longValue(), out);
        } else if (v instanceof Boolean b) {
            out.put(b ? ValueTag.TRUE : ValueTag.FALSE);
        } else {
            encodeOther(v, out);
        }
    }

    private void encodeOther(Object v, GrowableBytes out) {
        if (v instanceof BigDecimal d) {
            putDecimal(d, out);
        } else if (v instanceof Double d) {
            out.put(ValueTag.FLOAT64);
            out.putLong(Double.doubleToLongBits(d));
        } else if (v instanceof Float f) {
            putFloat(f, out);
        } else if (v instanceof byte[] b) {
            out.put(ValueTag.BYTES);
            out.putBlock(b);
        } else if (v instanceof BigInteger i) {
            putBigInteger(i, out);
        } else {
            encodeTemporalOrStructured(v, out);
        }
    }

    private void encodeTemporalOrStructured(Object v, GrowableBytes out) {
        if (v instanceof LocalDate d) {
            out.put(ValueTag.DATE);
            out.putSignedVarLong(d.toEpochDay());
        } else if (v instanceof LocalDateTime t) {
            out.put(ValueTag.TIMESTAMP);
            out.putSignedVarLong(t.toLocalDate().toEpochDay());
            out.putVarLong(t.toLocalTime().toNanoOfDay());
        } else if (v instanceof OffsetDateTime t) {
            putInstant(t, out);
        } else if (v instanceof LocalTime t) {
            out.put(ValueTag.TIME);
            out.putVarLong(t.toNanoOfDay());
        } else if (v instanceof OffsetTime t) {
            out.put(ValueTag.TIME_TZ);
            out.putVarLong(t.toLocalTime().toNanoOfDay());
            out.putSignedVarLong(t.getOffset().getTotalSeconds());
        } else {
            encodeStructured(v, out);
        }
    }

    private void encodeStructured(Object v, GrowableBytes out) {
        if (v instanceof UUID u) {
            out.put(ValueTag.UUID);
            out.putLong(u.getMostSignificantBits());
            out.putLong(u.getLeastSignificantBits());
        } else if (v instanceof Json j) {
            putText(ValueTag.JSON, j.text(), out);
        } else if (v instanceof Interval i) {
            out.put(ValueTag.INTERVAL);
            out.putSignedVarLong(i.months());
            out.putSignedVarLong(i.days());
            out.putSignedVarLong(i.micros());
        } else if (v instanceof BitString b) {
            putText(ValueTag.BITS, b.bits(), out);
        } else if (v instanceof ArrayValue a) {
            out.put(ValueTag.ARRAY);
            out.putVarLong(a.elements().size());
            for (Object e : a.elements()) {
                encode(e, out);
            }
        } else if (v instanceof NativeValue n) {
            putText(ValueTag.NATIVE, n.type(), out);
            out.putBlock(n.text().getBytes(StandardCharsets.UTF_8));
        } else {
            throw new IllegalArgumentException("not a portable value type: " + v.getClass().getName());
        }
    }

    private static void putText(int tag, String s, GrowableBytes out) {
        out.put(tag);
        out.putBlock(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void putInt(long v, GrowableBytes out) {
        out.put(ValueTag.INT);
        out.putSignedVarLong(v);
    }

    private void putFloat(float f, GrowableBytes out) {
        if (canonical) {
            out.put(ValueTag.FLOAT64);
            out.putLong(Double.doubleToLongBits(f));
        } else {
            out.put(ValueTag.FLOAT32);
            out.putInt(Float.floatToIntBits(f));
        }
    }

    private void putBigInteger(BigInteger i, GrowableBytes out) {
        if (canonical && i.bitLength() < 64) {
            putInt(i.longValue(), out);
        } else {
            out.put(ValueTag.BIG_INT);
            out.putBlock(i.toByteArray());
        }
    }

    private void putDecimal(BigDecimal d, GrowableBytes out) {
        BigDecimal value = canonical ? canonicalDecimal(d) : d;
        out.put(ValueTag.DECIMAL);
        out.putSignedVarLong(value.scale());
        out.putBlock(value.unscaledValue().toByteArray());
    }

    private static BigDecimal canonicalDecimal(BigDecimal d) {
        BigDecimal stripped = withoutTrailingZeros(d);
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * {@link BigDecimal#stripTrailingZeros()} in O(log² n) divisions rather than one division per zero
     * (which takes seconds on the 100,000-digit numerics PostgreSQL allows): divides by 10^step,
     * doubling the step while it divides evenly and halving it when it does not.
     */
    static BigDecimal withoutTrailingZeros(BigDecimal d) {
        BigInteger unscaled = d.unscaledValue();
        if (unscaled.signum() == 0) {
            return BigDecimal.ZERO;
        }
        long scale = d.scale();
        int step = 1;
        while (true) {
            BigInteger[] qr = unscaled.divideAndRemainder(BigInteger.TEN.pow(step));
            if (qr[1].signum() == 0) {
                unscaled = qr[0];
                scale -= step;
                step *= 2;
            } else if (step == 1) {
                return new BigDecimal(unscaled, Math.toIntExact(scale));
            } else {
                step /= 2;
            }
        }
    }

    private static void putInstant(OffsetDateTime t, GrowableBytes out) {
        if (t.equals(OffsetDateTime.MAX)) {
            out.put(ValueTag.TIMESTAMP_TZ_INFINITY);
        } else if (t.equals(OffsetDateTime.MIN)) {
            out.put(ValueTag.TIMESTAMP_TZ_MINUS_INFINITY);
        } else {
            out.put(ValueTag.TIMESTAMP_TZ);
            out.putSignedVarLong(t.toEpochSecond());
            out.putVarLong(t.getNano());
        }
    }

    /** The offset every decoded timestamp-with-time-zone carries. */
    static final ZoneOffset UTC = ZoneOffset.UTC;
}
