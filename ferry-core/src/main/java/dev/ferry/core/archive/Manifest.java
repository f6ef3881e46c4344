package dev.ferry.core.archive;

import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.profile.ColumnProfile;
import java.time.Instant;
import java.util.List;

/**
 * The archive's table of contents and proof: where the data came from, and per table its row count,
 * content hash and files. Never contains credentials or a connection URL.
 *
 * @param formatVersion        {@link ArchiveFormat#VERSION} of the writer
 * @param snapshot             how the consistent snapshot was taken
 * @param warnings             things the user should know about this archive (e.g. dropped foreign keys)
 * @param dataExcluded         tables whose rows were left out on purpose ({@code --exclude-data}): schema only
 * @param trees                directory trees stored with the database ({@code --files name=dir})
 * @param secrets              single files stored with the database ({@code --secret-file}, encrypted archives only)
 * @param partial              set when the archive holds only some rows ({@code --root}); null for a whole database
 */
public record Manifest(int formatVersion, String ferryVersion, Instant createdAt, Source source, String snapshot,
                       List<TableEntry> tables, List<MigrationHistory> migrationHistories, List<FileEntry> files,
                       List<String> warnings, List<QualifiedName> dataExcluded, List<TreeEntry> trees,
                       List<SecretEntry> secrets, Partial partial) {
    public Manifest {
        tables = List.copyOf(tables);
        migrationHistories = migrationHistories == null ? List.of() : List.copyOf(migrationHistories);
        files = files == null ? List.of() : List.copyOf(files);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        dataExcluded = dataExcluded == null ? List.of() : List.copyOf(dataExcluded);
        trees = trees == null ? List.of() : List.copyOf(trees);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }

    /** A manifest of a whole database. */
    public Manifest(int formatVersion, String ferryVersion, Instant createdAt, Source source, String snapshot,
                    List<TableEntry> tables, List<MigrationHistory> migrationHistories, List<FileEntry> files,
                    List<String> warnings, List<QualifiedName> dataExcluded, List<TreeEntry> trees,
                    List<SecretEntry> secrets) {
        this(formatVersion, ferryVersion, createdAt, source, snapshot, tables, migrationHistories, files, warnings,
                dataExcluded, trees, secrets, null);
    }

    /** A manifest of tables only (no excluded data, no files). */
    public Manifest(int formatVersion, String ferryVersion, Instant createdAt, Source source, String snapshot,
                    List<TableEntry> tables, List<MigrationHistory> migrationHistories, List<FileEntry> files,
                    List<String> warnings) {
        this(formatVersion, ferryVersion, createdAt, source, snapshot, tables, migrationHistories, files, warnings,
                null, null, null);
    }

    public Manifest withDataExcluded(List<QualifiedName> tablesWithoutRows) {
        return new Manifest(formatVersion, ferryVersion, createdAt, source, snapshot, tables, migrationHistories, files,
                warnings, tablesWithoutRows, trees, secrets, partial);
    }

    /** This manifest with the files, trees and secrets an archive writer recorded. */
    Manifest withContents(List<FileEntry> allFiles, List<TreeEntry> allTrees, List<SecretEntry> allSecrets) {
        return new Manifest(formatVersion, ferryVersion, createdAt, source, snapshot, tables, migrationHistories, allFiles,
                warnings, dataExcluded, allTrees, allSecrets, partial);
    }

    /** This manifest marked partial. */
    public Manifest withPartial(Partial value) {
        return new Manifest(formatVersion, ferryVersion, createdAt, source, snapshot, tables, migrationHistories, files,
                warnings, dataExcluded, trees, secrets, value);
    }

    /**
     * A partial archive: the rows of {@code roots} and their dependency closure.
     *
     * @param roots        the {@code --root} options as given, {@code <table>:<condition>}
     * @param withChildren whether rows referencing the roots were taken too
     */
    public record Partial(List<String> roots, boolean withChildren) {
        public Partial {
            roots = List.copyOf(roots);
        }
    }

    /** The database the archive was taken from. */
    public record Source(String engine, String product, String version, String database, List<String> namespaces) {
    }

    /**
     * One table's data and proof. {@code bytes} is the compressed size of its chunks; {@code columns}
     * profiles each loaded column's values (absent in archives of Ferry versions before profiles).
     */
    public record TableEntry(QualifiedName name, long rows, String hash, long bytes, List<ChunkEntry> chunks,
                             List<ColumnProfile> columns) {
        public TableEntry {
            chunks = List.copyOf(chunks);
            columns = columns == null ? null : List.copyOf(columns);
        }
    }

    /** One data file holding consecutive rows of a table, with its own proof and checksum. */
    public record ChunkEntry(String file, long rows, String hash, long bytes, String sha256) {
    }

    /** A non-row file of the archive (schema.json) and its checksum, both of the bytes as stored. */
    public record FileEntry(String file, long bytes, String sha256) {
    }

    /**
     * A directory tree stored in the archive: its file index and the parts of its content stream.
     *
     * @param name        the name given at backup ({@code --files media=/srv/media})
     * @param source      the directory it was read from
     * @param files       regular files in the tree
     * @param bytes       their total size, uncompressed
     */
    public record TreeEntry(String name, String source, long files, long directories, long links, long bytes,
                            FileEntry index, List<FileEntry> parts) {
        public TreeEntry {
            parts = parts == null ? List.of() : List.copyOf(parts);
        }
    }

    /**
     * A single file stored in the archive ({@code --secret-file}).
     *
     * @param source  the path it was read from
     * @param bytes   its size
     * @param sha256  SHA-256 of its content (the stored file's checksum is in {@code stored})
     */
    public record SecretEntry(String name, String source, long bytes, String sha256, FileEntry stored) {
    }

    /** What an app's migration tool says was applied, per module (Django app, Liquibase file...). */
    public record MigrationHistory(String tool, QualifiedName table, List<Applied> latest) {
        public MigrationHistory {
            latest = List.copyOf(latest);
        }
    }

    /** The latest applied migration of one module. */
    public record Applied(String module, String version) {
    }

    public long totalRows() {
        return tables.stream().mapToLong(TableEntry::rows).sum();
    }

    public long totalBytes() {
        return tables.stream().mapToLong(TableEntry::bytes).sum();
    }
}
