package dev.ferry.migrate;

import dev.ferry.migrate.history.History;
import dev.ferry.migrate.history.HistoryRow;
import dev.ferry.migrate.run.HeldLock;
import dev.ferry.migrate.run.HistoryChecks;
import dev.ferry.migrate.run.Session;
import dev.ferry.migrate.set.Migration;
import dev.ferry.ops.ProgressListener;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Repairs the history, holding the lock: removes the records of failed and interrupted migrations
 * (after you restored a backup or fixed the database by hand), and accepts the current checksum of
 * applied scripts that were edited. It changes no schema and no data; a lock left by a dead
 * process is recovered by taking the lock.
 */
public final class Repair {
    private final MigrationSettings settings;
    private final ProgressListener progress;

    public Repair(MigrationSettings settings, ProgressListener progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public RepairResult run() {
        try (Session session = Session.open(settings)) {
            List<Migration> all = session.migrations();
            try (HeldLock lock = HeldLock.acquire(session, progress)) {
                History history = session.readHistory();
                List<String> actions = new ArrayList<>();
                if (lock.lock().recoveredFrom() != null) {
                    actions.add("recovered the migration lock left by " + lock.lock().recoveredFrom());
                }
                try {
                    removeFailures(session, history, actions);
                    acceptChecksums(session, history, all, actions);
                } catch (SQLException e) {
                    throw session.failure("Cannot repair the history table " + session.history().name(), e);
                }
                actions.forEach(progress::note);
                return new RepairResult(actions);
            }
        } finally {
            progress.done();
        }
    }

    private static void removeFailures(Session session, History history, List<String> actions) throws SQLException {
        List<HistoryRow> rows = new ArrayList<>(history.failed());
        rows.addAll(history.running());
        for (HistoryRow r : rows) {
            session.history().delete(session.connection(), r.rank());
            actions.add("removed the record of " + r + (r.success() == null ? " (interrupted" : " (failed")
                    + " at " + r.appliedAt() + ")");
        }
    }

    private static void acceptChecksums(Session session, History history, List<Migration> all, List<String> actions)
            throws SQLException {
        for (HistoryChecks.Edited e : HistoryChecks.editedScripts(history, all)) {
            session.history().setChecksum(session.connection(), e.row().rank(), e.migration().apply().checksum());
            actions.add("accepted the edited " + e);
        }
    }
}
