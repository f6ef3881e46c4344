package dev.ferry.migrate;

import dev.ferry.core.archive.Manifest;
import dev.ferry.core.diff.SchemaDiff;
import dev.ferry.core.diff.SchemaDifference;
import dev.ferry.core.model.Schema;
import dev.ferry.migrate.history.History;
import dev.ferry.migrate.history.HistoryRow;
import dev.ferry.migrate.run.ExpectedSchema;
import dev.ferry.migrate.run.HeldLock;
import dev.ferry.migrate.run.PreMigrationBackup;
import dev.ferry.migrate.run.RepairPlan;
import dev.ferry.migrate.run.SchemaFingerprint;
import dev.ferry.migrate.run.Session;
import dev.ferry.migrate.set.Migration;
import dev.ferry.ops.MigrationHistoryReader;
import dev.ferry.ops.ProgressListener;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drift detection and repair: builds the schema the applied migrations should have produced (in a
 * throw-away database of the same engine), compares it with the live schema, and prints the
 * differences, the migration each missing object comes from, and a repair plan with its SQL. With
 * {@code fix}, it takes the lock, backs up, applies the plan ({@link DoctorFix}), compares again and,
 * if the schema now matches, records its fingerprint so {@code status} is clean. It also reads other
 * tools' histories (Flyway, Liquibase, Alembic, Django) to say which version the database claims.
 */
public final class Doctor {
    private final MigrationSettings settings;
    private final boolean fix;
    private final ProgressListener progress;

    public Doctor(MigrationSettings settings, boolean fix, ProgressListener progress) {
        this.settings = settings;
        this.fix = fix;
        this.progress = progress;
    }

    public DoctorReport run() {
        try (Session session = Session.open(settings, !fix)) {
            List<Migration> all = session.migrations();
            History history = session.readHistory();
            Schema live = introspect(session);
            ExpectedSchema expected = ExpectedSchema.build(session, all, history.applied().keySet(), progress);
            List<SchemaDifference> differences = diff(expected.schema(), live);
            RepairPlan plan = new RepairPlan(differences, expected.schema());
            List<DoctorReport.Finding> findings = differences.stream().map(d -> new DoctorReport.Finding(d.describe(),
                    origin(expected, d))).toList();
            String from = expected.migrations() + " applied migration(s) replayed on a " + expected.builtIn();
            if (!fix || plan.steps().isEmpty()) {
                return report(session, history, live, from, findings, planned(session, plan), plan.manual(), false, null);
            }
            try (HeldLock lock = HeldLock.acquire(session, progress)) {
                Path backup = settings.backup() ? PreMigrationBackup.take(session, "doctor-fix", progress) : null;
                List<DoctorReport.PlannedChange> applied = new DoctorFix(session, progress).apply(plan);
                boolean clean = diff(expected.schema(), introspect(session)).isEmpty();
                if (clean) {
                    recordFingerprint(session, history);
                }
                return report(session, history, live, from, findings, applied, plan.manual(), clean, backup);
            }
        } finally {
            progress.done();
        }
    }

    private List<SchemaDifference> diff(Schema expected, Schema live) {
        return new SchemaDiff(n -> SchemaFingerprint.isFerryTable(n.name())).compare(expected, live);
    }

    private static String origin(ExpectedSchema expected, SchemaDifference d) {
        return switch (d.kind()) {
            case MISSING_TABLE -> expected.origin("table", d.table().name());
            case MISSING_COLUMN, COLUMN_TYPE, COLUMN_NULLABILITY, COLUMN_DEFAULT ->
                    expected.origin("column", d.table().name() + "." + d.object());
            default -> null;
        };
    }

    /** The plan's SQL, each step planned against the current schema (a later SQLite rebuild is re-planned when run). */
    private static List<DoctorReport.PlannedChange> planned(Session session, RepairPlan plan) {
        List<DoctorReport.PlannedChange> out = new ArrayList<>();
        for (RepairPlan.Step step : plan.steps()) {
            try {
                out.add(new DoctorReport.PlannedChange(step.description(), step.change() == null ? List.of(step.nativeSql())
                        : session.support().changeSql(session.connection(), step.change())));
            } catch (SQLException | RuntimeException e) {
                out.add(new DoctorReport.PlannedChange(step.description(), List.of("-- cannot plan yet: " + e.getMessage())));
            }
        }
        return out;
    }

    private DoctorReport report(Session session, History history, Schema live, String from, List<DoctorReport.Finding> findings,
                                List<DoctorReport.PlannedChange> plan, List<String> manual, boolean fixed, Path backup) {
        Map<String, String> claimed = new LinkedHashMap<>();
        history.applied().values().forEach(r -> claimed.put(r.module(), r.version()));
        return new DoctorReport(session.server().database(), claimed, foreignHistories(session, live), from, findings, plan,
                manual, fixed, backup);
    }

    private static List<String> foreignHistories(Session session, Schema live) {
        try {
            List<String> out = new ArrayList<>();
            for (Manifest.MigrationHistory h : new MigrationHistoryReader(session.dialect(), session.connection()).read(live.tables())) {
                out.add(h.tool() + " (" + h.table() + "): " + h.latest().stream().map(a -> a.module().equals(h.tool())
                        ? a.version() : a.module() + " " + a.version()).toList());
            }
            return out;
        } catch (SQLException e) {
            throw session.failure("Cannot read other tools' migration histories", e);
        }
    }

    private static void recordFingerprint(Session session, History history) {
        List<HistoryRow> rows = history.rows();
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (Boolean.TRUE.equals(rows.get(i).success())) {
                try {
                    session.history().setSchemaHash(session.connection(), rows.get(i).rank(),
                            SchemaFingerprint.of(session.dialect(), session.connection()));
                } catch (SQLException e) {
                    throw session.failure("Cannot record the repaired schema's fingerprint", e);
                }
                return;
            }
        }
    }

    private static Schema introspect(Session session) {
        try {
            return session.dialect().introspect(session.connection(), List.of());
        } catch (SQLException e) {
            throw session.failure("Cannot read the live schema", e);
        }
    }
}
