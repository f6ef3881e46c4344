package dev.ferry.bench.data;

import java.util.Locale;

/** Dataset sizes, as total rows over all tables. */
public enum Scale {
    /** The harness's own end-to-end test. */
    TINY(5_000),
    /** A quick check (~200k rows, ~40 MB in PostgreSQL). */
    SMALL(200_000),
    /** The figures (~5M rows, ~1 GB in PostgreSQL). */
    MEDIUM(5_000_000),
    /** On demand (~50M rows, ~10 GB in PostgreSQL). */
    LARGE(50_000_000);

    private final long totalRows;

    Scale(long totalRows) {
        this.totalRows = totalRows;
    }

    public long totalRows() {
        return totalRows;
    }

    public static Scale parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scale '" + name + "': use tiny, small, medium or large", e);
        }
    }
}
