package dev.ferry.ops;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.profile.ColumnProfile;
import dev.ferry.core.profile.ProfileBuilder;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.Dialects;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.spi.Snapshot;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.value.ContentHash;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a live database into another, same engine or not, with the guarantees of a backup and a
 * restore and no archive in between: the source is read from one consistent snapshot (shared by
 * {@code jobs} readers) and never written; the target is written all or nothing, and commits only
 * after every table read back equals what was read from the source (converted, into another engine).
 * Into another engine, the source is first profiled (one read of every table) so target types are
 * chosen from the values, as a restore chooses them from an archive's profiles.
 */
public final class Transfer {
    private final TransferSettings settings;
    private final Duration lockTimeout;
    private final ProgressListener progress;

    public Transfer(TransferSettings settings, ProgressListener progress) {
        this(settings, Duration.ZERO, progress);
    }

    /** @param lockTimeout how long to wait for the target's lock (see {@link TargetOptions#lockTimeout()}) */
    public Transfer(TransferSettings settings, Duration lockTimeout, ProgressListener progress) {
        this.settings = settings;
        this.lockTimeout = lockTimeout;
        this.progress = progress;
    }

    public TransferResult run() {
        Instant start = Instant.now();
        Dialect from = Dialects.forUrl(settings.source().url());
        Dialect to = Dialects.forUrl(settings.target().url());
        TargetUnit unit = new TargetUnit("Transfer", settings.target(), settings.clean(), progress);
        try (TargetLock lock = TargetLock.acquire(to, settings.target(), lockTimeout, "transfer", progress);
             Snapshot snapshot = openSnapshot(from); RestoreTarget target = TargetUnit.open(to, settings.target(), settings.jobs())) {
            progress.note(snapshot.note());
            unit.beforeCommit(lock::requireHeld);
            List<String> warnings = new ArrayList<>();
            Schema schema = readSchema(from, snapshot.connections().get(0), warnings);
            unit.refuseNonEmpty(target);
            Translation translation = translation(from, to, target, snapshot, schema);
            List<TableProof> proofs = unit.run(target, translation, () -> load(from, snapshot, target, translation),
                    name -> new ContentHash());
            return new TransferResult(proofs, Duration.between(start, Instant.now()), from.id(), to.id(),
                    snapshot.connections().size(), translation.changes(), warnings);
        } catch (SQLException e) {
            throw Connections.failure(e, ErrorCode.RESTORE_FAILED, "Writing into " + settings.target() + " failed",
                    settings.target());
        } finally {
            progress.done();
        }
    }

    private Snapshot openSnapshot(Dialect from) {
        try {
            return from.openSnapshot(settings.source(), settings.jobs());
        } catch (SQLException e) {
            throw Connections.failure(e, ErrorCode.CONNECTION_FAILED, "Cannot open a consistent snapshot of "
                    + settings.source(), settings.source());
        }
    }

    private Schema readSchema(Dialect from, Connection c, List<String> warnings) {
        progress.phase("Reading schema", 0, 0);
        try {
            return new TableFilter(settings.excludeTables()).apply(from.introspect(c, settings.namespaces()), warnings);
        } catch (SQLException e) {
            throw Connections.failure(e, ErrorCode.BACKUP_FAILED, "Reading the schema of " + settings.source() + " failed",
                    settings.source());
        }
    }

    private Translation translation(Dialect from, Dialect to, RestoreTarget target, Snapshot snapshot, Schema schema)
            throws SQLException {
        if (from.id().equals(to.id())) {
            return Translation.identity(schema);
        }
        Translation translation = Translations.translate(from, target.targetRules(), schema, profiles(from, snapshot, schema));
        Translations.refuseIfStrict(settings.strict(), translation, settings.target().redactedUrl());
        return translation;
    }

    /** One read of every table, in parallel, gathering the column profiles a restore gets from the manifest. */
    private Map<QualifiedName, List<ColumnProfile>> profiles(Dialect from, Snapshot snapshot, Schema schema) {
        List<Table> tables = largestFirst(schema.tables());
        progress.phase("Profiling the source's values", tables.size(), tables.stream().mapToLong(Table::estimatedRows).sum());
        List<List<ColumnProfile>> profiles = WorkerPool.run("profile", snapshot.connections(), tables, (c, table) -> {
            ProfileBuilder builder = new ProfileBuilder(table.loadedColumns());
            try (RowCursor rows = from.readRows(c, table)) {
                Object[] row;
                while ((row = rows.next()) != null) {
                    builder.add(row);
                }
            }
            return builder.build();
        });
        Map<QualifiedName, List<ColumnProfile>> out = new HashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            out.put(tables.get(i).name(), profiles.get(i));
        }
        return out;
    }

    private Map<QualifiedName, ContentHash> load(Dialect from, Snapshot snapshot, RestoreTarget target, Translation translation) {
        List<Translation.TableMapping> tables = new ArrayList<>(translation.tables());
        tables.sort(Comparator.comparingLong((Translation.TableMapping m) -> m.source().estimatedRows()).reversed());
        long rows = tables.stream().mapToLong(m -> m.source().estimatedRows()).sum();
        progress.phase("Copying", tables.size(), rows);
        int workers = Math.max(1, Math.min(snapshot.connections().size(), target.maxParallelLoads()));
        return new LoadPhase(target, progress, translation.converting(), true).run(snapshot.connections().subList(0, workers),
                tables, (c, m) -> CursorRows.open(from, c, m.source()), m -> 0L);
    }

    private static List<Table> largestFirst(List<Table> tables) {
        List<Table> out = new ArrayList<>(tables);
        out.sort(Comparator.comparingLong(Table::estimatedRows).reversed());
        return out;
    }
}
