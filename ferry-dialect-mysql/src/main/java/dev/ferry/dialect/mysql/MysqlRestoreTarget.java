package dev.ferry.dialect.mysql;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Sequence;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.CheckpointTable;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.HalfRestored;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.spi.RowSink;
import dev.ferry.core.translate.TargetRules;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A restore into one MariaDB/MySQL database. MariaDB DDL is not transactional, so the unit is a
 * staging database {@code ferry_stage_<random>}: tables are created and loaded there (each load on
 * its own connection, with foreign_key_checks=0), foreign keys are then verified by query, views,
 * routines and triggers are tried out there, and {@link #commit()} publishes everything with one
 * atomic RENAME TABLE ({@link StagedPublish}). {@link #rollback()} drops the staging database; the
 * target is never touched before the commit; staging left by a killed restore is dropped by the next
 * one ({@link AbandonedStaging}). Where the user may not create a database, tables are
 * created in the target itself and a rollback drops exactly what was created ({@link #note()} says so).
 */
public final class MysqlRestoreTarget implements RestoreTarget {
    static final String STAGE_PREFIX = "ferry_stage_";
    static final String TRASH_PREFIX = "ferry_trash_";

    private final ConnectionSpec spec;
    private final Connection connection;
    private final String target;
    private final String suffix;
    private String stage;
    private boolean clean;
    private DirectRestore direct;
    private Schema schema;
    private final StringBuilder note = new StringBuilder();
    private boolean existing;
    private String archive;

    private MysqlRestoreTarget(ConnectionSpec spec, Connection connection, String target) {
        this.spec = spec;
        this.connection = connection;
        this.target = target;
        this.suffix = stagingSuffix(target) + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
    }

    static MysqlRestoreTarget open(ConnectionSpec spec) throws SQLException {
        Connection c = MysqlConnector.open(spec, false);
        String db = Sql.currentDatabase(c);
        if (db == null) {
            c.close();
            throw new FerryException(ErrorCode.USAGE, "The target URL " + spec + " names no database; add one, "
                    + "e.g. jdbc:mariadb://host:3306/mydb");
        }
        return new MysqlRestoreTarget(spec, c, db);
    }

    /**
     * The start of the suffix of every staging and trash database of restores into {@code target}: six
     * hex digits of a hash of its name, so leftovers can be traced to the database they were for.
     */
    static String stagingSuffix(String target) {
        return String.format(Locale.ROOT, "%06x_", target.hashCode() & 0xFFFFFF);
    }

    /** How the restore is being done, for the user: staging database, or directly in the target. */
    public String note() {
        return note.toString();
    }

    /** Where tables are being created: the staging database, or the target in direct mode. */
    String workDatabase() {
        return stage;
    }

    @Override
    public TargetRules targetRules() throws SQLException {
        try (var s = connection.createStatement(); var rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            return MysqlTargetRules.forVersion(rs.getString(1));
        }
    }

    @Override
    public List<String> existingObjects() throws SQLException {
        return TargetInventory.objects(connection, target);
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    /** A killed restore leaves its staging database behind, so every restore records checkpoints there. */
    @Override
    public boolean checkpointsAlways() {
        return true;
    }

    @Override
    public HalfRestored halfRestored() throws SQLException {
        List<String> stages = StagedCheckpoints.find(connection, target);
        return stages.isEmpty() ? null : CheckpointTable.read(connection, StagedCheckpoints.table(stages.get(0)));
    }

    /**
     * A new staging database with a checkpoint table (in direct mode no checkpoints are kept), or with
     * {@code resume} the newest half-restored staging database of this target. With {@code clean},
     * half-restored staging databases of this target are dropped first.
     */
    @Override
    public void beginCheckpointed(String archiveId, boolean cleanFirst, boolean resume) throws SQLException {
        this.archive = archiveId;
        if (resume) {
            this.clean = cleanFirst;
            stage = StagedCheckpoints.find(connection, target).get(0);
            note.setLength(0);
            note.append("resumed in staging database ").append(stage).append(", published with one atomic RENAME TABLE");
            MysqlConnector.restoreSession(connection);
            return;
        }
        if (cleanFirst) {
            StagedCheckpoints.dropAll(connection, target);
        }
        begin(cleanFirst);
        if (direct == null) {
            StagedCheckpoints.create(connection, stage, target, archiveId);
        }
    }

    /** The schema's checkpoint; rows are checkpointed on their load's own connection ({@link StagedLoads}). */
    @Override
    public synchronized void checkpoint(String item, long rows, String hash) throws SQLException {
        if (archive != null && direct == null) {
            CheckpointTable.record(connection, StagedCheckpoints.table(stage), archive, item, rows, hash);
        }
    }

    /**
     * An interrupted restore's checkpoints are in its staging database, the target untouched; a new
     * restore without --resume drops that database ({@link AbandonedStaging}) and starts over.
     */
    @Override
    public boolean unfinishedWorkApart() {
        return true;
    }

    /** Keeps the staging database and its checkpoints for a resume. */
    @Override
    public void abandon() {
        stage = null;
    }

    @Override
    public void begin(boolean cleanFirst) throws SQLException {
        this.clean = cleanFirst;
        String name = STAGE_PREFIX + suffix;
        AbandonedStaging.hold(connection, suffix);
        List<String> abandoned = AbandonedStaging.drop(connection, target);
        try {
            Sql.execute(connection, "CREATE DATABASE " + Sql.quote(name) + TargetInventory.charsetClause(connection, target));
            stage = name;
            note.append("loaded into staging database ").append(name).append(", published with one atomic RENAME TABLE")
                    .append(abandoned.isEmpty() ? "" : "; dropped " + String.join(", ", abandoned) + " of interrupted restores");
        } catch (SQLException e) {
            if (!RestoreErrors.isPermissionDenied(e)) {
                throw e;
            }
            direct = DirectRestore.begin(connection, target, e, clean, note);
            stage = target;
        }
        MysqlConnector.restoreSession(connection);
    }

    @Override
    public void createTables(Schema restored) throws SQLException {
        this.schema = restored;
        for (Sequence q : restored.sequences()) {
            Sql.execute(connection, MysqlDdl.createSequence(q, stage));
            created(q.name().name());
            Sql.execute(connection, MysqlDdl.setSequence(q, stage));
        }
        for (Table t : restored.tables()) {
            try {
                Sql.execute(connection, MysqlDdl.createTable(t, stage));
            } catch (SQLException e) {
                throw new FerryException(ErrorCode.RESTORE_FAILED, "Creating table " + t.name() + " failed: "
                        + e.getMessage(), e);
            }
            created(t.name().name());
        }
    }

    private void created(String name) {
        if (direct != null) {
            direct.created(name);
        }
    }

    /** See {@link ExistingTablesLoad}. */
    @Override
    public void beginExisting(List<Table> tables, boolean cleanFirst) throws SQLException {
        existing = true;
        stage = target;
        note.setLength(0);
        note.append("loaded into the existing tables of ").append(target).append(" in one transaction");
        ExistingTablesLoad.begin(connection, target, tables, cleanFirst);
    }

    @Override
    public void finishExisting(List<Table> tables) throws SQLException {
        ExistingTablesLoad.finish(connection, target, tables);
    }

    @Override
    public RowSink load(Table table) throws SQLException {
        if (existing) {
            return new BatchInsertSink(connection, target, table, false, null);
        }
        return StagedLoads.load(spec, stage, table, direct == null ? archive : null);
    }

    /** Every load has its own connection into the staging database (into existing tables: one transaction). */
    @Override
    public int maxParallelLoads() {
        return existing ? 1 : 8;
    }

    @Override
    public void finishSchema(Schema restored) throws SQLException {
        this.schema = restored;
        for (Table t : restored.tables()) {
            ForeignKeyCheck.verify(connection, stage, t);
            Long next = MysqlDdl.nextAutoIncrement(t);
            if (next != null) {
                Sql.execute(connection, MysqlDdl.setAutoIncrement(t, stage, next));
            }
        }
        SchemaObjects objects = new SchemaObjects(connection, stage);
        try {
            objects.createAll(restored);
            if (direct == null) {
                objects.dropViewsAndTriggers();
            }
        } catch (SQLException e) {
            objects.dropCreated();
            throw new FerryException(ErrorCode.RESTORE_FAILED, "A view, routine or trigger could not be created: "
                    + e.getMessage(), e);
        }
        if (direct != null) {
            direct.objects(objects);
        }
    }

    @Override
    public RowCursor read(Table table) throws SQLException {
        if (existing) {
            return MysqlRowCursor.open(connection, MysqlDdl.inDatabase(table, target));
        }
        return StagedLoads.read(spec, stage, table);
    }

    @Override
    public void commit() throws SQLException {
        if (existing) {
            connection.commit();
            stage = null;
            return;
        }
        if (direct == null && stage != null) {
            Schema published = schema != null ? schema : new Schema(null, null, null, List.of(), null, null);
            new StagedPublish(connection, stage, target, TRASH_PREFIX + suffix).publish(published, clean);
            Sql.execute(connection, "DROP DATABASE IF EXISTS " + Sql.quote(stage));
        }
        stage = null;
    }

    @Override
    public void rollback() throws SQLException {
        if (stage == null) {
            return;
        }
        if (existing) {
            connection.rollback();
            Sql.execute(connection, "SET foreign_key_checks = 1");
            stage = null;
            return;
        }
        Sql.execute(connection, "SET foreign_key_checks = 0");
        if (direct != null) {
            direct.rollback();
        } else {
            Sql.execute(connection, "DROP DATABASE IF EXISTS " + Sql.quote(stage));
        }
        stage = null;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
