package dev.ferry.migrate.run;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.script.ScriptStatement;
import dev.ferry.core.spi.MigrationLock;
import dev.ferry.migrate.history.HistoryRow;
import dev.ferry.migrate.set.Migration;
import dev.ferry.migrate.set.MigrationSet;
import dev.ferry.migrate.set.OpsFile;
import dev.ferry.migrate.set.Step;
import dev.ferry.ops.ProgressListener;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * Runs migrations one at a time, each in the history: a row marked running is committed first; the
 * step then runs (in one transaction where DDL is transactional, ending with the engine's integrity
 * checks, the lock's heartbeat and the row marked successful with the new schema fingerprint, so the
 * record commits with the change); a failure rolls back what it can and records the failure with
 * the statement and the driver's message. The caller holds the migration lock.
 */
public final class StepRunner {
    private final Session session;
    private final MigrationLock lock;
    private final ProgressListener progress;
    private final Path backup;
    private final boolean fingerprints;
    private int nextRank;

    public StepRunner(Session session, MigrationLock lock, ProgressListener progress, Path backup, int nextRank) {
        this(session, lock, progress, backup, nextRank, true);
    }

    /** @param fingerprints false to skip the schema fingerprint after each migration (a throw-away database needs none) */
    StepRunner(Session session, MigrationLock lock, ProgressListener progress, Path backup, int nextRank, boolean fingerprints) {
        this.session = session;
        this.lock = lock;
        this.progress = progress;
        this.backup = backup;
        this.nextRank = nextRank;
        this.fingerprints = fingerprints;
    }

    /** Applies {@code m} (or undoes it); returns how long it took in milliseconds. */
    public long run(Migration m, boolean undo) {
        Step step = undo ? m.undo() : m.apply();
        int rank = nextRank++;
        Connection c = session.connection();
        record(new HistoryRow(rank, m.module(), m.version().toString(), m.description(), undo ? "UNDO" : step.kind().name(),
                step.script(), step.checksum(), RunBy.current(), Instant.now().toString(), null, null, null,
                backup == null ? null : backup.toString(), null));
        progress.note((undo ? "Undoing " : "Applying ") + m.module() + " V" + m.version() + " " + m.description());
        long start = System.nanoTime();
        boolean transactional = session.support().transactionalDdl() && !optsOutOfTransaction(step);
        try {
            c.setAutoCommit(!transactional);
            execute(step, c);
            session.support().checkIntegrity(c);
            lock.touch(c);
            long ms = (System.nanoTime() - start) / 1_000_000;
            session.history().finish(c, rank, true, ms, null, fingerprints ? SchemaFingerprint.of(session.dialect(), c) : null);
            if (transactional) {
                c.commit();
            }
            c.setAutoCommit(true);
            return ms;
        } catch (Exception e) {
            throw failed(m, undo, rank, e, transactional);
        }
    }

    /**
     * A script whose text holds the line {@code -- ferry:no-transaction} runs statement by statement
     * in autocommit, for what an engine refuses inside a transaction (PostgreSQL's CREATE INDEX
     * CONCURRENTLY); a failure is then handled as on engines without transactional DDL.
     */
    static boolean optsOutOfTransaction(Step step) {
        return step.text() != null && step.text().lines().anyMatch(l -> l.strip().equalsIgnoreCase("-- ferry:no-transaction"));
    }

    private void execute(Step step, Connection c) throws Exception {
        StepContext context = new StepContext(c, session.dialect().id(), session.support(), progress);
        switch (step.kind()) {
            case SQL -> {
                for (ScriptStatement statement : session.support().splitStatements(step.text())) {
                    executeStatement(c, step, statement);
                }
            }
            case OPS -> context.apply(OpsFile.parse(step.text(), step.script()).toArray(new dev.ferry.core.change.SchemaChange[0]));
            case JAVA -> MigrationSet.instantiate(step.javaClass(), session.settings().classLoader()).migrate(context);
        }
    }

    private static void executeStatement(Connection c, Step step, ScriptStatement statement) throws StatementFailure {
        try (Statement s = c.createStatement()) {
            s.execute(statement.sql());
        } catch (SQLException e) {
            throw new StatementFailure(step.script() + " line " + statement.line() + " (" + firstLine(statement.sql()) + ")", e);
        }
    }

    private FerryException failed(Migration m, boolean undo, int rank, Exception e, boolean transactional) {
        Connection c = session.connection();
        String rolledBack = "";
        try {
            if (transactional) {
                c.rollback();
                rolledBack = "rolled back";
            }
            c.setAutoCommit(true);
        } catch (SQLException rollbackFailed) {
            e.addSuppressed(rollbackFailed);
        }
        String cause = describe(e);
        try {
            session.history().markFailed(c, rank, cause);
        } catch (SQLException recordFailed) {
            e.addSuppressed(recordFailed);
        }
        String what = (undo ? "Undo of " : "Migration ") + m.module() + " V" + m.version() + " (" + m.description() + ")";
        String advice = new RecoveryAdvice(session, backup).afterFailure(!rolledBack.isEmpty(), undo);
        return new FerryException(ErrorCode.MIGRATION_FAILED, what + " failed: " + cause + ". " + advice, e);
    }

    private static String describe(Exception e) {
        if (e instanceof StatementFailure f) {
            String driver = f.getCause().getMessage() == null ? "" : f.getCause().getMessage().strip();
            return "at " + f.getMessage() + ": " + (driver.contains("\n") ? driver.substring(0, driver.indexOf('\n')) : driver);
        }
        if (e instanceof FerryException || e instanceof StepContext.ChangeFailure) {
            return e.getMessage();
        }
        return e.toString();
    }

    private void record(HistoryRow row) {
        Connection c = session.connection();
        try {
            c.setAutoCommit(true);
            session.history().insert(c, row);
        } catch (SQLException e) {
            throw session.failure("Cannot write to the migration history table " + session.history().name(), e);
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        String line = nl < 0 ? t : t.substring(0, nl) + " ...";
        return line.length() > 200 ? line.substring(0, 200) + " ..." : line;
    }

    /** A statement of a script that failed, with where it is. */
    private static final class StatementFailure extends Exception {
        private static final long serialVersionUID = 1L;

        StatementFailure(String where, SQLException cause) {
            super(where, cause);
        }
    }
}
