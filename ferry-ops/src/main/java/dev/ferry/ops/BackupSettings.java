package dev.ferry.ops;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.ConnectionSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to back up and where. Immutable; validated on construction, all problems reported at once.
 *
 * @param namespaces       schemas to include; empty means every non-system schema (the engine's default)
 * @param excludeTables    table names or globs ({@code audit_*}, {@code public.django_session}) to leave out
 * @param jobs             tables read in parallel (1 or more); engines that cannot share a snapshot use 1
 * @param compressionLevel zstd level, 1 (fast) to 19 (small); 3 by default
 */
public record BackupSettings(ConnectionSpec source, Path archive, int jobs, List<String> namespaces,
                             List<String> excludeTables, int compressionLevel) {
    public BackupSettings {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(archive, "archive");
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
        List<String> problems = new ArrayList<>();
        if (jobs < 1 || jobs > 64) {
            problems.add("--jobs must be between 1 and 64, not " + jobs);
        }
        if (compressionLevel < 1 || compressionLevel > 19) {
            problems.add("compression level must be between 1 and 19, not " + compressionLevel);
        }
        if (!problems.isEmpty()) {
            throw new FerryException(ErrorCode.USAGE, String.join("; ", problems));
        }
    }

    /** Defaults: every table of the default schemas, one job, zstd level 3. */
    public static BackupSettings of(ConnectionSpec source, Path archive) {
        return new BackupSettings(source, archive, 1, List.of(), List.of(), 3);
    }

    public BackupSettings withJobs(int n) {
        return new BackupSettings(source, archive, n, namespaces, excludeTables, compressionLevel);
    }

    public BackupSettings withExcludeTables(List<String> patterns) {
        return new BackupSettings(source, archive, jobs, namespaces, patterns, compressionLevel);
    }

    public BackupSettings withNamespaces(List<String> names) {
        return new BackupSettings(source, archive, jobs, names, excludeTables, compressionLevel);
    }
}
