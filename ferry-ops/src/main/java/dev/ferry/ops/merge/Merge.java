package dev.ferry.ops.merge;

import dev.ferry.core.archive.ArchiveReader;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.error.SqlErrors;
import dev.ferry.core.model.Schema;
import dev.ferry.core.spi.Dialect;
import dev.ferry.core.spi.Dialects;
import dev.ferry.core.spi.MergeSql;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.Restore;
import dev.ferry.ops.RestoreResult;
import dev.ferry.ops.RestoreSettings;
import dev.ferry.ops.TargetLock;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Merges an archive (typically a partial one, {@code backup --root}) into a database that already holds
 * data, all or nothing, in one transaction: keys collected (pass 1), a plan made without writing (pass 2:
 * references, matches, clashes), then, unless the plan refuses or it is a dry run, rows inserted with new
 * keys from the target's generators and references rewritten (pass 3), cycles closed by updates, and the
 * proof checked before the commit. Into a database without tables it is a plain {@link Restore}.
 */
public final class Merge {
    private final MergeSettings settings;
    private final ProgressListener progress;

    public Merge(MergeSettings settings, ProgressListener progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public MergeResult run() {
        Instant start = Instant.now();
        ArchiveReader archive = ArchiveReader.open(settings.archive(), settings.passphrase());
        Dialect dialect = Dialects.forUrl(settings.target().url());
        if (!dialect.id().equals(archive.manifest().source().engine())) {
            throw new FerryException(ErrorCode.UNSUPPORTED, "restore --merge needs a target of the archive's engine ("
                    + archive.manifest().source().engine() + "), not " + dialect.id() + "; restore into an empty "
                    + dialect.id() + " database instead, or merge into a " + archive.manifest().source().engine() + " one.");
        }
        try (TargetLock lock = TargetLock.acquire(dialect, settings.target(), Duration.ZERO, "merge", progress);
             Connection c = dialect.connect(settings.target(), false)) {
            Schema target = dialect.introspect(c, List.of());
            if (target.tables().isEmpty()) {
                c.close();
                lock.close();
                return plainRestore(start);
            }
            c.setAutoCommit(false);
            try {
                MergeResult result = merge(archive, target, dialect.mergeSql(), c, start);
                if (settings.dryRun()) {
                    c.rollback();
                } else {
                    lock.requireHeld();
                    c.commit();
                }
                return result;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (ArchiveTables.MergeFailure e) {
            throw SqlErrors.wrap(e.getCause(), ErrorCode.RESTORE_FAILED, "Merging into " + settings.target()
                    + " failed; it was rolled back", settings.target().secrets());
        } catch (SQLException e) {
            throw SqlErrors.wrap(e, ErrorCode.RESTORE_FAILED, "Merging into " + settings.target() + " failed; it was"
                    + " rolled back", settings.target().secrets());
        } finally {
            progress.done();
        }
    }

    private MergeResult merge(ArchiveReader archive, Schema targetSchema, MergeSql sql, Connection c, Instant start)
            throws SQLException {
        MergeModel model = new MergeModel(archive.schema(), targetSchema, settings.matches());
        ArchiveTables tables = new ArchiveTables(archive);
        KeyMap keys = new KeyMap();
        ArchiveKeys archiveKeys = new ArchiveKeys();
        progress.phase("Reading the archive's keys", model.order.size(), 0);
        archiveKeys.collect(model, tables, keys);
        try (TargetLookups lookups = new TargetLookups(c, sql)) {
            References references = new References(model, keys, archiveKeys, lookups);
            Planner planner = new Planner(model, keys, references, lookups);
            progress.phase("Planning the merge", model.order.size(), archive.manifest().totalRows());
            planner.plan(tables);
            Proof proof = new Proof(c, sql);
            proof.before(model, planner.stats);
            if (settings.dryRun()) {
                planner.stats.values().forEach(s -> s.after = s.before);
                return result(planner, start);
            }
            refuseIfNeeded(planner);
            planner.stats.values().forEach(s -> s.inserted = 0);
            progress.phase("Merging", model.order.size(), archive.manifest().totalRows());
            try (Writer writer = new Writer(c, sql, keys, references)) {
                writer.write(model, tables, planner.stats);
            }
            proof.after(model, planner.stats);
            if (settings.idMap() != null) {
                IdMapFile.write(settings.idMap(), keys);
            }
            return result(planner, start);
        }
    }

    private void refuseIfNeeded(Planner planner) {
        if (planner.unresolved.isEmpty() && planner.clashes.isEmpty()) {
            return;
        }
        StringBuilder msg = new StringBuilder("The merge was refused before anything was written.");
        if (planner.unresolvedTotal > 0) {
            msg.append(" ").append(planner.unresolvedTotal).append(" reference(s) resolve neither from the archive nor"
                    + " from the target (back up with the parents, e.g. without --exclude-table, or add the rows first): ");
            msg.append(String.join("; ", planner.unresolved.subList(0, Math.min(20, planner.unresolved.size()))));
        }
        if (!planner.clashes.isEmpty()) {
            msg.append(" Rows that cannot be inserted (use --match to reuse existing rows): ");
            msg.append(String.join("; ", planner.clashes.subList(0, Math.min(20, planner.clashes.size()))));
        }
        throw new FerryException(ErrorCode.MERGE_REFUSED, msg.toString());
    }

    private MergeResult result(Planner planner, Instant start) {
        List<MergeResult.TablePlan> tables = planner.stats.entrySet().stream().map(e -> new MergeResult.TablePlan(e.getKey(),
                e.getValue().archiveRows, e.getValue().inserted, e.getValue().matched, e.getValue().rewritten,
                e.getValue().fromTarget, e.getValue().before, e.getValue().after)).toList();
        return new MergeResult(tables, planner.unresolved, planner.unresolvedTotal, planner.clashes, settings.dryRun(),
                settings.dryRun() ? null : settings.idMap(), null, Duration.between(start, Instant.now()));
    }

    private MergeResult plainRestore(Instant start) {
        progress.note("The target has no tables: the merge is a plain restore (--match and --id-map do not apply).");
        if (settings.dryRun()) {
            return new MergeResult(List.of(), List.of(), 0, List.of(), true, null, null, Duration.between(start, Instant.now()));
        }
        RestoreResult restore = new Restore(RestoreSettings.of(settings.archive(), settings.target())
                .withPassphrase(settings.passphrase()), progress).run();
        return new MergeResult(List.of(), List.of(), 0, List.of(), false, null, restore, Duration.between(start, Instant.now()));
    }
}
