package dev.ferry.ops;

import dev.ferry.core.archive.crypto.Passphrase;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.ConnectionSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to compare: two sides, each a live database or an archive.
 *
 * @param rows          also find the first differing rows (by key) of every table that differs
 * @param maxRowDiffs   how many differing rows to report per table
 * @param namespaces    schemas of live databases to compare; empty means the engine's default
 */
public record DiffSettings(Side a, Side b, boolean rows, int maxRowDiffs, List<String> namespaces) {
    public DiffSettings {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        if (maxRowDiffs < 1) {
            throw new FerryException(ErrorCode.USAGE, "the number of differing rows to show must be at least 1, not " + maxRowDiffs);
        }
    }

    public static DiffSettings of(Side a, Side b) {
        return new DiffSettings(a, b, false, 10, List.of());
    }

    public DiffSettings withRows(boolean value) {
        return new DiffSettings(a, b, value, maxRowDiffs, namespaces);
    }

    /** One side of a comparison. */
    public sealed interface Side {
        /** How the side is shown in results (a redacted URL or the archive path). */
        String label();
    }

    /** A live database, read from one consistent snapshot. */
    public record Database(ConnectionSpec spec) implements Side {
        @Override
        public String label() {
            return spec.redactedUrl();
        }
    }

    /** An archive, whose chunks are checked as they are read; {@code passphrase} null for a plain one. */
    public record Archive(Path path, Passphrase passphrase) implements Side {
        public Archive(Path path) {
            this(path, null);
        }

        @Override
        public String label() {
            return path.toString();
        }
    }
}
