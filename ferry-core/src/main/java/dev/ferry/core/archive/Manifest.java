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
 */
public record Manifest(int formatVersion, String ferryVersion, Instant createdAt, Source source, String snapshot,
                       List<TableEntry> tables, List<MigrationHistory> migrationHistories, List<FileEntry> files,
                       List<String> warnings) {
    public Manifest {
        tables = List.copyOf(tables);
        migrationHistories = migrationHistories == null ? List.of() : List.copyOf(migrationHistories);
        files = files == null ? List.of() : List.copyOf(files);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
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

    /** A non-row file of the archive (schema.json) and its checksum. */
    public record FileEntry(String file, long bytes, String sha256) {
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
