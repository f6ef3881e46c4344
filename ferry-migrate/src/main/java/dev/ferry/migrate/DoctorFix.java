package dev.ferry.migrate;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.migrate.run.RepairPlan;
import dev.ferry.migrate.run.Session;
import dev.ferry.ops.ProgressListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a doctor's repair plan: each step planned against the schema as the previous step left
 * it, all in one transaction where the engine has transactional DDL, with the engine's integrity
 * checks before commit. A failure rolls back (or, on MariaDB, stops and says what was done).
 */
final class DoctorFix {
    private final Session session;
    private final ProgressListener progress;

    DoctorFix(Session session, ProgressListener progress) {
        this.session = session;
        this.progress = progress;
    }

    List<DoctorReport.PlannedChange> apply(RepairPlan plan) {
        Connection c = session.connection();
        boolean transactional = session.support().transactionalDdl();
        List<DoctorReport.PlannedChange> done = new ArrayList<>();
        try {
            c.setAutoCommit(!transactional);
            for (RepairPlan.Step step : plan.steps()) {
                List<String> sql = step.change() == null ? List.of(step.nativeSql()) : session.support().changeSql(c, step.change());
                progress.note("Fixing: " + step.description());
                try (Statement s = c.createStatement()) {
                    for (String statement : sql) {
                        s.execute(statement);
                    }
                }
                done.add(new DoctorReport.PlannedChange(step.description(), sql));
            }
            session.support().checkIntegrity(c);
            if (transactional) {
                c.commit();
            }
            c.setAutoCommit(true);
            return done;
        } catch (SQLException | RuntimeException e) {
            String rolledBack = rollback(c, transactional);
            throw new FerryException(ErrorCode.MIGRATION_FAILED, "The repair failed after " + done.size() + " of "
                    + plan.steps().size() + " step(s): " + e.getMessage() + ". " + rolledBack, e);
        }
    }

    private String rollback(Connection c, boolean transactional) {
        try {
            if (transactional) {
                c.rollback();
            }
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // reported below as not rolled back
            return "The steps done so far may not have been rolled back.";
        }
        return transactional ? "Nothing was changed (rolled back)." : "The steps before it stay applied; run ferry doctor again.";
    }
}
