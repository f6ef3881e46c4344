package dev.ferry.migrate;

import dev.ferry.migrate.run.ChangeRun;
import dev.ferry.migrate.set.Migration;
import dev.ferry.migrate.set.UndoPlanner;
import dev.ferry.ops.ProgressListener;
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
        return new ChangeRun(settings, progress, true).run((session, history, all, notes) -> {
            List<Migration> undo = new UndoPlanner(all, List.copyOf(history.applied().keySet())).plan(target);
            if (undo.isEmpty()) {
                notes.note("Nothing to undo" + (target == null ? ": no migration is applied." : " down to " + target + "."));
            }
            return undo;
        });
    }
}
