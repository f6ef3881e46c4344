package dev.ferry.ops;

import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.ChunkReader;
import dev.ferry.core.archive.Manifest;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.plan.ForeignKeyGraph;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.Dialects;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.spi.RowSink;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Restores an archive into an empty database of the same engine, all or nothing: creates the schema,
 * loads tables parents first, adds indexes and constraints after the data (so cycles and
 * self-references load), positions sequences, then reads every table back and compares counts and
 * content hashes with the manifest <em>before</em> committing. Any failure, a proof mismatch included,
 * rolls the target back to what it was.
 *
 * <p>Files ({@code --files-to}, {@code --secret-to}) are checked and written under temporary names
 * <em>before</em> the database is touched, and moved into place only after it committed: a database
 * failure leaves both as they were; a failure to move the files (renames only) puts back every file
 * already moved and says the database was restored. See {@link RestoreFiles}.
 */
public final class Restore {
    private static final int PROGRESS_EVERY = 5_000;

    private final RestoreSettings settings;
    private final ProgressListener progress;
    private String step = "starting";

    public Restore(RestoreSettings settings, ProgressListener progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public RestoreResult run() {
        Instant start = Instant.now();
        try {
            ArchiveReader archive = ArchiveReader.open(settings.archive(), settings.passphrase());
            Schema schema = archive.schema();
            Dialect dialect = targetDialect(archive.manifest());
            try (RestoreTarget target = openTarget(dialect)) {
                refuseNonEmpty(target);
                DataExclusion.report(archive.manifest(), progress);
                try (StagedFiles files = RestoreFiles.stage(archive, settings.files(), progress)) {
                    List<TableProof> proofs = restoreAllOrNothing(target, archive, schema);
                    return new RestoreResult(proofs, archive.manifest().totalRows(), Duration.between(start, Instant.now()),
                            files.publish(true));
                }
            } catch (SQLException e) {
                throw Connections.failure(e, ErrorCode.RESTORE_FAILED, "Closing the restore target failed", settings.target());
            }
        } finally {
            progress.done();
        }
    }

    private List<TableProof> restoreAllOrNothing(RestoreTarget target, ArchiveReader archive, Schema schema) {
        try {
            step = "starting the restore";
            target.begin(settings.clean());
            step = "creating the schema";
            progress.phase("Creating schema", schema.tables().size(), 0);
            target.createTables(schema);
            loadAll(target, archive, schema);
            step = "adding indexes, constraints and sequences";
            progress.phase("Adding indexes and constraints", schema.tables().size(), 0);
            target.finishSchema(schema);
            List<TableProof> proofs = prove(target, archive.manifest(), schema);
            step = "committing";
            target.commit();
            return proofs;
        } catch (SQLException | RuntimeException e) {
            rollback(target, e);
            throw failure(e);
        }
    }

    private void loadAll(RestoreTarget target, ArchiveReader archive, Schema schema) throws SQLException {
        Map<QualifiedName, Manifest.TableEntry> entries = entries(archive.manifest());
        progress.phase("Loading data", schema.tables().size(), archive.manifest().totalRows());
        for (Table table : new ForeignKeyGraph(schema.tables()).loadOrder()) {
            step = "loading table " + table.name();
            Manifest.TableEntry entry = entries.get(table.name());
            if (entry == null) {
                throw new FerryException(ErrorCode.ARCHIVE_CORRUPT, "The archive's schema lists table " + table.name()
                        + " but its manifest has no data for it; the archive is damaged.");
            }
            loadTable(target, archive, table, entry);
        }
    }

    private void loadTable(RestoreTarget target, ArchiveReader archive, Table table, Manifest.TableEntry entry)
            throws SQLException {
        progress.tableStarted(table.name());
        int columns = table.loadedColumns().size();
        long pending = 0;
        try (RowSink sink = target.load(table)) {
            for (Manifest.ChunkEntry chunk : entry.chunks()) {
                try (ChunkReader rows = archive.openChunk(entry, chunk, columns)) {
                    Object[] row;
                    while ((row = rows.next()) != null) {
                        sink.accept(row);
                        if (++pending == PROGRESS_EVERY) {
                            progress.rows(table.name(), pending);
                            pending = 0;
                        }
                    }
                }
            }
            sink.finish();
        }
        progress.rows(table.name(), pending);
        progress.tableFinished(table.name(), entry.rows(), entry.bytes());
    }

    private List<TableProof> prove(RestoreTarget target, Manifest manifest, Schema schema) throws SQLException {
        progress.phase("Proving", schema.tables().size(), manifest.totalRows());
        Map<QualifiedName, Manifest.TableEntry> entries = entries(manifest);
        List<TableProof> proofs = new ArrayList<>();
        for (Table table : schema.tables()) {
            step = "reading back table " + table.name() + " for the proof";
            try (RowCursor rows = target.read(table)) {
                proofs.add(Proofs.compare(entries.get(table.name()), Proofs.hash(rows)));
            }
            progress.rows(table.name(), entries.get(table.name()).rows());
        }
        Proofs.requireAllMatch(proofs, "The restored data in " + settings.target());
        return proofs;
    }

    private void refuseNonEmpty(RestoreTarget target) {
        List<String> existing;
        try {
            existing = target.existingObjects();
        } catch (SQLException e) {
            throw Connections.failure(e, ErrorCode.RESTORE_FAILED, "Cannot list what " + settings.target() + " holds",
                    settings.target());
        }
        if (!existing.isEmpty() && !settings.clean()) {
            String shown = existing.stream().limit(10).collect(Collectors.joining(", "))
                    + (existing.size() > 10 ? ", and " + (existing.size() - 10) + " more" : "");
            throw new FerryException(ErrorCode.TARGET_NOT_EMPTY, "Target " + settings.target() + " is not empty: "
                    + shown + ". Restore into an empty database, or pass --clean to drop these first.");
        }
    }

    private Dialect targetDialect(Manifest manifest) {
        Dialect dialect = Dialects.forUrl(settings.target().url());
        if (!dialect.id().equals(manifest.source().engine())) {
            throw new FerryException(ErrorCode.UNSUPPORTED, "The archive holds a " + manifest.source().engine()
                    + " database and the target is " + dialect.id() + "; this Ferry version restores into the same"
                    + " engine only. Restore into a " + manifest.source().engine() + " database.");
        }
        return dialect;
    }

    private RestoreTarget openTarget(Dialect dialect) {
        try {
            return dialect.openRestore(settings.target());
        } catch (SQLException e) {
            throw Connections.failure(e, ErrorCode.CONNECTION_FAILED, "Cannot connect to " + settings.target(),
                    settings.target());
        }
    }

    private static Map<QualifiedName, Manifest.TableEntry> entries(Manifest manifest) {
        return manifest.tables().stream().collect(Collectors.toMap(Manifest.TableEntry::name, Function.identity()));
    }

    private static void rollback(RestoreTarget target, Exception cause) {
        try {
            target.rollback();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private FerryException failure(Exception e) {
        String suffix = " Nothing was restored: the target is as it was before.";
        if (e instanceof FerryException fe) {
            return new FerryException(fe.code(), "Restore failed while " + step + ": " + fe.getMessage() + suffix, fe);
        }
        if (e instanceof SQLException se) {
            FerryException wrapped = Connections.failure(se, ErrorCode.RESTORE_FAILED, "Restore failed while " + step,
                    settings.target());
            return new FerryException(wrapped.code(), wrapped.getMessage() + suffix, se);
        }
        return new FerryException(ErrorCode.INTERNAL, "Restore failed while " + step + ": " + e + suffix, e);
    }
}
