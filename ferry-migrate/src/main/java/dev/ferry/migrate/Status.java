package dev.ferry.migrate;

import dev.ferry.migrate.history.History;
import dev.ferry.migrate.history.HistoryRow;
import dev.ferry.migrate.run.HeldLock;
import dev.ferry.migrate.run.HistoryChecks;
import dev.ferry.migrate.run.SchemaFingerprint;
import dev.ferry.migrate.run.Session;
import dev.ferry.migrate.set.Migration;
import dev.ferry.migrate.set.MigrationPlanner;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports, per module, what is applied, pending and failed, and whether the live schema still has the
 * fingerprint recorded after the last migration. Reads on a read-only connection; writes nothing, except that when the history shows a
 * migration as running, it tries the lock once to tell a live migration from a dead one. While a
 * failed migration is recorded, schema drift is not reported: the failure explains it.
 */
public final class Status {
    private final MigrationSettings settings;

    public Status(MigrationSettings settings) {
        this.settings = settings;
    }

    public StatusReport run() {
        try (Session session = Session.open(settings, true)) {
            List<Migration> all = session.migrations();
            History history = session.readHistory();
            List<String> inProgress = new ArrayList<>();
            List<HistoryRow> failed = new ArrayList<>(history.failed());
            classifyRunning(session, history, inProgress, failed);
            List<Migration> pending = new MigrationPlanner(all, history.applied().keySet()).plan();
            String drift = failed.isEmpty() ? drift(session, history) : null;
            return new StatusReport(session.server().database(), modules(all, history, pending, failed), inProgress,
                    drift, HistoryChecks.checksumMismatches(history, all),
                    HistoryChecks.unknownApplied(history, all));
        }
    }

    private static void classifyRunning(Session session, History history, List<String> inProgress, List<HistoryRow> failed) {
        if (history.running().isEmpty()) {
            return;
        }
        Optional<HeldLock> lock = HeldLock.tryAcquire(session);
        if (lock.isPresent()) {
            String recovered = lock.get().lock().recoveredFrom();
            lock.get().close();
            String lockNote = recovered == null ? "" : " (its lock was left by " + recovered + ")";
            history.running().forEach(r -> failed.add(new HistoryRow(r.rank(), r.module(), r.version(), r.description(),
                    r.kind(), r.script(), r.checksum(), r.runBy(), r.appliedAt(), null, false, "interrupted: " + r.runBy()
                    + lockNote + " stopped before it finished; ferry migrate will deal with it", r.backup(), null)));
        } else {
            history.running().forEach(r -> inProgress.add(r + " (by " + r.runBy() + " since " + r.appliedAt() + ")"));
        }
    }

    private static String drift(Session session, History history) {
        Optional<String> expected = history.expectedSchemaHash();
        if (expected.isEmpty()) {
            return null;
        }
        try {
            String live = SchemaFingerprint.of(session.dialect(), session.connection());
            return live.equals(expected.get()) ? null : "the live schema differs from the one the applied migrations produced"
                    + " (changed outside Ferry?); run ferry doctor to see the differences and a repair plan";
        } catch (SQLException e) {
            throw session.failure("Cannot read the live schema", e);
        }
    }

    private static List<ModuleStatus> modules(List<Migration> all, History history, List<Migration> pending,
                                              List<HistoryRow> failed) {
        Map<String, List<Migration>> byModule = new LinkedHashMap<>();
        all.forEach(m -> byModule.computeIfAbsent(m.module(), k -> new ArrayList<>()).add(m));
        List<ModuleStatus> out = new ArrayList<>();
        for (Map.Entry<String, List<Migration>> e : byModule.entrySet()) {
            String module = e.getKey();
            List<Migration> applied = e.getValue().stream().filter(m -> history.applied().containsKey(m.id())).toList();
            out.add(new ModuleStatus(module, applied.isEmpty() ? null : applied.get(applied.size() - 1).version().toString(),
                    applied.size(),
                    pending.stream().filter(m -> m.module().equals(module)).map(m -> "V" + m.version() + " " + m.description()).toList(),
                    failed.stream().filter(r -> r.module().equals(module)).map(r -> (r.isUndo() ? "undo of V" : "V") + r.version()
                            + " " + r.description() + " at " + r.appliedAt() + ": " + r.error()).toList()));
        }
        return out;
    }
}
