package dev.ferry.migrate;

import dev.ferry.migrate.history.History;
import dev.ferry.migrate.run.HeldLock;
import dev.ferry.migrate.run.HistoryChecks;
import dev.ferry.migrate.run.PreMigrationBackup;
import dev.ferry.migrate.run.Session;
import dev.ferry.migrate.run.StepRunner;
import dev.ferry.migrate.set.Migration;
import dev.ferry.migrate.set.UndoPlanner;
import dev.ferry.ops.ProgressListener;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes migrations back with their undo scripts, in reverse dependency order, after a backup:
 * down to {@code module:version}, or the last one applied. Each undo is recorded in the history.
 */
public final class Undo {
    private final MigrationSettings settings;
    private final String target;
    private final ProgressListener progress;

    /** @param target {@code module:version} to return to ({@code core:0} undoes all of core), or null for the last migration */
    public Undo(MigrationSettings settings, String target, ProgressListener progress) {
        this.settings = settings;
        this.target = target;
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
                List<Migration> undo = new UndoPlanner(all, List.copyOf(history.applied().keySet())).plan(target);
                if (undo.isEmpty()) {
                    notes.note("Nothing to undo" + (target == null ? ": no migration is applied." : " down to " + target + "."));
                    return new MigrateResult(session.server().database(), List.of(), null, notes.all(),
                            Duration.between(start, Instant.now()));
                }
                Path backup = settings.backup() ? PreMigrationBackup.take(session, "undo-" + undo.get(0).module() + "-V"
                        + undo.get(0).version(), notes) : null;
                StepRunner runner = new StepRunner(session, lock.lock(), notes, backup, history.nextRank());
                List<MigrateResult.AppliedStep> steps = new ArrayList<>();
                for (Migration m : undo) {
                    long ms = runner.run(m, true);
                    steps.add(new MigrateResult.AppliedStep(m.module(), m.version().toString(), m.description(), ms));
                }
                return new MigrateResult(session.server().database(), steps, backup, notes.all(),
                        Duration.between(start, Instant.now()));
            }
        } finally {
            progress.done();
        }
    }
}
