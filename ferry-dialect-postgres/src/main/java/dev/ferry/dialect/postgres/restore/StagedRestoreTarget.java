package dev.ferry.dialect.postgres.restore;

import dev.ferry.core.model.ForeignKey;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Sequence;
import dev.ferry.core.model.Table;
import dev.ferry.core.spi.ConnectionSpec;
import dev.ferry.core.spi.HalfRestored;
import dev.ferry.core.spi.RestoreTarget;
import dev.ferry.core.spi.RowCursor;
import dev.ferry.core.spi.RowSink;
import dev.ferry.core.spi.ServerInfo;
import dev.ferry.core.translate.TargetRules;
import dev.ferry.dialect.postgres.PostgresDialect;
import dev.ferry.dialect.postgres.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A restore into PostgreSQL with up to {@code jobs} connections that is still all or nothing: the
 * schema is built in a staging schema ({@link StagingLeftovers}), each table loaded and indexed on
 * its own connection, foreign keys validated and tables read back for the proof in parallel, and
 * {@link #commit()} moves everything into the target in one short transaction ({@link StagePublisher}).
 * Until then the target is not touched; {@link #rollback()} drops the staging schema, and one left by
 * a killed run is dropped by the next. A schema staging cannot build ({@link StagingPlan#refusal()})
 * is restored by the one-transaction {@link PostgresRestoreTarget} on the same connection, as are
 * restores into existing tables; {@link #takeNotes()} says which way was taken.
 */
public final class StagedRestoreTarget implements RestoreTarget {
    private final PostgresDialect dialect;
    private final ConnectionSpec spec;
    private final int jobs;
    private final Connection connection;
    private final PostgresRestoreTarget single;
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private boolean clean;
    private boolean staging;
    private String stage;
    private String namespace;
    private String savedPath;
    private StagingPlan plan;
    private StagingConnections pool;

    public StagedRestoreTarget(PostgresDialect dialect, ConnectionSpec spec, int jobs) throws SQLException {
        this.dialect = dialect;
        this.spec = spec;
        this.jobs = jobs;
        this.connection = dialect.connect(spec, false);
        this.single = new PostgresRestoreTarget(dialect, connection);
    }

    @Override
    public TargetRules targetRules() {
        return single.targetRules();
    }

    @Override
    public ServerInfo server() throws SQLException {
        return single.server();
    }

    @Override
    public List<String> existingObjects() throws SQLException {
        return single.existingObjects();
    }

    /** A target half-restored by an earlier checkpointed run is reported as such, whatever the job count. */
    @Override
    public HalfRestored halfRestored() throws SQLException {
        return single.halfRestored();
    }

    /** Removes abandoned staging schemas; the rest waits for {@link #createTables}, which knows whether staging fits. */
    @Override
    public void begin(boolean cleanFirst) throws SQLException {
        this.clean = cleanFirst;
        notes.addAll(StagingLeftovers.removeAbandoned(connection));
        connection.commit();
    }

    @Override
    public void beginExisting(List<Table> tables, boolean cleanFirst) throws SQLException {
        single.beginExisting(tables, cleanFirst);
    }

    @Override
    public void finishExisting(List<Table> tables) throws SQLException {
        single.finishExisting(tables);
    }

    @Override
    public void createTables(Schema schema) throws SQLException {
        namespace = namespaceOf(schema);
        String name = StagingLeftovers.newName(namespace == null ? "" : namespace);
        plan = namespace == null ? null : StagingPlan.of(schema, namespace, name);
        String refusal = namespace == null ? "the target connection has no current schema"
                : !mayCreateSchemas() ? "the user may not create a staging schema (no CREATE privilege on the database)"
                : plan.refusal();
        if (refusal != null) {
            notes.add("PostgreSQL: restoring in one transaction on one connection, not with " + jobs
                    + " jobs, because " + refusal + " (a staging schema cannot build such a schema)");
            single.begin(clean);
            single.createTables(schema);
            return;
        }
        StagingLeftovers.claim(connection, name);
        stage = name;
        staging = true;
        savedPath = currentSearchPath();
        single.run("Setting the search path to the staging schema", "SET search_path = " + Sql.quote(stage));
        new StageBuilder(single).create(plan.staged(), stage);
        connection.commit();
        pool = new StagingConnections(dialect, spec, stage);
        notes.add("PostgreSQL: loading with up to " + jobs + " connections into staging schema " + stage
                + ", moved into " + namespace + " in one transaction once proven");
    }

    private String namespaceOf(Schema schema) throws SQLException {
        for (Table t : schema.tables()) {
            if (t.name().schema() != null) {
                return t.name().schema();
            }
        }
        if (!schema.namespaces().isEmpty()) {
            return schema.namespaces().get(0);
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private boolean mayCreateSchemas() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT has_database_privilege(current_database(), 'CREATE')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private String currentSearchPath() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('search_path')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public RowSink load(Table table) throws SQLException {
        return staging ? StagedTableSink.open(table.name(), plan.staged(table), pool) : single.load(table);
    }

    @Override
    public int maxParallelLoads() {
        return staging ? jobs : 1;
    }

    /** Foreign keys added NOT VALID on this connection, validated in parallel; then sequence positions. */
    @Override
    public void finishSchema(Schema schema) throws SQLException {
        if (!staging) {
            single.finishSchema(schema);
            return;
        }
        List<Parallel.Task> validations = new ArrayList<>();
        for (Table original : schema.tables()) {
            Table t = plan.staged(original);
            for (ForeignKey fk : t.foreignKeys()) {
                String step = "Adding foreign key " + fk.name() + " on " + original.name() + " referencing " + fk.referencedTable().name();
                single.run(step, Ddl.addForeignKey(t, fk) + (fk.name() == null ? "" : " NOT VALID"));
                if (fk.name() != null) {
                    validations.add(() -> validate(step, t, fk));
                }
            }
        }
        connection.commit();
        Parallel.run(jobs, validations);
        SequencePositioner positioner = new SequencePositioner(connection);
        for (Sequence s : plan.staged().sequences()) {
            try {
                positioner.position(s);
            } catch (SQLException e) {
                throw RestoreErrors.failed("Setting the position of sequence " + s.name().name(), e);
            }
        }
        connection.commit();
    }

    private void validate(String step, Table t, ForeignKey fk) throws SQLException {
        Connection c = pool.borrow();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + Sql.qualified(t.name()) + " VALIDATE CONSTRAINT " + Sql.quote(fk.name()));
            c.commit();
        } catch (SQLException e) {
            pool.discard(c);
            throw RestoreErrors.failed(step, e);
        }
        pool.giveBack(c);
    }

    @Override
    public RowCursor read(Table table) throws SQLException {
        if (!staging) {
            return single.read(table);
        }
        Connection c = pool.borrow();
        try {
            return new PooledCursor(dialect.readRows(c, plan.staged(table)), c, pool);
        } catch (SQLException | RuntimeException e) {
            pool.discard(c);
            throw e;
        }
    }

    @Override
    public int maxParallelReads() {
        return staging ? jobs : 1;
    }

    @Override
    public List<String> takeNotes() {
        synchronized (notes) {
            List<String> out = List.copyOf(notes);
            notes.clear();
            return out;
        }
    }

    /** Publishes: one transaction moves the staged objects into the target (see {@link StagePublisher}). */
    @Override
    public void commit() throws SQLException {
        if (!staging) {
            single.commit();
            return;
        }
        pool.close();
        single.run("Restoring the search path", "SELECT set_config('search_path', " + Sql.literal(savedPath) + ", false)");
        new StagePublisher(single, stage, namespace).publish(plan.original(), plan.staged(), plan.rewrittenDefaults(), clean,
                connection);
        connection.commit();
        staging = false;
        try {
            StagingLeftovers.release(connection, stage);
        } catch (SQLException published) {
            // the restore is committed; the lock ends with the session anyway
        }
    }

    /** Abandons the workers' transactions and drops the staging schema (on a fresh connection if this one died). */
    @Override
    public void rollback() throws SQLException {
        if (!staging) {
            single.rollback();
            return;
        }
        if (pool != null) {
            pool.close();
        }
        staging = false;
        try {
            connection.rollback();
            dropStage(connection);
            StagingLeftovers.release(connection, stage);
        } catch (SQLException e) {
            try (Connection fresh = dialect.connect(spec, false)) {
                dropStage(fresh);
            }
        }
    }

    private void dropStage(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + Sql.quote(stage) + " CASCADE");
        } finally {
            c.setAutoCommit(auto);
        }
    }

    @Override
    public void close() throws SQLException {
        if (pool != null) {
            pool.close();
        }
        connection.close();
    }
}
