package dev.ferry.ops;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.ConnectionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to copy from where to where. Immutable; validated on construction, all problems reported at once.
 *
 * @param jobs          tables read (and, where the target allows, written) in parallel from one snapshot
 * @param namespaces    source schemas to include; empty means the engine's default
 * @param excludeTables source table names or globs to leave out
 * @param clean         drop what the target holds first, inside the all-or-nothing unit
 * @param strict        into another engine: refuse any change of a column's representation before writing
 */
public record TransferSettings(ConnectionSpec source, ConnectionSpec target, int jobs, List<String> namespaces,
                               List<String> excludeTables, boolean clean, boolean strict) {
    public TransferSettings {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
        List<String> problems = new ArrayList<>();
        if (jobs < 1 || jobs > 64) {
            problems.add("--jobs must be between 1 and 64, not " + jobs);
        }
        if (source.url().equals(target.url())) {
            problems.add("--from and --to name the same database (" + source.redactedUrl() + ")");
        }
        if (!problems.isEmpty()) {
            throw new FerryException(ErrorCode.USAGE, String.join("; ", problems));
        }
    }

    public static TransferSettings of(ConnectionSpec source, ConnectionSpec target) {
        return new TransferSettings(source, target, 1, List.of(), List.of(), false, false);
    }

    public TransferSettings withJobs(int n) {
        return new TransferSettings(source, target, n, namespaces, excludeTables, clean, strict);
    }

    public TransferSettings withClean(boolean value) {
        return new TransferSettings(source, target, jobs, namespaces, excludeTables, value, strict);
    }

    public TransferSettings withStrict(boolean value) {
        return new TransferSettings(source, target, jobs, namespaces, excludeTables, clean, value);
    }

    public TransferSettings withExcludeTables(List<String> patterns) {
        return new TransferSettings(source, target, jobs, namespaces, patterns, clean, strict);
    }
}
