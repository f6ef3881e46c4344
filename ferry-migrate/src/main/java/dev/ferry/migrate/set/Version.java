package dev.ferry.migrate.set;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A migration version: dot-separated non-negative integers ({@code 3}, {@code 1.2}, {@code 2026.01.15}),
 * compared numerically part by part, so 1.10 comes after 1.9. In file names {@code _} may stand for
 * {@code .} ({@code V1_2__x.sql}). Trailing zero parts do not count: 1.0 equals 1.
 */
public record Version(long[] parts) implements Comparable<Version> {

    public static Version parse(String text) {
        String t = text.replace('_', '.');
        if (!t.matches("\\d+(\\.\\d+)*")) {
            throw new FerryException(ErrorCode.INVALID_MIGRATIONS, "'" + text + "' is not a version: use numbers separated"
                    + " by dots, e.g. 3 or 1.2");
        }
        long[] p = Arrays.stream(t.split("\\.")).mapToLong(Long::parseLong).toArray();
        int n = p.length;
        while (n > 1 && p[n - 1] == 0) {
            n--;
        }
        return new Version(Arrays.copyOf(p, n));
    }

    @Override
    public int compareTo(Version o) {
        for (int i = 0; i < Math.max(parts.length, o.parts.length); i++) {
            long a = i < parts.length ? parts[i] : 0;
            long b = i < o.parts.length ? o.parts[i] : 0;
            if (a != b) {
                return Long.compare(a, b);
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parts);
    }

    @Override
    public String toString() {
        return Arrays.stream(parts).mapToObj(Long::toString).collect(Collectors.joining("."));
    }
}
