package dev.ferry.migrate;

import dev.ferry.migrate.run.ChangeRun;
import dev.ferry.migrate.run.HistoryChecks;
import dev.ferry.migrate.set.MigrationPlanner;
import dev.ferry.ops.ProgressListener;

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
        return new ChangeRun(settings, progress, false).run((session, history, all, notes) -> {
            HistoryChecks.refuseEditedScripts(history, all);
            HistoryChecks.unknownApplied(history, all).forEach(u -> notes.note(u
                    + " is applied but no longer in the migration set (a removed plugin?); left as it is"));
            return new MigrationPlanner(all, history.applied().keySet()).plan();
        });
    }
}
