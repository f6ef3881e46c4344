package dev.ferry.migrate.run;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.migrate.history.History;
import dev.ferry.migrate.history.HistoryRow;
import dev.ferry.migrate.set.Migration;
import dev.ferry.ops.ProgressListener;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What every changing command checks in the history, holding the lock, before it changes anything:
 * migrations left running by a process that died, recorded failures, and applied scripts that were
 * edited since.
 */
public final class HistoryChecks {
    private final Session session;
    private final ProgressListener progress;

    public HistoryChecks(Session session, ProgressListener progress) {
        this.session = session;
        this.progress = progress;
    }

    /** Creates the history table if needed and returns the history, with interrupted migrations dealt with. */
    public History prepare() {
        try {
            if (!session.history().exists(session.connection())) {
                session.history().create(session.connection());
            }
        } catch (SQLException e) {
            throw session.failure("Cannot create the migration history table " + session.history().name(), e);
        }
        History history = session.readHistory();
        if (history.running().isEmpty()) {
            return history;
        }
        recoverInterrupted(history.running());
        return session.readHistory();
    }

    /**
     * Rows left running: this process holds the lock, so whoever ran them died. Where DDL is
     * transactional the engine rolled them back and the row goes; otherwise it becomes a failure.
     */
    private void recoverInterrupted(List<HistoryRow> running) {
        boolean transactional = session.support().transactionalDdl();
        for (HistoryRow row : running) {
            String what = row + " was interrupted: " + row.runBy() + " started it at " + row.appliedAt()
                    + " and stopped before it finished. ";
            progress.note(what + new RecoveryAdvice(session, backupOf(row)).afterInterruption(transactional));
            try {
                if (transactional) {
                    session.history().delete(session.connection(), row.rank());
                } else {
                    session.history().markFailed(session.connection(), row.rank(), "interrupted: the process running it ("
                            + row.runBy() + ") stopped before it finished; the database may be partly changed");
                }
            } catch (SQLException e) {
                throw session.failure("Cannot record the interrupted migration in " + session.history().name(), e);
            }
        }
    }

    /**
     * Refuses to go on past a recorded failure where the engine could not roll it back; where it
     * could, says that the failed migration runs again.
     */
    public void refuseUnresolvedFailures(History history) {
        List<HistoryRow> failed = history.failed();
        if (failed.isEmpty()) {
            return;
        }
        if (session.support().transactionalDdl()) {
            failed.forEach(r -> progress.note(r + " failed at " + r.appliedAt() + " and was rolled back (" + r.error()
                    + "); ferry migrate runs it again."));
            return;
        }
        HistoryRow first = failed.get(0);
        throw new FerryException(ErrorCode.MIGRATION_FAILED, "A failed migration is recorded: " + first + " failed at "
                + first.appliedAt() + " (" + first.error() + "). " + new RecoveryAdvice(session, backupOf(first))
                .afterFailure(false, first.isUndo()));
    }

    /** An applied migration whose script changed since: the history row and the migration as it is now. */
    public record Edited(HistoryRow row, Migration migration) {
        @Override
        public String toString() {
            return migration.apply().script() + " (applied " + row.appliedAt() + " with checksum " + row.checksum().substring(0, 12)
                    + "..., the file now has " + migration.apply().checksum().substring(0, 12) + "...)";
        }
    }

    /** Applied migrations whose script changed since they were applied. */
    public static List<Edited> editedScripts(History history, List<Migration> migrations) {
        Map<String, Migration> byId = migrations.stream().collect(Collectors.toMap(Migration::id, Function.identity()));
        List<Edited> out = new ArrayList<>();
        for (HistoryRow row : history.applied().values()) {
            Migration m = byId.get(row.id());
            if (m != null && row.checksum() != null && m.apply().checksum() != null
                    && !Objects.equals(row.checksum(), m.apply().checksum())) {
                out.add(new Edited(row, m));
            }
        }
        return out;
    }

    /** {@link #editedScripts} as messages. */
    public static List<String> checksumMismatches(History history, List<Migration> migrations) {
        return editedScripts(history, migrations).stream().map(Edited::toString).toList();
    }

    /** Refuses to migrate when an applied script was edited. */
    public static void refuseEditedScripts(History history, List<Migration> migrations) {
        List<String> edited = checksumMismatches(history, migrations);
        if (!edited.isEmpty()) {
            throw new FerryException(ErrorCode.CHECKSUM_MISMATCH, edited.size() + " applied migration(s) changed after they"
                    + " were applied: " + String.join("; ", edited) + ". Put the change in a new migration and restore the"
                    + " original file; if the edit is harmless (a comment, whitespace), accept it with ferry repair.");
        }
    }

    /** Applied migrations of modules or versions that are no longer in the migration set. */
    public static List<String> unknownApplied(History history, List<Migration> migrations) {
        var ids = migrations.stream().map(Migration::id).collect(Collectors.toSet());
        return history.applied().values().stream().filter(r -> !ids.contains(r.id())).map(HistoryRow::toString).toList();
    }

    private static Path backupOf(HistoryRow row) {
        return row.backup() == null ? null : Path.of(row.backup());
    }
}
