package dev.ferry.migrate;

import dev.ferry.migrate.history.History;
import dev.ferry.migrate.run.HeldLock;
import dev.ferry.migrate.run.HistoryChecks;
import dev.ferry.migrate.run.PreMigrationBackup;
import dev.ferry.migrate.run.Session;
import dev.ferry.migrate.run.StepRunner;
import dev.ferry.migrate.set.Migration;
import dev.ferry.migrate.set.MigrationPlanner;
import dev.ferry.ops.ProgressListener;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a database up to date: validates the migration set, takes the migration lock (waiting for
 * another migrator), deals with interrupted and failed migrations, refuses edited applied scripts,
 * orders the pending migrations across modules, backs the database up, and applies them one by one.
 */
public final class Migrate {
    private final MigrationSettings settings;
    private final ProgressListener progress;

    public Migrate(MigrationSettings settings, ProgressListener progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public MigrateResult run() {
        Instant start = Instant.now();
        NoteCollector notes = new NoteCollector(progress);
        try (Session session = Session.open(settings)) {
            List<Migration> all = session.migrations();
            try (HeldLock lock = HeldLock.acquire(session, notes)) {
                HistoryChecks checks = new HistoryChecks(session, notes);
                History history = checks.prepare();
                checks.refuseUnresolvedFailures(history);
                HistoryChecks.refuseEditedScripts(history, all);
                HistoryChecks.unknownApplied(history, all).forEach(u -> notes.note(u
                        + " is applied but no longer in the migration set (a removed plugin?); left as it is"));
                List<Migration> pending = new MigrationPlanner(all, history.applied().keySet()).plan();
                String database = session.server().database();
                if (pending.isEmpty()) {
                    return new MigrateResult(database, List.of(), null, notes.all(), Duration.between(start, Instant.now()));
                }
                Path backup = settings.backup() ? PreMigrationBackup.take(session, "migrate-" + pending.get(0).module()
                        + "-V" + pending.get(0).version(), notes) : null;
                StepRunner runner = new StepRunner(session, lock.lock(), notes, backup, history.nextRank());
                List<MigrateResult.AppliedStep> steps = new ArrayList<>();
                for (Migration m : pending) {
                    long ms = runner.run(m, false);
                    steps.add(new MigrateResult.AppliedStep(m.module(), m.version().toString(), m.description(), ms));
                }
                return new MigrateResult(database, steps, backup, notes.all(), Duration.between(start, Instant.now()));
            }
        } finally {
            progress.done();
        }
    }
}
