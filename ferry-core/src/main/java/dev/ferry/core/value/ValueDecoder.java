package dev.ferry.core.value;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads values written by {@link ValueEncoder} (archive form). */
public final class ValueDecoder {
    private static final int MAX_ARRAY_DEPTH = 32;
    /**
     * Bounds of exact numbers, well above what engines store (PostgreSQL numeric: 131,072 digits before
     * the point, 16,383 after, about 61 KB), so that a damaged scale or length cannot make hashing a
     * value take hours: 10^(2^31) is not computed.
     */
    static final int MAX_DECIMAL_SCALE = 1 << 18;
    static final int MAX_NUMBER_BYTES = 1 << 17;

    private ValueDecoder() {
    }

    /** Reads the next value; {@code tag} has already been read. */
    public static Object decode(int tag, ValueInput in) throws IOException {
        return decode(tag, in, 0);
    }

    private static Object decode(int tag, ValueInput in, int depth) throws IOException {
        switch (tag) {
            case ValueTag.NULL: return null;
            case ValueTag.FALSE: return Boolean.FALSE;
            case ValueTag.TRUE: return Boolean.TRUE;
            case ValueTag.INT: return in.readSignedVarLong();
            case ValueTag.BIG_INT: return bigInteger(in);
            case ValueTag.DECIMAL: return decimal(in);
            case ValueTag.FLOAT32: return Float.intBitsToFloat(in.readInt());
            case ValueTag.FLOAT64: return Double.longBitsToDouble(in.readLong());
            case ValueTag.TEXT: return text(in);
            case ValueTag.BYTES: return in.readBlock();
            default: return decodeTemporal(tag, in, depth);
        }
    }

    private static Object decodeTemporal(int tag, ValueInput in, int depth) throws IOException {
        try {
            switch (tag) {
                case ValueTag.DATE: return LocalDate.ofEpochDay(in.readSignedVarLong());
                case ValueTag.TIME: return LocalTime.ofNanoOfDay(in.readVarLong());
                case ValueTag.TIMESTAMP: return LocalDateTime.of(LocalDate.ofEpochDay(in.readSignedVarLong()),
                        LocalTime.ofNanoOfDay(in.readVarLong()));
                case ValueTag.TIMESTAMP_TZ: return OffsetDateTime.ofInstant(
                        Instant.ofEpochSecond(in.readSignedVarLong(), in.readVarLong()), ZoneOffset.UTC);
                case ValueTag.TIMESTAMP_TZ_INFINITY: return OffsetDateTime.MAX;
                case ValueTag.TIMESTAMP_TZ_MINUS_INFINITY: return OffsetDateTime.MIN;
                case ValueTag.TIME_TZ: return OffsetTime.of(LocalTime.ofNanoOfDay(in.readVarLong()),
                        ZoneOffset.ofTotalSeconds(Math.toIntExact(in.readSignedVarLong())));
                default: return decodeStructured(tag, in, depth);
            }
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new ValueFormatException("invalid date/time value at byte " + in.position() + ": " + e.getMessage());
        }
    }

    private static Object decodeStructured(int tag, ValueInput in, int depth) throws IOException {
        switch (tag) {
            case ValueTag.UUID: return new UUID(in.readLong(), in.readLong());
            case ValueTag.JSON: return new Json(text(in));
            case ValueTag.INTERVAL: return new Interval(Math.toIntExact(in.readSignedVarLong()),
                    Math.toIntExact(in.readSignedVarLong()), in.readSignedVarLong());
            case ValueTag.BITS: return bits(in);
            case ValueTag.ARRAY: return array(in, depth);
            case ValueTag.NATIVE: return new NativeValue(text(in), text(in));
            default: throw new ValueFormatException("unknown value tag " + tag + " at byte " + in.position());
        }
    }

    private static BigDecimal decimal(ValueInput in) throws IOException {
        long scale = in.readSignedVarLong();
        if (Math.abs(scale) > MAX_DECIMAL_SCALE) {
            throw new ValueFormatException("impossible decimal scale " + scale + " at byte " + in.position()
                    + " (no engine stores more than " + MAX_DECIMAL_SCALE + ")");
        }
        return new BigDecimal(bigInteger(in), (int) scale);
    }

    private static BigInteger bigInteger(ValueInput in) throws IOException {
        long length = in.readVarLong();
        if (length < 0 || length > MAX_NUMBER_BYTES) {
            throw new ValueFormatException("impossible number of " + length + " bytes at byte " + in.position()
                    + " (no engine stores more than " + MAX_NUMBER_BYTES + ")");
        }
        return new BigInteger(nonEmpty(in.readBytes((int) length), in));
    }

    private static byte[] nonEmpty(byte[] b, ValueInput in) throws ValueFormatException {
        if (b.length == 0) {
            throw new ValueFormatException("empty integer at byte " + in.position());
        }
        return b;
    }

    private static String text(ValueInput in) throws IOException {
        return new String(in.readBlock(), StandardCharsets.UTF_8);
    }

    private static BitString bits(ValueInput in) throws IOException {
        try {
            return new BitString(text(in));
        } catch (IllegalArgumentException e) {
            throw new ValueFormatException("a bit string holds characters other than 0 and 1 at byte " + in.position());
        }
    }

    private static ArrayValue array(ValueInput in, int depth) throws IOException {
        if (depth >= MAX_ARRAY_DEPTH) {
            throw new ValueFormatException("arrays nested deeper than " + MAX_ARRAY_DEPTH + " at byte " + in.position());
        }
        long n = in.readVarLong();
        if (n < 0 || n > ValueInput.MAX_VALUE_BYTES) {
            throw new ValueFormatException("impossible array length " + n + " at byte " + in.position());
        }
        List<Object> elements = new ArrayList<>((int) Math.min(n, 1024));
        for (long i = 0; i < n; i++) {
            elements.add(decode(in.readByte(), in, depth + 1));
        }
        return new ArrayValue(elements);
    }
}
