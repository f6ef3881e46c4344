package dev.ferry.migrate.run;

import dev.ferry.migrate.MigrateResult;
import dev.ferry.migrate.MigrationSettings;
import dev.ferry.migrate.history.History;
import dev.ferry.migrate.set.Migration;
import dev.ferry.ops.ProgressListener;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape every schema-changing run shares (migrate, undo): read the set, take the lock, check the
 * history, plan, back up if there is anything to do, then run the steps one by one.
 */
public final class ChangeRun {

    /** Chooses the migrations to run, given the checked history; may add notes. */
    @FunctionalInterface
    public interface Planner {
        List<Migration> plan(Session session, History history, List<Migration> all, NoteCollector notes);
    }

    private final MigrationSettings settings;
    private final ProgressListener progress;
    private final boolean undo;

    public ChangeRun(MigrationSettings settings, ProgressListener progress, boolean undo) {
        this.settings = settings;
        this.progress = progress;
        this.undo = undo;
    }

    public MigrateResult run(Planner planner) {
        Instant start = Instant.now();
        NoteCollector notes = new NoteCollector(progress);
        try (Session session = Session.open(settings)) {
            List<Migration> all = session.migrations();
            try (HeldLock lock = HeldLock.acquire(session, notes)) {
                HistoryChecks checks = new HistoryChecks(session, notes);
                History history = checks.prepare();
                checks.refuseUnresolvedFailures(history);
                List<Migration> todo = planner.plan(session, history, all, notes);
                String database = session.server().database();
                if (todo.isEmpty()) {
                    return new MigrateResult(database, List.of(), null, notes.all(), Duration.between(start, Instant.now()));
                }
                Path backup = settings.backup() ? PreMigrationBackup.take(session, (undo ? "undo-" : "migrate-")
                        + todo.get(0).module() + "-V" + todo.get(0).version(), notes) : null;
                StepRunner runner = new StepRunner(session, lock.lock(), notes, backup, history.nextRank());
                List<MigrateResult.AppliedStep> steps = new ArrayList<>();
                for (Migration m : todo) {
                    long ms = runner.run(m, undo);
                    steps.add(new MigrateResult.AppliedStep(m.module(), m.version().toString(), m.description(), ms));
                }
                return new MigrateResult(database, steps, backup, notes.all(), Duration.between(start, Instant.now()));
            }
        } finally {
            progress.done();
        }
    }
}
