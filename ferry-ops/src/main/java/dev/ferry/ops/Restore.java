package dev.ferry.ops;

import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.archive.Manifest;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.Dialects;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.value.ContentHash;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Restores an archive into an empty database, all or nothing: creates the schema, loads the tables
 * (in parallel where the target allows, {@code jobs} at a time), adds indexes and constraints after the data (so cycles and self-references load),
 * positions sequences, then reads every table back and compares counts and content hashes
 * <em>before</em> committing. Any failure, a proof mismatch included, rolls the target back to what
 * it was.
 *
 * <p>Into the same engine the schema is created as it was and rows pass through untouched, proven
 * against the manifest. Into another engine the schema is {@link Translation translated} first
 * (types from the column profiles, names fitted, the changes reported; {@code --strict} refuses any
 * change of representation before anything is written), every row is converted on the way in, and the
 * proof compares what was sent with what the target holds, both in the same normal form; the
 * archive's own hashes are still checked chunk by chunk as it streams.
 *
 * <p>Files ({@code --files-to}, {@code --secret-to}) are checked and written under temporary names
 * <em>before</em> the database is touched, and moved into place only after it committed: a database
 * failure leaves both as they were; a failure to move the files (renames only) puts back every file
 * already moved and says the database was restored. See {@link RestoreFiles}.
 *
 * <p>The target's lock ({@link TargetLock}) is held throughout, so no other restore, transfer or
 * migration writes into it meanwhile. With {@link TargetOptions} asking for it (and always on MariaDB,
 * whose staging database outlives a kill) the unit is checkpointed: each archive chunk of a table
 * commits with a checkpoint, a half-restored target is refused unless resumed or cleaned, and
 * {@code resume} continues it from the last committed chunk ({@link Checkpoints}, {@link ResumePlan}).
 */
public final class Restore {
    private final RestoreSettings settings;
    private final TargetOptions options;
    private final ProgressListener progress;

    public Restore(RestoreSettings settings, ProgressListener progress) {
        this(settings, TargetOptions.DEFAULTS, progress);
    }

    /** @param options the target's lock timeout, and a checkpointed, resumable restore */
    public Restore(RestoreSettings settings, TargetOptions options, ProgressListener progress) {
        this.settings = settings;
        this.options = options;
        this.progress = progress;
    }

    public RestoreResult run() {
        Instant start = Instant.now();
        try {
            ArchiveReader archive = ArchiveReader.open(settings.archive(), settings.passphrase());
            Dialect dialect = Dialects.forUrl(settings.target().url());
            try (TargetLock lock = TargetLock.acquire(dialect, settings.target(), options.lockTimeout(), "restore", progress)) {
                return locked(archive, dialect, start, lock);
            }
        } finally {
            progress.done();
        }
    }

    private RestoreResult locked(ArchiveReader archive, Dialect dialect, Instant start, TargetLock lock) {
        String sourceEngine = archive.manifest().source().engine();
        TargetUnit unit = new TargetUnit("Restore", settings.target(), settings.clean(), progress);
        unit.beforeCommit(lock::requireHeld);
        if (settings.schema() == RestoreSettings.SchemaMode.EXISTING) {
            if (!options.singleTransaction() || options.resume()) {
                throw new FerryException(ErrorCode.USAGE, "--no-single-transaction and --resume restore with checkpoints into"
                        + " a schema Ferry creates; a restore into existing tables (--schema existing) is one transaction.");
            }
            return intoExisting(archive, dialect, unit, start);
        }
        try (RestoreTarget target = TargetUnit.open(dialect, settings.target(), connections())) {
            unit.checkpointed(new Checkpoints(Checkpoints.identity(settings.archive()), options, target.checkpointsAlways()));
            unit.hintOnFailure(OlderTarget.hint(archive.manifest().source(), target.server()));
            unit.refuseNonEmpty(target);
            Translation translation = translation(archive, target, dialect);
            DataExclusion.report(archive.manifest(), progress);
            Map<QualifiedName, Manifest.TableEntry> entries = entries(archive.manifest());
            try (StagedFiles files = RestoreFiles.stage(archive, settings.files(), progress)) {
                List<TableProof> proofs = unit.run(target, translation, () -> loadAll(target, archive, translation, entries, unit),
                        name -> ContentHash.of(entries.get(name).rows(), entries.get(name).hash()));
                return new RestoreResult(proofs, archive.manifest().totalRows(), Duration.between(start, Instant.now()),
                        sourceEngine, dialect.id(), translation.changes(), List.of(), files.publish(true));
            }
        } catch (SQLException e) {
            throw Connections.failure(e, ErrorCode.RESTORE_FAILED, "Restoring into " + settings.target() + " failed",
                    settings.target());
        }
    }

