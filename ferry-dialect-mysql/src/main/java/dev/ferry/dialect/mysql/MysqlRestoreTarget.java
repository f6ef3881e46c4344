package dev.ferry.dialect.mysql;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.error.FerryException;
import dev.ferry.core.model.Column;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Sequence;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.CheckpointTable;
import dev.ferry.core.spi.CheckpointWriter;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.HalfRestored;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.spi.RowSink;
import dev.ferry.core.translate.TargetRules;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
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
    private final List<String> createdInTarget = new ArrayList<>();
    private String stage;
    private boolean clean;
    private boolean direct;
    private Schema schema;
    private SchemaObjects directObjects;
    private String note = "";
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
        return note;
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
            note = "resumed in staging database " + stage + ", published with one atomic RENAME TABLE";
            sessionSettings();
            return;
        }
        if (cleanFirst) {
            StagedCheckpoints.dropAll(connection, target);
        }
        begin(cleanFirst);
        if (!direct) {
            StagedCheckpoints.create(connection, stage, target, archiveId);
        }
    }

    /** Rows are committed as they are inserted; the checkpoint row vouches that a table's load finished. */
    @Override
    public synchronized void checkpoint(String item, long rows, String hash) throws SQLException {
        if (archive != null && !direct) {
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
            Sql.execute(connection, "CREATE DATABASE " + Sql.quote(name) + databaseOptions());
            stage = name;
            note = "loaded into staging database " + name + ", published with one atomic RENAME TABLE"
                    + (abandoned.isEmpty() ? "" : "; dropped " + String.join(", ", abandoned) + " of interrupted restores");
        } catch (SQLException e) {
            if (!RestoreErrors.isPermissionDenied(e)) {
                throw e;
            }
            beginDirect(e);
        }
        sessionSettings();
    }

    private void sessionSettings() throws SQLException {
        Sql.execute(connection, "SET foreign_key_checks = 0");
        try {
            Sql.execute(connection, "SET SESSION explicit_defaults_for_timestamp = 1");
        } catch (SQLException readOnlyOnThisServer) {
            // older servers: DDL states NULL/NOT NULL and DEFAULT explicitly anyway
        }
    }

    private void beginDirect(SQLException why) throws SQLException {
        direct = true;
        stage = target;
        note = "no privilege to create a staging database (" + why.getMessage() + "): restoring directly into "
                + target + "; a rollback drops exactly the objects this restore created";
        if (clean) {
            note += "; --clean dropped the existing objects first, which a rollback cannot bring back";
            dropExisting();
        }
    }

    private void dropExisting() throws SQLException {
        Schema old = new SchemaReader(connection, target).read();
        for (var o : old.nativeObjects()) {
            Sql.execute(connection, SchemaObjects.dropSql(o.kind(), target, o.name().name()));
        }
        for (var v : old.views()) {
            Sql.execute(connection, SchemaObjects.dropSql("view", target, v.name().name()));
        }
        Sql.execute(connection, "SET foreign_key_checks = 0");
        for (String t : TargetInventory.tables(connection, target)) {
            Sql.execute(connection, "DROP TABLE " + Sql.qualified(target, t));
        }
    }

    private String databaseOptions() throws SQLException {
        try (var ps = connection.prepareStatement("SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME "
                + "FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, target);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? " CHARACTER SET " + rs.getString(1) + " COLLATE " + rs.getString(2) : "";
            }
        }
    }

    @Override
    public void createTables(Schema restored) throws SQLException {
        this.schema = restored;
        for (Sequence q : restored.sequences()) {
            Sql.execute(connection, MysqlDdl.createSequence(q, stage));
            createdInTarget.add(q.name().name());
            Sql.execute(connection, MysqlDdl.setSequence(q, stage));
        }
        for (Table t : restored.tables()) {
            try {
                Sql.execute(connection, MysqlDdl.createTable(t, stage));
            } catch (SQLException e) {
                throw new FerryException(ErrorCode.RESTORE_FAILED, "Creating table " + t.name() + " failed: "
                        + e.getMessage(), e);
            }
            createdInTarget.add(t.name().name());
        }
    }

    /**
     * Loads into the app's own tables inside one InnoDB transaction on this connection, with
     * foreign_key_checks off until {@link #finishExisting} verifies every key by query; a rollback
     * undoes the deletes and inserts (no DDL is run, so nothing commits implicitly). Triggers on the
     * tables fire: MariaDB cannot suspend them; the proof catches any row they change.
     */
    @Override
    public void beginExisting(List<Table> tables, boolean cleanFirst) throws SQLException {
        existing = true;
        stage = target;
        note = "loaded into the existing tables of " + target + " in one transaction";
        connection.setAutoCommit(false);
        Sql.execute(connection, "SET foreign_key_checks = 0");
        if (cleanFirst) {
            for (Table t : tables) {
                Sql.execute(connection, "DELETE FROM " + Sql.qualified(target, t.name().name()));
            }
        }
    }

    @Override
    public void finishExisting(List<Table> tables) throws SQLException {
        java.util.Set<String> loaded = new java.util.HashSet<>();
        tables.forEach(t -> loaded.add(t.name().name()));
        for (Table t : new SchemaReader(connection, target).read().tables()) {
            boolean involved = loaded.contains(t.name().name())
                    || t.foreignKeys().stream().anyMatch(fk -> loaded.contains(fk.referencedTable().name()));
            if (involved) {
                ForeignKeyCheck.verify(connection, target, t);
            }
        }
        Sql.execute(connection, "SET foreign_key_checks = 1");
    }

    @Override
    public RowSink load(Table table) throws SQLException {
        if (existing) {
            return new BatchInsertSink(connection, target, table, false, null);
        }
        Connection c = MysqlConnector.open(spec, false);
        try {
            Sql.execute(c, "SET foreign_key_checks = 0");
            return new BatchInsertSink(c, stage, table, true, checkpointsOn(c));
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /**
     * In a checkpointed staging restore, a load's rows commit only with their checkpoints, in one
     * transaction on the load's own connection, so a kill leaves exactly the checkpointed rows. Null
     * otherwise: rows commit as they are inserted (a transfer, whose staging database a failure drops;
     * direct mode, where no checkpoints are kept).
     */
    private CheckpointWriter checkpointsOn(Connection c) throws SQLException {
        if (archive == null || direct) {
            return null;
        }
        c.setAutoCommit(false);
        String checkpoints = StagedCheckpoints.table(stage);
        return (item, rows, hash) -> CheckpointTable.commit(c, checkpoints, archive, item, rows, hash);
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
            Long next = nextAutoIncrement(t);
            if (next != null) {
                Sql.execute(connection, MysqlDdl.setAutoIncrement(t, stage, next));
            }
        }
        SchemaObjects objects = new SchemaObjects(connection, stage);
        try {
            objects.createAll(restored);
            if (!direct) {
                objects.dropViewsAndTriggers();
            }
        } catch (SQLException e) {
            objects.dropCreated();
            throw new FerryException(ErrorCode.RESTORE_FAILED, "A view, routine or trigger could not be created: "
                    + e.getMessage(), e);
        }
        directObjects = direct ? objects : null;
    }

    private static Long nextAutoIncrement(Table t) {
        return t.columns().stream().map(Column::identity).filter(i -> i != null && i.nextValue() != null)
                .map(i -> i.nextValue()).findFirst().orElse(null);
    }

    @Override
    public RowCursor read(Table table) throws SQLException {
        if (existing) {
            return MysqlRowCursor.open(connection, qualified(table, target));
        }
        Connection c = MysqlConnector.open(spec, true);
        try {
            return new OwnedCursor(MysqlRowCursor.open(c, qualified(table, stage)), c);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    private static Table qualified(Table table, String database) {
        return new Table(new QualifiedName(database, table.name().name()), table.columns(), table.primaryKey(),
                table.uniques(), table.foreignKeys(), table.indexes(), table.checks(), table.options(),
                table.comment(), table.estimatedRows());
    }

    @Override
    public void commit() throws SQLException {
        if (existing) {
            connection.commit();
            stage = null;
            return;
        }
        if (!direct && stage != null) {
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
        if (direct) {
            if (directObjects != null) {
                directObjects.dropCreated();
            }
            for (int i = createdInTarget.size() - 1; i >= 0; i--) {
                Sql.execute(connection, "DROP TABLE IF EXISTS " + Sql.qualified(target, createdInTarget.get(i)));
            }
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
