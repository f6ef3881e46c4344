package dev.ferry.ops.merge;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Picking and placing values of a row by position. Internal. */
final class Rows {
    private Rows() {
    }

    static Object[] at(Object[] row, int[] positions) {
        Object[] out = new Object[positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[i] = row[positions[i]];
        }
        return out;
    }

    static void put(Object[] row, int[] positions, List<Object> values) {
        for (int i = 0; i < positions.length; i++) {
            row[positions[i]] = values.get(i);
        }
    }

    /** Values for a message: {@code 7} or {@code (3, 'ada')}. */
    static String text(Object[] values) {
        String inner = Arrays.stream(values).map(v -> v instanceof String s ? "'" + s + "'" : String.valueOf(v))
                .collect(Collectors.joining(", "));
        return values.length == 1 ? inner : "(" + inner + ")";
    }
}
