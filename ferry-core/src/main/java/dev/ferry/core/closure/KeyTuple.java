package dev.ferry.core.closure;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The values of some columns of a row, in a form where equal keys are equal objects: integers of any
 * width as Long (or BigInteger), integral decimals likewise, byte arrays by content. Public API (merge
 * uses it for its id map).
 */
public final class KeyTuple {
    private KeyTuple() {
    }

    /** The canonical values of {@code columns} of {@code row}; null if any of them is NULL (no reference). */
    public static List<Object> of(Object[] row, int[] columns) {
        List<Object> out = new ArrayList<>(columns.length);
        for (int c : columns) {
            Object v = canonical(row[c]);
            if (v == null) {
                return null;
            }
            out.add(v);
        }
        return out;
    }

    /** One value in canonical form. */
    public static Object canonical(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        } else if (v instanceof BigInteger i) {
            return i.bitLength() < 64 ? (Object) i.longValue() : i;
        } else if (v instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            return s.scale() <= 0 ? canonical(s.toBigIntegerExact()) : s;
        } else if (v instanceof byte[] b) {
            return ByteBuffer.wrap(b.clone());
        }
        return v;
    }
}
