package dev.ferry.ops;

import dev.ferry.core.archive.ArchiveFormat;
import dev.ferry.core.archive.crypto.Encryption;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.spi.ConnectionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to back up and where. Immutable; validated on construction, all problems reported at once.
 *
 * @param namespaces       schemas to include; empty means every non-system schema (the engine's default)
 * @param excludeTables    table names or globs ({@code audit_*}, {@code public.django_session}) to leave out
 * @param jobs             tables read in parallel (1 or more); engines that cannot share a snapshot use 1
 * @param compressionLevel zstd level, 1 (fast) to 19 (small); 3 by default
 * @param excludeData      table names or globs whose rows are left out (their schema is kept)
 * @param files            directory trees to store with the database, by name
 * @param secretFiles      single files to store with the database, by name (encrypted archives only)
 * @param encryption       how to encrypt the archive; null for a plain archive
 * @param roots            {@code --root "<table>:<condition>"}: export only these rows and their dependency
 *                         closure (see {@link dev.ferry.core.closure.Closure}); empty for a whole backup
 * @param withChildren     with roots: also every row referencing a root row, transitively
 * @param chunkRows        rows per archive chunk, 1 to 1,000,000 (the default); a resumed restore keeps
 *                         every whole chunk of a half-loaded table, so smaller chunks lose less to a kill
 */
public record BackupSettings(ConnectionSpec source, Path archive, int jobs, List<String> namespaces,
                             List<String> excludeTables, int compressionLevel, List<String> excludeData,
                             Map<String, Path> files, Map<String, Path> secretFiles, Encryption encryption, List<String> roots,
                             boolean withChildren, long chunkRows) {
    public BackupSettings {
        roots = roots == null ? List.of() : List.copyOf(roots);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(archive, "archive");
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
        excludeData = excludeData == null ? List.of() : List.copyOf(excludeData);
        files = NamedPaths.copy(files);
        secretFiles = NamedPaths.copy(secretFiles);
        List<String> problems = new ArrayList<>();
        if (jobs < 1 || jobs > 64) {
            problems.add("--jobs must be between 1 and 64, not " + jobs);
        }
        if (compressionLevel < 1 || compressionLevel > 19) {
            problems.add("compression level must be between 1 and 19, not " + compressionLevel);
        }
        checkFiles(files, secretFiles, encryption, problems);
        if (chunkRows < 1 || chunkRows > ArchiveFormat.CHUNK_MAX_ROWS) {
            problems.add("--chunk-rows must be between 1 and " + ArchiveFormat.CHUNK_MAX_ROWS + ", not " + chunkRows);
        }
        if (withChildren && roots.isEmpty()) {
            problems.add("--with-children needs at least one --root \"<table>:<condition>\"");
        }
        if (!problems.isEmpty()) {
            throw new FerryException(ErrorCode.USAGE, String.join("; ", problems));
        }
    }

    /** A whole backup (no roots). */
    public BackupSettings(ConnectionSpec source, Path archive, int jobs, List<String> namespaces, List<String> excludeTables,
                          int compressionLevel, List<String> excludeData, Map<String, Path> files,
                          Map<String, Path> secretFiles, Encryption encryption) {
        this(source, archive, jobs, namespaces, excludeTables, compressionLevel, excludeData, files, secretFiles, encryption,
                null, false, ArchiveFormat.CHUNK_MAX_ROWS);
    }

    /** A plain backup of tables only. */
    public BackupSettings(ConnectionSpec source, Path archive, int jobs, List<String> namespaces, List<String> excludeTables,
                          int compressionLevel) {
        this(source, archive, jobs, namespaces, excludeTables, compressionLevel, null, null, null, null);
    }

    /** Defaults: every table of the default schemas, one job, zstd level 3. */
    public static BackupSettings of(ConnectionSpec source, Path archive) {
        return new BackupSettings(source, archive, 1, List.of(), List.of(), 3);
    }

    public BackupSettings withJobs(int n) {
        return new BackupSettings(source, archive, n, namespaces, excludeTables, compressionLevel, excludeData, files,
                secretFiles, encryption, roots, withChildren, chunkRows);
    }

    public BackupSettings withExcludeTables(List<String> patterns) {
        return new BackupSettings(source, archive, jobs, namespaces, patterns, compressionLevel, excludeData, files,
                secretFiles, encryption, roots, withChildren, chunkRows);
    }

    public BackupSettings withNamespaces(List<String> names) {
        return new BackupSettings(source, archive, jobs, names, excludeTables, compressionLevel, excludeData, files,
                secretFiles, encryption, roots, withChildren, chunkRows);
    }

    public BackupSettings withExcludeData(List<String> patterns) {
        return new BackupSettings(source, archive, jobs, namespaces, excludeTables, compressionLevel, patterns, files,
                secretFiles, encryption, roots, withChildren, chunkRows);
    }

    public BackupSettings withFiles(Map<String, Path> trees) {
        return new BackupSettings(source, archive, jobs, namespaces, excludeTables, compressionLevel, excludeData, trees,
                secretFiles, encryption, roots, withChildren, chunkRows);
    }

    public BackupSettings withSecretFiles(Map<String, Path> secrets) {
        return new BackupSettings(source, archive, jobs, namespaces, excludeTables, compressionLevel, excludeData, files,
                secrets, encryption, roots, withChildren, chunkRows);
    }

    public BackupSettings withEncryption(Encryption value) {
        return new BackupSettings(source, archive, jobs, namespaces, excludeTables, compressionLevel, excludeData, files,
                secretFiles, value, roots, withChildren, chunkRows);
    }

    /** Only these root rows and their closure; {@code children}: their children too ({@code --with-children}). */
    public BackupSettings withRoots(List<String> specs, boolean children) {
        return new BackupSettings(source, archive, jobs, namespaces, excludeTables, compressionLevel, excludeData, files,
                secretFiles, encryption, specs, children, chunkRows);
    }

    /** Closes each archive chunk after {@code rows} rows ({@code --chunk-rows}). */
    public BackupSettings withChunkRows(long rows) {
        return new BackupSettings(source, archive, jobs, namespaces, excludeTables, compressionLevel, excludeData, files,
                secretFiles, encryption, roots, withChildren, rows);
    }

    private static void checkFiles(Map<String, Path> files, Map<String, Path> secrets, Encryption encryption,
                                   List<String> problems) {
        NamedPaths.checkNames("--files", files, problems);
        NamedPaths.checkNames("--secret-file", secrets, problems);
        files.forEach((name, dir) -> {
            if (dir != null && !Files.isDirectory(dir)) {
                problems.add("--files " + name + "=" + dir + ": not a directory");
            }
        });
        secrets.forEach((name, file) -> {
            if (file != null && !Files.isRegularFile(file)) {
                problems.add("--secret-file " + name + "=" + file + ": not a readable file");
            }
        });
        if (!secrets.isEmpty() && encryption == null) {
            problems.add("--secret-file needs --encrypt: secrets are stored only in encrypted archives");
        }
    }
}
