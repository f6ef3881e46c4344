package dev.ferry.ops;

import dev.ferry.core.value.Json;
import dev.ferry.core.value.NativeValue;

/** A cheap estimate of a row's size in memory, for bounding what is buffered. Internal. */
final class RowSize {
    private RowSize() {
    }

    static int estimate(Object[] row) {
        long bytes = 16L * row.length;
        for (Object v : row) {
            if (v instanceof String s) {
                bytes += 2L * s.length();
            } else if (v instanceof byte[] b) {
                bytes += b.length;
            } else if (v instanceof Json j) {
                bytes += 2L * j.text().length();
            } else if (v instanceof NativeValue n) {
                bytes += 2L * n.text().length();
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }
}
