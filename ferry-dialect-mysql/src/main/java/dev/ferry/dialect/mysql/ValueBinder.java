package dev.ferry.dialect.mysql;

import dev.ferry.core.value.BitString;
import dev.ferry.core.value.Json;
import dev.ferry.core.value.NativeValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Binds portable values as parameters. Temporal values go as text in the server's own format
 * (the session time zone is +00:00, so an OffsetDateTime is sent as its UTC wall time); a Float is
 * sent as the double it widens to exactly, so the server stores the same float; bit strings and
 * geometry go as bytes.
 */
final class ValueBinder {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private ValueBinder() {
    }

    static void bind(PreparedStatement ps, int index, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.NULL);
        } else if (v instanceof Long l) {
            ps.setLong(index, l);
        } else if (v instanceof String s) {
            ps.setString(index, s);
        } else if (v instanceof byte[] b) {
            ps.setBytes(index, b);
        } else if (v instanceof BigDecimal d) {
            ps.setBigDecimal(index, d);
        } else if (v instanceof BigInteger i) {
            ps.setBigDecimal(index, new BigDecimal(i));
        } else if (v instanceof Double d) {
            ps.setDouble(index, d);
        } else if (v instanceof Float f) {
            ps.setDouble(index, f.doubleValue());
        } else {
            ps.setObject(index, convertOther(v));
        }
    }

    /** The value to send for the less common types: a String, a byte[] or a Boolean. */
    static Object convertOther(Object v) {
        if (v instanceof LocalDate d) {
            return d.toString();
        } else if (v instanceof LocalDateTime t) {
            return DATE_TIME.format(t);
        } else if (v instanceof OffsetDateTime t) {
            return DATE_TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        } else if (v instanceof LocalTime t) {
            return TIME.format(t);
        } else if (v instanceof Json j) {
            return j.text();
        } else if (v instanceof BitString b) {
            return bitBytes(b);
        } else if (v instanceof NativeValue n) {
            return MysqlTypes.GEOMETRY.contains(n.type()) ? HexFormat.of().parseHex(n.text()) : n.text();
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return v;
        }
        return v.toString();
    }

    /** A bit string as big-endian bytes, padded on the left. */
    static byte[] bitBytes(BitString b) {
        String bits = b.bits();
        byte[] out = new byte[Math.max(1, (bits.length() + 7) / 8)];
        for (int i = 0; i < bits.length(); i++) {
            if (bits.charAt(bits.length() - 1 - i) == '1') {
                out[out.length - 1 - i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return out;
    }
}