    /**
     * Connections the target may use: the job count, except in a checkpointed restore, which commits
     * table by table on one connection (its checkpoints are in that connection's transactions).
     */
    private int connections() {
        boolean checkpointed = !options.singleTransaction() || options.resume();
        return checkpointed ? 1 : settings.jobs();
    }

    /** {@code --schema existing}: the preflight, then rows into the app's own tables, proven the same way. */
    private RestoreResult intoExisting(ArchiveReader archive, Dialect dialect, TargetUnit unit, Instant start) {
        Preflight.Outcome preflight = Preflight.run(archive, dialect, settings.target(), settings.clean(), progress);
        preflight.findings().forEach(f -> progress.note(f.toString()));
        Map<QualifiedName, Manifest.TableEntry> entries = entries(archive.manifest());
        Translation translation = preflight.translation();
        DataExclusion.report(archive.manifest(), progress);
        try (RestoreTarget target = TargetUnit.open(dialect, settings.target());
             StagedFiles files = RestoreFiles.stage(archive, settings.files(), progress)) {
            List<TableProof> proofs = unit.runExisting(target, translation,
                    () -> loadAll(target, archive, translation, entries, unit),
                    name -> ContentHash.of(entries.get(name).rows(), entries.get(name).hash()));
            long rows = proofs.stream().mapToLong(TableProof::actualRows).sum();
            return new RestoreResult(proofs, rows, Duration.between(start, Instant.now()), archive.manifest().source().engine(),
                    dialect.id(), List.of(), preflight.findings(), files.publish(true));
        } catch (SQLException e) {
            throw Connections.failure(e, ErrorCode.RESTORE_FAILED, "Restoring into " + settings.target() + " failed",
                    settings.target());
        }
    }

    private Translation translation(ArchiveReader archive, RestoreTarget target, Dialect dialect) throws SQLException {
        Schema schema = archive.schema();
        String sourceEngine = archive.manifest().source().engine();
        if (dialect.id().equals(sourceEngine)) {
            return Translation.identity(schema);
        }
        Dialect source = Dialects.forId(sourceEngine);
        progress.phase("Translating the " + sourceEngine + " schema for " + dialect.id(), schema.tables().size(), 0);
        Translation translation = Translations.translate(source, target.targetRules(), schema,
                Translations.profiles(archive, schema, progress));
        Translations.refuseIfStrict(settings.strict(), translation, settings.target().redactedUrl());
        return translation;
    }

    private Map<QualifiedName, ContentHash> loadAll(RestoreTarget target, ArchiveReader archive, Translation translation,
                                                    Map<QualifiedName, Manifest.TableEntry> entries, TargetUnit unit) {
        for (Translation.TableMapping m : translation.tables()) {
            if (!entries.containsKey(m.source().name())) {
                throw new FerryException(ErrorCode.ARCHIVE_CORRUPT, "The archive's schema lists table "
                        + m.source().name() + " but its manifest has no data for it; the archive is damaged.");
            }
        }
        progress.phase("Loading data", translation.tables().size(), archive.manifest().totalRows());
        // Rows passing through unconverted are proven against the manifest when read back, so their chunks'
        // content hashes need not be recomputed here; converted rows are proven against what was sent, so the
        // chunks must prove themselves.
        List<Translation.TableMapping> largestFirst = new ArrayList<>(translation.tables());
        largestFirst.removeIf(m -> unit.checkpoints().finished(m.source().name()));
        largestFirst.sort(Comparator.comparingLong((Translation.TableMapping m) -> entries.get(m.source().name()).bytes())
                .reversed());
        int workers = Math.max(1, Math.min(settings.jobs(), target.maxParallelLoads()));
        LoadPhase phase = new LoadPhase(target, progress, translation.converting(), false);
        boolean checkpointed = unit.checkpoints().enabled();
        Map<QualifiedName, Checkpoints.TableStart> starts = checkpointed
                ? ResumePlan.of(unit.checkpoints(), target, largestFirst, entries, progress) : Map.of();
        if (checkpointed) {
            phase.checkpointed(m -> starts.get(m.source().name()));
        }
        return phase.run(Collections.nCopies(workers, archive), largestFirst,
                (a, m) -> new ArchiveRows(a, entries.get(m.source().name()), m.source().loadedColumns().size(),
                        translation.converting(), checkpointed ? starts.get(m.source().name()).chunk() : 0, checkpointed),
                m -> entries.get(m.source().name()).bytes());
    }

    private static Map<QualifiedName, Manifest.TableEntry> entries(Manifest manifest) {
        Map<QualifiedName, Manifest.TableEntry> out = new HashMap<>();
        manifest.tables().forEach(e -> out.put(e.name(), e));
        return out;
    }
}
